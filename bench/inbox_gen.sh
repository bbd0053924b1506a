#!/usr/bin/env bash
# SQL for bench/inbox.sh, printed on stdout for sqlite3 or psql:
#
#   bench/inbox_gen.sh sqlite|postgres COUNT         COUNT open dossiers in one INSERT … SELECT, then ANALYZE
#   bench/inbox_gen.sh sqlite-plans|postgres-plans   the plans of the inbox queries of store/inbox_store.cpp
#
# The rows: every 20th-slot pair at Sở Tư pháp (10 %), one slot at Phường Năng Tĩnh (5 %), the rest spread over every
# agency with a one-stop desk; each at a step of its level's default workflow (department: assignment, specialist,
# review, signing, issue; commune: specialist, signing, return) with that step's role and status; specialists' steps
# at Sở Tư pháp held by its two demo specialists in turn, elsewhere by the step's queue; current appointments spread
# from 30 days past to 30 days ahead; every 50th dossier filed and waiting for reception instead.
set -euo pipefail
MODE="$1"
COUNT="${2:-1000000}"
NOW_US=$(($(date +%s) * 1000000))
SOON_US=$((NOW_US + 86400 * 1000000))
DEPARTMENT="000.00.02.H40"
COMMUNE="000.05.31.H40"

case "$MODE" in
  sqlite) SERIES="WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $COUNT)" ; FROM_N="n" ;;
  postgres) SERIES="WITH n(i) AS (SELECT generate_series(1, $COUNT))" ; FROM_N="n" ;;
  sqlite-plans) EXPLAIN="EXPLAIN QUERY PLAN" ;;
  postgres-plans) EXPLAIN="EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)" ;;
  *) echo "inbox_gen.sh: mode is sqlite, postgres, sqlite-plans or postgres-plans" >&2; exit 2 ;;
esac

if [[ "$MODE" == *-plans ]]; then
  # The specialist's id as a literal, as the service binds it (psql: \gset; sqlite3 plans do not depend on it).
  if [[ "$MODE" == postgres-plans ]]; then
    echo "SELECT id AS specialist FROM users WHERE login_name = 'chuyenvien.tuphap' \\gset"
    SPECIALIST=":specialist"
  else
    SPECIALIST="(SELECT id FROM users WHERE login_name = 'chuyenvien.tuphap')"
  fi
  SELECT="SELECT d.due_at, d.id, d.code, d.procedure_code, d.applicant_name, d.status, d.workflow_key, d.workflow_version,
  d.step_id, d.assignee_id, COALESCE(u.full_name, ''), d.channel, d.submitted_at, d.due_at
  FROM dossiers d LEFT JOIN users u ON u.id = d.assignee_id"
  RUNNING="d.status IN ('accepted', 'processing') AND d.due_at IS NOT NULL"
  show() {
    [[ "$MODE" == sqlite-plans ]] && echo ".print '-- $1'" || echo "\\echo '-- $1'"
    echo "$EXPLAIN $2;"
  }
  TODAY=$(( (NOW_US / 1000000 + 25200) / 86400 ))
  TODAY_START=$(( (TODAY * 86400 - 25200) * 1000000 ))
  show "mine, the queue of a step (head of section, Sở Tư pháp): a page" \
    "$SELECT WHERE $RUNNING AND d.handling_agency = '$DEPARTMENT' AND d.step_role = 'section_head' AND d.assignee_id = 0
  ORDER BY d.due_at ASC, d.id ASC LIMIT 51"
  show "mine, the queue of a step: its count (counters of migration 0012)" \
    "SELECT COALESCE(SUM(n), 0) FROM inbox_counts WHERE handling_agency = '$DEPARTMENT' AND step_role = 'section_head'
  AND assignee_id = 0"
  show "mine, held by a specialist: a page" \
    "$SELECT WHERE $RUNNING AND d.assignee_id = $SPECIALIST ORDER BY d.due_at ASC, d.id ASC LIMIT 51"
  show "mine, held by a specialist: its count (counters)" \
    "SELECT COALESCE(SUM(n), 0) FROM inbox_counts WHERE assignee_id = $SPECIALIST"
  show "due soon (heads, Sở Tư pháp): a page" \
    "$SELECT WHERE $RUNNING AND d.handling_agency = '$DEPARTMENT' AND d.due_at >= $NOW_US AND d.due_at < $SOON_US
  ORDER BY d.due_at ASC, d.id ASC LIMIT 51"
  show "due soon: its count (by index: at most a working day of appointments)" \
    "SELECT COUNT(*) FROM dossiers d WHERE $RUNNING AND d.handling_agency = '$DEPARTMENT' AND d.due_at >= $NOW_US
  AND d.due_at < $SOON_US"
  show "overdue (heads, Sở Tư pháp): a page" \
    "$SELECT WHERE $RUNNING AND d.handling_agency = '$DEPARTMENT' AND d.due_at < $NOW_US
  ORDER BY d.due_at ASC, d.id ASC LIMIT 51"
  show "overdue: its count, the days before today (counters)" \
    "SELECT COALESCE(SUM(n), 0) FROM inbox_counts WHERE handling_agency = '$DEPARTMENT' AND due_day < $TODAY"
  show "overdue: its count, today until now (by index)" \
    "SELECT COUNT(*) FROM dossiers d WHERE $RUNNING AND d.handling_agency = '$DEPARTMENT' AND d.due_at >= $TODAY_START
  AND d.due_at < $NOW_US"
  show "reception (desk, Sở Tư pháp): a page" \
    "SELECT d.submitted_at, d.id, d.code FROM dossiers d WHERE d.code IS NOT NULL AND d.agency_code = '$DEPARTMENT'
  AND d.status IN ('submitted') ORDER BY d.submitted_at ASC, d.id ASC LIMIT 51"
  show "reception: its count (counters of migration 0012)" \
    "SELECT COALESCE(SUM(n), 0) FROM desk_counts WHERE agency_code = '$DEPARTMENT' AND status IN ('submitted')"
  show "finished: its count (counters)" \
    "SELECT COALESCE(SUM(n), 0) FROM desk_counts WHERE agency_code = '$DEPARTMENT' AND ended = 1"
  exit 0
