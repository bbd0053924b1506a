#!/usr/bin/env python3
"""Fills empty English translations in locale/en/LC_MESSAGES/motcua.po from TSV files.

Usage: scripts/fill-translations.py FILE.tsv...
Each line is `msgid<TAB>translation`, or `msgid<TAB>singular<TAB>plural` for a plural entry.
Only entries whose msgstr is empty are filled; existing translations are never changed.
"""
import json
import re
import sys

PO = "locale/en/LC_MESSAGES/motcua.po"


def quote(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    table = {}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2 and parts[0]:
                    table[parts[0]] = parts[1:]
    text = open(PO, encoding="utf-8").read()
    entries = text.split("\n\n")
    filled = 0
    missing = []
    for i, e in enumerate(entries):
        m = re.search(r'^msgid (".*")$', e, re.M)
        if not m or m.group(1) == '""':
            continue
        msgid = json.loads(m.group(1))
        if msgid not in table:
            if re.search(r'^msgstr(\[0\])? ""$', e, re.M) and not re.search(r'^"', e[e.find("msgstr"):], re.M):
                missing.append(msgid)
            continue
        tr = table[msgid]
        if "msgid_plural" in e:
            if re.search(r'^msgstr\[0\] ""$', e, re.M):
                one, other = (tr + tr)[:2] if len(tr) == 1 else tr[:2]
                e = re.sub(r'^msgstr\[0\] ""$', "msgstr[0] " + quote(one), e, flags=re.M)
                e = re.sub(r'^msgstr\[1\] ""$', "msgstr[1] " + quote(other), e, flags=re.M)
                filled += 1
        elif re.search(r'^msgstr ""$', e, re.M) and not e.rstrip().endswith('"') is False:
            if e.rstrip().splitlines()[-1] == 'msgstr ""':
                e = re.sub(r'^msgstr ""$', "msgstr " + quote(tr[0]), e, flags=re.M)
                filled += 1
        entries[i] = e
    open(PO, "w", encoding="utf-8").write("\n\n".join(entries))
    print(f"fill-translations: {filled} filled, {len(missing)} still untranslated")
    for msgid in missing:
        print("  untranslated:", msgid)


if __name__ == "__main__":
    main()
