#!/usr/bin/env bash
# HTTP throughput and latency of motcua, compared with nginx serving the same bytes.
#
#   bench/http.sh [--duration 15] [--connections 64] [--threads 2] [--server-threads 2] [--pin]
#
# Needs build/motcua (ninja -C build motcua), wrk, curl and nginx (/usr/sbin/nginx).
# Everything runs on 127.0.0.1 inside a temporary directory that is removed on exit.
# See bench/README.md for what the figures mean.
set -euo pipefail

DURATION=15        # seconds per wrk run
CONNECTIONS=64     # wrk -c
THREADS=2          # wrk -t
SERVER_THREADS=2   # MOTCUA_THREADS and nginx worker_processes (same for both)
PIN=0              # --pin: server on CPU 0, wrk on CPU 1 (taskset)
WARMUP=2           # seconds of wrk before each measured run
KEEP=0             # --keep: leave the temp dir for inspection

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --server-threads) SERVER_THREADS="$2"; shift 2 ;;
    --pin) PIN=1; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "http.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_positive http.sh DURATION CONNECTIONS THREADS SERVER_THREADS

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
note_load
MOTCUA="${MOTCUA:-$ROOT/build/motcua}"
NGINX="${NGINX:-/usr/sbin/nginx}"
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "http.sh: $tool not found" >&2; exit 1; }
done
[[ -x "$MOTCUA" ]] || { echo "http.sh: $MOTCUA not built (ninja -C build motcua)" >&2; exit 1; }
[[ -x "$NGINX" ]] || { echo "http.sh: $NGINX not found (apt-get install nginx-light)" >&2; exit 1; }

SRV_CPU=() WRK_CPU=()
if [[ $PIN == 1 ]]; then
  command -v taskset >/dev/null || { echo "http.sh: --pin needs taskset" >&2; exit 1; }
  SRV_CPU=(taskset -c 0) WRK_CPU=(taskset -c 1)
fi


