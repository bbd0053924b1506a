#!/bin/sh
# Runs Node's built-in test runner on the given test files from the repository root:
#   scripts/node-test.sh tests/integration/http_errors.test.mjs
# ctest calls it once per file with MOTCUA_BIN (the motcua binary) and MOTCUA_SOURCE_DIR set.
# The runner's exit status is passed through.
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/node-test.sh FILE..." >&2
  exit 2
fi

# Resolve every file against the caller's directory before moving to the repository root.
files=""
for f in "$@"; do
  case "$f" in
    /*) abs="$f" ;;
    *) abs="$(pwd)/$f" ;;
  esac
  if [ ! -f "$abs" ]; then
    echo "scripts/node-test.sh: no such test file: $f" >&2
    exit 2
  fi
  files="$files
$abs"
done

node=$("$root/scripts/node.sh")
cd "$root"
: "${MOTCUA_SOURCE_DIR:=$root}"
export MOTCUA_SOURCE_DIR

# Newline-separated list; test file paths do not contain newlines.
set -f
old_ifs=$IFS
IFS='
'
set -- $files
IFS=$old_ifs
exec "$node" --test --test-reporter=spec "$@"
