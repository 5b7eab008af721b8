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
  # Product teams' commands (issue 3).
  check "products add" expect_exit 0 $eclaire products add --json --database "$db" --name "Mon produit" --team "Équipe" --sponsor "DGEFP" --programme 103 --centre-couts BG00/DREETS0035
  check "product JSON keys" json_keys "$work/cmd.out" id name team sponsor programme centre_financier centre_couts
  check "a second product of the same name exits 1" expect_exit 1 $eclaire products add --database "$db" --name "mon produit" --team x --sponsor y
  check "budget in French amounts" expect_exit 0 $eclaire products budget "Mon produit" --database "$db" --exercice 2023 --ae "45 000,00" --cp 40000
  check "a bad amount exits 1 naming the option" expect_exit 1 $eclaire products budget "Mon produit" --database "$db" --exercice 2023 --ae "douze" --cp 1
  check "the message names the option" grep -q -- "--ae" "$work/cmd.err"
  check "forecast line" expect_exit 0 $eclaire products forecast add "Mon produit" --database "$db" --exercice 2023 --person "Développeuse" --month 2 --tjm 700 --days "20,5"
  check "rule links the supplier's EJ" expect_exit 0 $eclaire products rule add "Mon produit" --database "$db" --siret "85129663200017" --centre-couts BG00/DREETS0035
  check "one EJ linked by the rule" grep -q "1 EJ rattachés" "$work/cmd.out"
  check "link by hand" expect_exit 0 $eclaire products link 2104453606 "Mon produit" --database "$db"
  check "linking an unknown EJ exits 1" expect_exit 1 $eclaire products link 9999999998 "Mon produit" --database "$db"
  check "unknown product exits 1" expect_exit 1 $eclaire products show "Nul" --database "$db"
  $eclaire products show "Mon produit" --exercice 2023 --json --database "$db" >"$work/product.json"
  check "product year JSON" python3 -c "
import json; d=json.load(open('$work/product.json'))
for k in ('product','exercice','allocated_ae','allocated_cp','fundings','forecast_ae','forecast_cp','execution','reste_a_payer','remaining_ae','remaining_cp','monthly_paid','alerts','ejs'): assert k in d, k
assert d['allocated_ae']==45000 and d['forecast_ae']==14350, d
assert d['execution']['engage']==37500.12, d['execution']
assert sorted(e['link_method'] for e in d['ejs'])==['manual','rule'], d['ejs']"
  check "team order" expect_exit 0 $eclaire products order "Mon produit" 2103105755 --ae "37 500,12" --database "$db"
  check "reconcile JSON" expect_exit 0 $eclaire products reconcile "Mon produit" --json --database "$db"
  check "reconcile keys and verdicts" python3 -c "
import json; lines=[json.loads(l) for l in open('$work/cmd.out') if l.strip()]
assert lines and all(set(l)>={'ej','kind','exercice','service_fait','chorus_amount','team_amount','verdict','ok'} for l in lines), lines
assert [l['verdict'] for l in lines if l['ej']=='2103105755' and l['kind']=='engage']==['OK - BC subdivisé']*2, lines"
  check "consumption add" expect_exit 0 $eclaire products consumption add "Mon produit" --contract "Marché" --month 2023-02 --days 10 --tjm 500 --database "$db"
  check "a split that does not add up exits 1" expect_exit 1 $eclaire products consumption split "Mon produit" 1 --share 2103105755=4000 --database "$db"
  check "the message says why" grep -q "ne fait pas le total" "$work/cmd.err"
  check "consumption split" expect_exit 0 $eclaire products consumption split "Mon produit" 1 --share 2103105755=5000 --database "$db"
  check "consumption list JSON" expect_exit 0 $eclaire products consumption list "Mon produit" --json --database "$db"
  check "consumption fully split" python3 -c "
import json; c=[json.loads(l) for l in open('$work/cmd.out') if l.strip()][0]
assert c['total']==5000 and c['unallocated']==0 and c['shares']==[{'ej':'2103105755','amount':5000}], c"
  check "portfolio JSON" expect_exit 0 $eclaire portfolio --exercice 2023 --json --database "$db"
  check "portfolio keys" json_keys "$work/cmd.out" exercice products totals unlinked_ej_count

  # Documents attached to an EJ, read by the queue's workers in their own processes.
  local store="$work/store-$(echo "$db" | md5sum | cut -c1-8)"
  check "documents add" expect_exit 0 $eclaire documents add 2103105755 "$fixtures/documents/zcorpus_Facture_FR_BASICWL.pdf" \
    "$fixtures/documents/lettre.odt" --database "$db" --store "$store"
  check "documents add to an unknown EJ exits 1" expect_exit 1 $eclaire documents add 1234567891 \
    "$fixtures/documents/lettre.odt" --database "$db" --store "$store"
  check "work until empty" expect_exit 0 $eclaire work --workers 2 --until-empty --database "$db" --store "$store"
  check "documents list JSON" expect_exit 0 $eclaire documents list --json --database "$db" --store "$store"
  check "both read" python3 -c "
