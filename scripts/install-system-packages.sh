#!/usr/bin/env bash
# Installs the Debian packages Eclaire needs (as root, or through sudo). Idempotent; retries once, since an apt
# batch can fail on a transient "cannot access archive".
set -euo pipefail
# Every build links Poppler, LittleCMS (its colour management, tuned in Documents) and Tesseract; OCR needs the
# French model, and the orientation model (osd) to turn a page scanned upside down or sideways.
packages=(sqlite3 ca-certificates pkg-config libpoppler-glib-dev liblcms2-dev libtesseract-dev libleptonica-dev tesseract-ocr-fra tesseract-ocr-osd "$@")
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
echo "Installation des paquets système : ${missing[*]}"
install() {
  "${sudo_cmd[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
install >/dev/null || { sleep 3; install; }
