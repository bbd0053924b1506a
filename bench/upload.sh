#!/usr/bin/env bash
# Streamed uploads: one 5 MB upload's throughput (median of several), and the server's memory while 32 uploads of
# 5 MB and then 32 of 20 MB run at once (it must not grow with the file size: bodies are spooled to disk).
#
#   bench/upload.sh [--runs 7] [--parallel 32] [--small-mb 5] [--large-mb 20] [--keep]
#
# Needs build/motcua and curl. The server runs with testing.upload_sink (a test-only multipart route,
# POST /api/thu-nghiem/tep, that parses the body and answers what it spooled) on a demo database in a temporary
# directory removed on exit. RSS figures are the server's VmHWM (peak resident set) over each phase, its peak reset
# before the phase through /proc/PID/clear_refs; see bench/README.md.
set -euo pipefail

RUNS=7
PARALLEL=32
SMALL_MB=5
LARGE_MB=20
KEEP=0

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --parallel) PARALLEL="$2"; shift 2 ;;
    --small-mb) SMALL_MB="$2"; shift 2 ;;
    --large-mb) LARGE_MB="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "upload.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_positive upload.sh RUNS PARALLEL SMALL_MB LARGE_MB
(( LARGE_MB < 64 )) || { echo "upload.sh: --large-mb must be under 64 (the sink route's limit)" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
note_load
MOTCUA="${MOTCUA:-$ROOT/build/motcua}"
command -v curl >/dev/null || { echo "upload.sh: curl not found" >&2; exit 1; }
[[ -x "$MOTCUA" ]] || { echo "upload.sh: $MOTCUA not built (ninja -C build motcua)" >&2; exit 1; }

demo_workspace upload
printf '[log]\naccess = false\n\n[testing]\nupload_sink = true\n' >"$TMP/motcua.toml"
"$MOTCUA" --config "$TMP/motcua.toml" serve --db "$TMP/motcua.db" --data-dir "$TMP/data" --listen 127.0.0.1:0 \
  >"$TMP/motcua.out" 2>"$TMP/motcua.err" &
MOTCUA_PID=$!
wait_listening upload.sh
URL="http://127.0.0.1:$PORT/api/thu-nghiem/tep"
echo "   listening on 127.0.0.1:$PORT"

# Random bytes: nothing on the way can compress them.
head -c "$((SMALL_MB * 1024 * 1024))" /dev/urandom >"$TMP/small.bin"
head -c "$((LARGE_MB * 1024 * 1024))" /dev/urandom >"$TMP/large.bin"

rss_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
reset_peak() { echo 5 >"/proc/$MOTCUA_PID/clear_refs" 2>/dev/null || echo "note: cannot reset the peak RSS" >&2; }
upload() {  # upload FILE -> "HTTP_CODE SECONDS"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 120 -H 'Expect:' \
    -F "csrf=bench" -F "tep=@$1;type=application/pdf;filename=scan.pdf" "$URL"
}

# ---------------------------------------------------------------- one upload's throughput
echo "== one ${SMALL_MB} MB upload, $RUNS runs"
upload "$TMP/small.bin" >/dev/null  # warm-up
: >"$TMP/times"
for _ in $(seq "$RUNS"); do
  read -r code secs < <(upload "$TMP/small.bin")
  [[ "$code" == 200 ]] || { echo "upload.sh: upload answered $code" >&2; cat "$TMP/motcua.err" >&2; exit 1; }
  echo "$secs" >>"$TMP/times"
done
MEDIAN_S="$(sort -n "$TMP/times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
MBPS="$(awk -v s="$MEDIAN_S" -v mb="$SMALL_MB" 'BEGIN {printf "%.0f", mb / s}')"
echo "   median $(awk -v s="$MEDIAN_S" 'BEGIN {printf "%.1f", s * 1000}') ms: $MBPS MB/s (curl -F over loopback, parsed and spooled to disk)"

# ---------------------------------------------------------------- memory under parallel uploads
# phase NAME FILE: PARALLEL uploads of FILE at once; prints the server's peak RSS meanwhile.
phase() {
  local name="$1" file="$2" i failed=0
  reset_peak
  local before
  before="$(rss_kb "$MOTCUA_PID" VmRSS)"
  for i in $(seq "$PARALLEL"); do
    upload "$file" >"$TMP/par-$i" &
  done
  wait $(jobs -p | grep -v "^$MOTCUA_PID\$") 2>/dev/null || true
  for i in $(seq "$PARALLEL"); do
    [[ "$(cut -d' ' -f1 "$TMP/par-$i")" == 200 ]] || failed=$((failed + 1))
  done
  local peak
  peak="$(rss_kb "$MOTCUA_PID" VmHWM)"
  printf '   %-28s RSS before %6d kB, peak %6d kB (+%d kB), failed uploads: %d\n' \
    "$name" "$before" "$peak" "$((peak - before))" "$failed"
  PEAK[$name]="$peak"
}
declare -A PEAK
echo "== $PARALLEL uploads at once"
IDLE="$(rss_kb "$MOTCUA_PID" VmRSS)"
echo "   idle RSS $IDLE kB"
phase "${PARALLEL} x ${SMALL_MB} MB" "$TMP/small.bin"
phase "${PARALLEL} x ${LARGE_MB} MB" "$TMP/large.bin"
SPOOLED="$(find "$TMP/data/spool" -type f 2>/dev/null | wc -l)"
echo "   spool files left after the uploads: $SPOOLED"
echo ""
echo "upload ${SMALL_MB} MB: $MBPS MB/s"
echo "peak RSS ${PARALLEL}x${SMALL_MB}MB: ${PEAK["${PARALLEL} x ${SMALL_MB} MB"]} kB, ${PARALLEL}x${LARGE_MB}MB: ${PEAK["${PARALLEL} x ${LARGE_MB} MB"]} kB"
