#!/usr/bin/env bash
# Online filings per second over HTTP against plain SQLite doing the same rows, in the same run.
#
#   bench/submit.sh [--filings 3000] [--connections 64] [--pool-threads 64] [--baseline-seconds 10]
#                   [--server-threads N] [--keep]
#
# motcua: `init --demo`, an API token per demo citizen (`motcua token create`), `serve` with its durability
# defaults (SQLite, WAL, synchronous FULL, group commit of up to 64 jobs) and [http] pool_threads = POOL_THREADS
# (default 64, the shipped default: as many handlers as connections may wait on one commit, so a group commit
# can fill; 8, the default before issue 9, capped a batch at 8). bench/submit_load.mjs makes FILINGS drafts of a small generic-form dossier (a commune procedure
# with no required document), then files them all with CONNECTIONS keep-alive connections: only the submits are
# timed, one durable write job each (code, dossier, event, journal entry, outbox message). Baseline:
# build/bench/submit_baseline, 64 threads handing the same rows to one writer thread with the same durability and
# batching. Then the server is stopped and every acknowledged code is looked up in its database. The last line is
# `ratio X.XX` (HTTP filings/s / baseline filings/s; target >= 0.3).
# Needs build/motcua, build/bench/submit_baseline (ninja -C build motcua submit_baseline), node and sqlite3.
set -euo pipefail

FILINGS=3000
CONNECTIONS=64
POOL_THREADS=64
BASELINE_SECONDS=10
SERVER_THREADS=""
KEEP=0

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --filings) FILINGS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --pool-threads) POOL_THREADS="$2"; shift 2 ;;
    --baseline-seconds) BASELINE_SECONDS="$2"; shift 2 ;;
    --server-threads) SERVER_THREADS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "submit.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_positive submit.sh FILINGS CONNECTIONS POOL_THREADS BASELINE_SECONDS
[[ -z "$SERVER_THREADS" || "$SERVER_THREADS" =~ ^[1-9][0-9]*$ ]] ||
  { echo "submit.sh: --server-threads must be a positive whole number" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
note_load
MOTCUA="${MOTCUA:-$ROOT/build/motcua}"
BASELINE="${SUBMIT_BASELINE:-$ROOT/build/bench/submit_baseline}"
for tool in node sqlite3; do
  command -v "$tool" >/dev/null || { echo "submit.sh: $tool not found" >&2; exit 1; }
done
[[ -x "$MOTCUA" ]] || { echo "submit.sh: $MOTCUA not built (ninja -C build motcua)" >&2; exit 1; }
[[ -x "$BASELINE" ]] || { echo "submit.sh: $BASELINE not built (ninja -C build submit_baseline)" >&2; exit 1; }

demo_workspace submit
for login in 036185001234 036078002345; do  # the demo citizens (data/demo/accounts.csv)
  "$MOTCUA" token create --db "$TMP/motcua.db" --login "$login" --name "bench/submit.sh" >>"$TMP/tokens"
done
printf '[http]\npool_threads = %s\n[log]\naccess = false\n' "$POOL_THREADS" >"$TMP/motcua.toml"
SERVER_ENV=()
[[ -n "$SERVER_THREADS" ]] && SERVER_ENV=(MOTCUA_THREADS="$SERVER_THREADS")
env "${SERVER_ENV[@]}" "$MOTCUA" --config "$TMP/motcua.toml" \
  serve --db "$TMP/motcua.db" --listen 127.0.0.1:0 >"$TMP/motcua.out" 2>"$TMP/motcua.err" &
MOTCUA_PID=$!
wait_listening submit.sh
echo "== $FILINGS filings over HTTP, $CONNECTIONS connections (drafts made first, submits timed)"
node "$ROOT/bench/submit_load.mjs" "http://127.0.0.1:$PORT" "$TMP/tokens" "$FILINGS" "$CONNECTIONS" >"$TMP/load.txt" ||
  { echo "submit.sh: the load generator failed" >&2; exit 1; }
stop_pid "$MOTCUA_PID"
MOTCUA_PID=""
value() { sed -n "s/^$1 //p" "$2" | head -1; }
HTTP_RATE="$(value 'filings\/s' "$TMP/load.txt")"
HTTP_P50="$(value p50_ms "$TMP/load.txt")"
HTTP_P99="$(value p99_ms "$TMP/load.txt")"
HTTP_ERRORS="$(value errors "$TMP/load.txt")"
sed '1,/^codes:$/d' "$TMP/load.txt" | sort >"$TMP/acknowledged"
sqlite3 "$TMP/motcua.db" "SELECT code FROM dossiers WHERE code IS NOT NULL" | sort >"$TMP/stored"
ACKNOWLEDGED="$(wc -l <"$TMP/acknowledged")"
MISSING="$(comm -23 "$TMP/acknowledged" "$TMP/stored" | wc -l)"
DUPLICATES="$(uniq -d "$TMP/stored" | wc -l)"
echo "   $HTTP_RATE filings/s, p50 $HTTP_P50 ms, p99 $HTTP_P99 ms, $HTTP_ERRORS errors"

# ---------------------------------------------------------------- baseline
echo "== baseline: $BASELINE, 64 threads, group commit of 64, WAL, synchronous=FULL, ${BASELINE_SECONDS}s"
"$BASELINE" --db "$TMP/baseline.db" --threads 64 --batch 64 --seconds "$BASELINE_SECONDS" >"$TMP/baseline.txt"
BASE_RATE="$(value 'filings\/s' "$TMP/baseline.txt")"
BASE_P99="$(value p99_ms "$TMP/baseline.txt")"
echo "   $BASE_RATE filings/s, p99 $BASE_P99 ms"

echo
echo "Results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, MOTCUA_THREADS=${SERVER_THREADS:-default}, pool_threads $POOL_THREADS)"
echo "load average (1 min) before: $LOAD_START, after: $(cut -d' ' -f1 /proc/loadavg)"
printf '%-58s %12s %10s\n' "run" "filings/s" "p99 ms"
printf '%-58s %12s %10s\n' "motcua POST /api/v1/dossiers/{id}/submit, $CONNECTIONS conns" "$HTTP_RATE" "$HTTP_P99"
printf '%-58s %12s %10s\n' "plain SQLite, 64 threads, one writer, batch 64" "$BASE_RATE" "$BASE_P99"
echo "acknowledged codes: $ACKNOWLEDGED, missing from the database: $MISSING, codes stored twice: $DUPLICATES"
[[ "$MISSING" == 0 && "$DUPLICATES" == 0 && "$HTTP_ERRORS" == 0 ]] ||
  echo "ANOMALY: $MISSING acknowledged codes missing, $DUPLICATES duplicated, $HTTP_ERRORS failed submits"
awk -v a="$HTTP_RATE" -v b="$BASE_RATE" 'BEGIN { printf "ratio %.2f\n", (b > 0 ? a / b : 0) }'
