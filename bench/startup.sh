#!/usr/bin/env bash
# Cold start and memory of motcua with the demo data.
#
#   bench/startup.sh [--runs 5] [--requests 10000] [--server-threads 1]
#
# Measures: `motcua init --demo` time and database size; time from exec to the
# "motcua listening" line and to the first 200 on /healthz (min/median over the runs);
# VmRSS right after start and after N mixed requests (every procedure page, search API,
# search page, home). Needs build/motcua and curl; everything on 127.0.0.1 in a temp dir.
set -euo pipefail

RUNS=5
REQUESTS=10000
SERVER_THREADS=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --server-threads) SERVER_THREADS="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_positive startup.sh RUNS REQUESTS SERVER_THREADS

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
note_load
MOTCUA="${MOTCUA:-$ROOT/build/motcua}"
[[ -x "$MOTCUA" ]] || { echo "startup.sh: $MOTCUA not built (ninja -C build motcua)" >&2; exit 1; }
command -v curl >/dev/null || { echo "startup.sh: curl not found" >&2; exit 1; }

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, MOTCUA_THREADS=$SERVER_THREADS, load average $LOAD_START"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/motcua-startup.XXXXXX")"
PID="" DRAIN=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$PID"
  [[ -n "$DRAIN" ]] && { kill "$DRAIN" 2>/dev/null || true; wait "$DRAIN" 2>/dev/null || true; }
  exec 3<&- 2>/dev/null || true
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_us() { local t="$EPOCHREALTIME"; echo "${t/./}"; }   # bash >= 5
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
kb_mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

# ---------------------------------------------------------------- init --demo
t0="$(now_us)"
"$MOTCUA" init --db "$TMP/motcua.db" --demo >"$TMP/init.log" 2>&1 || { cat "$TMP/init.log" >&2; exit 1; }
t1="$(now_us)"
INIT_MS="$(ms $((t1 - t0)))"
DB_BYTES="$(du -cb "$TMP"/motcua.db* | awk 'END {print $1}')"
echo "init --demo: ${INIT_MS} ms, database $(awk -v b="$DB_BYTES" 'BEGIN { printf "%.2f MiB", b / 1048576 }') ($DB_BYTES bytes)"
grep -v '^\[' "$TMP/init.log" | sed 's/^/  /'
printf '[log]\naccess = false\n' >"$TMP/motcua.toml"

# ---------------------------------------------------------------- one start
# start_server: sets PID PORT LISTEN_US HEALTH_US. The "listening" line is read from a
# FIFO, so it is timed when motcua flushes it rather than at a polling tick; /healthz is
# probed with bash's /dev/tcp (no fork per probe).
start_server() {
  rm -f "$TMP/out.fifo"; mkfifo "$TMP/out.fifo"
  local t0 line
  t0="$(now_us)"
  MOTCUA_THREADS="$SERVER_THREADS" "$MOTCUA" --config "$TMP/motcua.toml" \
    serve --db "$TMP/motcua.db" --listen 127.0.0.1:0 >"$TMP/out.fifo" 2>>"$TMP/serve.err" &
  PID=$!
  exec 3<"$TMP/out.fifo"
  if ! IFS= read -r -t 30 line <&3; then
    echo "startup.sh: motcua did not print its listening line" >&2; cat "$TMP/serve.err" >&2; exit 1
  fi
  LISTEN_US=$(( $(now_us) - t0 ))
  cat <&3 >>"$TMP/serve.out" & DRAIN=$!
  PORT="${line##*:}"
  [[ "$PORT" =~ ^[0-9]+$ ]] || { echo "startup.sh: unexpected first line: $line" >&2; exit 1; }
  local status="" i
  for i in $(seq 2000); do
    if exec 4<>"/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; then
      printf 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&4
      IFS= read -r -t 5 status <&4 || true
      exec 4<&-
      [[ "$status" == "HTTP/1.1 200"* ]] && break
    fi
    sleep 0.005
  done
  [[ "$status" == "HTTP/1.1 200"* ]] || { echo "startup.sh: /healthz never answered 200 ($status)" >&2; exit 1; }
  HEALTH_US=$(( $(now_us) - t0 ))
}
stop_server() {
  stop_pid "$PID"; PID=""
  wait "$DRAIN" 2>/dev/null || true; DRAIN=""
  exec 3<&-
}

