#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests, in one folder, listening only on 127.0.0.1.
#
#   scripts/pg-cluster.sh start DIR   create (first time) and start it; prints its URL, also kept in DIR/url
#   scripts/pg-cluster.sh stop DIR    stop it (fast shutdown); the data stays for the next start
#   scripts/pg-cluster.sh url DIR     print the URL of a started cluster
#
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` user, which then owns DIR.
# Trust authentication and fsync=off: for tests only, never for data that matters.
set -euo pipefail

readonly PG_BIN=/usr/lib/postgresql/15/bin
readonly DB_NAME=motcua_test
readonly DB_USER=postgres
readonly PORT_FIRST=20000
readonly PORT_SPAN=40000
readonly PORT_TRIES=50
readonly START_TRIES=3
readonly START_TIMEOUT_S=60
readonly MAX_SOCKET_PATH=100  # Unix socket paths are limited to 107 bytes, with ".s.PGSQL.NNNNN" added.

die() {
  echo "pg-cluster: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start|stop|url DIR" >&2
  exit 2
}

# Runs a command as the user that owns the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# True when something listens on 127.0.0.1:$1.
port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    ss -ltnH "sport = :$1" 2>/dev/null | grep -q . && return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  local port
  for _ in $(seq "$PORT_TRIES"); do
    port=$((PORT_FIRST + RANDOM % PORT_SPAN))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  die "no free TCP port found on 127.0.0.1 after $PORT_TRIES tries"
}

is_running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

check_prerequisites() {
  [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] ||
    die "PostgreSQL 15 is not installed ($PG_BIN/initdb missing); run scripts/setup.sh or apt-get install postgresql-15"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' user to run the server; it does not exist"
    command -v runuser >/dev/null 2>&1 || die "running as root needs 'runuser' (util-linux) to switch to 'postgres'"
  fi
  [ "${#DIR}" -le "$MAX_SOCKET_PATH" ] ||
    die "DIR is too long for a Unix socket path (${#DIR} > $MAX_SOCKET_PATH characters): $DIR"
}

prepare_dir() {
  mkdir -p "$DIR" || die "cannot create $DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$DIR" || die "cannot give $DIR to the 'postgres' user"
    as_owner test -w "$DIR" -a -x "$DIR" ||
      die "the 'postgres' user cannot write to $DIR (is a parent folder private to root? use e.g. /tmp/...)"
  fi
  [ -w "$DIR" ] || die "$DIR is not writable"
}

init_cluster() {
  local locale_args=(--no-locale)
  # C.UTF-8 keeps byte order for sorting but lets lower()/upper() handle Vietnamese letters.
  if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then
    locale_args=(--locale=C.UTF-8)
  fi
  echo "pg-cluster: creating a cluster in $DATA" >&2
  as_owner "$PG_BIN/initdb" -D "$DATA" -U "$DB_USER" --auth=trust --encoding=UTF8 "${locale_args[@]}" \
    --no-sync >"$DIR/initdb.log" 2>&1 || die "initdb failed; see $DIR/initdb.log"
  as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<EOF

# pg-cluster.sh: a throwaway test cluster.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
log_min_messages = warning
EOF
}

start() {
  check_prerequisites
  prepare_dir
  if is_running; then
    [ -f "$DIR/url" ] || die "a server runs in $DATA but $DIR/url is missing; stop it and start again"
    cat "$DIR/url"
    return 0
  fi
  [ -f "$DATA/PG_VERSION" ] || init_cluster

  local port=""
  local started=""
  # Another process may take the port between the probe and the start: try a few ports.
  for _ in $(seq "$START_TRIES"); do
    port=$(free_port)
    if as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t "$START_TIMEOUT_S" -o "-p $port" \
      start >/dev/null 2>&1; then
      started=1
      break
    fi
    is_running && break
  done
  [ -n "$started" ] || die "the server did not start; last lines of $DIR/server.log:
$(tail -n 20 "$DIR/server.log" 2>/dev/null)"

  local exists
  exists=$(as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U "$DB_USER" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'") || die "cannot query the new server on port $port"
  if [ "$exists" != "1" ]; then
    as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$DB_USER" -E UTF8 "$DB_NAME" ||
      die "cannot create database $DB_NAME"
  fi

  local url="postgresql://$DB_USER@127.0.0.1:$port/$DB_NAME"
  echo "$url" | as_owner tee "$DIR/url" >/dev/null
  echo "$url"
}

stop() {
  if [ ! -f "$DATA/PG_VERSION" ]; then
    die "no cluster in $DIR"
  fi
  if ! is_running; then
    echo "pg-cluster: the server in $DIR is not running" >&2
    return 0
  fi
  as_owner "$PG_BIN/pg_ctl" -D "$DATA" -w -t "$START_TIMEOUT_S" stop -m fast >/dev/null ||
    die "pg_ctl stop failed; see $DIR/server.log"
  echo "pg-cluster: stopped the server in $DIR" >&2
}

url() {
  [ -f "$DIR/url" ] || die "no URL in $DIR; run: $0 start $DIR"
  is_running || die "the server in $DIR is not running; run: $0 start $DIR"
  cat "$DIR/url"
}

[ $# -eq 2 ] || usage
COMMAND=$1
DIR=$(realpath -m -- "$2")
DATA=$DIR/data
# The server user may not be allowed into the caller's working folder.
cd /

case "$COMMAND" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) usage ;;
esac
