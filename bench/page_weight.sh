#!/usr/bin/env bash
# Page weight in Chromium: bytes received for the home page, a search and a procedure page at 360 px, on a first
# visit (empty cache) and a repeat visit (cache warm from another page), by resource type, headers included.
#
#   bench/page_weight.sh [--before OTHER_BIN] [--detail]
#
# Measures build/motcua (or $MOTCUA) with the static files and templates of its own source tree; --before also
# measures OTHER_BIN (e.g. a build of main: its own tree's static/ is what it serves) and prints it first.
# --detail lists every response. Bytes are Chromium's own count (CDP encodedDataLength); 1 kB = 1000 bytes. The
# figures do not depend on the machine's load. Needs Debian's chromium and the npm packages (make build).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MOTCUA="${MOTCUA:-$ROOT/build/motcua}"
BEFORE=""
DETAIL=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --before) BEFORE="$2"; shift 2 ;;
    --detail) DETAIL="--detail"; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "page_weight.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
NODE="$("$ROOT/scripts/node.sh")"

run() {
  local bin="$1"
  [[ -x "$bin" ]] || { echo "page_weight.sh: $bin not built (make build)" >&2; exit 1; }
  # The server's source tree (templates, static/) is the binary's own; MOTCUA_SOURCE_DIR only places temp files.
  MOTCUA_BIN="$bin" MOTCUA_SOURCE_DIR="$ROOT" "$NODE" "$ROOT/bench/page_weight.mjs" $DETAIL
}

echo "$(date -u +%Y-%m-%dT%H:%MZ), Chromium $(chromium --version 2>/dev/null | awk '{print $2}'), 360 px"
if [[ -n "$BEFORE" ]]; then
  echo ""
  echo "before: $BEFORE"
  run "$BEFORE"
fi
echo ""
echo "after: $MOTCUA"
run "$MOTCUA"
