#!/usr/bin/env bash
# Runs every libFuzzer target of build-fuzz (fuzz/*_fuzz.cpp) for SECONDS each, JOBS targets at a time (each target
# is one process on one core, so running them side by side gives each the same time as one after the other):
#   scripts/fuzz.sh SECONDS [JOBS]
# libFuzzer's output goes to build-fuzz/logs/TARGET.log; one line per target is printed (runs, time, coverage,
# result), and the tail of the log only for a target that fails. Exit status 1 when any target fails.
set -uo pipefail
cd "$(dirname "$0")/.."

readonly SECONDS_EACH="${1:?usage: scripts/fuzz.sh SECONDS [JOBS]}"
readonly JOBS="${2:-$(nproc)}"
readonly BUILD=build-fuzz
readonly LOGS="$BUILD/logs"
readonly MAX_LEN=4096
readonly TAIL_LINES=40

mkdir -p "$LOGS" "$BUILD/artifacts"
targets=()
for source in fuzz/*_fuzz.cpp; do
  targets+=("$(basename "$source" .cpp)")
done

# One target: libFuzzer into its log, then "status<TAB>summary" into its .result file.
run_one() {
  local target="$1"
  local name="${target%_fuzz}"
  local log="$LOGS/$target.log"
  mkdir -p "$BUILD/corpus-$name"
  local start=$SECONDS
  "$BUILD/fuzz/$target" -max_total_time="$SECONDS_EACH" -max_len="$MAX_LEN" -print_final_stats=1 \
    -artifact_prefix="$BUILD/artifacts/$target-" "$BUILD/corpus-$name" "fuzz/corpus/$name" >"$log" 2>&1
  local code=$?
  local runs cov corpus
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  corpus=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1)
  local result=ok
  [ "$code" -eq 0 ] || result="FAILED (exit $code)"
  printf '%s\t%-22s %10s runs in %3d s  %-18s %-16s %s\n' "$code" "$target" "${runs:-?}" "$((SECONDS - start))" \
    "${cov:--}" "${corpus:--}" "$result" >"$LOGS/$target.result"
}

running=0
for target in "${targets[@]}"; do
  if [ ! -x "$BUILD/fuzz/$target" ]; then
    echo "$BUILD/fuzz/$target is missing: build it with make fuzz" >"$LOGS/$target.log"
    printf '1\t%-22s not built\n' "$target" >"$LOGS/$target.result"
    continue
  fi
  run_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

failed=0
for target in "${targets[@]}"; do
  IFS=$'\t' read -r code line <"$LOGS/$target.result"
  echo "fuzz: $line"
  if [ "$code" != 0 ]; then
    failed=$((failed + 1))
    echo "--- last $TAIL_LINES lines of $LOGS/$target.log"
    tail -n "$TAIL_LINES" "$LOGS/$target.log" 2>/dev/null
    echo "---"
  fi
done
echo "fuzz: ${#targets[@]} targets, $SECONDS_EACH s each, $JOBS at a time: $((${#targets[@]} - failed)) passed, $failed failed (logs in $LOGS/)"
[ "$failed" -eq 0 ]
