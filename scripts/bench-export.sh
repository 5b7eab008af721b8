#!/usr/bin/env bash
# Bulk export benchmark (docs/BENCHMARKS.md): a base of LINES INF-BUD-53 lines (default 1 000 000, i.e. 500 001
# EJs), then every EJ through the API as JSON Lines, CSV and XLSX, streamed; wall time, size and the server's peak
# RSS before and after (VmHWM: memory must stay flat whatever the list's length).
#   scripts/bench-export.sh [LINES]
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
out=bench-out
mkdir -p "$out"
scripts/install-system-packages.sh curl
swift build -c release --product eclaire-bench
swift build -c release --product eclaire
bench=.build/release/eclaire-bench eclaire=.build/release/eclaire
file="$out/inf_bud_53_ae_${lines}.csv"
[ -f "$file" ] || $bench generate --lines "$lines" "$file"
base="$out/export-${lines}.sqlite"
if [ ! -f "$base" ]; then
  rm -f "$base.tmp"*
  $eclaire import --database "$base.tmp" "$file" >/dev/null
  mv "$base.tmp" "$base"
fi
token=$($eclaire tokens create --database "$base" --name bench --scope read_spending --rate 100000 2>/dev/null)
port=18099
$eclaire serve --database "$base" --port "$port" >"$out/export-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done
hwm() { awk '/VmHWM/ {print $2 / 1024 " MB"}' "/proc/$server/status"; }
echo "server peak RSS after start: $(hwm)"
for format in jsonl csv xlsx; do
  start=$(date +%s.%N)
  curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/ejs?format=$format" -o "$out/ejs.$format"
  end=$(date +%s.%N)
  printf '%s: %.1f s, %s, server peak RSS %s\n' "$format" "$(echo "$end - $start" | bc)" \
    "$(du -h "$out/ejs.$format" | cut -f1)" "$(hwm)"
done
echo "rows (jsonl): $(wc -l < "$out/ejs.jsonl")"
