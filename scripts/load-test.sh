#!/usr/bin/env bash
# Load (issue 16, docs/BENCHMARKS.md): the release server on the demo base, loaded by wrk from the same machine.
#   1. /health, for reference;
#   2. GET /api/v1/ejs?limit=20 with a token, then the same with pages at random offsets (no two alike);
#   3. both again while imports of IMPORT_LINES-line files (100 000 by default, the target scale) run one after the
#      other, under `nice -n IMPORT_NICE` (0 by default);
#   4. 200 connections mixing pages (signed in) and API calls for 60 s, imports still running.
#   scripts/load-test.sh [SECONDS]      (SECONDS per run of 2 and 3, 30 by default)
# Every run must end without a socket error nor an answer other than 2xx/3xx.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
lines=${IMPORT_LINES:-100000}
# Imports run at the server's own priority by default; IMPORT_NICE=10 runs them as a scheduled batch job would.
import_nice=${IMPORT_NICE:-0}
scripts/install-system-packages.sh wrk curl
swift build -c release --product eclaire && swift build -c release --product eclaire-bench
eclaire=$PWD/.build/release/eclaire
bench=$PWD/.build/release/eclaire-bench
work=$(mktemp -d)
server="" importer=""
cleanup() { kill $server $importer 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export OMP_THREAD_LIMIT=1

db="sqlite://$work/demo.sqlite"
"$eclaire" demo --database "$work/demo.sqlite" --no-serve >/dev/null
secret=$("$eclaire" tokens create --database "$db" --name charge --scope read_spending --scope read_budgets \
  --rate 1000000 | grep -o 'ecl_[A-Za-z0-9_-]*' | head -1)
port=$((20000 + RANDOM % 20000))
"$eclaire" serve --database "$db" --port "$port" >"$work/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fs "$base/health" >/dev/null && break; sleep 0.2; done
# A session for the pages: the sign-in form's token, then the cookie.
form=$(curl -fs -c "$work/cookies" "$base/connexion" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -b "$work/cookies" -c "$work/cookies" -o /dev/null --data-urlencode "login=budget" \
  --data-urlencode "password=budget-demo-eclaire" --data-urlencode "csrf=$form" --data-urlencode "suite=/" "$base/connexion"
session=$(awk '$6 == "eclaire_session" { print $7 }' "$work/cookies")
[ -n "$session" ] || { echo "sign-in failed"; exit 1; }
ej=$(curl -fs -H "Authorization: Bearer $secret" "$base/api/v1/ejs?limit=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['items'][0]['ej'])")

cat > "$work/random-offsets.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $secret"
request = function()
  return wrk.format("GET", "/api/v1/ejs?limit=20&offset=" .. math.random(0, 5000))
end
LUA
cat > "$work/mixed.lua" <<LUA
local paths = {
  {"/", true}, {"/ej/$ej", true}, {"/produits", true}, {"/anomalies", true}, {"/rapprochement", true},
  {"/api/v1/ejs?limit=20", false}, {"/api/v1/ejs?limit=20&offset=40", false}, {"/api/v1/ejs/$ej", false},
  {"/api/v1/products", false}, {"/api/v1/portfolio", false},
}
request = function()
  local choice = paths[math.random(#paths)]
  local headers = {}
  if choice[2] then headers["Cookie"] = "eclaire_session=$session" else headers["Authorization"] = "Bearer $secret" end
  return wrk.format("GET", choice[1], headers)
end
LUA

failures=0
run() { # label, wrk arguments…
  local label=$1; shift
  wrk --latency "$@" > "$work/wrk.out" 2>&1
  local rate p99 errors
  rate=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.out")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.out")
  errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.out" | tr -s ' ' | tr '\n' ' ' || true)
  printf '%-62s %9s req/s  p99 %8s  %s\n' "$label" "$rate" "$p99" "${errors:-0 errors}"
  [ -z "$errors" ] || failures=$((failures + 1))
}

run "/health (50 connections)" -t2 -c50 -d10s "$base/health"
run "/api/v1/ejs?limit=20, token (50 connections)" -t2 -c50 -d"${seconds}s" -H "Authorization: Bearer $secret" "$base/api/v1/ejs?limit=20"
run "/api/v1/ejs?limit=20&offset=random, token (50 connections)" -t2 -c50 -d"${seconds}s" -s "$work/random-offsets.lua" "$base"

# Imports one after the other during the runs below, each of a file not seen before (the same lines, then as many
# blank lines as the round's number): every import is a new version of the base that the caches must follow.
"$bench" generate --lines "$lines" "$work/import.csv" >/dev/null
( for round in $(seq 1 200); do
    cp "$work/import.csv" "$work/round.csv"; printf '\n%.0s' $(seq 1 "$round") >> "$work/round.csv"
    nice -n "$import_nice" "$eclaire" import --database "$db" "$work/round.csv" >/dev/null 2>&1 || true
  done ) &
importer=$!
sleep 2
run "/api/v1/ejs?limit=20, token, during imports" -t2 -c50 -d"${seconds}s" -H "Authorization: Bearer $secret" "$base/api/v1/ejs?limit=20"
run "/api/v1/ejs?limit=20&offset=random, token, during imports" -t2 -c50 -d"${seconds}s" -s "$work/random-offsets.lua" "$base"
run "200 connections, pages and API mixed, 60 s, during imports" -t2 -c200 -d60s --timeout 10s -s "$work/mixed.lua" "$base"
kill "$importer" 2>/dev/null || true; wait "$importer" 2>/dev/null || true; importer=""
echo "imports during the runs: $(curl -fs -H "Authorization: Bearer $secret" "$base/api/v1/imports" | python3 -c "import json,sys; d = json.load(sys.stdin); print(len(d['items'] if isinstance(d, dict) else d))") files in the base"
[ "$failures" -eq 0 ]
