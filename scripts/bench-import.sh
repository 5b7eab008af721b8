#!/usr/bin/env bash
# Import benchmark (docs/BENCHMARKS.md): the same 1 000 000-line INF-BUD-53 CSV imported into SQLite by
# Eclaire, by pandas (read_csv + to_sql, as the Ministry's tooling does) and by `sqlite3 .import`.
#   scripts/bench-import.sh [LINES]
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
out=bench-out
mkdir -p "$out"
scripts/install-system-packages.sh sqlite3 time
swift build -c release --product eclaire-bench
bench=.build/release/eclaire-bench
file="$out/inf_bud_53_ae_${lines}.csv"
[ -f "$file" ] || $bench generate --lines "$lines" "$file"
echo "file: $file ($(du -h "$file" | cut -f1))"

[ -x "$out/venv/bin/python" ] || { python3 -m venv "$out/venv" && "$out/venv/bin/pip" install -q pandas; }

measure() { # label, command… — wall time and peak RSS from GNU time
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %M KB peak RSS" "$@" 2>&1 >/dev/null | tail -1
}

rm -f "$out/pandas.sqlite" "$out/raw.sqlite"
measure "eclaire import" $bench import --database "$out/eclaire.sqlite" "$file"
measure "pandas to_sql" "$out/venv/bin/python" - "$file" "$out/pandas.sqlite" <<'PY'
import sqlite3, sys
import pandas as pd
frame = pd.read_csv(sys.argv[1], skiprows=7, dtype=str, encoding="utf-8")
with sqlite3.connect(sys.argv[2]) as connection:
    frame.to_sql("chorus", connection, index=False, chunksize=10000)
PY
# sqlite3 gets the rows without the preamble and header (duplicate header names would stop it) and a plain table.
tail -n +9 "$file" > "$out/body.csv"
columns=$(seq -s, -f "c%g TEXT" 1 18)
measure "sqlite3 .import" sqlite3 "$out/raw.sqlite" "CREATE TABLE chorus_raw($columns);" ".import --csv $out/body.csv chorus_raw"
$bench import --database "$out/eclaire.sqlite" "$file"