import json; r=[json.loads(l) for l in open('$work/cmd.out') if l.strip()]
assert sorted(d['status'] for d in r)==['done','done'] and all(d['ejs']==['2103105755'] for d in r), r"
  check "ej show has the documents and the synthesis" expect_exit 0 $eclaire ej show 2103105755 --json --database "$db"
  check "synthesis values" python3 -c "
import json; e=json.load(open('$work/cmd.out'))
assert len(e['documents'])==2 and e['documents'][0]['extraction']['file'], e['documents']
s=e['extracted_facts']; assert s['supplier_siret']['value']=='99999999800010' and s['designation']['value'], s"
  check "a document over its time limit fails its job, the worker goes on" expect_exit 0 $eclaire documents add 2103105755 \
    "$fixtures/documents/lettre-ocr.pdf" "$fixtures/documents/lettre.docx" --database "$db" --store "$store"
  check "anomalies JSON" expect_exit 0 $eclaire anomalies --json --database "$db"
  check "anomalies keys and kinds" python3 -c "
import json; r=[json.loads(l) for l in open('$work/cmd.out') if l.strip()]
kinds={'fractionnement','hors_marche','imputation_programme','siret_mismatch','montant_ecart','doublon','paiement_tardif','montant_atypique','coordonnees_bancaires'}
assert all(set(['kind','ejs','amount','explanation','evidence']) <= set(a) and a['kind'] in kinds and a['ejs'] for a in r), r[:2]"
  check "an anomaly dismissed without a reason exits 2" expect_exit 2 $eclaire anomalies dismiss "doublon:x" --database "$db"
  check "work with a tiny time limit" expect_exit 0 $eclaire work --until-empty --timeout 0.2 --database "$db" --store "$store"
  check "the scan timed out and waits for a retry; the DOCX was read" python3 -c "
import json, subprocess
out=subprocess.run(['$eclaire','documents','list','--json','--database','$db','--store','$store'],capture_output=True,text=True).stdout
r={d['file_name']:d for d in map(json.loads, out.splitlines())}
assert r['lettre-ocr.pdf']['status']=='queued' and 'interrompue' in r['lettre-ocr.pdf']['error'], r['lettre-ocr.pdf']
assert r['lettre.docx']['status']=='done', r['lettre.docx']"

  # Attachments fetched from the AIFE (issue 17), from a fake of its API serving two files.
  local aife="$work/aife-files" aife_port
  mkdir -p "$aife" && cp "$fixtures/documents/lettre.odt" "$fixtures/documents/lettre.docx" "$aife/"
  aife_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 scripts/fake-aife.py "$aife_port" "$aife" s3cret-contract & local aife_pid=$!
  for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $aife_port))" 2>/dev/null && break; sleep 0.1; done
  export ECLAIRE_AIFE_AUTH_URL="http://127.0.0.1:$aife_port" ECLAIRE_AIFE_BASE_URL="http://127.0.0.1:$aife_port"
  export ECLAIRE_AIFE_CLIENT_ID=eclaire ECLAIRE_AIFE_PUR_ORGS=ORG1
  check "sync without a secret exits 1" expect_exit 1 env -u ECLAIRE_AIFE_CLIENT_SECRET $eclaire sync --database "$db" --store "$store"
  check "and names the missing setting" grep -q "ECLAIRE_AIFE_CLIENT_SECRET" "$work/cmd.err"
  check "sync --help" expect_exit 0 $eclaire sync --help
  check "its usage line" grep -q "^USAGE: eclaire sync" "$work/cmd.out"
  check "sync JSON" expect_exit 0 env ECLAIRE_AIFE_CLIENT_SECRET=s3cret-contract $eclaire sync --json --since 01/01/2025 \
    --database "$db" --store "$store"
  check "sync keys and figures" python3 -c "
import json; r=json.load(open('$work/cmd.out'))
for k in ['run','status','from','to','ejs_seen','files_new','files_already_there','files_refused','files_failed','bytes','problems']: assert k in r, k
assert r['status']=='done' and r['ejs_seen']==2 and r['files_new']+r['files_already_there']==2 and r['bytes']>0, r"
  check "the secret is printed nowhere" bash -c "! grep -q s3cret-contract '$work/cmd.out' '$work/cmd.err'"
  check "a second sync downloads nothing" expect_exit 0 env ECLAIRE_AIFE_CLIENT_SECRET=s3cret-contract $eclaire sync --json \
    --database "$db" --store "$store"
  check "nothing new" python3 -c "
