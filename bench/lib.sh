# Shared by the benchmark scripts (sourced, not run).

# require_positive SCRIPT VAR...: exits 2 naming the first VAR whose value is not a positive whole number.
require_positive() {
  local script="$1" v
  shift
  for v in "$@"; do
    [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "$script: $v must be a positive whole number" >&2; exit 2; }
  done
}

# stop_pid PID: TERM, wait up to 5 s, then KILL.
stop_pid() {
  local pid="$1" i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# note_load: sets LOAD_START to the 1-minute load average and warns when other work will skew the figures.
note_load() {
  LOAD_START="$(cut -d' ' -f1 /proc/loadavg)"
  if awk -v l="$LOAD_START" 'BEGIN { exit !(l > 0.5) }'; then
    echo "warning: load average is $LOAD_START before the benchmark; the figures will be noisy" >&2
  fi
}

# wait_listening SCRIPT: sets PORT from the readiness line motcua (MOTCUA_PID) writes to $TMP/motcua.out, or exits
# with its output when it stops or takes more than 10 s.
wait_listening() {
  PORT=""
  for _ in $(seq 100); do
    PORT="$(sed -n '1s#^motcua listening on http://127\.0\.0\.1:\([0-9][0-9]*\).*#\1#p' "$TMP/motcua.out" 2>/dev/null || true)"
    [[ -n "$PORT" ]] && return 0
    kill -0 "$MOTCUA_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "$1: motcua did not start" >&2
  cat "$TMP/motcua.out" "$TMP/motcua.err" >&2
  exit 1
}

# to_ms VALUE: a wrk duration ("812.00us", "1.23ms", "1.05s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.3f", n }'
}

# demo_workspace SCRIPT: a fresh $TMP holding $TMP/motcua.db made by `motcua init --demo`, removed on exit (unless
# KEEP=1) after stopping MOTCUA_PID; the exit status is kept. Needs MOTCUA (the binary) and KEEP set.
demo_workspace() {
  TMP="$(mktemp -d "${TMPDIR:-/tmp}/motcua-$1-bench.XXXXXX")"
  MOTCUA_PID=""
  trap _demo_workspace_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  echo "== motcua: init --demo in $TMP"
  "$MOTCUA" init --db "$TMP/motcua.db" --demo >"$TMP/init.log" 2>&1 || { cat "$TMP/init.log" >&2; exit 1; }
}

_demo_workspace_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$MOTCUA_PID"
  if [[ $KEEP == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
