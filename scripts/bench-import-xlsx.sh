#!/usr/bin/env bash
# XLSX import benchmark (docs/BENCHMARKS.md): the rows of the 1 000 000-line INF-BUD-53 CSV written as an XLSX
# extraction (scripts/csv-to-xlsx.py), then imported by Eclaire; wall time and peak RSS (the sheet is streamed).
#   scripts/bench-import-xlsx.sh [LINES]
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
out=bench-out
mkdir -p "$out"
scripts/install-system-packages.sh time
swift build -c release --product eclaire-bench
bench=.build/release/eclaire-bench
csv="$out/inf_bud_53_ae_${lines}.csv"
xlsx="$out/inf_bud_53_ae_${lines}.xlsx"
[ -f "$csv" ] || $bench generate --lines "$lines" "$csv"
[ -f "$xlsx" ] || python3 scripts/csv-to-xlsx.py "$csv" "$xlsx"
echo "file: $xlsx ($(du -h "$xlsx" | cut -f1) compressed, sheet $(python3 -c "import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).getinfo('xl/worksheets/sheet1.xml').file_size // 2**20)" "$xlsx") MB inflated)"
/usr/bin/time -f "eclaire import (xlsx): %e s wall, %M KB peak RSS" \
  $bench import --database "$out/eclaire-xlsx.sqlite" "$xlsx"
