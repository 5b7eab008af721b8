#!/usr/bin/env bash
# The whole test suite, on SQLite and on a real PostgreSQL that this script installs, starts and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh postgresql curl
url=$(scripts/postgres.sh start)
trap 'scripts/postgres.sh stop' EXIT
export ECLAIRE_TEST_POSTGRES_URL="$url" ECLAIRE_REQUIRE_POSTGRES=1
# One OpenMP thread for Tesseract, as the executables set it (see OCRThreads).
export OMP_THREAD_LIMIT=1
swift build --build-tests
swift test --skip-build "$@"
scripts/contract-test.sh
# Workers and imports killed with -9, two workers on PostgreSQL, a full disk.
scripts/fault-test.sh
# Hostile documents read while the server answers.
scripts/hostile-files.sh
# Every parser fed mutated inputs, briefly (scripts/fuzz.sh alone runs 100 000 cases per parser).
scripts/fuzz.sh 300 --debug
# The running server against its OpenAPI description (schemathesis), on the demo.
scripts/api-conformance.sh
