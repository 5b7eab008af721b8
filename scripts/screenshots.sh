#!/usr/bin/env bash
# Serves the demo and takes screenshots of the main pages in headless Chromium (into screenshots/).
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
mkdir -p screenshots
first_ej=$(.build/debug/eclaire ej list --json --database "$work/demo.sqlite" | sed -n '4s/.*"ej":"\([0-9]*\)".*/\1/p')
for page in "liste:/" "ej:/ej/$first_ej" "imports:/imports" "introuvable:/ej/9999999999" \
  "portefeuille:/produits" "produit:/produits/1" "rapprochement:/rapprochement" "glossaire:/glossaire"; do
  name=${page%%:*} path=${page#*:}
  chromium --headless --no-sandbox --disable-gpu --window-size=1400,${HEIGHT:-1600} \
    --screenshot="screenshots/$name.png" "http://127.0.0.1:$port$path" 2>/dev/null
  echo "screenshots/$name.png ← $path"
done
