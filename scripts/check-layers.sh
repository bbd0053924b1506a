#!/usr/bin/env bash
# Fails when a file under src/ includes a header of a layer it may not use (DEVELOPERS.md, "Layers").
#   scripts/check-layers.sh [SRC_DIR]     (default: the src/ folder beside this script)
# Each folder of src/ is one layer; the table below says which other layers it may include. CMakeLists.txt links
# the libraries along the same edges. Unit tests (*_test.cpp) may also use app/ (build paths) and, as fixtures,
# store/ and security/.
set -euo pipefail
SRC="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../src" && pwd)}"

declare -A ALLOWED=(
  [domain]=""
  [http]=""
  [app]="http"
  [store]="domain"
  [security]="domain"
  [notify]="domain store"
  [service]="domain store security notify app"
  [access]="domain http service app"
  [web]="domain http access service app"
  [api]="domain http access service app"
  [portal]="domain http access service web api app"
  [demo]="domain store security service app"
)

violations=0
checked=0
while IFS= read -r -d '' file; do
  rel="${file#"$SRC"/}"
  layer="${rel%%/*}"
  [[ "$rel" == */* ]] || continue  # main.cpp wires everything together
  if [[ ! -v ALLOWED[$layer] ]]; then
    echo "check-layers: $rel: folder src/$layer is not in the layer table of scripts/check-layers.sh" >&2
    violations=$((violations + 1))
    continue
  fi
  checked=$((checked + 1))
  allowed="${ALLOWED[$layer]}"
  [[ "$rel" == *_test.cpp ]] && allowed="$allowed app store security"
  while IFS= read -r line; do
    lineno="${line%%:*}"
    # The quoted name, read by bash itself (a sed per include made the check take seconds).
    [[ "$line" =~ ^[0-9]+:[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]] || continue
    target="${BASH_REMATCH[1]}"
    [[ "$target" == */* ]] || continue
    other="${target%%/*}"
    [[ "$other" == "$layer" ]] && continue
    [[ -d "$SRC/$other" ]] || continue  # not one of ours
    if [[ " $allowed " != *" $other "* ]]; then
      echo "check-layers: src/$rel:$lineno includes \"$target\", but $layer may only use: ${allowed:-nothing of ours}" >&2
      violations=$((violations + 1))
    fi
  done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" || true)
done < <(find "$SRC" -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)

if [[ $violations -gt 0 ]]; then
  echo "check-layers: $violations forbidden include(s) in $checked files" >&2
  exit 1
fi
echo "check-layers: $checked files, every include within its layer's allowed dependencies"
