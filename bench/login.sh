#!/usr/bin/env bash
# Password sign-ins per second, and how quickly the server still answers /healthz meanwhile.
#
#   bench/login.sh [--duration 20] [--connections 32] [--threads 2] [--probe-connections 4] [--probe-pause 10]
#                  [--server-threads N] [--keep]
#
# Needs build/motcua (ninja -C build motcua), wrk and curl; build/bench/password_bench (ninja -C build
# password_bench) for the argon2id time. Everything runs on 127.0.0.1 inside a temporary directory that is removed
# on exit. See bench/README.md for what the figures mean.
set -euo pipefail

DURATION=20          # seconds of sign-in load
CONNECTIONS=32       # wrk -c for the sign-ins
THREADS=2            # wrk -t for the sign-ins
PROBE_CONNECTIONS=4  # wrk -c for the /healthz probe (one wrk thread)
PROBE_PAUSE=10       # ms each probe connection waits before each request
SERVER_THREADS=""    # MOTCUA_THREADS; empty = motcua's default (one I/O thread per core)
WARMUP=2             # seconds of sign-ins before the measured run
KEEP=0               # --keep: leave the temp dir for inspection
ACCOUNT=036185001234 # demo citizen (data/demo/accounts.csv)
PASSWORD=NamDinh-thu-nghiem
P99_TARGET_MS=5      # /healthz p99 while sign-ins run

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --probe-connections) PROBE_CONNECTIONS="$2"; shift 2 ;;
    --probe-pause) PROBE_PAUSE="$2"; shift 2 ;;
    --server-threads) SERVER_THREADS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "login.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_positive login.sh DURATION CONNECTIONS THREADS PROBE_CONNECTIONS PROBE_PAUSE
[[ -z "$SERVER_THREADS" || "$SERVER_THREADS" =~ ^[1-9][0-9]*$ ]] ||
  { echo "login.sh: --server-threads must be a positive whole number" >&2; exit 2; }
(( DURATION >= 5 )) || { echo "login.sh: --duration must be at least 5 s" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
note_load
MOTCUA="${MOTCUA:-$ROOT/build/motcua}"
PASSWORD_BENCH="${PASSWORD_BENCH:-$ROOT/build/bench/password_bench}"
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "login.sh: $tool not found" >&2; exit 1; }
done
[[ -x "$MOTCUA" ]] || { echo "login.sh: $MOTCUA not built (ninja -C build motcua)" >&2; exit 1; }


