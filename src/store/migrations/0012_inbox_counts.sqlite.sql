-- motcua: long
-- Issue 10: the inbox counts at 1 M open dossiers. Counting a head's queue and the agency's overdue dossiers by index
-- range read tens of thousands of index entries per inbox view; these counters are kept by triggers in the same
-- transaction as every change of a dossier, so a count reads a few hundred rows whatever the number of dossiers.
-- One row per (handling agency, step role, holder (0 = the step's queue), local day of the current appointment) of
-- the running dossiers (accepted or processing, with an appointment): store/inbox_store.cpp sums them, and counts
-- only today's part of an overdue range by index. The local day is (due_at / 1e6 + 7 h) / 1 day, Vietnam (UTC+7).
-- Long: the counters of the dossiers already running are built from them.
CREATE TABLE inbox_counts (
  handling_agency TEXT NOT NULL,
  step_role TEXT NOT NULL,
  assignee_id BIGINT NOT NULL,
  due_day BIGINT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (handling_agency, step_role, assignee_id, due_day)
);
CREATE INDEX inbox_counts_holder ON inbox_counts (assignee_id, due_day);
CREATE INDEX inbox_counts_due ON inbox_counts (handling_agency, due_day);

INSERT INTO inbox_counts (handling_agency, step_role, assignee_id, due_day, n)
  SELECT COALESCE(handling_agency, ''), COALESCE(step_role, ''), COALESCE(assignee_id, 0),
         (due_at / 1000000 + 25200) / 86400, COUNT(*)
  FROM dossiers WHERE status IN ('accepted', 'processing') AND due_at IS NOT NULL
  GROUP BY 1, 2, 3, 4;

CREATE TRIGGER dossiers_count_insert AFTER INSERT ON dossiers
  WHEN NEW.status IN ('accepted', 'processing') AND NEW.due_at IS NOT NULL
BEGIN
  INSERT INTO inbox_counts (handling_agency, step_role, assignee_id, due_day, n)
    VALUES (COALESCE(NEW.handling_agency, ''), COALESCE(NEW.step_role, ''), COALESCE(NEW.assignee_id, 0),
            (NEW.due_at / 1000000 + 25200) / 86400, 1)
    ON CONFLICT (handling_agency, step_role, assignee_id, due_day) DO UPDATE SET n = n + 1;
END;

-- An update leaves its old key (when it was running) and enters its new one (when it runs); both run in one
-- trigger so that their order is fixed.
CREATE TRIGGER dossiers_count_update AFTER UPDATE OF status, due_at, handling_agency, step_role, assignee_id
  ON dossiers
  WHEN (OLD.status IN ('accepted', 'processing') AND OLD.due_at IS NOT NULL)
    OR (NEW.status IN ('accepted', 'processing') AND NEW.due_at IS NOT NULL)
BEGIN
  UPDATE inbox_counts SET n = n - 1
    WHERE OLD.status IN ('accepted', 'processing') AND OLD.due_at IS NOT NULL
      AND handling_agency = COALESCE(OLD.handling_agency, '') AND step_role = COALESCE(OLD.step_role, '')
      AND assignee_id = COALESCE(OLD.assignee_id, 0) AND due_day = (OLD.due_at / 1000000 + 25200) / 86400;
  DELETE FROM inbox_counts
    WHERE n = 0 AND handling_agency = COALESCE(OLD.handling_agency, '') AND step_role = COALESCE(OLD.step_role, '')
      AND assignee_id = COALESCE(OLD.assignee_id, 0) AND due_day = (OLD.due_at / 1000000 + 25200) / 86400;
  INSERT INTO inbox_counts (handling_agency, step_role, assignee_id, due_day, n)
    SELECT COALESCE(NEW.handling_agency, ''), COALESCE(NEW.step_role, ''), COALESCE(NEW.assignee_id, 0),
           (NEW.due_at / 1000000 + 25200) / 86400, 1
    WHERE NEW.status IN ('accepted', 'processing') AND NEW.due_at IS NOT NULL
    ON CONFLICT (handling_agency, step_role, assignee_id, due_day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER dossiers_count_delete AFTER DELETE ON dossiers
  WHEN OLD.status IN ('accepted', 'processing') AND OLD.due_at IS NOT NULL
BEGIN
  UPDATE inbox_counts SET n = n - 1
    WHERE handling_agency = COALESCE(OLD.handling_agency, '') AND step_role = COALESCE(OLD.step_role, '')
      AND assignee_id = COALESCE(OLD.assignee_id, 0) AND due_day = (OLD.due_at / 1000000 + 25200) / 86400;
  DELETE FROM inbox_counts
    WHERE n = 0 AND handling_agency = COALESCE(OLD.handling_agency, '') AND step_role = COALESCE(OLD.step_role, '')
      AND assignee_id = COALESCE(OLD.assignee_id, 0) AND due_day = (OLD.due_at / 1000000 + 25200) / 86400;
END;

-- The desk's lists (waiting for reception, for a supplement, results to return; ended dossiers): filed dossiers per
-- (receiving agency, status, ended or not), kept the same way. The ended count grows with the years, so it must
-- never be a scan.
CREATE TABLE desk_counts (
  agency_code TEXT NOT NULL,
  status TEXT NOT NULL,
  ended INTEGER NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (agency_code, status, ended)
);
CREATE INDEX desk_counts_ended ON desk_counts (agency_code, ended);

INSERT INTO desk_counts (agency_code, status, ended, n)
  SELECT agency_code, status, CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END, COUNT(*)
  FROM dossiers WHERE code IS NOT NULL
  GROUP BY 1, 2, 3;

CREATE TRIGGER dossiers_desk_count_insert AFTER INSERT ON dossiers WHEN NEW.code IS NOT NULL
BEGIN
  INSERT INTO desk_counts (agency_code, status, ended, n)
    VALUES (NEW.agency_code, NEW.status, NEW.ended_at IS NOT NULL, 1)
    ON CONFLICT (agency_code, status, ended) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER dossiers_desk_count_update AFTER UPDATE OF code, agency_code, status, ended_at ON dossiers
  WHEN OLD.code IS NOT NULL OR NEW.code IS NOT NULL
BEGIN
  UPDATE desk_counts SET n = n - 1
    WHERE OLD.code IS NOT NULL AND agency_code = OLD.agency_code AND status = OLD.status
      AND ended = (OLD.ended_at IS NOT NULL);
  DELETE FROM desk_counts
    WHERE n = 0 AND agency_code = OLD.agency_code AND status = OLD.status AND ended = (OLD.ended_at IS NOT NULL);
  INSERT INTO desk_counts (agency_code, status, ended, n)
    SELECT NEW.agency_code, NEW.status, NEW.ended_at IS NOT NULL, 1 WHERE NEW.code IS NOT NULL
    ON CONFLICT (agency_code, status, ended) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER dossiers_desk_count_delete AFTER DELETE ON dossiers WHEN OLD.code IS NOT NULL
BEGIN
  UPDATE desk_counts SET n = n - 1
    WHERE agency_code = OLD.agency_code AND status = OLD.status AND ended = (OLD.ended_at IS NOT NULL);
  DELETE FROM desk_counts
    WHERE n = 0 AND agency_code = OLD.agency_code AND status = OLD.status AND ended = (OLD.ended_at IS NOT NULL);
END;
