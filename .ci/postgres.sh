#!/usr/bin/env bash
# Installs PostgreSQL from Debian if needed and starts a throw-away cluster on loopback for the
# integration tests. Prints the connection URL on its last line. Idempotent.
set -euo pipefail
PORT="${PGPORT_TEST:-54329}"
DIR="${PGDATA_TEST:-/tmp/two-step-pg}"
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u postgres --); fi   # postgres refuses to run as root
if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    rm -rf "$DIR"; mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 >&2
  fi
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR" -l "$DIR/log" -w \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off -c max_connections=200" start >&2
fi
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
