#!/usr/bin/env bash
# Prints the demo accounts of data/demo/accounts.csv: what to type at /dang-nhap, and what each one shows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
echo "  Demo logins at /dang-nhap, all with the password NamDinh-thu-nghiem:"
awk -F, 'NR > 1 { login = ($1 != "") ? $1 : $2; printf "    %-20s %s\n", login, $NF }' "$root/data/demo/accounts.csv"
echo "  Text messages and emails with one-time codes appear at /hop-thu-thu-nghiem (demo mailbox)."
