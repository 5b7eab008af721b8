#!/usr/bin/env bash
# Fuzzing (issue 16): every parser (CSV, XLSX, XLS, DOCX/ODT, Factur-X XML, reading rules on text, amounts, dates,
# identifiers) gets mutated real inputs — the test fixtures — and random text. A case that stops the process, or a
# refusal that is not an error Eclaire explains in French, fails the run; the input of a case that stopped the
# process is kept and its path printed.
#   scripts/fuzz.sh [CASES per target, 100000 by default] [--debug] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-100000}
shift || true
configuration=release
if [ "${1:-}" = "--debug" ]; then configuration=debug; shift; fi
swift build -c "$configuration" --product eclaire-bench >/dev/null
bench=$(swift build -c "$configuration" --show-bin-path)/eclaire-bench
work=$(mktemp -d)
export OMP_THREAD_LIMIT=1
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv xlsx xls office xml text amounts dates identifiers)
failed=0
for target in "${targets[@]}"; do
  status=0
  "$bench" fuzz --cases "$cases" --target "$target" --work "$work" || status=$?
  if [ "$status" -gt 128 ]; then
    failed=1
    kept=$(ls "$work/$target".current* 2>/dev/null | head -1 || true)
    echo "FAIL: $target stopped by signal $((status - 128)) — its input is kept in $kept"
  elif [ "$status" -ne 0 ]; then
    failed=1
    echo "FAIL: $target refused some cases without a clear error (example above)"
  fi
done
if [ "$failed" = 0 ]; then rm -rf "$work"; echo "fuzz: no case stopped a parser, every refusal was explained"; fi
exit "$failed"
