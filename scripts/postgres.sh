#!/usr/bin/env bash
# A throw-away PostgreSQL for the tests, on 127.0.0.1 only, with its data in a temporary folder.
#   scripts/postgres.sh start   → prints the URL to use as ECLAIRE_TEST_POSTGRES_URL
#   scripts/postgres.sh stop
set -euo pipefail
state=${ECLAIRE_PG_STATE:-/tmp/eclaire-test-postgres}
port=${ECLAIRE_PG_PORT:-54329}
bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

case "${1:-}" in
  start)
    [ -n "$(bin)" ] || "$(dirname "$0")/install-system-packages.sh" postgresql
    BIN=$(bin)
    if [ -f "$state/data/postmaster.pid" ] && runuser -u postgres -- "$BIN/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
      echo "postgres://postgres@127.0.0.1:$port/postgres"; exit 0
    fi
    rm -rf "$state"; mkdir -p "$state"; chown postgres:postgres "$state"
    runuser -u postgres -- "$BIN/initdb" -D "$state/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    runuser -u postgres -- "$BIN/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=off -c max_connections=200" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    BIN=$(bin)
    [ -n "$BIN" ] && [ -d "$state/data" ] && runuser -u postgres -- "$BIN/pg_ctl" -D "$state/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$state"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
