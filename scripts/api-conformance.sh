#!/usr/bin/env bash
# Checks the running server against its own description (/api/v1/openapi.json) with schemathesis (from PyPI, in a
# throw-away virtualenv): a fresh demo database, a token holding every scope, property-based requests on every
# operation; fails on a server error or on a response that breaks the description. Needs the built `eclaire`
# (.build/debug, or ECLAIRE_BIN).
set -euo pipefail
cd "$(dirname "$0")/.."
eclaire=${ECLAIRE_BIN:-.build/debug/eclaire}
venv=${ECLAIRE_SCHEMATHESIS_VENV:-.build/schemathesis-venv}
port=${ECLAIRE_CONFORMANCE_PORT:-18081}
examples=${ECLAIRE_CONFORMANCE_EXAMPLES:-40}
work=$(mktemp -d)
[ -n "${ECLAIRE_CONFORMANCE_KEEP:-}" ] && echo "work folder: $work"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; [ -n "${ECLAIRE_CONFORMANCE_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

if [ ! -x "$venv/bin/schemathesis" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv" 2>/dev/null || { scripts/install-system-packages.sh python3-venv python3-pip && python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi

"$eclaire" demo --no-serve --database "$work/demo.sqlite" >/dev/null
token=$("$eclaire" tokens create --database "sqlite://$work/demo.sqlite" --name schemathesis --rate 100000 \
  --scope read_spending --scope read_documents --scope read_budgets --scope write_corrections --scope write_documents 2>/dev/null)
"$eclaire" serve --database "sqlite://$work/demo.sqlite" --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done

status=0
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/api/v1/openapi.json" --url "http://127.0.0.1:$port" \
  -H "Authorization: Bearer $token" --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "$examples" --seed 2025 --workers 1 --no-color --report junit --report-dir "$work/report" || status=$?
if [ "$status" != 0 ]; then
  echo "--- server log (last lines)"; tail -n 40 "$work/server.log"
fi
exit "$status"
