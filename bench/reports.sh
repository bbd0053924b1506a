#!/usr/bin/env bash
# /healthz latency while slow reports saturate the report executor, against /healthz alone (issue 7, item 6).
#
#   bench/reports.sh [--duration 15] [--report-connections 32] [--probe-connections 4] [--probe-pause 10]
#                    [--server-threads 2] [--keep]
#
# Starts motcua on a demo database with testing.slow_reports (a test-only report that holds a report thread until
# released), report_threads 2 and report_queue 8. Phase 1: the paced /healthz probe alone. Phase 2: the report
# executor is filled with held reports and wrk keeps sending more (they are refused with 503 + Retry-After) while
# the same probe runs. Prints both p99s and their ratio last. Needs build/motcua, wrk and curl.
set -euo pipefail

DURATION=15
REPORT_CONNECTIONS=32
PROBE_CONNECTIONS=4
PROBE_PAUSE=10
SERVER_THREADS=2
KEEP=0
REPORT_THREADS=2
REPORT_QUEUE=8

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --report-connections) REPORT_CONNECTIONS="$2"; shift 2 ;;
    --probe-connections) PROBE_CONNECTIONS="$2"; shift 2 ;;
    --probe-pause) PROBE_PAUSE="$2"; shift 2 ;;
    --server-threads) SERVER_THREADS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "reports.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_positive reports.sh DURATION REPORT_CONNECTIONS PROBE_CONNECTIONS PROBE_PAUSE SERVER_THREADS

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
note_load
MOTCUA="${MOTCUA:-$ROOT/build/motcua}"
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "reports.sh: $tool not found" >&2; exit 1; }
done
[[ -x "$MOTCUA" ]] || { echo "reports.sh: $MOTCUA not built (ninja -C build motcua)" >&2; exit 1; }


TMP="$(mktemp -d "${TMPDIR:-/tmp}/motcua-reports-bench.XXXXXX")"
MOTCUA_PID="" WRK_PID="" PROBE_PID=""
HELD_PIDS=()
cleanup() {
  local rc=$? p
  trap - EXIT INT TERM
  stop_pid "$PROBE_PID"
  stop_pid "$WRK_PID"
  [[ -n "${PORT:-}" ]] && curl -s -o /dev/null -X POST --max-time 5 "http://127.0.0.1:$PORT/api/thu-nghiem/bao-cao-cham/tha" || true
  for p in "${HELD_PIDS[@]}"; do stop_pid "$p"; done
  stop_pid "$MOTCUA_PID"
  if [[ $KEEP == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== motcua: init --demo in $TMP"
"$MOTCUA" init --db "$TMP/motcua.db" --demo >"$TMP/init.log" 2>&1 || { cat "$TMP/init.log" >&2; exit 1; }
cat >"$TMP/motcua.toml" <<TOML
[http]
report_threads = $REPORT_THREADS
report_queue = $REPORT_QUEUE

[log]
access = false

[testing]
slow_reports = true

# /metrics is read below without a token (it asks for one by default).
[metrics]
allow = ["127.0.0.1"]
TOML
MOTCUA_THREADS="$SERVER_THREADS" "$MOTCUA" --config "$TMP/motcua.toml" \
  serve --db "$TMP/motcua.db" --listen 127.0.0.1:0 >"$TMP/motcua.out" 2>"$TMP/motcua.err" &
MOTCUA_PID=$!
wait_listening reports.sh
M="http://127.0.0.1:$PORT"
echo "   listening on $M (MOTCUA_THREADS=$SERVER_THREADS, report_threads $REPORT_THREADS, report_queue $REPORT_QUEUE)"

probe() {  # probe OUT: the paced /healthz probe for DURATION seconds
  wrk -t1 -c "$PROBE_CONNECTIONS" -d "${DURATION}s" --latency -s "$ROOT/bench/healthz_probe.lua" "$M/healthz" \
    -- "$PROBE_PAUSE" >"$1" 2>&1 &
  PROBE_PID=$!; wait "$PROBE_PID"; PROBE_PID=""
}
p99_of() { to_ms "$(awk '$1 == "99%" {print $2}' "$1")"; }

echo "== phase 1: /healthz alone (${DURATION}s, $PROBE_CONNECTIONS connections, ${PROBE_PAUSE} ms pause)"
probe "$TMP/alone.txt"
ALONE="$(p99_of "$TMP/alone.txt")"
echo "   /healthz p99 alone: $ALONE ms"

echo "== phase 2: $((REPORT_THREADS + REPORT_QUEUE)) held reports + wrk -c $REPORT_CONNECTIONS on the report route"
for _ in $(seq $((REPORT_THREADS + REPORT_QUEUE))); do
  curl -s -o /dev/null --max-time $((DURATION + 60)) "$M/thu-nghiem/bao-cao-cham" &
  HELD_PIDS+=("$!")
done
for _ in $(seq 50); do
  held="$(curl -s --max-time 5 "$M/metrics" | awk '$1 == "motcua_executor_reports_held" {print $2}')"
  [[ "$held" == $((REPORT_THREADS + REPORT_QUEUE)) ]] && break
  sleep 0.1
done
echo "   report executor holds ${held:-?} of $((REPORT_THREADS + REPORT_QUEUE)) places"
wrk -t1 -c "$REPORT_CONNECTIONS" -d "$((DURATION + 2))s" "$M/thu-nghiem/bao-cao-cham" >"$TMP/reports.txt" 2>&1 &
WRK_PID=$!
sleep 1
probe "$TMP/loaded.txt"
wait "$WRK_PID" || true; WRK_PID=""
LOADED="$(p99_of "$TMP/loaded.txt")"
REFUSED="$(awk -F: '/Non-2xx or 3xx responses/ {gsub(/ /, "", $2); print $2}' "$TMP/reports.txt")"
REPORT_RPS="$(awk '/^Requests\/sec:/ {print $2}' "$TMP/reports.txt")"
curl -s -o /dev/null -X POST --max-time 5 "$M/api/thu-nghiem/bao-cao-cham/tha"
for p in "${HELD_PIDS[@]}"; do wait "$p" || true; done
HELD_PIDS=()
PROBE_ERRORS="$(awk -F: '/Non-2xx or 3xx responses/ {gsub(/ /, "", $2); print $2}' "$TMP/loaded.txt")"

echo
echo "Results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, MOTCUA_THREADS=$SERVER_THREADS)"
echo "load average (1 min) before: $LOAD_START, after: $(cut -d' ' -f1 /proc/loadavg)"
echo "report requests refused (503) meanwhile: ${REFUSED:-0} (${REPORT_RPS:-0} req/s answered)"
[[ -z "$PROBE_ERRORS" ]] || echo "ANOMALY: /healthz answered non-2xx $PROBE_ERRORS times under load"
echo "/healthz p99 alone ${ALONE} ms, under slow-report load ${LOADED} ms"
echo "ratio loaded/alone p99: $(awk -v a="$LOADED" -v b="$ALONE" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
