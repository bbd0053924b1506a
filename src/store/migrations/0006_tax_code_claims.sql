-- A tax code claimed by a second organisation waits for an officer to decide (issue 8), instead of going to whoever
-- registered it first: the claim is kept here until an officer grants it (the organisation's representative becomes
-- the claimant) or refuses it. Times are microseconds since the Unix epoch, UTC.
CREATE TABLE tax_code_claims (
  id @ID@,
  tax_code TEXT NOT NULL,
  name TEXT NOT NULL,                  -- the organisation's name as the claimant typed it
  address TEXT NOT NULL DEFAULT '',
  claimant_id BIGINT NOT NULL REFERENCES users (id),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'refused')),
  created_at BIGINT NOT NULL,
  resolved_at BIGINT,
  resolved_by BIGINT REFERENCES users (id)
);
-- One open claim per person and tax code; the officers' list reads only the open ones.
CREATE UNIQUE INDEX tax_code_claims_open ON tax_code_claims (tax_code, claimant_id) WHERE status = 'pending';
CREATE INDEX tax_code_claims_pending ON tax_code_claims (created_at) WHERE status = 'pending';
