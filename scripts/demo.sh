#!/usr/bin/env bash
# Builds Eclaire and serves a fresh demo database on http://127.0.0.1:8080/ (Ctrl-C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh
swift build -c release --product eclaire
exec .build/release/eclaire demo "$@"
