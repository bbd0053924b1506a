-- Reference data and the procedure catalogue.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('catalogue_version', '1');

-- Administrative units of both eras: '2024' (province > district > commune, until 30/6/2025) and
-- '2025' (province > commune, from 1/7/2025, Decision 19/2025/QĐ-TTg).
CREATE TABLE admin_units (
  era TEXT NOT NULL,
  code TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit_type TEXT NOT NULL,
  parent_code TEXT,
  province_code TEXT NOT NULL,
  valid_from TEXT,
  valid_to TEXT,
  PRIMARY KEY (era, code)
);
CREATE INDEX admin_units_parent ON admin_units (era, parent_code);

-- Which old unit became which new unit on 1/7/2025.
CREATE TABLE admin_unit_mapping (
  level TEXT NOT NULL,
  old_code TEXT NOT NULL,
  old_name TEXT NOT NULL,
  new_code TEXT NOT NULL,
  new_name TEXT NOT NULL,
  merge_type TEXT NOT NULL,
  PRIMARY KEY (level, old_code, new_code)
);

-- Lĩnh vực: fields of administration.
CREATE TABLE fields (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

-- Agencies with their electronic code AAA.BB.CC.XNN (Decision 20/2020/QĐ-TTg).
CREATE TABLE agencies (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  parent_code TEXT REFERENCES agencies (code),
  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  admin_unit_era TEXT,
  admin_unit_code TEXT,
  has_one_stop INTEGER NOT NULL DEFAULT 0,
  valid_from TEXT,
  valid_to TEXT
);
CREATE INDEX agencies_parent ON agencies (parent_code);

-- Thủ tục hành chính: one administrative procedure of the national catalogue.
CREATE TABLE procedures (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  field_code TEXT NOT NULL REFERENCES fields (code),
  levels TEXT NOT NULL,
  ministry TEXT NOT NULL DEFAULT '',
  implementing_agency TEXT NOT NULL DEFAULT '',
  procedure_type TEXT NOT NULL DEFAULT '',
  decision_no TEXT NOT NULL DEFAULT '',
  online_level TEXT NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
  processing_time TEXT NOT NULL DEFAULT '',
  time_value REAL,
  time_unit TEXT NOT NULL DEFAULT 'unspecified',
  fee TEXT NOT NULL DEFAULT '',
  fee_vnd BIGINT,
  fee_note TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  applicants TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  legal_basis TEXT NOT NULL DEFAULT '',
  steps TEXT NOT NULL DEFAULT '',
  forms TEXT NOT NULL DEFAULT '',
  agency_code TEXT REFERENCES agencies (code),
  popularity BIGINT NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE INDEX procedures_field ON procedures (field_code);

-- Time limit and fee per submission channel: 1 in person, 2 online, 3 by post.
CREATE TABLE procedure_channels (
  procedure_code TEXT NOT NULL REFERENCES procedures (code) ON DELETE CASCADE,
  channel INTEGER NOT NULL CHECK (channel IN (1, 2, 3)),
  time_text TEXT NOT NULL DEFAULT '',
  time_value REAL,
  time_unit TEXT NOT NULL DEFAULT 'unspecified',
  PRIMARY KEY (procedure_code, channel)
);

-- Thành phần hồ sơ: the documents an application needs.
CREATE TABLE procedure_documents (
  procedure_code TEXT NOT NULL REFERENCES procedures (code) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  originals INTEGER NOT NULL DEFAULT 0,
  copies INTEGER NOT NULL DEFAULT 0,
  form_id TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (procedure_code, seq)
);
