-- The one-stop back office (issue 10): reception, processing along a pinned workflow version, the dossier clock
-- with its pauses, supplements, hand-offs (form 05), apologies (form 04), results and their return, queue tickets.
-- Online and counter dossiers are one model: these columns extend the dossiers of issue 9. Times are microseconds
-- since the Unix epoch, UTC.

ALTER TABLE dossiers ADD COLUMN received_at BIGINT;          -- receipt (form 01), NULL before reception
ALTER TABLE dossiers ADD COLUMN received_by BIGINT;          -- the desk officer who received it
ALTER TABLE dossiers ADD COLUMN handling_agency TEXT;        -- the agency acting now (differs after a transfer)
ALTER TABLE dossiers ADD COLUMN workflow_key TEXT;           -- the pinned workflow
ALTER TABLE dossiers ADD COLUMN workflow_version INTEGER;    -- and its version
ALTER TABLE dossiers ADD COLUMN step_id TEXT;                -- current step, NULL before reception and after the end
ALTER TABLE dossiers ADD COLUMN step_role TEXT;              -- the role acting at the current step (the inbox key)
ALTER TABLE dossiers ADD COLUMN assignee_id BIGINT NOT NULL DEFAULT 0;  -- officer holding it, 0: the step's queue
ALTER TABLE dossiers ADD COLUMN appointment BIGINT;          -- appointment set at receipt (form 01), NULL: no limit
ALTER TABLE dossiers ADD COLUMN due_at BIGINT;               -- the CURRENT appointment (moved by pauses), NULL while
                                                              -- the clock is paused, kNoDue when there is no limit
ALTER TABLE dossiers ADD COLUMN paused_since BIGINT;         -- the clock stopped then (NULL: running)
ALTER TABLE dossiers ADD COLUMN pause_reason TEXT;           -- supplement, payment
ALTER TABLE dossiers ADD COLUMN supplement_requests INTEGER NOT NULL DEFAULT 0;  -- after receipt (2nd: late)
ALTER TABLE dossiers ADD COLUMN apology_appointment BIGINT;  -- new date of the newest apology
ALTER TABLE dossiers ADD COLUMN timeliness TEXT;             -- early, on_time, late: stored when it ends
ALTER TABLE dossiers ADD COLUMN ended_at BIGINT;             -- result recorded, refused, rejected, stopped, withdrawn
ALTER TABLE dossiers ADD COLUMN end_reason TEXT;             -- refusal / rejection / stop reason
ALTER TABLE dossiers ADD COLUMN queue_ticket INTEGER;        -- counter queue ticket number
ALTER TABLE dossiers ADD COLUMN sets INTEGER NOT NULL DEFAULT 1;  -- number of sets (form 06)
ALTER TABLE dossiers ADD COLUMN origin_agency TEXT;          -- transferred: the agency it comes back to
ALTER TABLE dossiers ADD COLUMN origin_workflow_key TEXT;    -- and that agency's workflow
ALTER TABLE dossiers ADD COLUMN origin_workflow_version INTEGER;
ALTER TABLE dossiers ADD COLUMN origin_step_id TEXT;         -- the step it comes back to
ALTER TABLE dossiers ADD COLUMN warned_for BIGINT;           -- the due_at its holder was warned of (sweep, once)
ALTER TABLE dossiers ADD COLUMN overdue_for BIGINT;          -- the due_at its heads were told was missed (once)

-- The inbox "waiting for me": the step's queue (assignee 0) or a holder, sorted by the current appointment.
CREATE INDEX dossiers_inbox ON dossiers (handling_agency, step_role, assignee_id, due_at, id)
  WHERE status IN ('accepted', 'processing');
