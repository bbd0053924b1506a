#!/usr/bin/env bash
# Proves that scripts/check-layers.sh fails on a forbidden include: copies src/ aside, adds one include that breaks a
# layer rule at a time, and expects a non-zero exit naming it; the unmodified copy must pass.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
failures=0
check() {  # check NAME FILE INCLUDE: adding INCLUDE to FILE must be refused
  rm -rf "$TMP/src" && cp -r "$ROOT/src" "$TMP/src"
  printf '#include "%s"\n' "$3" >>"$TMP/src/$2"
  if out="$(bash "$ROOT/scripts/check-layers.sh" "$TMP/src" 2>&1)"; then
    echo "FAIL $1: $2 including $3 was accepted"
    failures=$((failures + 1))
  elif ! grep -q "src/$2:.*\"$3\"" <<<"$out"; then
    echo "FAIL $1: the refusal does not name $2 and $3: $out"
    failures=$((failures + 1))
  else
    echo "ok   $1"
  fi
}
cp -r "$ROOT/src" "$TMP/src"
if bash "$ROOT/scripts/check-layers.sh" "$TMP/src" >/dev/null; then echo "ok   unchanged tree passes"; else
  echo "FAIL unchanged tree is refused"; failures=$((failures + 1)); fi
check "domain uses nothing of ours" domain/text.cpp store/database.hpp
check "http uses nothing of ours" http/router.cpp domain/text.hpp
check "store does not reach up" store/database.cpp service/accounts.hpp
check "web never includes api" web/site.cpp api/catalogue_api.hpp
check "api never includes web" api/catalogue_api.cpp web/site.hpp
check "web does not use the store" web/catalogue_pages.cpp store/catalogue_store.hpp
check "service does not know HTTP" service/catalogue.cpp http/message.hpp
check "security takes settings as values" security/password.cpp app/config.hpp
rm -rf "$TMP/src" && cp -r "$ROOT/src" "$TMP/src" && mkdir "$TMP/src/newlayer" &&
  echo '#pragma once' >"$TMP/src/newlayer/x.hpp"
if bash "$ROOT/scripts/check-layers.sh" "$TMP/src" >/dev/null 2>&1; then
  echo "FAIL a folder missing from the layer table was accepted"; failures=$((failures + 1)); else
  echo "ok   a new folder must be added to the layer table"; fi
[ "$failures" -eq 0 ]