fi

# PostgreSQL: a bulk load of a million rows in one transaction with the counter triggers of migration 0012 would
# update each hot counter row (an agency's "processing" count) tens of thousands of times inside that transaction,
# piling up row versions it cannot prune. A bulk load (this one, a legacy import) therefore runs without the
# triggers and rebuilds the counters once after it, with the statements of the migration; SQLite updates in place
# and keeps the triggers.
if [[ "$MODE" == postgres ]]; then
  echo "SET session_replication_role = replica;"
fi
cat <<SQL
CREATE TEMP TABLE bench_agencies (k INTEGER PRIMARY KEY, code TEXT NOT NULL, commune INTEGER NOT NULL);
INSERT INTO bench_agencies (k, code, commune)
  SELECT CAST(row_number() OVER (ORDER BY code) - 1 AS INTEGER), code, CASE WHEN level = 'commune' THEN 1 ELSE 0 END
  FROM agencies WHERE has_one_stop = 1;
CREATE TEMP TABLE bench_steps (commune INTEGER NOT NULL, s INTEGER NOT NULL, step_id TEXT NOT NULL,
  step_role TEXT NOT NULL, status TEXT NOT NULL, PRIMARY KEY (commune, s));
INSERT INTO bench_steps VALUES
  (0, 0, 'assignment', 'section_head', 'accepted'), (0, 1, 'specialist', 'specialist', 'processing'),
  (0, 2, 'review', 'section_head', 'processing'), (0, 3, 'signing', 'agency_head', 'processing'),
  (0, 4, 'issue', 'clerk', 'processing'),
  (1, 0, 'specialist', 'specialist', 'processing'), (1, 1, 'signing', 'agency_head', 'processing'),
  (1, 2, 'return', 'desk_officer', 'processing');
CREATE TEMP TABLE bench_people (n INTEGER NOT NULL, total INTEGER NOT NULL, first_id BIGINT NOT NULL,
  second_id BIGINT NOT NULL);
