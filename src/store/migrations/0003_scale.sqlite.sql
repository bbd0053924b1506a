-- motcua: long
-- Rewrites the audit journal (and, below, every time column), so on a large database it takes a while: `serve`
-- does not start it; `motcua migrate` (or `init`) does.

-- The audit journal without a global lock: rows are appended unsealed (seq NULL, no hashes) in insertion order
-- (id) and chained later by one sealer (src/store/audit_store.hpp). Existing rows keep their seq and hashes and
-- get id = seq. SQLite cannot change a primary key in place, so the table is copied.
CREATE TABLE audit_log_new (
  id INTEGER PRIMARY KEY,             -- insertion order; the search order and page key
  seq BIGINT UNIQUE,                  -- chain position 1, 2, 3, … without gaps; NULL until sealed
  at_us BIGINT NOT NULL,              -- server time, Unix microseconds
  actor_id BIGINT,                    -- NULL: anonymous or the system
  actor_name TEXT NOT NULL DEFAULT '',
  actor_role TEXT NOT NULL DEFAULT '',
  actor_agency TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,               -- e.g. login.success, account.create, citizen.view
  object_type TEXT NOT NULL DEFAULT '',
  object_id TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',   -- JSON: before/after of what changed
  prev_hash TEXT NOT NULL DEFAULT '', -- hex SHA-256 of the previous row (64 zeros for the first); '' until sealed
  hash TEXT NOT NULL DEFAULT ''       -- hex SHA-256 of prev_hash and this row's canonical form; '' until sealed
);
INSERT INTO audit_log_new (id, seq, at_us, actor_id, actor_name, actor_role, actor_agency, action, object_type,
                           object_id, ip, user_agent, request_id, summary, prev_hash, hash)
  SELECT seq, seq, at_us, actor_id, actor_name, actor_role, actor_agency, action, object_type, object_id, ip,
         user_agent, request_id, summary, prev_hash, hash
  FROM audit_log ORDER BY seq;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
-- Person search: actor_id = ?, or object "user:ID"; object search: object_id = ? (with or without its type).
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_object ON audit_log (object_id, object_type, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_time ON audit_log (at_us);
-- What the sealer reads: the unsealed rows, in id order.
CREATE INDEX audit_log_unsealed ON audit_log (id) WHERE seq IS NULL;
-- Person search by exact full name.
CREATE INDEX users_full_name ON users (full_name);

-- One time type stored one way: every instant is a BIGINT of microseconds since the Unix epoch (UTC) on both
-- engines (domain::Instant). Columns that held Unix seconds are multiplied; procedures.updated_at held ISO text.
-- users.date_of_birth stays a calendar date (YYYY-MM-DD): a birthday is a day, not an instant.
-- schema_migrations.applied_at stays text: the migration machinery's own record, written before any step runs.
UPDATE users SET created_at = created_at * 1000000, password_changed_at = password_changed_at * 1000000,
                 last_login_at = last_login_at * 1000000;
UPDATE organisations SET created_at = created_at * 1000000;
UPDATE officer_roles SET granted_at = granted_at * 1000000;
UPDATE sessions SET created_at = created_at * 1000000, last_seen_at = last_seen_at * 1000000,
                    expires_at = expires_at * 1000000, revoked_at = revoked_at * 1000000;
UPDATE one_time_codes SET created_at = created_at * 1000000, expires_at = expires_at * 1000000,
                          used_at = used_at * 1000000;
UPDATE api_tokens SET created_at = created_at * 1000000, revoked_at = revoked_at * 1000000,
                      last_used_at = last_used_at * 1000000;
UPDATE login_throttle SET window_start = window_start * 1000000, blocked_until = blocked_until * 1000000;
UPDATE dev_mailbox SET created_at = created_at * 1000000;
-- SQLite cannot change a column's type: the text column is replaced by a new one of the same name.
ALTER TABLE procedures ADD COLUMN updated_us BIGINT NOT NULL DEFAULT 0;
UPDATE procedures SET updated_us = CAST(strftime('%s', updated_at) AS INTEGER) * 1000000;
ALTER TABLE procedures DROP COLUMN updated_at;
ALTER TABLE procedures RENAME COLUMN updated_us TO updated_at;
