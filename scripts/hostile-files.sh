#!/usr/bin/env bash
# Hostile files (issue 16): 5 000 blank pages, a page tree 20 000 deep, arrays nested 200 000 deep, a 1 GB
# worksheet in a 1.5 MB XLSX, a 30 000 × 30 000 PNG, random bytes behind a PDF signature. They are attached to an
# EJ and read by `eclaire work` while `eclaire serve` answers: each document ends read or failed with its reason,
# within fixed time, memory and disk, and the server answers all along.
#   scripts/hostile-files.sh
set -euo pipefail
cd "$(dirname "$0")/.."
eclaire=$PWD/.build/debug/eclaire
[ -x "$eclaire" ] || swift build
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export OMP_THREAD_LIMIT=1 TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
passed=0 failed=0
check() { # name, command…
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "PASS: $name"; else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
sql() { python3 -c "import sqlite3,sys; [print(*r, sep='|') for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]" "$@"; }

python3 scripts/hostile-files.py "$work/files"
db="$work/hostile.sqlite"
"$eclaire" import --database "sqlite://$db" Tests/TestSupport/Fixtures/chorus_ae.csv >/dev/null
"$eclaire" documents add --database "sqlite://$db" 2103105755 "$work/files" >/dev/null
port=$((20000 + RANDOM % 20000))
# The worker alone reads (--readers 0): the server's own readers would race it for the files, and the checks
# below would run while one of theirs is still being read.
"$eclaire" serve --database "sqlite://$db" --port "$port" --readers 0 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

# The server is asked for /health every half second while the worker reads; every answer must come, in < 2 s.
( misses=0
  while [ ! -f "$work/done" ]; do
    curl -fs -m 2 "http://127.0.0.1:$port/health" >/dev/null || misses=$((misses + 1))
    sleep 0.5
  done
  echo "$misses" > "$work/misses" ) &
prober=$!
start=$(date +%s)
/usr/bin/time -f "%M" -o "$work/rss" timeout 600 "$eclaire" work --database "sqlite://$db" --until-empty \
  --timeout 30 --max-memory-mb 1024 >"$work/work.log" 2>&1 || true
took=$(( $(date +%s) - start ))
touch "$work/done"; wait "$prober"

sql "$db" "SELECT file_name, status, COALESCE(error, '') FROM documents ORDER BY file_name" | while IFS='|' read -r name status error; do
  echo "  $name: $status ${error:0:140}"
done
check "every hostile document ends read or failed" test "$(sql "$db" "SELECT COUNT(*) FROM documents WHERE status NOT IN ('done', 'failed')")" = 0
check "each refusal gives its reason" test "$(sql "$db" "SELECT COUNT(*) FROM documents WHERE status = 'failed' AND COALESCE(error, '') = ''")" = 0
check "the huge PNG is refused by its size, not read" grep -q "pixels" <<<"$(sql "$db" "SELECT error FROM documents WHERE file_name='huge.png'")"
check "the 1 GB worksheet is refused, not spooled" grep -q "Mo une fois décompressée" <<<"$(sql "$db" "SELECT error FROM documents WHERE file_name='bomb.xlsx'")"
check "all read in bounded time (${took} s, at most 3 × 30 s retries per file)" test "$took" -lt 400
rss=$(tail -1 "$work/rss")
check "the worker's largest process stayed under 1.2 GB (${rss} kB)" test "$rss" -lt 1200000
tmp=$(du -sk "$TMPDIR" | cut -f1)
check "no temporary file left (${tmp} kB in TMPDIR)" test "$tmp" -lt 1024
check "the server answered /health all along ($(cat "$work/misses") missed)" test "$(cat "$work/misses")" = 0
check "the server still serves" curl -fs "http://127.0.0.1:$port/health" -o /dev/null

echo "hostile files: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