INSERT INTO bench_people
  SELECT (SELECT COUNT(*) FROM bench_agencies), 0,
    (SELECT id FROM users WHERE login_name = 'chuyenvien.tuphap'), (SELECT id FROM users WHERE login_name = 'chuyenvien2.tuphap');
$SERIES,
r AS (
  SELECT i,
    CASE WHEN i % 20 < 2 THEN '$DEPARTMENT' WHEN i % 20 = 2 THEN '$COMMUNE' ELSE a.code END AS agency,
    CASE WHEN i % 20 < 2 THEN 0 WHEN i % 20 = 2 THEN 1 ELSE a.commune END AS commune,
    CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END AS waiting
  FROM $FROM_N CROSS JOIN bench_people p JOIN bench_agencies a ON a.k = i % p.n
)
INSERT INTO dossiers (code, lookup_secret, procedure_code, agency_code, form_version, owner_id, applicant_name, status,
  answers, channel, created_at, updated_at, submitted_at, version, received_at, handling_agency, workflow_key,
  workflow_version, step_id, step_role, assignee_id, appointment, due_at)
SELECT r.agency || '-BENCH-' || CAST(r.i AS TEXT), 'BENCH1',
  CASE WHEN r.commune = 1 THEN '1.004837' ELSE '2.000587' END, r.agency, 1, 1000000 + r.i % 100000,
  'Người nộp ' || CAST(r.i AS TEXT),
  CASE WHEN r.waiting = 1 THEN 'submitted' ELSE st.status END, '{}', 2,
  $NOW_US - 864000000000, $NOW_US - 86400000000, $NOW_US - 864000000000 + r.i, 3,
  CASE WHEN r.waiting = 1 THEN NULL ELSE $NOW_US - 777600000000 END,
  CASE WHEN r.waiting = 1 THEN NULL ELSE r.agency END,
  CASE WHEN r.waiting = 1 THEN NULL WHEN r.commune = 1 THEN 'default:commune' ELSE 'default:province' END,
  CASE WHEN r.waiting = 1 THEN NULL ELSE 1 END,
  CASE WHEN r.waiting = 1 THEN NULL ELSE st.step_id END,
  CASE WHEN r.waiting = 1 THEN NULL ELSE st.step_role END,
  CASE WHEN r.waiting = 0 AND st.step_role = 'specialist' AND r.agency = '$DEPARTMENT'
       THEN CASE WHEN r.i % 40 < 20 THEN p.first_id ELSE p.second_id END ELSE 0 END,
  CASE WHEN r.waiting = 1 THEN NULL ELSE $NOW_US + ((CAST(r.i AS BIGINT) * 7919) % 5184000 - 2592000) * 1000000 END,
  CASE WHEN r.waiting = 1 THEN NULL ELSE $NOW_US + ((CAST(r.i AS BIGINT) * 7919) % 5184000 - 2592000) * 1000000 END
FROM r CROSS JOIN bench_people p
  JOIN bench_steps st ON st.commune = r.commune AND st.s = (r.i / 20) % (CASE WHEN r.commune = 1 THEN 3 ELSE 5 END);
SQL
if [[ "$MODE" == postgres ]]; then
  cat <<SQL
SET session_replication_role = origin;
DELETE FROM inbox_counts;
INSERT INTO inbox_counts (handling_agency, step_role, assignee_id, due_day, n)
  SELECT COALESCE(handling_agency, ''), COALESCE(step_role, ''), COALESCE(assignee_id, 0),
         (due_at / 1000000 + 25200) / 86400, COUNT(*)
  FROM dossiers WHERE status IN ('accepted', 'processing') AND due_at IS NOT NULL
  GROUP BY 1, 2, 3, 4;
DELETE FROM desk_counts;
INSERT INTO desk_counts (agency_code, status, ended, n)
  SELECT agency_code, status, CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END, COUNT(*)
  FROM dossiers WHERE code IS NOT NULL
  GROUP BY 1, 2, 3;
SQL
fi
if [[ "$MODE" == sqlite ]]; then
  echo "ANALYZE;"
else
  echo "VACUUM ANALYZE dossiers; VACUUM ANALYZE inbox_counts; VACUUM ANALYZE desk_counts;"
fi