TMP="$(mktemp -d "${TMPDIR:-/tmp}/motcua-bench.XXXXXX")"
MOTCUA_PID="" NGINX_PID="" WRK_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$WRK_PID"
  stop_pid "$NGINX_PID"
  stop_pid "$MOTCUA_PID"
  if [[ $KEEP == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A port nothing listens on (connection refused) in 20000..59999.
free_port() {
  local p i
  for i in $(seq 200); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# ---------------------------------------------------------------- motcua
echo "== motcua: init --demo in $TMP"
"$MOTCUA" init --db "$TMP/motcua.db" --demo >"$TMP/init.log" 2>&1 || { cat "$TMP/init.log" >&2; exit 1; }
printf '[log]\naccess = false\n' >"$TMP/motcua.toml"
MOTCUA_THREADS="$SERVER_THREADS" "${SRV_CPU[@]}" "$MOTCUA" --config "$TMP/motcua.toml" \
  serve --db "$TMP/motcua.db" --listen 127.0.0.1:0 >"$TMP/motcua.out" 2>"$TMP/motcua.err" &
MOTCUA_PID=$!
wait_listening http.sh
M="http://127.0.0.1:$PORT"
echo "   listening on $M (MOTCUA_THREADS=$SERVER_THREADS, access log off)"

PAGE_PATH=/thu-tuc/1.000656
mkdir -p "$TMP/www"
code="$(curl -s -o "$TMP/www/page.html" -w '%{http_code}' --max-time 10 "$M$PAGE_PATH")"
if [[ "$code" == 404 ]]; then
  PAGE_PATH=/thu-tuc/1.001193
  code="$(curl -s -o "$TMP/www/page.html" -w '%{http_code}' --max-time 10 "$M$PAGE_PATH")"
fi
[[ "$code" == 200 ]] || { echo "http.sh: GET $PAGE_PATH answered $code" >&2; exit 1; }
PAGE_BYTES="$(wc -c <"$TMP/www/page.html")"
echo "   page $PAGE_PATH: $PAGE_BYTES bytes"
API_PATH=/api/v1/procedures
API_QUERY='q=dang+ky'
code="$(curl -s -o "$TMP/www/api.json" -w '%{http_code}' --max-time 10 "$M$API_PATH?$API_QUERY")"
[[ "$code" == 200 ]] || { echo "http.sh: GET $API_PATH?$API_QUERY answered $code" >&2; exit 1; }
API_BYTES="$(wc -c <"$TMP/www/api.json")"
echo "   search API $API_PATH?$API_QUERY: $API_BYTES bytes"

# ---------------------------------------------------------------- nginx
# Same bytes, same path, roughly the same response headers (no compression).
# nginx drops to "nobody" when started as root: make the web root readable.
chmod 755 "$TMP" "$TMP/www"; chmod 644 "$TMP/www/page.html" "$TMP/www/api.json"
mkdir -p "$TMP/nginx"
write_nginx_conf() {
  cat >"$TMP/nginx.conf" <<EOF
worker_processes $SERVER_THREADS;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server_tokens off;
  default_type text/html;
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 30s;
  keepalive_requests 10000000;
  client_body_temp_path $TMP/nginx/body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $TMP/www;
    add_header Cache-Control "no-cache";
    add_header X-Request-Id "d746c7e9edbff53c";
    add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    add_header X-Content-Type-Options nosniff;
    add_header X-Frame-Options DENY;
    add_header Referrer-Policy strict-origin-when-cross-origin;
    add_header Permissions-Policy "camera=(), microphone=(), geolocation=()";
    add_header Cross-Origin-Opener-Policy same-origin;
    location = $PAGE_PATH { try_files /page.html =404; }
    location = $API_PATH { default_type application/json; try_files /api.json =404; }
    location / { return 404; }
  }
}
EOF
}
NGINX_PORT=""
for _ in 1 2 3 4 5; do
  NGINX_PORT="$(free_port)" || { echo "http.sh: no free port" >&2; exit 1; }
  write_nginx_conf
  "${SRV_CPU[@]}" "$NGINX" -p "$TMP/nginx/" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" \
    >"$TMP/nginx.out" 2>&1 &
  NGINX_PID=$!
  for _ in $(seq 50); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$NGINX_PORT$PAGE_PATH" && break
    kill -0 "$NGINX_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$NGINX_PID" 2>/dev/null && break
  NGINX_PID=""   # port taken meanwhile: try another
done
[[ -n "$NGINX_PID" ]] || { echo "http.sh: nginx did not start" >&2; cat "$TMP/nginx.out" "$TMP/nginx-error.log" >&2 2>/dev/null; exit 1; }
N="http://127.0.0.1:$NGINX_PORT"
if ! cmp -s <(curl -s --max-time 5 "$N$PAGE_PATH") "$TMP/www/page.html" ||
   ! cmp -s <(curl -s --max-time 5 "$N$API_PATH?$API_QUERY") "$TMP/www/api.json"; then
  echo "http.sh: nginx does not serve the same bytes" >&2; exit 1
fi
echo "== nginx/$("$NGINX" -v 2>&1 | sed 's#.*/##') on $N (worker_processes $SERVER_THREADS)"
hdr_bytes() { curl -s -o /dev/null -D - --max-time 5 "$1" | wc -c; }
echo "   response header bytes: motcua $(hdr_bytes "$M$PAGE_PATH"), nginx $(hdr_bytes "$N$PAGE_PATH")"

# ---------------------------------------------------------------- wrk
# run_wrk NAME URL: warm-up, then the measured run; sets RPS P50 P99 NON2XX SOCKERR for NAME.
declare -A RPS P50 P99 NON2XX SOCKERR
run_wrk() {
  local name="$1" url="$2" out="$TMP/wrk-$1.txt" bound=$((DURATION + WARMUP + 30))
  # wrk runs in the background and is waited for, so a signal to this script is handled
  # at once (the trap stops wrk too) instead of after the run.
  timeout "$bound" "${WRK_CPU[@]}" wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP}s" "$url" >/dev/null 2>&1 &
  WRK_PID=$!; wait "$WRK_PID" || true; WRK_PID=""
  local rc=0
  timeout "$bound" "${WRK_CPU[@]}" wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --latency "$url" >"$out" 2>&1 &
  WRK_PID=$!; wait "$WRK_PID" || rc=$?; WRK_PID=""
  [[ $rc == 0 ]] || { echo "http.sh: wrk against $url failed ($rc):" >&2; cat "$out" >&2; exit 1; }
  RPS[$name]="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  P50[$name]="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  P99[$name]="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  NON2XX[$name]="$(awk -F: '/Non-2xx or 3xx responses/ {gsub(/ /, "", $2); print $2}' "$out")"
  NON2XX[$name]="${NON2XX[$name]:-0}"
  SOCKERR[$name]="$(sed -n 's/^ *Socket errors: *//p' "$out")"
  SOCKERR[$name]="${SOCKERR[$name]:-none}"
  printf '   %-14s %10s req/s  p50 %8s ms  p99 %8s ms  non-2xx %s  socket errors: %s\n' \
    "$name" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${NON2XX[$name]}" "${SOCKERR[$name]}"
}

