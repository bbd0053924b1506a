-- Accounts, roles, sessions, one-time codes, API tokens, login throttling, the dev mailbox and the audit journal.
-- Times are Unix seconds (UTC) unless the column name ends in _us (microseconds).

-- A person's account: a citizen (personal_id set), an organisation's representative, an officer, or several.
CREATE TABLE users (
  id @ID@,
  personal_id TEXT UNIQUE,            -- 12-digit số định danh cá nhân; NULL for an officer registered without one
  phone TEXT UNIQUE,                  -- normalised 0xxxxxxxxx
  login_name TEXT UNIQUE,             -- officers and administrators (e.g. "admin")
  email TEXT NOT NULL DEFAULT '',
  full_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD
  password_hash TEXT NOT NULL DEFAULT '',  -- argon2id encoded; '' until the person sets one
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending', 'disabled')),
  created_at BIGINT NOT NULL,
  created_by BIGINT,                  -- the officer who created it at the counter, or NULL (self-registered)
  password_changed_at BIGINT,
  last_login_at BIGINT
);

-- Doanh nghiệp / tổ chức: acts through the account of its representative.
CREATE TABLE organisations (
  id @ID@,
  tax_code TEXT NOT NULL UNIQUE,      -- 10 digits, or 10-3 for a branch
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  representative_id BIGINT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX organisations_representative ON organisations (representative_id);

-- An officer's role at one agency (and, through the agency tree, the agencies below it).
CREATE TABLE officer_roles (
  user_id BIGINT NOT NULL REFERENCES users (id),
  agency_code TEXT NOT NULL REFERENCES agencies (code),
  role TEXT NOT NULL CHECK (role IN ('desk_officer', 'specialist', 'section_head', 'agency_head', 'clerk',
                                     'agency_admin', 'system_admin', 'statistics_viewer')),
  fields TEXT NOT NULL DEFAULT '',    -- field codes of responsibility, '|'-separated; '' = all fields
  granted_at BIGINT NOT NULL,
  granted_by BIGINT,
  PRIMARY KEY (user_id, agency_code, role)
);
CREATE INDEX officer_roles_agency ON officer_roles (agency_code);

-- Signed-in sessions. The cookie holds 32 random bytes; only their SHA-256 is stored.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  public_id TEXT NOT NULL UNIQUE,     -- names the session in "sign out this device" forms; never the cookie
  user_id BIGINT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,         -- absolute limit
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT '',
  revoked_at BIGINT
);
CREATE INDEX sessions_user ON sessions (user_id);

-- One-time codes: password reset, and first password for accounts created at the counter.
CREATE TABLE one_time_codes (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  purpose TEXT NOT NULL CHECK (purpose IN ('reset', 'setup')),
  code_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT
);
CREATE INDEX one_time_codes_user ON one_time_codes (user_id);

-- API bearer tokens, created and revoked by an administrator; only the SHA-256 of the token is stored.
CREATE TABLE api_tokens (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,               -- first characters, shown in lists to tell tokens apart
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  revoked_at BIGINT,
  last_used_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Failed sign-ins per account ("acct:ID") and per address ("ip:ADDR"), shared by every app node.
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL,
  blocked_until BIGINT NOT NULL DEFAULT 0
);

-- What the default notifier "sent" (visible on the dev mailbox page in demo mode only).
CREATE TABLE dev_mailbox (
  id @ID@,
  created_at BIGINT NOT NULL,
  channel TEXT NOT NULL,              -- sms or email
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL
);

-- The audit journal: append-only, each row carries the SHA-256 of the previous one (hash chain).
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,             -- 1, 2, 3, … without gaps
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
  prev_hash TEXT NOT NULL,            -- hex SHA-256 of the previous row (64 zeros for the first)
  hash TEXT NOT NULL                  -- hex SHA-256 of prev_hash and this row's canonical form
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_time ON audit_log (at_us);
