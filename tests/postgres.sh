#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for tests and benchmarks.
#   tests/postgres.sh start [DIR]   creates DIR (default: a fresh temp dir), starts a cluster on a free
#                                   loopback port and prints shell lines to eval:
#                                     export HOTLINE_TEST_PG='Host=127.0.0.1;Port=…;Username=postgres;Database=postgres'
#                                     export HOTLINE_PG_DIR='DIR'
#   tests/postgres.sh stop DIR      stops the cluster and deletes DIR.
# Usage: eval "$(tests/postgres.sh start)"; …; tests/postgres.sh stop "$HOTLINE_PG_DIR"
set -euo pipefail

BIN=/usr/lib/postgresql/15/bin

as_owner() {
  # initdb/pg_ctl refuse to run as root; as root run them as the postgres user.
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

ensure_installed() {
  if [ ! -x "$BIN/initdb" ]; then
    [ "$(id -u)" = 0 ] || { echo "postgresql 15 is missing; install the Debian package 'postgresql'" >&2; exit 1; }
    echo "installing postgresql…" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

start() {
  ensure_installed
  local dir="${1:-$(mktemp -d /tmp/hotline-pg.XXXXXX)}"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_owner "$BIN/initdb -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  local port
  for _ in 1 2 3; do
    port=$(free_port)
    if as_owner "$BIN/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -t 30 \
        -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=200\" start >/dev/null"; then
      echo "export HOTLINE_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
      echo "export HOTLINE_PG_DIR='$dir'"
      return
    fi
  done
  cat "$dir/server.log" >&2
  exit 1
}

stop() {
  local dir="${1:?usage: postgres.sh stop DIR}"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl -D '$dir/data' -m fast -w stop >/dev/null" || true
  fi
  case "$dir" in /tmp/hotline-pg.*) rm -rf "$dir" ;; *) rm -rf "$dir/data" ;; esac
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2 ;;
esac