-- Dossiers a person holds, by appointment.
CREATE INDEX dossiers_holder ON dossiers (assignee_id, due_at, id) WHERE status IN ('accepted', 'processing');
-- Due-soon and overdue lists of an agency's heads: ranges of due_at.
CREATE INDEX dossiers_due ON dossiers (handling_agency, due_at, id) WHERE status IN ('accepted', 'processing');
-- The deadline sweep: every running dossier by appointment.
CREATE INDEX dossiers_sweep ON dossiers (due_at, id) WHERE status IN ('accepted', 'processing');
-- Desk queues (reception, supplements, results to return) in the order they were filed.
CREATE INDEX dossiers_desk ON dossiers (agency_code, status, submitted_at, id) WHERE code IS NOT NULL;
-- Recently ended dossiers of an agency.
CREATE INDEX dossiers_ended ON dossiers (agency_code, ended_at, id) WHERE ended_at IS NOT NULL;
-- The logbook (form 06): dossiers received by an agency in a date range.
CREATE INDEX dossiers_received ON dossiers (agency_code, received_at, id) WHERE received_at IS NOT NULL;

-- Form 05: one row per hand-off of a dossier between steps or people.
CREATE TABLE dossier_handoffs (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  step_id TEXT NOT NULL,
  step_name TEXT NOT NULL,
  agency_code TEXT NOT NULL,
  from_id BIGINT NOT NULL DEFAULT 0,
  from_name TEXT NOT NULL DEFAULT '',
  to_id BIGINT NOT NULL DEFAULT 0,
  to_name TEXT NOT NULL DEFAULT '',
  handed_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,              -- when the step should end (its share of the time)
  finished_at BIGINT,                  -- NULL while open
  timeliness TEXT,                     -- early, on_time, late once finished
  action TEXT NOT NULL DEFAULT '',     -- the action that ended it
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dossier_handoffs_dossier ON dossier_handoffs (dossier_id, id);

-- Form 02: supplement requests and when they were answered.
CREATE TABLE dossier_supplements (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  requested_at BIGINT NOT NULL,
  requested_by_id BIGINT NOT NULL,
  requested_by TEXT NOT NULL,
  before_reception INTEGER NOT NULL DEFAULT 0,
  items TEXT NOT NULL,                 -- JSON array of {document_id, field_id, label, reason}
  note TEXT NOT NULL DEFAULT '',
  supplied_at BIGINT
);
CREATE INDEX dossier_supplements_dossier ON dossier_supplements (dossier_id, id);

-- The stops of a dossier's clock.
CREATE TABLE dossier_pauses (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  reason TEXT NOT NULL,                -- supplement, payment
  from_at BIGINT NOT NULL,
  to_at BIGINT                         -- NULL while the clock is still stopped
);
CREATE INDEX dossier_pauses_dossier ON dossier_pauses (dossier_id, id);

-- Form 04: apologies for late dossiers with the new date promised.
CREATE TABLE dossier_apologies (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  issued_at BIGINT NOT NULL,
  by_id BIGINT NOT NULL,
  by_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  new_appointment BIGINT NOT NULL
);
CREATE INDEX dossier_apologies_dossier ON dossier_apologies (dossier_id, id);

-- The result of a dossier and its return.
CREATE TABLE dossier_results (
  dossier_id BIGINT PRIMARY KEY REFERENCES dossiers (id),
  number TEXT NOT NULL,
  issued_on TEXT NOT NULL,             -- YYYY-MM-DD
  sha256 TEXT,                         -- the e-result PDF in the file store, NULL for paper only
  media_type TEXT,
  kind TEXT,
  bytes BIGINT,
  original_name TEXT,
  method TEXT NOT NULL,                -- online, counter, post
  recorded_at BIGINT NOT NULL,
  recorded_by BIGINT NOT NULL,
  returned_at BIGINT,
  returned_to TEXT NOT NULL DEFAULT ''
);

-- Counter queue tickets: the last number given per agency per Vietnamese day.
CREATE TABLE queue_tickets (
  agency_code TEXT NOT NULL,
  issued_day TEXT NOT NULL,            -- YYYY-MM-DD
  last_ticket INTEGER NOT NULL,
  PRIMARY KEY (agency_code, issued_day)
);