import json; r=json.load(open('$work/cmd.out')); assert r['files_new']==0 and r['bytes']==0, r"
  local second_run
  second_run=$(python3 -c "import json; print(json.load(open('$work/cmd.out'))['run'])")
  check "sync --every runs at once, then waits (stopped here)" expect_exit 124 env ECLAIRE_AIFE_CLIENT_SECRET=s3cret-contract \
    timeout 15 $eclaire sync --every 60 --database "$db" --store "$store"
  check "the scheduled run happened" expect_exit 0 env ECLAIRE_AIFE_CLIENT_SECRET=s3cret-contract $eclaire sync --json \
    --database "$db" --store "$store"
  check "as the run between them" python3 -c "
import json; r=json.load(open('$work/cmd.out')); assert r['run']==$second_run+2 and r['status']=='done', r"
  check "a wrong secret exits 1 and says the token was refused" expect_exit 1 env ECLAIRE_AIFE_CLIENT_SECRET=wrong \
    $eclaire sync --database "$db" --store "$store"
  check "the refusal" grep -q "jeton OAuth refusé" "$work/cmd.err"
  kill "$aife_pid" 2>/dev/null || true
}

# Documents (issue 4): the text of a PDF with a text layer, and of a scan by OCR.
check "text of a PDF" expect_exit 0 $eclaire text "$fixtures/documents/lettre.pdf"
check "its text layer" grep -q "LETTRE DE MISSION" "$work/cmd.out"
check "text of a form with drawn check boxes" expect_exit 0 $eclaire text "$fixtures/documents/checkbox.pdf"
check "its ticked and empty boxes" grep -q "^\[X\] Le signataire" "$work/cmd.out"
check "text of a scan by OCR" expect_exit 0 $eclaire text "$fixtures/documents/lettre-ocr.pdf"
check "the scan's words" grep -q "transformation digitale" "$work/cmd.out"
check "a file that is not a document exits 1" expect_exit 1 $eclaire text "$fixtures/national_aife_ae.csv"
check "extract JSON of an invoice, a letter as PDF, DOCX and ODT" expect_exit 0 $eclaire extract --json \
  "$fixtures/documents/zcorpus_Facture_FR_BASICWL.pdf" "$fixtures/documents/lettre.pdf" \
  "$fixtures/documents/lettre.docx" "$fixtures/documents/lettre.odt"
check "extract JSON keys" json_keys "$work/cmd.out" file document_type supplier buyer object category amounts \
  date_issued numbers iban cpv invalid_ids confidence sources text_method facts
check "extract values, enums and nulls" python3 -c "
import json; r=[json.loads(l) for l in open('$work/cmd.out') if l.strip()]
types={'devis','bon_de_commande','acte_engagement','facture','avoir','fiche_navette','cctp','ccap','rib','kbis','avenant','sous_traitance','avis_marche','autre'}
cats={'conseil_strategie','conseil_organisation','amoa_si','developpement_logiciel','etudes_expertise','formation','communication_evenementiel','maintenance','fournitures','autre',None}
assert len(r)==4 and all(x['document_type'] in types and x['category'] in cats for x in r), r
f=r[0]; assert f['text_method']=='structured' and f['supplier']['siret']=='99999999800010' and f['amounts']=={'ht':624.9,'tva':46.25,'ttc':671.15}, f
assert set(f['supplier'])=={'name','siret','siren','vat_number'} and set(f['numbers'])=={'document','ej','marche','accord_cadre'}, f
assert f['invalid_ids']==['siret'] and all(0<=v<=1 for v in f['confidence'].values()), f
assert all(x['amounts']['ht']==85000 and x['amounts']['ttc'] is None and x['iban'] is None for x in r[1:]), r
assert [x['text_method'] for x in r[1:]]==['text_layer','office','office'], r
assert all(isinstance(x['facts'], dict) for x in r), r"
files="$fixtures/documents/lettre-ocr.pdf $fixtures/documents/zcorpus_Facture_FR_BASICWL.pdf $fixtures/documents/lettre.docx $fixtures/documents/lettre.pdf"
check "extract of a scan and three files, one at a time" expect_exit 0 $eclaire extract --json --jobs 1 $files
cp "$work/cmd.out" "$work/one-at-a-time.out"
check "the same, three at a time: the same answers in the files' order" expect_exit 0 $eclaire extract --json --jobs 3 $files
check "  (compared)" cmp "$work/one-at-a-time.out" "$work/cmd.out"
check "extract refuses --jobs 0" expect_exit 2 $eclaire extract --json --jobs 0 $files
check "extract of a file that is not a document exits 1" expect_exit 1 $eclaire extract --json "$fixtures/national_aife_ae.csv"

run_contract "sqlite://$work/contract.sqlite"
if [ -n "${ECLAIRE_TEST_POSTGRES_URL:-}" ]; then
  base=${ECLAIRE_TEST_POSTGRES_URL%/*}
  psql -q "$ECLAIRE_TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS eclaire_contract" -c "CREATE DATABASE eclaire_contract" >/dev/null
  run_contract "$base/eclaire_contract"
fi
echo "contract: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
