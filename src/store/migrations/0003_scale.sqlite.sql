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