echo "== wrk -t $THREADS -c $CONNECTIONS -d ${DURATION}s --latency (after ${WARMUP}s warm-up each)$([[ $PIN == 1 ]] && echo ', servers on CPU 0, wrk on CPU 1')"
run_wrk nginx "$N$PAGE_PATH"
run_wrk motcua "$M$PAGE_PATH"
run_wrk nginx-api "$N$API_PATH?$API_QUERY"
run_wrk api "$M$API_PATH?$API_QUERY"
run_wrk search "$M/thu-tuc?q=dang+ky"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
meets() { awk -v r="$1" -v p="$2" 'BEGIN { print (r >= 0.8 && p <= 5 ? "yes" : "NO") }'; }
ratio_page="$(ratio "${RPS[motcua]}" "${RPS[nginx]}")"
ratio_api="$(ratio "${RPS[api]}" "${RPS[nginx-api]}")"
ok_page="$(meets "$ratio_page" "${P99[motcua]}")"
ok_api="$(meets "$ratio_api" "${P99[api]}")"

echo
echo "Results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, MOTCUA_THREADS=$SERVER_THREADS, nginx worker_processes $SERVER_THREADS, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s)"
echo "load average (1 min) before: $LOAD_START, after: $(cut -d' ' -f1 /proc/loadavg) (wrk + server alone add about 1-2)"
printf '%-46s %12s %10s %10s %8s\n' "target" "req/s" "p50 ms" "p99 ms" "non-2xx"
row() { printf '%-46s %12s %10s %10s %8s\n' "$1" "${RPS[$2]}" "${P50[$2]}" "${P99[$2]}" "${NON2XX[$2]}"; }
row "nginx  $PAGE_PATH ($PAGE_BYTES B)" nginx
row "motcua $PAGE_PATH" motcua
row "nginx  $API_PATH?$API_QUERY ($API_BYTES B)" nginx-api
row "motcua $API_PATH?$API_QUERY" api
row "motcua /thu-tuc?q=dang+ky (no nginx twin)" search

# Anything the server complained about during the run.
if grep -Eq '\] \[(warning|error|critical)\]' "$TMP/motcua.err"; then
  echo
  echo "motcua stderr warnings/errors:"
  grep -E '\] \[(warning|error|critical)\]' "$TMP/motcua.err" | sort | uniq -c | sort -rn | head -20
fi
extra_out="$(tail -n +2 "$TMP/motcua.out" | wc -l)"
[[ "$extra_out" == 0 ]] || echo "note: $extra_out access-log lines on stdout although log.access=false"
for n in nginx motcua nginx-api api search; do
  [[ "${NON2XX[$n]}" == 0 && "${SOCKERR[$n]}" == none ]] || echo "ANOMALY: $n: non-2xx ${NON2XX[$n]}, socket errors: ${SOCKERR[$n]}"
done

# One line per endpoint, then the summary line last (targets: ratio >= 0.80 and p99 <= 5 ms).
echo
printf 'page %-32s ratio %s  p99 %s ms (nginx %s ms)  target met: %s\n' "$PAGE_PATH" "$ratio_page" "${P99[motcua]}" "${P99[nginx]}" "$ok_page"
printf 'api  %-32s ratio %s  p99 %s ms (nginx %s ms)  target met: %s\n' "$API_PATH?$API_QUERY" "$ratio_api" "${P99[api]}" "${P99[nginx-api]}" "$ok_api"
echo "summary: motcua/nginx req/s page $ratio_page api $ratio_api; p99 page ${P99[motcua]} ms api ${P99[api]} ms; load $LOAD_START; targets met: page $ok_page api $ok_api"
