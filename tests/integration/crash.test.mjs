// kill -9 of the server while filings are in flight (issue 9, "Bad input and faults"): citizens file many drafts
// at once over the API, the server is killed with SIGKILL after the first acknowledgements, and restarted on the
// same database. Every code that was acknowledged (200) must be there, no code may appear twice, and the codes of
// a day per agency must be exactly 1…N (a filing that never committed took no number). Drafts whose answer was lost
// file again after the restart, once (a draft already filed answers its first filing).

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';

import { kDemoLogins, sql } from '../lib/client.mjs';
import { fullAnswers, addressUnits, smallProcedure } from '../lib/dossier_answers.mjs';
import { makeDatabase, runMotcua, startServer } from '../lib/server.mjs';

const kAgency = '000.05.31.H40';
const kCitizens = [kDemoLogins.citizen, kDemoLogins.representative];
const kDraftsPerCitizen = 60;
const kConcurrency = 32;
//! Acknowledged filings before the kill: enough that many more are in flight.
const kKillAfterAcks = 25;

let database;
let server;
const tokens = [];

before(async () => {
  database = await makeDatabase();
  for (const login of kCitizens) {
    const r = await runMotcua(['token', 'create', '--db', database.db, '--login', login, '--name', 'crash test']);
    assert.equal(r.code, 0, r.stderr);
    tokens.push(r.stdout.trim());
  }
  server = await startServer({ database });
});
after(async () => { await server?.stop(); });

//! One request over a fresh connection (no keep-alive, so the kill cuts requests, not idle sockets):
//! resolves {status, body} or {error}.
function request(url, method, path, token, json) {
  return new Promise((resolve) => {
    const payload = json === undefined ? '' : JSON.stringify(json);
    const req = http.request(`${url}${path}`, {
      method,
      agent: false,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d) => { text += d; });
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode, body: text ? JSON.parse(text) : null, text });
        } catch {
          resolve({ status: res.statusCode, body: null, text });
        }
      });
      res.on('error', (error) => resolve({ error }));
    });
    req.on('error', (error) => resolve({ error }));
    req.end(payload);
  });
}

//! Runs `jobs` (functions returning promises) `limit` at a time.
async function pool(jobs, limit) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next];
      next += 1;
      await job();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

test('every acknowledged filing survives kill -9, and no code is issued twice', async () => {
  const units = await addressUnits(server.url);
  const { code: procedure, form } = await smallProcedure(server.url);
  const answers = fullAnswers(form, units);

  // Drafts, each with an Idempotency-Key for its submit.
  // The demo office's own dossiers (init --demo) are filed already: counted apart, and their codes still take part in
  // the check that each agency's day is numbered 1..N without gaps.
  const demoCodes = Number(sql(server.db, 'SELECT COUNT(*) FROM dossiers WHERE code IS NOT NULL'));
  const drafts = [];
  await pool(tokens.flatMap((token, who) => Array.from({ length: kDraftsPerCitizen }, (_, i) => async () => {
    const r = await request(server.url, 'POST', '/api/v1/dossiers', token, { procedure, agency: kAgency, answers });
    assert.equal(r.status, 201, `create: ${r.status} ${r.text}`);
    drafts.push({ id: r.body.id, token, key: `crash-${who}-${i}` });
  })), kConcurrency);

  // File them all at once; kill -9 after the first acknowledgements.
  const acknowledged = new Map();  // code -> draft
  let killed = false;
  let lost = 0;
  await pool(drafts.map((d) => async () => {
    if (killed) {
      return;
    }
    const r = await request(server.url, 'POST', `/api/v1/dossiers/${d.id}/submit`, d.token);
    if (r.status === 200) {
      assert.equal(acknowledged.has(r.body.code), false, `code ${r.body.code} acknowledged twice`);
      acknowledged.set(r.body.code, d);
      d.code = r.body.code;
      if (acknowledged.size >= kKillAfterAcks && !killed) {
        killed = true;
        server.proc.kill('SIGKILL');
      }
    } else {
      assert.ok(r.error || killed, `submit ${d.id}: ${r.status} ${r.text}`);
      lost += 1;
    }
  }), kConcurrency);
  assert.ok(killed, 'the server was never killed');
  await new Promise((resolve) => { server.proc.once('exit', resolve); if (server.proc.exitCode !== null || server.proc.signalCode) { resolve(); } });
  console.log(`kill -9 after ${acknowledged.size} acknowledged filings; ${lost} requests cut or refused`);

  // Same database, new process.
  server = await startServer({ database });
  for (const [code, d] of acknowledged) {
    const r = await request(server.url, 'GET', `/api/v1/dossiers/${encodeURIComponent(code)}`, d.token);
    assert.equal(r.status, 200, `acknowledged ${code} is gone after the restart: ${r.status} ${r.text}`);
    assert.equal(r.body.code, code);
    assert.equal(r.body.id, d.id);
    assert.equal(r.body.status, 'submitted');
  }

  // Filing again: an acknowledged draft answers its first code, the others file now (or answer the filing that
  // committed just before the kill without its answer reaching us).
  for (const d of drafts) {
    const r = await request(server.url, 'POST', `/api/v1/dossiers/${d.id}/submit`, d.token);
    assert.equal(r.status, 200, `refile ${d.id}: ${r.status} ${r.text}`);
    if (d.code) {
      assert.equal(r.body.code, d.code, `draft ${d.id} was filed twice`);
    }
    d.code = r.body.code;
  }

  const rows = sql(server.db, 'SELECT code FROM dossiers WHERE code IS NOT NULL').split('\n').filter(Boolean);
  assert.equal(rows.length, demoCodes + drafts.length, 'one code per filed draft');
  assert.equal(new Set(rows).size, rows.length, 'a code appears twice');
  const byDay = new Map();
  for (const code of rows) {
    const m = /^(.+)-(\d{6})-(\d{4})$/.exec(code);
    assert.ok(m, `malformed code ${code}`);
    const day = `${m[1]}-${m[2]}`;
    byDay.set(day, [...(byDay.get(day) ?? []), Number(m[3])]);
  }
  for (const [day, sequence] of byDay) {
    sequence.sort((a, b) => a - b);
    assert.deepEqual(sequence, Array.from({ length: sequence.length }, (_, i) => i + 1), `codes of ${day}`);
  }
});
