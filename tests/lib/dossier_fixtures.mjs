// Dossiers put straight into a test server's database, so the pages that follow a dossier (issue 9: "Hồ sơ của
// tôi", the dossier page, the receipt, the lookup, guidance) are tested apart from the filing path's pages.

import { sql } from './client.mjs';

//! The procedure of the fixtures (birth registration) and the commune whose desk officer is in the demo.
export const kFixtureProcedure = '1.001193';
export const kFixtureAgency = '000.05.31.H40';  // Phường Năng Tĩnh
const kMicros = 1_000_000;

let sequence = 0;

//! Inserts a dossier of account `owner` in `status` on form `formVersion` of the fixture procedure; a filed one
//! gets a code (day 190101, never a filing day of the demo office, and a sequence of this process) and `secret`,
//! and its events. Returns {id, code, secret}.
export function insertDossier(server, { owner, formVersion, status = 'submitted', applicant = 'Trần Thị Mai',
  secret = 'K7PQ2M', answers = {} }) {
  const now = Date.now() * 1000;
  const filed = status !== 'draft';
  const code = filed ? `${kFixtureAgency}-190101-${String(++sequence).padStart(4, '0')}` : null;
  const quote = (s) => `'${String(s).replaceAll("'", "''")}'`;
  const values = [
    filed ? quote(code) : 'NULL', filed ? quote(secret) : 'NULL', quote(kFixtureProcedure), quote(kFixtureAgency),
    formVersion, owner, quote(applicant), quote(status), quote(JSON.stringify(answers)), now, now,
    filed ? now : 'NULL', filed ? "'2026-12-04'" : 'NULL',
  ];
  const id = sql(server.db, `INSERT INTO dossiers (code, lookup_secret, procedure_code, agency_code, form_version,
    owner_id, applicant_name, status, answers, created_at, updated_at, submitted_at, expected_on)
    VALUES (${values.join(', ')}) RETURNING id`);
  sql(server.db, `INSERT INTO dossier_events (dossier_id, happened_at, event, actor_id, actor_name)
    VALUES (${id}, ${now - 60 * kMicros}, 'created', ${owner}, ${quote(applicant)})`);
  if (filed) {
    sql(server.db, `INSERT INTO dossier_events (dossier_id, happened_at, event, actor_id, actor_name)
      VALUES (${id}, ${now}, 'submitted', ${owner}, ${quote(applicant)})`);
  }
  return { id, code, secret };
}

//! The newest form version of the fixture procedure (after someone asked the form library for it).
export function fixtureFormVersion(server) {
  return sql(server.db, `SELECT MAX(version) FROM form_definitions WHERE procedure_code = '${kFixtureProcedure}'`);
}
