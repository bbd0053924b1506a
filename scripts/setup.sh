#!/usr/bin/env bash
# Installs what motcua needs to build, run and test, when it is missing. Idempotent.
# Debian 12 packages through apt, front-end packages through npm; no other network access.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  # build
  cmake ninja-build g++ make ccache pkg-config git gettext clang libclang-rt-14-dev clang-format clang-tidy
  # libraries (Boost 1.81 only: never libboost-dev, which is 1.74 and conflicts)
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-locale1.81-dev
  libsqlite3-dev libpq-dev libctemplate-dev libsodium-dev libspdlog-dev libfmt-dev
  libcli11-dev libtomlplusplus-dev zlib1g-dev libbrotli-dev
  # uploads and receipts: magic bytes, phone photos (HEIC through libheif), PDF with a QR code and Vietnamese fonts
  libmagic-dev libvips-dev libheif-dev libcairo2-dev libpango1.0-dev libqrencode-dev fonts-liberation2
  # the logbook (form 06) as XLSX
  libxlsxwriter-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev postgresql-15 nginx-light wrk brotli
  chromium default-jre-headless curl sqlite3 poppler-utils unzip
)
# Node.js: Debian's nodejs + npm where no node is installed (a NodeSource node ships its own npm).
command -v npm >/dev/null 2>&1 || DEBIAN_PACKAGES+=(nodejs npm)

missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  # Debian starts a cluster and nginx on install; the project starts its own.
  $SUDO systemctl disable --now nginx postgresql >/dev/null 2>&1 || true
else
  echo "setup: Debian packages present"
fi

# npm packages (front end, end-to-end tests). Node 20 comes from npm when the system one is older.
if [ ! -f node_modules/.motcua-installed ] || [ package.json -nt node_modules/.motcua-installed ] \
   || [ package-lock.json -nt node_modules/.motcua-installed ]; then
  echo "setup: installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
  touch node_modules/.motcua-installed
else
  echo "setup: npm packages present"
fi
