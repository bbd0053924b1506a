-- Dossiers filed online (issue 9): versioned form definitions, dossiers with their answers, attached files and
-- timeline, the daily sequences dossier codes are issued from, idempotency keys of repeated requests, and guidance
-- at the desk. Times are microseconds since the Unix epoch, UTC.

-- A procedure's online form, one published version of it (never changed once published).
CREATE TABLE form_definitions (
  procedure_code TEXT NOT NULL,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,            -- the JSON text (domain::ParseFormDefinition reads it)
  published_at BIGINT NOT NULL,
  published_by BIGINT,                 -- the administrator's account; NULL for the seeded and generic forms
  PRIMARY KEY (procedure_code, version)
);

-- Hồ sơ: a draft until filed; then it has a code and a lookup secret.
CREATE TABLE dossiers (
  id @ID@,
  code TEXT UNIQUE,                    -- <agency>-<yyMMdd>-<4-digit sequence>, NULL until filed
  lookup_secret TEXT,                  -- printed on the receipt, NULL until filed
  procedure_code TEXT NOT NULL,
  agency_code TEXT NOT NULL,
  form_version INTEGER NOT NULL,       -- the form_definitions version it is pinned to
  owner_id BIGINT NOT NULL,            -- the account that files it
  organisation_id BIGINT,              -- filed for this organisation (by its representative), else NULL
  relationship TEXT NOT NULL DEFAULT '',  -- filed for someone else: the relationship to them
  applicant_name TEXT NOT NULL,
  status TEXT NOT NULL,                -- domain::StatusCode: draft, submitted, accepted, …
  answers TEXT NOT NULL,               -- JSON object keyed by question id
  guided INTEGER NOT NULL DEFAULT 0,   -- 1: a desk officer guided its filing (it stays an online dossier)
  officer_fields TEXT NOT NULL DEFAULT '[]',  -- JSON array of question ids a guiding officer filled or changed
  channel INTEGER NOT NULL DEFAULT 2,  -- national channel code: 2 online
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  submitted_at BIGINT,
  expected_on TEXT,                    -- expected result date YYYY-MM-DD, NULL when the time limit is unknown
  withdrawn_reason TEXT,
  version BIGINT NOT NULL DEFAULT 1
);
-- "Hồ sơ của tôi": an account's dossiers, newest first.
CREATE INDEX dossiers_owner ON dossiers (owner_id, updated_at);
-- Dossiers filed for an organisation.
CREATE INDEX dossiers_organisation ON dossiers (organisation_id, updated_at) WHERE organisation_id IS NOT NULL;
-- An agency's filed dossiers (officers' lists, later issues).
CREATE INDEX dossiers_agency ON dossiers (agency_code, status, submitted_at) WHERE code IS NOT NULL;

-- Files attached to a dossier's documents; the bytes are in the content-addressed file store.
CREATE TABLE dossier_files (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  document_id TEXT NOT NULL,           -- the form's DocumentDef id
  sha256 TEXT NOT NULL,
  media_type TEXT NOT NULL,
  kind TEXT NOT NULL,                  -- pdf, jpeg, png, heic (as uploaded)
  bytes BIGINT NOT NULL,
  original_name TEXT NOT NULL,         -- metadata only, never a path
  added_at BIGINT NOT NULL,
  added_by BIGINT NOT NULL,
  by_officer INTEGER NOT NULL DEFAULT 0  -- 1: attached by a guiding officer (marked for the citizen)
);
CREATE INDEX dossier_files_dossier ON dossier_files (dossier_id, id);

-- A dossier's timeline.
CREATE TABLE dossier_events (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  happened_at BIGINT NOT NULL,
  event TEXT NOT NULL,                 -- domain::EventCode
  actor_id BIGINT,                     -- NULL when nobody (expiry)
  actor_name TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);

-- The last sequence number issued per agency per Vietnamese day: taken in the filing's own transaction, so a
-- rolled-back filing gives its number back and codes have no gaps and no duplicates.
CREATE TABLE dossier_sequences (
  agency_code TEXT NOT NULL,
  issued_day TEXT NOT NULL,            -- yyMMdd
  last_sequence INTEGER NOT NULL,
  PRIMARY KEY (agency_code, issued_day)
);

-- Idempotency-Key of repeated requests, per account: the first answer's object is returned again.
CREATE TABLE idempotency_keys (
  account_id BIGINT NOT NULL,
  request_key TEXT NOT NULL,          -- the header value
  operation TEXT NOT NULL,             -- "dossier.start", "dossier.submit"
  object_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, request_key)
);

-- Guidance at the desk: the hash of the code a citizen shows, then the officer who opened the draft with it.
CREATE TABLE guidance (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  code_hash TEXT NOT NULL,             -- SHA-256 of the code
  expires_at BIGINT NOT NULL,          -- the code (before opening) or the officer's access (after) ends then
  officer_id BIGINT,                   -- the officer who opened it, NULL until then
  opened_at BIGINT,
  ended_at BIGINT                      -- filed, revoked or replaced
);
CREATE INDEX guidance_dossier ON guidance (dossier_id) WHERE ended_at IS NULL;
CREATE INDEX guidance_code ON guidance (code_hash) WHERE ended_at IS NULL;