TMP="$(mktemp -d "${TMPDIR:-/tmp}/motcua-login-bench.XXXXXX")"
MOTCUA_PID="" WRK_PID="" PROBE_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$PROBE_PID"
  stop_pid "$WRK_PID"
  stop_pid "$MOTCUA_PID"
  if [[ $KEEP == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- argon2id alone
HASH_MS="" VERIFY_MS=""
if [[ -x "$PASSWORD_BENCH" ]]; then
  echo "== argon2id in isolation ($PASSWORD_BENCH)"
  # Five repetitions, median: a neighbour on a shared VM easily adds a few ms to a single run.
  "$PASSWORD_BENCH" --benchmark_min_time=0.5 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_format=console >"$TMP/password_bench.txt" 2>&1 || { cat "$TMP/password_bench.txt" >&2; exit 1; }
  # "BM_HashPassword/real_time_median   14.1 ms   14.1 ms   5 ..." -> 14.1
  HASH_MS="$(awk '$1 ~ /^BM_HashPassword.*_median$/ && $3 == "ms" {print $2}' "$TMP/password_bench.txt")"
  VERIFY_MS="$(awk '$1 ~ /^BM_VerifyPassword.*_median$/ && $3 == "ms" {print $2}' "$TMP/password_bench.txt")"
  echo "   HashPassword ${HASH_MS:-?} ms, VerifyPassword ${VERIFY_MS:-?} ms (median of 5, one thread, wall time)"
else
  echo "note: $PASSWORD_BENCH not built (ninja -C build password_bench): no argon2id time" >&2
fi

# ---------------------------------------------------------------- motcua
echo "== motcua: init --demo in $TMP"
"$MOTCUA" init --db "$TMP/motcua.db" --demo >"$TMP/init.log" 2>&1 || { cat "$TMP/init.log" >&2; exit 1; }
printf '[log]\naccess = false\n' >"$TMP/motcua.toml"
SERVER_ENV=()
[[ -n "$SERVER_THREADS" ]] && SERVER_ENV=(MOTCUA_THREADS="$SERVER_THREADS")
env "${SERVER_ENV[@]}" "$MOTCUA" --config "$TMP/motcua.toml" \
  serve --db "$TMP/motcua.db" --listen 127.0.0.1:0 >"$TMP/motcua.out" 2>"$TMP/motcua.err" &
MOTCUA_PID=$!
wait_listening login.sh
M="http://127.0.0.1:$PORT"
# "demo mode, 1 password-hashing threads" on stderr at start-up.
HASH_THREADS="$(sed -n 's/.*mode, \([0-9][0-9]*\) password-hashing threads.*/\1/p' "$TMP/motcua.err" | head -1)"
echo "   listening on $M (MOTCUA_THREADS=${SERVER_THREADS:-default}, hash pool ${HASH_THREADS:-?} threads, access log off)"

# The sign-in works as the wrk script will do it: GET the form, POST it back with the cookie and token.
page="$(curl -s -c "$TMP/cookies" --max-time 10 "$M/dang-nhap")"
token="$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' <<<"$page" | head -1)"
[[ -n "$token" ]] || { echo "login.sh: no CSRF token in /dang-nhap" >&2; exit 1; }
code="$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/cookies" --max-time 10 \
  --data-urlencode "csrf=$token" --data-urlencode "tai_khoan=$ACCOUNT" --data-urlencode "mat_khau=$PASSWORD" \
  "$M/dang-nhap")"
[[ "$code" == 303 ]] || { echo "login.sh: sign-in of $ACCOUNT answered $code, expected 303" >&2; exit 1; }

# ---------------------------------------------------------------- wrk
# parse NAME FILE: sets RPS P50 P99 NON2XX SOCKERR for NAME from a wrk --latency report.
declare -A RPS P50 P99 NON2XX SOCKERR
parse() {
  local name="$1" out="$2"
  RPS[$name]="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  P50[$name]="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  P99[$name]="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  NON2XX[$name]="$(awk -F: '/Non-2xx or 3xx responses/ {gsub(/ /, "", $2); print $2}' "$out")"
  NON2XX[$name]="${NON2XX[$name]:-0}"
  SOCKERR[$name]="$(sed -n 's/^ *Socket errors: *//p' "$out")"
  SOCKERR[$name]="${SOCKERR[$name]:-none}"
  printf '   %-22s %10s req/s  p50 %8s ms  p99 %8s ms  non-2xx/3xx %s  socket errors: %s\n' \
    "$name" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${NON2XX[$name]}" "${SOCKERR[$name]}"
}
# wrk runs in the background and is waited for, so a signal to this script is handled at once.
probe() {  # probe SECONDS OUT
  timeout $(($1 + 30)) wrk -t 1 -c "$PROBE_CONNECTIONS" -d "$1s" --latency -s "$ROOT/bench/healthz_probe.lua" \
    "$M/healthz" -- "$PROBE_PAUSE" >"$2" 2>&1
}
logins() {  # logins SECONDS OUT
  timeout $(($1 + 30)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "$1s" --latency -s "$ROOT/bench/login.lua" \
    "$M" -- "$ACCOUNT" "$PASSWORD" >"$2" 2>&1
}
wait_ok() {  # wait_ok PID WHAT OUT
  local rc=0
  wait "$1" || rc=$?
  [[ $rc == 0 ]] || { echo "login.sh: wrk ($2) failed ($rc):" >&2; cat "$3" >&2; exit 1; }
}

echo "== /healthz alone: wrk -t1 -c$PROBE_CONNECTIONS -d${DURATION}s, ${PROBE_PAUSE} ms pause per request per connection"
probe "$DURATION" "$TMP/wrk-healthz-alone.txt" &
PROBE_PID=$!; wait_ok "$PROBE_PID" "healthz alone" "$TMP/wrk-healthz-alone.txt"; PROBE_PID=""
parse "healthz alone" "$TMP/wrk-healthz-alone.txt"

echo "== sign-ins: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after ${WARMUP}s warm-up), as $ACCOUNT;"
echo "   /healthz probe from 1 s after the start to 1 s before the end"
logins "$WARMUP" "$TMP/wrk-warmup.txt" &
WRK_PID=$!; wait_ok "$WRK_PID" "warm-up" "$TMP/wrk-warmup.txt"; WRK_PID=""
logins "$DURATION" "$TMP/wrk-login.txt" &
WRK_PID=$!
sleep 1
probe $((DURATION - 2)) "$TMP/wrk-healthz-load.txt" &
PROBE_PID=$!
wait_ok "$PROBE_PID" "healthz under load" "$TMP/wrk-healthz-load.txt"; PROBE_PID=""
wait_ok "$WRK_PID" "sign-ins" "$TMP/wrk-login.txt"; WRK_PID=""
parse "sign-ins" "$TMP/wrk-login.txt"
parse "healthz during sign-ins" "$TMP/wrk-healthz-load.txt"
LOGINS_LINE="$(grep '^sign-ins (303)' "$TMP/wrk-login.txt" || echo 'sign-ins (303): ?')"
LOGINS_PER_S="$(sed -n 's/^sign-ins\/s: //p' "$TMP/wrk-login.txt")"
echo "   $LOGINS_LINE"

ratio_p99="$(awk -v a="${P99[healthz during sign-ins]}" -v b="${P99[healthz alone]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
ok_p99="$(awk -v p="${P99[healthz during sign-ins]}" -v t="$P99_TARGET_MS" 'BEGIN { print (p <= t ? "yes" : "NO") }')"

echo
echo "Results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, MOTCUA_THREADS=${SERVER_THREADS:-default}, hash pool ${HASH_THREADS:-?} threads)"
echo "load average (1 min) before: $LOAD_START, after: $(cut -d' ' -f1 /proc/loadavg) (wrk + server alone add about 1-2)"
if [[ -n "$HASH_MS" ]]; then
  echo "argon2id (m=19456 KiB, t=2, 1 lane, median of 5): HashPassword $HASH_MS ms, VerifyPassword $VERIFY_MS ms"
fi
printf '%-52s %10s %10s %10s %12s\n' "run" "req/s" "p50 ms" "p99 ms" "non-2xx/3xx"
row() { printf '%-52s %10s %10s %10s %12s\n' "$1" "${RPS[$2]}" "${P50[$2]}" "${P99[$2]}" "${NON2XX[$2]}"; }
row "POST /dang-nhap, wrk -t$THREADS -c$CONNECTIONS" "sign-ins"
row "GET /healthz alone, -c$PROBE_CONNECTIONS paced" "healthz alone"
row "GET /healthz during sign-ins, -c$PROBE_CONNECTIONS paced" "healthz during sign-ins"
echo
echo "sign-ins/s (303 answers only): ${LOGINS_PER_S:-?}"
if [[ -n "$VERIFY_MS" && -n "$HASH_THREADS" && -n "$LOGINS_PER_S" ]]; then
  ceiling="$(awk -v t="$HASH_THREADS" -v ms="$VERIFY_MS" 'BEGIN { printf "%.1f", t * 1000 / ms }')"
  echo "hash-bound ceiling (pool threads / verify time): $ceiling/s; sign-ins/s / ceiling: $(awk -v a="$LOGINS_PER_S" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')"
fi
echo "/healthz p99 during sign-ins / alone: $ratio_p99"
echo "/healthz p99 during sign-ins: ${P99[healthz during sign-ins]} ms  (target <= $P99_TARGET_MS ms: $ok_p99)"

# Anything the server complained about during the run.
if grep -Eq '\] \[(warning|error|critical)\]' "$TMP/motcua.err"; then
  echo
  echo "motcua stderr warnings/errors:"
  grep -E '\] \[(warning|error|critical)\]' "$TMP/motcua.err" | sort | uniq -c | sort -rn | head -20
fi
for n in "sign-ins" "healthz alone" "healthz during sign-ins"; do
  [[ "${NON2XX[$n]}" == 0 && "${SOCKERR[$n]}" == none ]] || echo "ANOMALY: $n: non-2xx/3xx ${NON2XX[$n]}, socket errors: ${SOCKERR[$n]}"
done
grep -q '^sign-ins (303): [0-9]*, sign-in pages (200): [0-9]*, other answers: 0$' "$TMP/wrk-login.txt" ||
  echo "ANOMALY: sign-ins: $LOGINS_LINE"
