#!/usr/bin/env bash
# Serves the demo and takes screenshots of the main pages in headless Chromium (into screenshots/).
# Before/after: the shots of the previous run are kept in screenshots/before/, and this run's are compared with
# them (scripts/compare-screenshots.py: changed share and area per page, side-by-side sheets in screenshots/diff/).
# Run it on the commit before a change, then on the change. screenshots/ is kept out of the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh chromium
swift build --product eclaire
port=${PORT:-8097}
work=$(mktemp -d)
.build/debug/eclaire demo --database "$work/demo.sqlite" --no-serve >/dev/null
.build/debug/eclaire serve --database "$work/demo.sqlite" --port "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
rm -rf screenshots/before screenshots/diff
mkdir -p screenshots/before
find screenshots -maxdepth 1 -name '*.png' -exec mv {} screenshots/before/ \;
# Pages need a session: sign in as the demo administrator with curl, save each page as served, and let Chromium
# render the saved copies (with the real stylesheet) from a throw-away static server.
jar="$work/cookies"
token=$(curl -sf -c "$jar" "http://127.0.0.1:$port/connexion" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
curl -sf -b "$jar" -c "$jar" -o /dev/null -d "login=admin&password=admin-demo-eclaire&csrf=$token&suite=/produits" \
  "http://127.0.0.1:$port/connexion"
site="$work/site"; mkdir -p "$site"
cp Sources/EclaireServer/Resources/Public/eclaire.css Sources/EclaireServer/Resources/Public/tables.js "$site/"
first_ej=$(.build/debug/eclaire ej list --json --database "$work/demo.sqlite" | sed -n '4s/.*"ej":"\([0-9]*\)".*/\1/p')
navette=$(.build/debug/eclaire documents list --json --database "$work/demo.sqlite" | sed -n 's/.*"file_name":"fiche-navette-[^"]*".*"id":\([0-9]*\).*/\1/p;s/.*"id":\([0-9]*\).*"file_name":"fiche-navette-.*/\1/p' | head -1)
static_port=$((port + 1))
python3 -m http.server "$static_port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
static=$!
trap 'kill $server $static 2>/dev/null; rm -rf "$work"' EXIT
sleep 0.5
for page in "liste:/" "ej:/ej/$first_ej" "imports:/imports" "introuvable:/ej/9999999999" \
  "portefeuille:/produits" "produit:/produits/1" "rapprochement:/rapprochement" "glossaire:/glossaire" "connexion:/connexion" \
  "pieces:/documents" "piece:/documents/2" "navette:/documents/$navette" "fournisseurs:/fournisseurs" "anomalies:/anomalies" \
  "jetons:/admin/jetons" "synchronisation:/admin/synchronisation"; do
  name=${page%%:*} path=${page#*:}
  curl -s -b "$jar" "http://127.0.0.1:$port$path" > "$site/$name.html"
  chromium --headless --no-sandbox --disable-gpu --window-size=1400,${HEIGHT:-1600} \
    --screenshot="screenshots/$name.png" "http://127.0.0.1:$static_port/$name.html" 2>/dev/null
  echo "screenshots/$name.png ← $path"
done
if compgen -G "screenshots/before/*.png" >/dev/null; then
  echo "Comparaison avec les captures précédentes (screenshots/diff/) :"
  scripts/compare-screenshots.py screenshots/before screenshots screenshots/diff
fi
