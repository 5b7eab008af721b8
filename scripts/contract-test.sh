#!/usr/bin/env bash
# Checks the command-line contract (shared/contracts/cli.md) with the built binary, on SQLite and, when
# ECLAIRE_TEST_POSTGRES_URL is set, on PostgreSQL: JSON keys, exit codes, idempotent re-import.
set -euo pipefail
cd "$(dirname "$0")/.."
eclaire=.build/debug/eclaire
fixtures=Tests/TestSupport/Fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { # name, command…
  local name=$1; shift
  if "$@" >"$work/out" 2>"$work/err"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; cat "$work/err"; fi
}
expect_exit() { # code, command…
  local code=$1; shift
  set +e; "$@" >"$work/cmd.out" 2>"$work/cmd.err"; local got=$?; set -e
  [ "$got" = "$code" ] || { echo "exit $got, expected $code: $*"; cat "$work/cmd.err"; return 1; }
}
json_keys() { # file, keys… — every line of the file is a JSON object with these keys
  python3 - "$@" <<'PY'
import json, sys
path, keys = sys.argv[1], sys.argv[2:]
lines = [l for l in open(path) if l.strip()]
assert lines, "no output"
for line in lines:
    obj = json.loads(line)
    missing = [k for k in keys if k not in obj]
    assert not missing, f"missing {missing} in {line[:200]}"
PY
}

run_contract() { # database URL
  local db=$1
  good=("$fixtures/chorus_ae.csv" "$fixtures/financial_cp.csv" "$fixtures/national_aife_ae.csv"
        "$fixtures/national_aife_cp.csv" "$fixtures/national_ej_data_etat_quot_2024-09-26.csv"
        "$fixtures/national_dp_data_etat_quot_2024-09-26.csv" "$fixtures/apisubv_new-chorus-export.xlsx")
  check "import exits 0 on good files" expect_exit 0 $eclaire import --json --database "$db" "${good[@]}"
  check "import JSON keys" json_keys "$work/cmd.out" file layout rows_read rows_stored rows_skipped errors
  check "row errors name line and field" python3 -c "
import json; r=[json.loads(l) for l in open('$work/cmd.out')]
e=r[0]['errors'][0]; assert e['line']==11 and e['field']=='Programme', e"
  $eclaire stats --json --database "$db" >"$work/stats1.json"
  check "stats JSON keys" json_keys "$work/stats1.json" ej_count ej_line_count supplier_count ae_total cp_total
  check "re-import changes nothing" expect_exit 0 $eclaire import --json --database "$db" "${good[@]}"
  $eclaire stats --json --database "$db" >"$work/stats2.json"
  check "stats unchanged after re-import" cmp "$work/stats1.json" "$work/stats2.json"
  check "a refused file exits 1 and names itself" expect_exit 1 $eclaire import --database "$db" "$fixtures/errors_sample.csv"
  check "the refusal names the file" grep -q "errors_sample.csv" "$work/cmd.err"
  check "strict refuses a file with a bad row" expect_exit 1 $eclaire import --strict --database "$db" "$fixtures/national_aife_ae_double_ej.csv" "$fixtures/split_chorus_ae.csv"
  $eclaire stats --json --database "$db" >"$work/stats3.json"
  check "amounts are numbers with two decimals at most" python3 -c "
import json; s=json.load(open('$work/stats3.json'))
for k in ('ae_total','cp_total'): assert isinstance(s[k],(int,float)) and round(s[k],2)==s[k], s"
  $eclaire ej list --json --database "$db" >"$work/list.jsonl"
  check "ej list JSON keys" json_keys "$work/list.jsonl" ej supplier_siret supplier_name ae cp centre_financier domaine_fonctionnel groupe_marchandises stage
  check "stages are the contract's" python3 -c "
import json
for l in open('$work/list.jsonl'): assert json.loads(l)['stage'] in ('engage','service_fait','demande_paiement','paye','solde')"
  $eclaire ej show 2103105755 --json --database "$db" >"$work/show.json"
  check "ej show JSON" python3 -c "
import json; d=json.load(open('$work/show.json'))
for k in ('summary','lines','services_faits','demandes_paiement','payments','documents','extracted_facts','anomalies'): assert k in d, k
assert d['summary']['ae']==37500.12, d['summary']"
  check "unknown EJ exits 1" expect_exit 1 $eclaire ej show 9999999998 --database "$db"
  check "usage error exits 2" expect_exit 2 $eclaire ej show --database "$db"
  check "unknown command exits 2" expect_exit 2 $eclaire frobnicate
}

run_contract "sqlite://$work/contract.sqlite"
if [ -n "${ECLAIRE_TEST_POSTGRES_URL:-}" ]; then
  base=${ECLAIRE_TEST_POSTGRES_URL%/*}
  psql -q "$ECLAIRE_TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS eclaire_contract" -c "CREATE DATABASE eclaire_contract" >/dev/null
  run_contract "$base/eclaire_contract"
fi
echo "contract: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
