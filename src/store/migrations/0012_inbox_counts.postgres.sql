-- motcua: long
-- Issue 10: the inbox counts at 1 M open dossiers (see 0012_inbox_counts.sqlite.sql for the whole story): counters of
-- the running dossiers per (handling agency, step role, holder, local day of the appointment), kept by a trigger in
-- the same transaction as every change of a dossier. Long: the counters of the running dossiers are built from them.
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

CREATE FUNCTION dossiers_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD.status IN ('accepted', 'processing') AND OLD.due_at IS NOT NULL THEN
      IF TG_OP = 'UPDATE' AND NEW.status IN ('accepted', 'processing') AND NEW.due_at IS NOT NULL
         AND COALESCE(NEW.handling_agency, '') = COALESCE(OLD.handling_agency, '')
         AND COALESCE(NEW.step_role, '') = COALESCE(OLD.step_role, '')
         AND COALESCE(NEW.assignee_id, 0) = COALESCE(OLD.assignee_id, 0)
         AND (NEW.due_at / 1000000 + 25200) / 86400 = (OLD.due_at / 1000000 + 25200) / 86400 THEN
        RETURN NULL;  -- the same counter: nothing to change
      END IF;
      UPDATE inbox_counts SET n = n - 1
        WHERE handling_agency = COALESCE(OLD.handling_agency, '') AND step_role = COALESCE(OLD.step_role, '')
          AND assignee_id = COALESCE(OLD.assignee_id, 0) AND due_day = (OLD.due_at / 1000000 + 25200) / 86400;
      DELETE FROM inbox_counts
        WHERE n = 0 AND handling_agency = COALESCE(OLD.handling_agency, '')
          AND step_role = COALESCE(OLD.step_role, '') AND assignee_id = COALESCE(OLD.assignee_id, 0)
          AND due_day = (OLD.due_at / 1000000 + 25200) / 86400;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW.status IN ('accepted', 'processing') AND NEW.due_at IS NOT NULL THEN
      INSERT INTO inbox_counts (handling_agency, step_role, assignee_id, due_day, n)
        VALUES (COALESCE(NEW.handling_agency, ''), COALESCE(NEW.step_role, ''), COALESCE(NEW.assignee_id, 0),
                (NEW.due_at / 1000000 + 25200) / 86400, 1)
        ON CONFLICT (handling_agency, step_role, assignee_id, due_day) DO UPDATE SET n = inbox_counts.n + 1;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dossiers_count AFTER INSERT OR DELETE OR UPDATE OF status, due_at, handling_agency, step_role,
  assignee_id ON dossiers FOR EACH ROW EXECUTE FUNCTION dossiers_count();

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

CREATE FUNCTION dossiers_desk_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD.code IS NOT NULL THEN
      IF TG_OP = 'UPDATE' AND NEW.code IS NOT NULL AND NEW.agency_code = OLD.agency_code
         AND NEW.status = OLD.status AND (NEW.ended_at IS NULL) = (OLD.ended_at IS NULL) THEN
        RETURN NULL;  -- the same counter: nothing to change
      END IF;
      UPDATE desk_counts SET n = n - 1
        WHERE agency_code = OLD.agency_code AND status = OLD.status
          AND ended = CASE WHEN OLD.ended_at IS NULL THEN 0 ELSE 1 END;
      DELETE FROM desk_counts
        WHERE n = 0 AND agency_code = OLD.agency_code AND status = OLD.status
          AND ended = CASE WHEN OLD.ended_at IS NULL THEN 0 ELSE 1 END;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW.code IS NOT NULL THEN
      INSERT INTO desk_counts (agency_code, status, ended, n)
        VALUES (NEW.agency_code, NEW.status, CASE WHEN NEW.ended_at IS NULL THEN 0 ELSE 1 END, 1)
        ON CONFLICT (agency_code, status, ended) DO UPDATE SET n = desk_counts.n + 1;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dossiers_desk_count AFTER INSERT OR DELETE OR UPDATE OF code, agency_code, status, ended_at
  ON dossiers FOR EACH ROW EXECUTE FUNCTION dossiers_desk_count();
