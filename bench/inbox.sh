#!/usr/bin/env bash
# The officers' inbox and its counts with 1 M open dossiers, on SQLite and on PostgreSQL (issue 10; target p99 <= 20 ms).
#
#   bench/inbox.sh [--count 1000000] [--iterations 300] [--engine sqlite|postgres|both] [--keep]
#
# For each engine: `motcua init --demo` (the demo province, its accounts and the living office), then COUNT running
# dossiers generated straight into the dossiers table by one INSERT … SELECT (bench/inbox_gen.sh): spread over every
# agency with a one-stop desk (a tenth at Sở Tư pháp and a twentieth at Phường Năng Tĩnh, so that their officers'
# queues are the large ones), over the workflow steps and their roles, over the specialists as holders, with current
# appointments from 30 days past to 30 days ahead; 2 % are filed and waiting for reception. Then ANALYZE, the query
# plans of every inbox query (EXPLAIN QUERY PLAN / EXPLAIN) showing the indexes used, the service called directly
# (build/bench/inbox_bench: InboxOf, one page and every count, p50/p99 per officer and queue), and GET /api/v1/inbox
# over HTTP with the officers' API tokens (bench/inbox_load.mjs, one request at a time).
# Needs build/motcua and build/bench/inbox_bench (ninja -C build motcua inbox_bench), node, sqlite3, and for
# PostgreSQL the server binaries used by scripts/pg-cluster.sh.
set -euo pipefail

COUNT=1000000
ITERATIONS=300
ENGINE=both
KEEP=0
usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    --iterations) ITERATIONS="$2"; shift 2 ;;
    --engine) ENGINE="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "inbox.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
source "$BENCH/lib.sh"
require_positive inbox.sh COUNT ITERATIONS
[[ "$ENGINE" =~ ^(sqlite|postgres|both)$ ]] || { echo "inbox.sh: --engine is sqlite, postgres or both" >&2; exit 2; }
MOTCUA="${MOTCUA:-$ROOT/build/motcua}"
INBOX_BENCH="${INBOX_BENCH:-$ROOT/build/bench/inbox_bench}"
for f in "$MOTCUA" "$INBOX_BENCH"; do
  [[ -x "$f" ]] || { echo "inbox.sh: $f not built (ninja -C build motcua inbox_bench)" >&2; exit 1; }
done
note_load

TMP="$(mktemp -d "${TMPDIR:-/tmp}/motcua-inbox-bench.XXXXXX")"
chmod 755 "$TMP"  # the PostgreSQL cluster of scripts/pg-cluster.sh runs as postgres under it
MOTCUA_PID=""
PG_STARTED=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$MOTCUA_PID"
  [[ $PG_STARTED == 1 ]] && bash "$ROOT/scripts/pg-cluster.sh" stop "$TMP/pg" >/dev/null 2>&1
  if [[ $KEEP == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

OFFICERS=(truongphong.tuphap chuyenvien.tuphap tiepnhan.tuphap giamdoc.tuphap tuphap.nangtinh tiepnhan.nangtinh)

# run_engine NAME DB SQL_RUNNER: the whole measurement on one database.
run_engine() {
  local name="$1" db="$2" runner="$3"
  echo ""
  echo "===== $name"
  echo "== init --demo"
  "$MOTCUA" init --db "$db" --demo >"$TMP/init-$name.log" 2>&1 || { cat "$TMP/init-$name.log" >&2; exit 1; }
  echo "== generating $COUNT open dossiers"
  local start=$SECONDS
  bash "$BENCH/inbox_gen.sh" "$name" "$COUNT" | $runner >/dev/null
  echo "   generated and analysed in $((SECONDS - start)) s"
  echo "== query plans"
  bash "$BENCH/inbox_gen.sh" "$name-plans" "$COUNT" | $runner
  echo "== service (InboxOf), $ITERATIONS calls per officer and queue"
  local logins=()
  for login in "${OFFICERS[@]}"; do logins+=(--login "$login"); done
  "$INBOX_BENCH" --db "$db" --iterations "$ITERATIONS" "${logins[@]}"
  echo "== HTTP (GET /api/v1/inbox), $ITERATIONS requests per officer and queue"
  : >"$TMP/tokens-$name"
  for login in "${OFFICERS[@]}"; do
    echo "$login $("$MOTCUA" token create --db "$db" --login "$login" --name bench/inbox.sh)" >>"$TMP/tokens-$name"
  done
  printf '[log]\naccess = false\n' >"$TMP/motcua.toml"
  "$MOTCUA" serve --db "$db" --listen 127.0.0.1:0 --config "$TMP/motcua.toml" --data-dir "$TMP/data" \
    >"$TMP/motcua.out" 2>"$TMP/motcua.err" &
  MOTCUA_PID=$!
  wait_listening inbox.sh
  node "$BENCH/inbox_load.mjs" "http://127.0.0.1:$PORT" "$TMP/tokens-$name" "$ITERATIONS"
  stop_pid "$MOTCUA_PID"
  MOTCUA_PID=""
}

if [[ $ENGINE == sqlite || $ENGINE == both ]]; then
  command -v sqlite3 >/dev/null || { echo "inbox.sh: sqlite3 not found" >&2; exit 1; }
  run_engine sqlite "$TMP/motcua.db" "sqlite3 -bail $TMP/motcua.db"
fi
if [[ $ENGINE == postgres || $ENGINE == both ]]; then
  bash "$ROOT/scripts/pg-cluster.sh" start "$TMP/pg" >/dev/null
  PG_STARTED=1
  run_engine postgres "$(cat "$TMP/pg/url")" "psql -q -v ON_ERROR_STOP=1 $(cat "$TMP/pg/url")"
fi