# ---------------------------------------------------------------- cold starts
# (The database file is in the page cache after init: "cold" means a fresh process.)
declare -a L H
for r in $(seq "$RUNS"); do
  start_server
  L+=("$LISTEN_US"); H+=("$HEALTH_US")
  printf '  run %d: listening %6s ms, first /healthz 200 %6s ms, VmRSS %s MiB\n' \
    "$r" "$(ms "$LISTEN_US")" "$(ms "$HEALTH_US")" "$(kb_mb "$(rss_kb "$PID")")"
  [[ $r == "$RUNS" ]] || stop_server
done
stats() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END {
  med = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
  printf "min %.1f ms, median %.1f ms", a[1] / 1000, med / 1000 }'; }
echo "exec -> listening line:   $(stats "${L[@]}")  ($RUNS runs)"
echo "exec -> first 200 healthz: $(stats "${H[@]}")  ($RUNS runs)"

# ---------------------------------------------------------------- memory
# The last server is still running. RSS after start, then after REQUESTS mixed requests
# over keep-alive connections (one curl process, URLs from a config file).
RSS0="$(rss_kb "$PID")"
M="http://127.0.0.1:$PORT"
mapfile -t CODES < <(tail -n +2 "$ROOT/data/reference/procedures.csv" | cut -d, -f1 | grep -E '^[0-9]+\.[0-9]+$')
QUERIES=(dang+ky dang+ky+khai+sinh ket+hon dat+dai ho+kinh+doanh chung+thuc+ban+sao thuong+tru giay+phep+xay+dung)
{
  echo 'silent'
  echo 'write-out = "%{http_code}\n"'
  for i in $(seq 0 $((REQUESTS - 1))); do
    case $((i % 10)) in
      0|1|2|3|4|5) echo "url = \"$M/thu-tuc/${CODES[$(( (i / 10 * 6 + i % 10) % ${#CODES[@]} ))]}\"" ;;
      6|7) echo "url = \"$M/api/v1/procedures?q=${QUERIES[$(( i / 10 % ${#QUERIES[@]} ))]}\"" ;;
      8) echo "url = \"$M/thu-tuc?q=${QUERIES[$(( i / 10 % ${#QUERIES[@]} ))]}\"" ;;
      9) echo "url = \"$M/\"" ;;
    esac
    echo 'output = "/dev/null"'
  done
} >"$TMP/curl.cfg"
t0="$(now_us)"
timeout 600 curl --config "$TMP/curl.cfg" >"$TMP/codes.txt" 2>"$TMP/curl.err" || true
t1="$(now_us)"
RSS1="$(rss_kb "$PID")"
N_DONE="$(wc -l <"$TMP/codes.txt")"
N_200="$(grep -c '^200$' "$TMP/codes.txt" || true)"
echo "VmRSS after start:            $(kb_mb "$RSS0") MiB"
echo "VmRSS after $N_DONE requests:  $(kb_mb "$RSS1") MiB  ($N_200 answered 200, $(ms $((t1 - t0))) ms with one keep-alive curl;"
echo "   mix: 60% procedure pages over ${#CODES[@]} codes, 20% /api/v1/procedures?q=, 10% /thu-tuc?q=, 10% /)"
if [[ "$N_200" != "$N_DONE" || "$N_DONE" != "$REQUESTS" ]]; then
  echo "ANOMALY: status codes other than 200:"; sort "$TMP/codes.txt" | uniq -c | sort -rn
fi
if grep -Eq '\] \[(warning|error|critical)\]' "$TMP/serve.err"; then
  echo "motcua stderr warnings/errors:"
  grep -E '\] \[(warning|error|critical)\]' "$TMP/serve.err" | sort | uniq -c | sort -rn | head -20
fi
