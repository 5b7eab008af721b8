#!/usr/bin/env bash
# Documents through the queue at scale (docs/BENCHMARKS.md, issue 4): COUNT distinct text-layer PDFs (default
# 100 000) attached to one EJ of a fresh demo base, then read by `eclaire work --workers 2 --until-empty`; wall
# time and peak RSS of each step (GNU time), and the worker's resident memory sampled every 30 s to show it flat.
#   scripts/bench-documents.sh [COUNT]        (WORKERS=N to change the number of workers, default 2)
#   SOURCE=DIR scripts/bench-documents.sh N   reads COUNT copies of DIR's PDFs instead, each made distinct by a
#                                             comment line after its end (e.g. the heavy PDF/A Factur-X samples)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
workers=${WORKERS:-2}
out=bench-out
mkdir -p "$out"
scripts/install-system-packages.sh time
swift build -c release --product eclaire-bench
swift build -c release --product eclaire
bench=.build/release/eclaire-bench eclaire=.build/release/eclaire
if [ -n "${SOURCE:-}" ]; then
  docs="$out/documents-$(basename "$SOURCE")-$count"
  if [ ! -d "$docs" ]; then
    mkdir -p "$docs"
    sources=("$SOURCE"/*.pdf)
    for ((i = 0; i < count; i++)); do
      { cat "${sources[i % ${#sources[@]}]}"; printf '%%%% copie %d\n' "$i"; } > "$docs/$i.pdf"
    done
  fi
else
  docs="$out/documents-$count"
  [ -d "$docs" ] || $bench documents --count "$count" --write "$docs"
fi
base="$out/documents-$count.sqlite"
rm -rf "$base" "$base"-* "$out/documents-$count-store"
$eclaire demo --database "$base" --no-serve >/dev/null
ej=$($eclaire ej list --database "$base" --json | head -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["ej"])')
store="$out/documents-$count-store"
echo "== documents add ($count files on EJ $ej)"
/usr/bin/time -f 'add: %e s wall, peak RSS %M kB' \
  $eclaire documents add --database "$base" --store "$store" "$ej" "$docs" >/dev/null
echo "== work --workers $workers --until-empty"
/usr/bin/time -f 'work: %e s wall, peak RSS %M kB' \
  $eclaire work --database "$base" --store "$store" --workers "$workers" --until-empty >"$out/documents-work.log" 2>&1 &
work=$!
(while kill -0 $work 2>/dev/null; do
   sleep 30
   ps -eo rss=,args= | awk -v t="$(date +%T)" '/eclaire work|exe extract --serve/ && !/awk|time -f/ {
     printf "%s %.0f MB %s %s\n", t, $1/1024, $3, $4 }'
 done) &
sampler=$!
wait $work
kill $sampler 2>/dev/null || true
tail -2 "$out/documents-work.log"
for status in done failed queued; do
  echo "$status: $($eclaire documents list --database "$base" --store "$store" --status $status --json | wc -l)"
done
