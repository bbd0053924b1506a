#!/usr/bin/python3
"""Validate the demo and reference data loaded by `motcua init --demo`.

Standard library only. Run from anywhere:

    /usr/bin/python3 scripts/check-demo-data.py [repo_root]

Exit status 0 when every check passes, 1 otherwise. Each problem is printed
on its own line as "ERROR <file>: <message>"; warnings do not fail the run.
"""

import csv
import io
import json
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
REF = os.path.join(ROOT, "data", "reference")
DEMO = os.path.join(ROOT, "data", "demo")

errors = []
warnings = []


def err(path, msg):
    errors.append("ERROR %s: %s" % (os.path.relpath(path, ROOT), msg))


def warn(path, msg):
    warnings.append("WARN  %s: %s" % (os.path.relpath(path, ROOT), msg))


def read_text(path):
    """Read a file as UTF-8, checking no BOM and no CR line ends."""
    try:
        raw = open(path, "rb").read()
    except OSError as e:
        err(path, "cannot read: %s" % e)
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        err(path, "starts with a UTF-8 BOM")
    if b"\r" in raw:
        err(path, "contains CR characters (line ends must be \\n)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(path, "not valid UTF-8: %s" % e)
        return None


def read_csv(path, expected_header):
    text = read_text(path)
    if text is None:
        return None
    if text and not text.endswith("\n"):
        err(path, "last line does not end with \\n")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows:
        err(path, "empty file")
        return None
    header = rows[0]
    if expected_header is not None and header != expected_header:
        err(path, "header is %r, expected %r" % (header, expected_header))
        return None
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            err(path, "line %d has %d fields, header has %d" % (i, len(r), len(header)))
            continue
        out.append(dict(zip(header, r)))
    return out


# ---------------------------------------------------------------- reference
REF_FILES = {
    "admin-units-2024.csv": (10794, ["province_code", "province_name", "district_code", "district_name",
                                     "ward_code", "ward_name", "level", "unit_type", "short_name", "name_en"]),
    "admin-units-2025.csv": (3355, ["province_code", "province_name", "ward_code", "ward_name", "level",
                                    "unit_type", "short_name", "name_en"]),
    "admin-units-2025-mapping.csv": (10667, ["level", "new_province_code", "new_province_name", "new_code",
                                             "new_name", "old_code", "old_name", "old_level", "merge_type"]),
    "procedures.csv": (1601, ["procedure_code", "procedure_name", "field", "level", "ministry",
                              "implementing_agency", "procedure_type", "decision_no", "channels",
                              "processing_time", "processing_time_value", "processing_time_unit",
                              "processing_time_by_channel", "fee", "fee_vnd", "fee_note", "source_url"]),
}

ref = {}
for name, (count, header) in REF_FILES.items():
    p = os.path.join(REF, name)
    if not os.path.exists(p):
        err(p, "missing")
        continue
    rows = read_csv(p, header)
    if rows is None:
        continue
    if len(rows) != count:
        err(p, "%d data rows, expected %d (file must be an unchanged copy)" % (len(rows), count))
    ref[name] = rows

if not os.path.exists(os.path.join(REF, "SOURCES.md")):
    err(os.path.join(REF, "SOURCES.md"), "missing")

procs = {}
if "procedures.csv" in ref:
    p = os.path.join(REF, "procedures.csv")
    for r in ref["procedures.csv"]:
        c = r["procedure_code"]
        if c in procs:
            err(p, "duplicate procedure_code %s" % c)
        procs[c] = r
ministries = {r["ministry"] for r in procs.values()}
fields = {r["field"] for r in procs.values()}

# Nam Định must exist in the 2024 units (the demo province).
if "admin-units-2024.csv" in ref:
    nd = [r for r in ref["admin-units-2024.csv"] if r["province_code"] == "36" and r["level"] == "district"]
    if not nd:
        err(os.path.join(REF, "admin-units-2024.csv"), "no district rows for province 36 (Nam Định)")
    elif len(nd) > 69:
        err(os.path.join(REF, "admin-units-2024.csv"),
            "province 36 has %d districts; NN = 30 + index would exceed 99" % len(nd))

# ---------------------------------------------------------------- departments
DEPT_HEADER = ["seq", "name", "short_name", "ministries", "fields", "has_one_stop"]
p = os.path.join(DEMO, "departments.csv")
depts = read_csv(p, DEPT_HEADER) if os.path.exists(p) else err(p, "missing")
if depts is not None:
    if not 10 <= len(depts) <= 16:
        warn(p, "%d rows (brief asks for about 10-16)" % len(depts))
    ministry_owner = {}
    field_owner = {}
    centre = 0
    for i, d in enumerate(depts, start=1):
        where = "row seq=%s" % d["seq"]
        if not re.fullmatch(r"\d{2}", d["seq"]):
            err(p, "%s: seq must be 2 digits" % where)
        elif int(d["seq"]) != i:
            err(p, "%s: seq must run 01..NN in order (expected %02d)" % (where, i))
        for col in ("name", "short_name"):
            if not d[col].strip():
                err(p, "%s: empty %s" % (where, col))
        for col in DEPT_HEADER:
            if re.search(r"H\d\d", d[col]):
                err(p, "%s: %s contains a province code suffix (H..); the C++ adds it" % (where, col))
            if d[col] != d[col].strip():
                err(p, "%s: %s has leading/trailing spaces" % (where, col))
        if d["has_one_stop"] not in ("0", "1"):
            err(p, "%s: has_one_stop must be 0 or 1" % where)
        ms = [m for m in d["ministries"].split(";")] if d["ministries"] else []
        for m in ms:
            if m not in ministries:
                err(p, "%s: ministry %r not found in procedures.csv" % (where, m))
            elif m in ministry_owner:
                err(p, "%s: ministry %r already mapped to seq %s" % (where, m, ministry_owner[m]))
            else:
                ministry_owner[m] = d["seq"]
        fs = [f for f in d["fields"].split(";")] if d["fields"] else []
        for f in fs:
            if f not in fields:
                err(p, "%s: field %r not found in procedures.csv" % (where, f))
            elif f in field_owner:
                err(p, "%s: field %r already listed by seq %s" % (where, f, field_owner[f]))
            else:
                field_owner[f] = d["seq"]
        if "Trung tâm Phục vụ hành chính công" in d["name"]:
            centre += 1
            if ms or fs:
                err(p, "%s: the Public Administration Service Centre must have empty ministries and fields" % where)
            if d["has_one_stop"] != "1":
                err(p, "%s: the Public Administration Service Centre must have has_one_stop=1" % where)
    if centre != 1:
        err(p, "expected exactly one 'Trung tâm Phục vụ hành chính công' row, found %d" % centre)
    for m in sorted(ministries - set(ministry_owner)):
        err(p, "ministry %r of procedures.csv is not covered by any department" % m)
    # Every province-level procedure must resolve to some department.
    for c, r in procs.items():
        if "Cấp tỉnh" in r["level"]:
            if r["field"] not in field_owner and r["ministry"] not in ministry_owner:
                err(p, "province-level procedure %s resolves to no department" % c)

# ---------------------------------------------------------------- district procedures
DP_HEADER = ["procedure_code", "procedure_name", "reason"]
p = os.path.join(DEMO, "district-procedures.csv")
dps = read_csv(p, DP_HEADER) if os.path.exists(p) else err(p, "missing")
if dps is not None:
    if not 40 <= len(dps) <= 120:
        err(p, "%d rows, expected 40-120" % len(dps))
    seen = set()
    for i, r in enumerate(dps, start=2):
        c = r["procedure_code"]
        if c in seen:
            err(p, "line %d: duplicate code %s" % (i, c))
        seen.add(c)
        if c not in procs:
            err(p, "line %d: code %s not in procedures.csv" % (i, c))
            continue
        if r["procedure_name"] != procs[c]["procedure_name"]:
            err(p, "line %d: name of %s differs from procedures.csv" % (i, c))
        if not r["reason"].strip():
            err(p, "line %d: empty reason" % i)
        if "Cấp tỉnh" not in procs[c]["level"] and "Cấp xã" not in procs[c]["level"]:
            warn(p, "line %d: %s has neither province nor commune level (%s)" % (i, c, procs[c]["level"]))

# ---------------------------------------------------------------- procedure details
p = os.path.join(DEMO, "procedure-details.json")
text = read_text(p) if os.path.exists(p) else err(p, "missing")
details = None
if text is not None:
    try:
        details = json.loads(text)
    except ValueError as e:
        err(p, "invalid JSON: %s" % e)
if details is not None:
    if not isinstance(details, list):
        err(p, "top level must be an array")
        details = []
    if len(details) != 20:
        err(p, "%d entries, expected exactly 20" % len(details))
    KEYS = {"code", "popularity", "online_level", "purpose", "applicants", "result",
            "legal_basis", "documents", "steps", "forms"}
    codes = set()
    prev_pop = None
    for i, e in enumerate(details):
        if not isinstance(e, dict):
            err(p, "entry %d is not an object" % i)
            continue
        code = e.get("code")
        where = "entry %d (%s)" % (i, code)
        missing = KEYS - set(e)
        extra = set(e) - KEYS
        if missing:
            err(p, "%s: missing keys %s" % (where, sorted(missing)))
            continue
        if extra:
            warn(p, "%s: unexpected keys %s" % (where, sorted(extra)))
        if code not in procs:
            err(p, "%s: code not in procedures.csv" % where)
        if code in codes:
            err(p, "%s: duplicate code" % where)
        codes.add(code)
        pop = e["popularity"]
        if not isinstance(pop, int) or isinstance(pop, bool) or pop <= 0:
            err(p, "%s: popularity must be a positive integer" % where)
        else:
            if prev_pop is not None and pop >= prev_pop:
                err(p, "%s: popularity %d not strictly below previous %d (must be descending, unique)"
                    % (where, pop, prev_pop))
            prev_pop = pop
        if e["online_level"] not in ("full", "partial", "none"):
            err(p, "%s: online_level must be full|partial|none" % where)
        for k in ("purpose", "applicants", "result"):
            if not isinstance(e[k], str) or not e[k].strip():
                err(p, "%s: %s must be a non-empty string" % (where, k))
        for k in ("legal_basis", "steps"):
            v = e[k]
            if not isinstance(v, list) or not v or not all(isinstance(s, str) and s.strip() for s in v):
                err(p, "%s: %s must be a non-empty list of non-empty strings" % (where, k))
        form_ids = set()
        if not isinstance(e["forms"], list):
            err(p, "%s: forms must be a list" % where)
        else:
            for f in e["forms"]:
                if not isinstance(f, dict) or set(f) != {"id", "name", "legal_basis", "fields"}:
                    err(p, "%s: form must have exactly id, name, legal_basis, fields" % where)
                    continue
                if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", f["id"]):
                    err(p, "%s: form id %r must be lower-case kebab-case" % (where, f["id"]))
                if f["id"] in form_ids:
                    err(p, "%s: duplicate form id %r" % (where, f["id"]))
                form_ids.add(f["id"])
                for k in ("name", "legal_basis"):
                    if not isinstance(f[k], str) or not f[k].strip():
                        err(p, "%s: form %s: %s must be a non-empty string" % (where, f["id"], k))
                if not isinstance(f["fields"], list) or not f["fields"]:
                    err(p, "%s: form %s: fields must be a non-empty list" % (where, f["id"]))
                    continue
                for fl in f["fields"]:
                    if (not isinstance(fl, dict) or set(fl) != {"label", "lines"}
                            or not isinstance(fl["label"], str) or not fl["label"].strip()
                            or not isinstance(fl["lines"], int) or isinstance(fl["lines"], bool)
                            or fl["lines"] < 1):
                        err(p, "%s: form %s: bad field %r (need label and lines >= 1)"
                            % (where, f["id"], fl))
        used = set()
        if not isinstance(e["documents"], list) or not e["documents"]:
            err(p, "%s: documents must be a non-empty list" % where)
        else:
            for d in e["documents"]:
                if not isinstance(d, dict) or not {"name", "originals", "copies"} <= set(d) \
                        or not set(d) <= {"name", "originals", "copies", "form", "note"}:
                    err(p, "%s: document %r has wrong keys" % (where, d))
                    continue
                if not isinstance(d["name"], str) or not d["name"].strip():
                    err(p, "%s: document with empty name" % where)
                for k in ("originals", "copies"):
                    if not isinstance(d[k], int) or isinstance(d[k], bool) or d[k] < 0:
                        err(p, "%s: document %r: %s must be an integer >= 0" % (where, d["name"], k))
                if d["originals"] + d["copies"] == 0:
                    err(p, "%s: document %r: originals + copies is 0" % (where, d["name"]))
                if "form" in d:
                    if d["form"] not in form_ids:
                        err(p, "%s: document %r references unknown form %r" % (where, d["name"], d["form"]))
                    used.add(d["form"])
                if "note" in d and (not isinstance(d["note"], str) or not d["note"].strip()):
                    err(p, "%s: document %r: note must be a non-empty string" % (where, d["name"]))
        for fid in sorted(form_ids - used):
            warn(p, "%s: form %s is not referenced by any document" % (where, fid))

# ---------------------------------------------------------------- docs
for f in (os.path.join(ROOT, "docs", "demo.md"),):
    if not os.path.exists(f):
        err(f, "missing")
    else:
        read_text(f)

for w in warnings:
    print(w)
for e in errors:
    print(e)
if errors:
    print("FAILED: %d error(s), %d warning(s)" % (len(errors), len(warnings)))
    sys.exit(1)
print("OK: demo data valid (%d warning(s))" % len(warnings))
