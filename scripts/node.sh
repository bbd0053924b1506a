#!/bin/sh
# Prints the path of a Node.js >= 20 for the project's scripts:
#   "$(scripts/node.sh)" scripts/build-static.mjs
# Order: node_modules/.bin/node (the `node` npm devDependency, which
# `npm install` brings on machines whose system Node is older), then the
# system `node`. Fails with a message on stderr when neither is >= 20.
set -eu

MIN_MAJOR=20
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)

# Prints the major version of node binary $1, or nothing if it does not run.
major_of() {
  "$1" -e 'process.stdout.write(String(process.versions.node.split(".")[0]))' 2>/dev/null || true
}

ok() {
  m=$(major_of "$1")
  case "$m" in
    ''|*[!0-9]*) return 1 ;;
  esac
  [ "$m" -ge "$MIN_MAJOR" ]
}

local_node="$root/node_modules/.bin/node"
if [ -x "$local_node" ] && ok "$local_node"; then
  printf '%s\n' "$local_node"
  exit 0
fi

if sys_node=$(command -v node 2>/dev/null) && [ -n "$sys_node" ] && ok "$sys_node"; then
  printf '%s\n' "$sys_node"
  exit 0
fi

{
  echo "scripts/node.sh: no Node.js >= $MIN_MAJOR found."
  if [ -e "$local_node" ]; then
    echo "  $local_node exists but does not run or is too old (npm install --ignore-scripts skips its download)."
  else
    echo "  $local_node is missing: run 'npm ci' (or scripts/setup.sh) in $root."
  fi
  if [ -n "${sys_node:-}" ]; then
    echo "  system node $sys_node is $("$sys_node" --version 2>/dev/null || echo 'not runnable')."
  else
    echo "  no system 'node' on PATH."
  fi
} >&2
# Print a path that fails loudly if a caller ignores the exit status.
echo "/nonexistent/node-20-required"
exit 1
