#!/usr/bin/env bash
# Extracts the interface message ids (Vietnamese texts) into locale/motcua.pot and merges them
# into every locale/<lang>/LC_MESSAGES/motcua.po (English is created with msginit when missing).
#
# Sources of message ids:
#   templates/**/*.tpl   text written _("…"): everything between _(" and the next ") taken verbatim,
#                        exactly as Templates::MessageIds / Templates::Translate read it;
#   src/**/*.cpp         N_("…") (domain texts translated later) and
#                        T(lang, "…") / site.T(…, "…") / site_.T(…, "…"): a T( call whose second
#                        argument is a string literal (adjacent literals concatenated), via xgettext;
#   src/web/information_pages.cpp  the title and purpose literals of the kUpcoming table.
#
# Idempotent: the .pot (and therefore the .po files) is only rewritten when the messages change,
# so POT-Creation-Date does not churn. Locations are written without line numbers.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for tool in xgettext msgcat msgmerge msginit msgfmt perl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "extract-messages: $tool not found (install gettext)" >&2
    exit 1
  fi
done

pot=locale/motcua.pot
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Options shared by every gettext tool that writes a catalogue.
common=(--no-wrap --sort-output --add-location=file)

# 1. Templates: rewrite each template as a C file holding only _("…") calls, in the same relative
#    path under $tmp so the .pot references the real template.
mapfile -t tpls < <(find templates -type f -name '*.tpl' | LC_ALL=C sort)
for tpl in "${tpls[@]}"; do
  mkdir -p "$tmp/$(dirname "$tpl")"
  perl -0777 -ne '
    my $text = $_;
    my $pos = 0;
    while ((my $open = index($text, q{_("}, $pos)) >= 0) {
      my $start = $open + 3;
      my $end = index($text, q{")}, $start);
      if ($end < 0) {
        print STDERR "extract-messages: $ARGV: unterminated _(\"…\")\n";
        exit 2;
      }
      my $id = substr($text, $start, $end - $start);
      if ($id eq "") {
        print STDERR "extract-messages: $ARGV: empty _(\"\")\n";
      }
      (my $c = $id) =~ s/([\\"])/\\$1/g;
      $c =~ s/\n/\\n/g;
      $c =~ s/\t/\\t/g;
      $c =~ s/\r/\\r/g;
      print "_(\"$c\");\n" if $id ne "";
      $pos = $end + 2;
    }
  ' "$tpl" >"$tmp/$tpl"
done

# 2. The kUpcoming table: {"/path", "title", "purpose"} rows -> _("title"); _("purpose");
upcoming_src=src/web/information_pages.cpp
if [[ -f $upcoming_src ]]; then
  mkdir -p "$tmp/$(dirname "$upcoming_src")"
  perl -0777 -ne '
    my $lit = qr/"(?:[^"\\\n]|\\.)*"/;
    my $cat = qr/$lit(?:\s*$lit)*/;
    unless (/\bkUpcoming\s*\[\s*\]\s*=\s*\{(.*?)\n\s*\}\s*;/s) {
      print STDERR "extract-messages: warning: $ARGV: no kUpcoming table found\n";
      exit 0;
    }
    my $block = $1;
    # Drop comments (but not // inside string literals).
    $block =~ s{($lit)|//[^\n]*|/\*.*?\*/}{defined $1 ? $1 : " "}gse;
    my $rows = 0;
    while ($block =~ /\{\s*($cat)\s*,\s*($cat)\s*,\s*($cat)\s*\}/g) {
      print "_($2);\n_($3);\n";
      $rows++;
    }
    print STDERR "extract-messages: warning: $ARGV: kUpcoming has no rows\n" if $rows == 0;
  ' "$upcoming_src" >"$tmp/$upcoming_src.upcoming"
fi

header=(--package-name=motcua --msgid-bugs-address= --copyright-holder= --from-code=UTF-8)
# xgettext nags when --msgid-bugs-address is empty; the project has no such address.
xgettext() {
  command xgettext "$@" 2> >(grep -v -e 'msgid-bugs-address' -e 'Makevars' -e 'MSGID_BUGS_ADDRESS' \
    -e 'specify an --msgid-bugs-address' >&2)
}

# 3. xgettext: T(…, "…") in the C++ sources, _("…") in the rewritten templates and table.
mapfile -t cpps < <(find src -type f -name '*.cpp' | LC_ALL=C sort)
xgettext "${common[@]}" "${header[@]}" --language=C++ -k --keyword=T:2 --keyword=TN:2,3 --keyword=N_ \
  -o "$tmp/cpp.pot" "${cpps[@]}"
gen=()
for tpl in "${tpls[@]}"; do gen+=("$tpl"); done
xgettext "${common[@]}" "${header[@]}" --language=C -k --keyword=_ \
  --directory="$tmp" -o "$tmp/tpl.pot" "${gen[@]}"
if [[ -f $tmp/$upcoming_src.upcoming ]]; then
  # Name the generated file after its source so the .pot points at information_pages.cpp.
  mv "$tmp/$upcoming_src.upcoming" "$tmp/$upcoming_src"
  xgettext "${common[@]}" "${header[@]}" --language=C++ -k --keyword=_ \
    --directory="$tmp" -o "$tmp/upcoming.pot" "$upcoming_src"
fi

parts=()
for p in "$tmp/cpp.pot" "$tmp/tpl.pot" "$tmp/upcoming.pot"; do
  [[ -f $p ]] && parts+=("$p")
done
msgcat "${common[@]}" --use-first -o "$tmp/motcua.pot" "${parts[@]}"
# Keep charset UTF-8 rather than CHARSET. Drop xgettext's guessed c-format flags: the ids are
# never printf formats (the C++ uses fmt), and "400% mà" would otherwise be checked as "% m".
sed -i -E -e 's/charset=CHARSET/charset=UTF-8/' \
  -e '/^#,/{s/,? (no-)?c-format//g; /^#,?$/d}' "$tmp/motcua.pot"

# 4. Only replace the .pot when something other than the creation date changed.
strip_date() { grep -v '^"POT-Creation-Date:' "$1"; }
if [[ -f $pot ]] && diff -q <(strip_date "$pot") <(strip_date "$tmp/motcua.pot") >/dev/null; then
  echo "extract-messages: $pot unchanged"
else
  cp "$tmp/motcua.pot" "$pot"
  echo "extract-messages: wrote $pot"
fi
# Warn about ids that are probably mistakes (from any source): stray or doubled whitespace, line breaks.
perl -ne '
  if (/^#: (.*)$/) { $where = $1; next }
  if (/^msgid "(.*)"$/) { $id = $1; $n = $. ; $more = 1; next }
  if ($more && /^"(.*)"$/) { $id .= $1; next }
  if ($more) {
    $more = 0;
    next if $id eq "" && $n < 10;
    print STDERR "extract-messages: warning: odd message id (stray whitespace or line break) in $where: \"$id\"\n"
      if $id eq "" || $id =~ /^(\s|\\[nt])|(\s|\\[nt])$|\s\s|\\[nt]/;
  }
' "$pot"
count=$(grep -c '^msgid "' "$pot")
echo "extract-messages: $((count - 1)) messages"

# 5. Merge into the catalogues.
en=locale/en/LC_MESSAGES/motcua.po
if [[ ! -f $en ]]; then
  mkdir -p "$(dirname "$en")"
  msginit --no-translator --no-wrap --locale=en_GB.UTF-8 -i "$pot" -o "$tmp/en.po"
  # msginit copies the ids into an English catalogue; start from empty translations instead.
  msgfilter --keep-header --no-wrap -i "$tmp/en.po" -o "$en" sed -e d
  sed -i 's/^"Language: .*\\n"$/"Language: en\\n"/' "$en"
fi
for po in locale/*/LC_MESSAGES/motcua.po; do
  msgmerge --quiet --update --no-fuzzy-matching --backup=none "${common[@]}" "$po" "$pot"
  msgfmt --check --statistics -o /dev/null "$po"
done
