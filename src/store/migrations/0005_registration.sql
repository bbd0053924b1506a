-- Self-registration confirms the phone first: what the person typed waits here, with the hash of the code sent to
-- their phone, until the code is entered; only then is the account created. Times are microseconds since the Unix
-- epoch, UTC.
CREATE TABLE pending_registrations (
  id @ID@,
  token_hash TEXT NOT NULL UNIQUE,     -- SHA-256 of the random token the confirmation form carries
  personal_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  full_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  password_hash TEXT NOT NULL,         -- argon2id, made when the form was sent
  code_hash TEXT NOT NULL,             -- of the code now valid
  delivered INTEGER NOT NULL,          -- 1: the code went to the phone; 0: the ID or phone was taken, no code went out
  attempts INTEGER NOT NULL DEFAULT 0, -- wrong codes entered
  sends INTEGER NOT NULL DEFAULT 1,    -- codes sent, the first included
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,          -- the code is refused from then on
  done_at BIGINT                       -- the account was created
);
CREATE INDEX pending_registrations_expires ON pending_registrations (expires_at);
