#!/usr/bin/env bash
# Faults, with the real binaries (issue 16): a worker killed with -9 while it reads, an import killed with -9, two
# workers sharing a PostgreSQL queue, a full disk under the documents and under the database.
#   scripts/fault-test.sh            (ECLAIRE_TEST_POSTGRES_URL set: the PostgreSQL part runs too)
# Each check prints PASS or FAIL; the script fails if one does. The full-disk part needs to mount a small tmpfs
# (root); where that is not permitted it says so and is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
eclaire=$PWD/.build/debug/eclaire
bench=$PWD/.build/debug/eclaire-bench
[ -x "$eclaire" ] && [ -x "$bench" ] || swift build
fixtures=$PWD/Tests/TestSupport/Fixtures
work=$(mktemp -d)
full=""
cleanup() {
  jobs -p | xargs -r kill -9 2>/dev/null || true
  [ -n "$full" ] && umount "$full" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export OMP_THREAD_LIMIT=1
passed=0 failed=0
check() { # name, command…
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "PASS: $name"; else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
sql() { # database file, query — one value per line
  python3 -c "import sqlite3,sys; [print(*r, sep='|') for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]" "$@"
}

# Distinct scanned documents (the store keeps a file once by its content): copies of a scan, each with a comment
# after its end, which PDF readers ignore.
mkdir -p "$work/scans"
for i in $(seq 1 10); do
  cp "$fixtures/documents/checkbox-scan.pdf" "$work/scans/scan-$i.pdf"
  printf '\n%% copie %s\n' "$i" >> "$work/scans/scan-$i.pdf"
done
ej=2103105755

# 1. A worker killed with -9 in the middle of its reading: the next worker of this machine takes its jobs back at
#    once (not after 15 minutes) and reads everything; no job is left running.
db="$work/kill.sqlite"
"$eclaire" import --database "sqlite://$db" "$fixtures/chorus_ae.csv" >/dev/null
"$eclaire" documents add --database "sqlite://$db" "$ej" "$work/scans" >/dev/null
DATABASE_URL="sqlite://$db" ECLAIRE_SECRET_FOR_TEST=x "$eclaire" work --workers 2 >/dev/null 2>&1 &
worker=$!
for _ in $(seq 1 100); do [ "$(sql "$db" "SELECT COUNT(*) FROM document_jobs WHERE state='running'")" -gt 0 ] && break; sleep 0.1; done
sleep 1
# The reader processes (the sandbox): no database address nor secret in their environment, files and CPU bounded.
reader=$(pgrep -f '[e]xtract --serve-records' | head -1)
check "a reader runs beside the worker (pid ${reader:-none})" test -n "$reader"
check "  without DATABASE_URL nor other secrets in its environment" \
  bash -c "! tr '\\0' '\\n' < /proc/$reader/environ | grep -qE '^(DATABASE_URL|ECLAIRE_SECRET_FOR_TEST)='"
check "  with its files capped at 256 MB" grep -qE "^Max file size +268435456 " "/proc/$reader/limits"
check "  with its CPU time capped" bash -c "! grep -qE '^Max cpu time +unlimited ' /proc/$reader/limits"
check "  with its memory capped" bash -c "! grep -qE '^Max address space +unlimited ' /proc/$reader/limits"
check "  at a lower priority than the server (nice 10)" bash -c "[ \"\$(ps -o ni= -p $reader | tr -d ' ')\" = 10 ]"
check "  forbidden on every thread to start a program, a process or an Internet socket (seccomp filter)" \
  bash -c "! grep -L -E '^Seccomp:\s+2\$' /proc/$reader/task/*/status | grep -q . && grep -qE '^NoNewPrivs:\s+1\$' /proc/$reader/status"
kill -9 "$worker"; wait "$worker" 2>/dev/null || true
running=$(sql "$db" "SELECT COUNT(*) FROM document_jobs WHERE state='running'")
check "the killed worker left jobs running ($running)" test "$running" -gt 0
start=$(date +%s)
timeout 300 "$eclaire" work --database "sqlite://$db" --until-empty >/dev/null 2>&1
took=$(( $(date +%s) - start ))
check "work --until-empty read every document after the kill (in ${took} s)" \
  test "$(sql "$db" "SELECT COUNT(*) FROM documents WHERE status='done'")" = 10
check "no job left running or queued" test "$(sql "$db" "SELECT COUNT(*) FROM document_jobs WHERE state<>'done'")" = 0
check "no reader process left behind" bash -c "! pgrep -f '[e]xtract --serve-records' >/dev/null"

# 2. An import killed with -9: the file is in the base entirely or not at all; importing it again gives the lines.
big="$work/big.csv"
"$bench" generate --lines 200000 "$big" >/dev/null
db="$work/import.sqlite"
"$eclaire" import --database "sqlite://$db" "$fixtures/chorus_ae.csv" >/dev/null
before=$(sql "$db" "SELECT COUNT(*) FROM ej_lines")
"$eclaire" import --database "sqlite://$db" "$big" >/dev/null 2>&1 &
importer=$!
sleep 2
kill -9 "$importer"; wait "$importer" 2>/dev/null || true
after=$(sql "$db" "SELECT COUNT(*) FROM ej_lines")
check "an import killed mid-way wrote nothing ($before lines before, $after after)" test "$before" = "$after"
check "the base is sound after the kill" test "$(sql "$db" "PRAGMA integrity_check")" = ok
"$eclaire" import --database "sqlite://$db" "$big" >/dev/null
again=$(sql "$db" "SELECT COUNT(*) FROM ej_lines")
check "importing the file again brings its lines ($again)" test "$again" -gt "$before"

# 3. Two workers on one PostgreSQL queue: every document read once, none twice.
if [ -n "${ECLAIRE_TEST_POSTGRES_URL:-}" ]; then
  base=${ECLAIRE_TEST_POSTGRES_URL%/*}
  psql -q "$ECLAIRE_TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS eclaire_faults" -c "CREATE DATABASE eclaire_faults" >/dev/null
  pg="$base/eclaire_faults"
  "$eclaire" import --database "$pg" "$fixtures/chorus_ae.csv" >/dev/null
  "$eclaire" documents add --database "$pg" --store "$work/pg-documents" "$ej" "$work/scans" >/dev/null
  "$eclaire" work --database "$pg" --store "$work/pg-documents" --until-empty >/dev/null 2>&1 &
  one=$!
  "$eclaire" work --database "$pg" --store "$work/pg-documents" --until-empty >/dev/null 2>&1 &
  two=$!
  wait "$one" "$two"
  counts=$(psql -tA "$pg" -c "SELECT COUNT(*), COALESCE(MAX(attempts), 0) FROM document_jobs WHERE state='done'")
  check "two PostgreSQL workers read the 10 documents, each once ($counts: done|max attempts)" \
    test "$counts" = "10|1"
  psql -q "$ECLAIRE_TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS eclaire_faults" >/dev/null
else
  echo "(PostgreSQL part not run: ECLAIRE_TEST_POSTGRES_URL is not set)"
fi

# 4. A full disk: a clear error, nothing half-written, no temporary file left.
full="$work/full"
mkdir -p "$full"
if mount -t tmpfs -o size=3m tmpfs "$full" 2>/dev/null; then
  db="$full/eclaire.sqlite"
  "$eclaire" import --database "sqlite://$db" "$fixtures/chorus_ae.csv" >/dev/null
  lines=$(sql "$db" "SELECT COUNT(*) FROM ej_lines")
  set +e; "$eclaire" import --database "sqlite://$db" "$big" >"$work/out" 2>"$work/err"; code=$?; set -e
  check "an import on a full disk fails (exit $code)" test "$code" -ne 0
  check "  and says why: $(head -c 200 "$work/err" | tr '\n' ' ')" grep -qiE "disque|place|full|SQLITE_FULL" "$work/err"
  check "  and the base keeps its lines ($lines)" test "$(sql "$db" "SELECT COUNT(*) FROM ej_lines")" = "$lines"
  check "  and stays sound" test "$(sql "$db" "PRAGMA integrity_check")" = ok
  rm -f "$full"/*.sqlite-journal
  # The documents' folder fills up: the file that does not fit is refused, and nothing of it stays.
  head -c 4000000 /dev/urandom > "$work/too-big.pdf"
  set +e; "$eclaire" documents add --database "sqlite://$db" --store "$full/documents" "$ej" "$work/too-big.pdf" >"$work/out" 2>"$work/err"; code=$?; set -e
  check "a document that does not fit is refused (exit $code)" test "$code" -ne 0
  check "  with the reason: $(head -c 200 "$work/err" | tr '\n' ' ')" grep -q "plus de place sur le disque" "$work/err"
  check "  no temporary file left" test -z "$(find "$full/documents" -name '*.part-*' 2>/dev/null)"
  check "  no document recorded" test "$(sql "$db" "SELECT COUNT(*) FROM documents")" = 0
  umount "$full"; full=""
else
  echo "(full-disk part not run: mounting a tmpfs is not permitted here)"
fi

# 5. The server reads what is uploaded by itself (issue 18): its embedded reader takes the queued scans, and
#    `--readers 0` (separate workers) leaves them queued.
db="$work/serve.sqlite"
"$eclaire" import --database "sqlite://$db" "$fixtures/chorus_ae.csv" >/dev/null
"$eclaire" documents add --database "sqlite://$db" "$ej" "$work/scans/scan-1.pdf" "$work/scans/scan-2.pdf" >/dev/null
port=$((20000 + RANDOM % 20000))
"$eclaire" serve --database "sqlite://$db" --port "$port" --readers 0 >"$work/serve.log" 2>&1 &
server=$!
sleep 5
check "--readers 0: the documents stay queued" test "$(sql "$db" "SELECT COUNT(*) FROM documents WHERE status='queued'")" = 2
kill "$server"; wait "$server" 2>/dev/null || true
"$eclaire" serve --database "sqlite://$db" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do [ "$(sql "$db" "SELECT COUNT(*) FROM documents WHERE status='done'")" = 2 ] && break; sleep 0.5; done
check "eclaire serve reads the queued documents by itself" test "$(sql "$db" "SELECT COUNT(*) FROM documents WHERE status='done'")" = 2
check "  and still serves" curl -fs "http://127.0.0.1:$port/health" -o /dev/null
kill "$server"; wait "$server" 2>/dev/null || true
check "  and leaves no reader process when it stops" test -z "$(sleep 1; pgrep -f "[e]xtract --serve-records" || true)"

echo "faults: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
