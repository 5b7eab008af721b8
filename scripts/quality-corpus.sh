#!/usr/bin/env bash
# Field accuracy of the document reading on documents it was never tuned on (issue 15), as docs/QUALITY.md reports it:
#   scripts/quality-corpus.sh [ECLAIRE_BINARY]        (default .build/release/eclaire)
# 1. a generated corpus (scripts/generate-document-corpus.py: six types, many layouts, a dev and a held-out test half,
#    text-layer PDFs and their scans), made once in bench-out/corpus (CORPUS=DIR to use another);
# 2. the Factur-X samples of shared/data with their embedded XML removed (their XML stays the truth), read as they
#    are and printed-and-scanned (scripts/print-and-scan.py: real layouts through OCR);
# 3. the held-out half printed and scanned harshly (print-and-scan.py --harsh: 150–200 dpi, blurred, JPEG 35–60).
# 4. corpora of other page designs (scripts/generate-stranger-corpus.py: billing software, State orders, forms,
#    contracts in articles), text and scans: set a (bench-out/stranger), set b (bench-out/stranger-b), set c
#    (bench-out/stranger-c: hosting, telecom and press invoices, Chorus's printed order, frames and grids) and set d
#    (bench-out/stranger-d: progress invoices, lots, training, subscriptions, a totals band, orders and AE in prose)
#    and set e (bench-out/stranger-e: energy, bilingual, VAT summaries, architects' fees, joint groups, title blocks)
#    and set f (bench-out/stranger-f: summaries first, TTC prices, fixed-width prints, options, a purchasing platform's
#    order, tranches, a navette as a mail, a CCTP's contents) and set g (bench-out/stranger-g: totals in words, the
#    addressee first, Chorus supplier codes, an accord-cadre's maximum, a certificate of service fait, a lot's CCTP)
#    and set h (bench-out/stranger-h: sums carried forward, a subcontractor paid directly, deposits, an order as a
#    letter, lettered AE sections, a spreadsheet's navette, a cover's title) and set i (bench-out/stranger-i: fees after
#    a subtotal, an établissement public's invoice, imputation groups, an advance, AE and CP, a CCTP's versions) and
#    set j (bench-out/stranger-j: a supplier's sidebar, line discounts and a service-fait stamp, an order's own number,
#    a DPGF summary, a navette's postes, a running header) and set k (bench-out/stranger-k: landscape tables, credit
#    notes, VAT codes, delivery dates per line, an accord-cadre's DQE, a Chorus form, a CCTP in two columns) and set l
#    (bench-out/stranger-l: a hotel's tourist tax, a reverse-charged foreign supplier, éco-participation, daily rates
#    and a billing schedule, an EJ under a barcode, a price in words and a RIB grid, a request's validation circuit,
#    a summary table) and set m (bench-out/stranger-m: dark bands and a watermark, a cash discount, subtotals by lot,
#    light grey print, a budget controller's stamp, a marché subséquent, a base offer plus a PSE, a footer's object)
#    and set n (bench-out/stranger-n: a statement of delivery notes with a payment slip, totals in cards, a rental
#    quote and its deposit, an ERP's order, an AE's financial annex, a navette comparing quotes, a lot's CCTP).
# 5. set m's scans turned upside down and sideways (scripts/turn-scans.py: a sheet fed the wrong way), set n's turned
#    4° one way or the other (turn-scans.py --skew 4 --seed 11: a sheet fed askew).
# 6. set n's and set m's text PDFs photographed by a phone (scripts/photograph-pages.py: on a desk at a slant, lit
#    unevenly), and set n's lit unevenly only (--light-only: the sheet filling the frame).
# Each set is read with `eclaire extract --json --no-structured` and scored by scripts/score-extraction.py.
set -euo pipefail
cd "$(dirname "$0")/.."
eclaire=${1:-.build/release/eclaire}
corpus=${CORPUS:-bench-out/corpus}
facturx=../shared/data/documents/facturx
scripts/install-system-packages.sh weasyprint python3-pil python3-pikepdf python3-numpy poppler-utils fonts-dejavu fonts-liberation
export OMP_THREAD_LIMIT=1
[ -d "$corpus/truth" ] || scripts/generate-document-corpus.py "$corpus" --per-type 20 --scans
for set in text scan; do
  "$eclaire" extract --json --no-structured "$corpus/$set"/*.pdf > "$corpus/$set.jsonl"
  for half in dev test; do
    echo "## $set, $half"
    scripts/score-extraction.py "$corpus/truth" "$corpus/$set.jsonl" --half "$half" --by-type
    echo
  done
done
# The held-out half as a poor scanner or a phone would give it (150–200 dpi, ±2.5°, blurred, JPEG 35–60).
harsh=$(mktemp -d)
scripts/print-and-scan.py --harsh "$harsh" "$corpus"/text/test-*.pdf
"$eclaire" extract --json --no-structured "$harsh"/*.pdf > "$corpus/harsh.jsonl"
rm -rf "$harsh"
echo "## held-out half, harsh scans"
scripts/score-extraction.py "$corpus/truth" "$corpus/harsh.jsonl" --half test --by-type
echo
for set in a b c d e f g h i j k l m n; do
  case $set in
    a) dir=bench-out/stranger seed=1789 per=16 ;;
    b) dir=bench-out/stranger-b seed=1848 per=12 ;;
    c) dir=bench-out/stranger-c seed=1944 per=12 ;;
    d) dir=bench-out/stranger-d seed=1958 per=12 ;;
    e) dir=bench-out/stranger-e seed=1981 per=12 ;;
    f) dir=bench-out/stranger-f seed=2026 per=12 ;;
    g) dir=bench-out/stranger-g seed=2027 per=12 ;;
    h) dir=bench-out/stranger-h seed=2028 per=12 ;;
    i) dir=bench-out/stranger-i seed=2029 per=12 ;;
    j) dir=bench-out/stranger-j seed=2030 per=12 ;;
    k) dir=bench-out/stranger-k seed=2031 per=12 ;;
    l) dir=bench-out/stranger-l seed=2032 per=12 ;;
    m) dir=bench-out/stranger-m seed=2033 per=12 ;;
    n) dir=bench-out/stranger-n seed=2034 per=12 ;;
  esac
  [ -d "$dir/truth" ] || scripts/generate-stranger-corpus.py "$dir" --set "$set" --seed "$seed" --per-type "$per" --scans
  for kind in text scan; do
    "$eclaire" extract --json --no-structured "$dir/$kind"/*.pdf > "$dir/$kind.jsonl"
    echo "## other designs, set $set, $kind"
    scripts/score-extraction.py "$dir/truth" "$dir/$kind.jsonl" --by-type
    echo
  done
done
[ -d bench-out/stranger-m/turned ] || scripts/turn-scans.py bench-out/stranger-m/scan bench-out/stranger-m/turned
"$eclaire" extract --json --no-structured bench-out/stranger-m/turned/*.pdf > bench-out/stranger-m/turned.jsonl
echo "## set m's scans turned upside down or sideways"
scripts/score-extraction.py bench-out/stranger-m/truth bench-out/stranger-m/turned.jsonl --by-type
echo
[ -d bench-out/stranger-n/askew ] || scripts/turn-scans.py bench-out/stranger-n/scan bench-out/stranger-n/askew --skew 4 --seed 11
"$eclaire" extract --json --no-structured bench-out/stranger-n/askew/*.pdf > bench-out/stranger-n/askew.jsonl
echo "## set n's scans turned 4°"
scripts/score-extraction.py bench-out/stranger-n/truth bench-out/stranger-n/askew.jsonl --by-type
echo
for set in n m; do
  dir=bench-out/stranger-$set
  [ -d "$dir/photo" ] || scripts/photograph-pages.py "$dir/text" "$dir/photo"
  "$eclaire" extract --json --no-structured "$dir/photo"/*.pdf > "$dir/photo.jsonl"
  echo "## set $set photographed on a desk"
  scripts/score-extraction.py "$dir/truth" "$dir/photo.jsonl" --by-type
  echo
done
[ -d bench-out/stranger-n/photo-lit ] || scripts/photograph-pages.py bench-out/stranger-n/text bench-out/stranger-n/photo-lit --light-only
"$eclaire" extract --json --no-structured bench-out/stranger-n/photo-lit/*.pdf > bench-out/stranger-n/photo-lit.jsonl
echo "## set n photographed lit unevenly"
scripts/score-extraction.py bench-out/stranger-n/truth bench-out/stranger-n/photo-lit.jsonl --by-type
echo
stripped=$(mktemp -d)
trap 'rm -rf "$stripped"' EXIT
scripts/strip-facturx.py "$facturx" "$stripped/pdf" 2>/dev/null
"$eclaire" extract --json "$facturx"/*.pdf > "$stripped/structured.jsonl"
scripts/facturx-truth.py "$stripped/structured.jsonl" "$facturx" "$stripped/truth"
"$eclaire" extract --json "$stripped/pdf"/*.pdf > "$stripped/visual.jsonl"
echo "## Factur-X, visual layer only (embedded XML removed)"
scripts/score-extraction.py "$stripped/truth" "$stripped/visual.jsonl" --errors all
scripts/print-and-scan.py "$stripped/scan" "$stripped/pdf"/*.pdf
"$eclaire" extract --json "$stripped/scan"/*.pdf > "$stripped/scan.jsonl"
echo "## Factur-X, visual layer printed and scanned"
scripts/score-extraction.py "$stripped/truth" "$stripped/scan.jsonl" --errors all
