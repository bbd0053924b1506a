-- The transactional outbox: a message to send is written in the same transaction as the change that causes it,
-- and the sender (src/service/outbox.cpp) delivers it afterwards, retrying with back-off; nothing is lost on a crash.
-- Times are microseconds since the Unix epoch, UTC.
CREATE TABLE outbox (
  id @ID@,
  idempotency_key TEXT NOT NULL UNIQUE, -- one logical message: a second enqueue is ignored; gateways drop duplicates by it
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient TEXT NOT NULL,              -- normalised phone number or email address
  subject TEXT NOT NULL,
  body TEXT NOT NULL,                   -- '' once a secret message is sent
  secret INTEGER NOT NULL DEFAULT 0,    -- 1: the body holds a one-time code (never shown to administrators)
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,  -- failed deliveries so far
  created_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,      -- not sent before this instant (back-off after a failure)
  claimed_until BIGINT,                 -- a sender holds the message until then (its lease); NULL when unclaimed
  claim_token TEXT,                     -- which claim holds it; only that claim may mark it sent or failed
  last_error TEXT NOT NULL DEFAULT '',  -- the gateway's answer to the last failed attempt
  sent_at BIGINT
);
-- Only messages still to send are in the sender's index, however many sent rows accumulate.
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
-- The dead-letter page: dead messages and pending ones that have failed at least once.
CREATE INDEX outbox_problems ON outbox (id) WHERE status <> 'sent' AND last_error <> '';

-- The dev mailbox behaves like a gateway: a second delivery with the same idempotency key is dropped.
ALTER TABLE dev_mailbox ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX dev_mailbox_idempotency_key ON dev_mailbox (idempotency_key);
