#!/usr/bin/env bash
# clang-tidy on what changed since the last commit whose whole tree was checked clean (the commit in .ci/tidy-base):
# every changed source file of src/ (tests and fuzz targets aside, as in `make tidy`), and every source file that
# includes a changed header, directly or through other headers. The whole tree is checked instead when that commit
# is not in this clone, or when .clang-tidy, the compiler settings (CMakeLists.txt) or this script changed since.
#
#   scripts/tidy-changed.sh            check (CI); exit status 1 on any finding
#   scripts/tidy-changed.sh --list     print the files it would check (or "all"), check nothing
#   scripts/tidy-changed.sh --record   check the whole tree and, when it is clean, record HEAD in .ci/tidy-base
#                                      (needs a clean working tree: the record names a commit, not the files)
#
# Why: clang-tidy with the static analyzer takes 10-25 s of CPU per file (the analyzer two thirds of it); the 141
# files of src/ are 50 CPU-minutes, more than CI's whole budget on 2 cores. A developer records a base after a full
# clean run (`make tidy-record`), and CI checks everything that changed since.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly BASE_FILE=.ci/tidy-base
readonly BUILD=build-tidy
readonly ALL_SOURCES='^(?!.*_test\.cpp$).*/src/.*\.cpp$'

configure() {
  # clang-tidy reads a clang compile database without precompiled headers (GCC's PCH is unreadable to clang).
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON >/dev/null
}

full() {
  if [[ "${1:-}" == "--list" ]]; then
    echo "all"
    exit 0
  fi
  configure
  echo "tidy: checking every source file of src/"
  run-clang-tidy -quiet -p "$BUILD" "$ALL_SOURCES"
}

if [[ "${1:-}" == "--record" ]]; then
  if [[ -n "$(git status --porcelain)" ]]; then
    echo "tidy: the working tree has changes; commit them first, so that the recorded commit is what was checked" >&2
    exit 2
  fi
  full
  git rev-parse HEAD >"$BASE_FILE"
  echo "tidy: clean; recorded $(cat "$BASE_FILE") in $BASE_FILE (commit it)"
  exit 0
fi

base="$(cat "$BASE_FILE" 2>/dev/null || true)"
if [[ -z "$base" ]] || ! git cat-file -e "${base}^{commit}" 2>/dev/null; then
  echo "tidy: no checked base commit in this clone (${base:-none}); checking the whole tree"
  full "${1:-}"
  exit 0
fi
changed="$(git diff --name-only "$base" -- src .clang-tidy CMakeLists.txt scripts/tidy-changed.sh)"
changed+=$'\n'"$(git ls-files --others --exclude-standard src)"
if grep -qxE '\.clang-tidy|CMakeLists\.txt|scripts/tidy-changed\.sh' <<<"$changed"; then
  echo "tidy: the checks or the compiler settings changed since $base; checking the whole tree"
  full "${1:-}"
  exit 0
fi

# The changed headers, and every header that includes one of them, until nothing new is found.
declare -A headers=()
while IFS= read -r f; do
  [[ "$f" == src/*.hpp && -f "$f" ]] && headers["${f#src/}"]=1
done <<<"$changed"
grown=1
while [[ $grown == 1 ]]; do
  grown=0
  for h in "${!headers[@]}"; do
    while IFS= read -r f; do
      rel="${f#src/}"
      if [[ "$f" == *.hpp && -z "${headers[$rel]:-}" ]]; then
        headers["$rel"]=1
        grown=1
      fi
    done < <(grep -rlF --include='*.hpp' "#include \"$h\"" src || true)
  done
done

# The source files to check: changed ones, and those including a changed (or affected) header.
declare -A sources=()
while IFS= read -r f; do
  [[ "$f" == src/*.cpp && "$f" != *_test.cpp && "$f" != *_fuzz.cpp && -f "$f" ]] && sources["$f"]=1
done <<<"$changed"
for h in "${!headers[@]}"; do
  while IFS= read -r f; do
    [[ "$f" != *_test.cpp && "$f" != *_fuzz.cpp ]] && sources["$f"]=1
  done < <(grep -rlF --include='*.cpp' "#include \"$h\"" src || true)
done

if [[ ${#sources[@]} -eq 0 ]]; then
  echo "tidy: no source file of src/ changed since the checked base $base"
  exit 0
fi
if [[ "${1:-}" == "--list" ]]; then
  printf '%s\n' "${!sources[@]}" | sort
  exit 0
fi
configure
pattern="$(printf '%s\n' "${!sources[@]}" | sort | sed 's/[.]/\\./g' | paste -sd '|')"
echo "tidy: ${#sources[@]} source files changed since the checked base $base (or include a changed header)"
run-clang-tidy -quiet -p "$BUILD" "/($pattern)\$"
