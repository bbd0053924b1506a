-- Issue 10: processing workflows as versioned data (domain::ParseWorkflow reads the definition). A published version is
-- never changed, so a dossier pinned to (key, version) keeps its steps when a new version is published.
CREATE TABLE workflow_definitions (
  key TEXT NOT NULL,                   -- a procedure code, or "default:<level>" (commune, district, province)
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,            -- the JSON text
  published_at BIGINT NOT NULL,
  published_by BIGINT,                 -- the administrator's account; NULL for the built-in defaults
  PRIMARY KEY (key, version)
);
