// The dossier JSON API with bearer tokens made by `motcua token create`: a procedure's form, create → patch →
// attach → submit (every missing answer and document named first), Idempotency-Key on create and submit, another
// citizen's 404, malformed JSON and wrong types, hidden show_if answers, "mine", lookup (ok, 404, 429), withdrawal.
// Runs on SQLite, and on PostgreSQL when MOTCUA_TEST_PG_URL is set.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { kDemoLogins, sql } from '../lib/client.mjs';
import { fullAnswers, addressUnits, shown } from '../lib/dossier_answers.mjs';
import { makeDatabase, runMotcua, startServer } from '../lib/server.mjs';

const kProcedure = '1.001193';         // Đăng ký khai sinh: a real form with documents
const kAgency = '000.05.31.H40';       // Phường Năng Tĩnh (the demo's commune desk)
const kOther = '036078002345';         // the demo representative, another citizen
const kTokenPattern = /^mct_[A-Za-z0-9_-]{40,}$/;

let server;
let tokens = {};

async function tokenFor(db, login, name = 'thử nghiệm') {
  const r = await runMotcua(['token', 'create', '--db', db, '--login', login, '--name', name]);
  assert.equal(r.code, 0, `token create ${login}: ${r.stderr}`);
  const token = r.stdout.trim();
  assert.match(token, kTokenPattern);
  return token;
}

before(async () => {
  const database = await makeDatabase();
  tokens = {
    citizen: await tokenFor(database.db, kDemoLogins.citizen),
    other: await tokenFor(database.db, kOther),
    desk: await tokenFor(database.db, kDemoLogins.deskCommune),
  };
  server = await startServer({ database });
});
after(async () => { await server?.stop(); });

//! Calls the API as `who` ('citizen', 'other', 'desk', or null for nobody): {status, headers, body}.
async function call(who, method, path, { json, body, headers = {} } = {}) {
  const h = { ...headers };
  if (who) {
    h.authorization = `Bearer ${tokens[who]}`;
  }
  let payload = body;
  if (json !== undefined) {
    h['content-type'] = 'application/json';
    payload = JSON.stringify(json);
  } else if (typeof body === 'string') {
    h['content-type'] ??= 'application/json';
  }
  const res = await fetch(server.url + path, { method, headers: h, body: payload });
  const text = await res.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    assert.fail(`${method} ${path}: not JSON (${res.status}): ${text.slice(0, 300)}`);
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

function expectStatus(r, status, what) {
  assert.equal(r.status, status, `${what}: ${r.status} ${r.text.slice(0, 600)}`);
}

let units;  // {province, district, commune} of Nam Định, era 2024

function pdfBytes(title) {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

async function attach(who, id, documentId, name = 'giay-chung-sinh.pdf') {
  const form = new FormData();
  form.append('tep', new Blob([pdfBytes(documentId)], { type: 'application/pdf' }), name);
  const res = await fetch(`${server.url}/api/v1/dossiers/${id}/documents/${documentId}`, {
    method: 'POST', headers: { authorization: `Bearer ${tokens[who]}` }, body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, text };
}

// ---------------------------------------------------------------------------------------------------------- tests

describe('motcua token create', () => {
  test('prints a token for a citizen that acts as the citizen', async () => {
    const r = await call('citizen', 'GET', '/api/v1/me');
    expectStatus(r, 200, '/api/v1/me');
    assert.equal(r.body.name, 'Trần Thị Mai');
    assert.equal(r.body.citizen, true);
  });

  test('an unknown login exits 1 naming it, and no token is printed', async () => {
    const r = await runMotcua(['token', 'create', '--db', server.db, '--login', 'khong.co.ai']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /khong\.co\.ai/);
    assert.equal(r.stdout.trim(), '');
  });

  test('is journaled as done by the command line', () => {
    const rows = sql(server.db, "SELECT actor_name FROM audit_log WHERE action = 'api_token.create'");
    assert.ok(rows.split('\n').filter((l) => l === 'motcua token create').length >= 3, rows);
  });

  test('a disabled account\'s token is refused', async () => {
    const database = await makeDatabase();
    const fresh = await startServer({ database });
    try {
      const token = await tokenFor(database.db, kOther, 'bị khóa');
      sql(database.db, `UPDATE users SET status = 'disabled' WHERE personal_id = '${kOther}'`);
      const res = await fetch(`${fresh.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 401);
    } finally {
      await fresh.stop();
    }
  });
});

describe('dossiers over the API', () => {
  let form;
  let draft;
  let filed;

  before(async () => { units = await addressUnits(server.url); });

  test('GET /api/v1/procedures/{code}/form is the definition, without a token', async () => {
    const r = await call(null, 'GET', `/api/v1/procedures/${kProcedure}/form`);
    expectStatus(r, 200, 'form');
    assert.ok(Number.isInteger(r.body.version) && r.body.version >= 1);
    assert.ok(r.body.pages.length > 0 && r.body.pages[0].fields.length > 0);
    assert.ok(Array.isArray(r.body.documents));
    form = r.body;
    expectStatus(await call(null, 'GET', '/api/v1/procedures/9.999999/form'), 404, 'unknown procedure');
  });

  test('create needs a token, and malformed JSON is 400 with a message', async () => {
    expectStatus(await call(null, 'POST', '/api/v1/dossiers', { json: { procedure: kProcedure } }), 401, 'anonymous');
    const bad = await call('citizen', 'POST', '/api/v1/dossiers', { body: '{"procedure": "1.001193",' });
    expectStatus(bad, 400, 'malformed');
    assert.equal(typeof bad.body.error, 'string');
    const notObject = await call('citizen', 'POST', '/api/v1/dossiers', { body: '[1, 2]' });
    expectStatus(notObject, 400, 'an array');
  });

  test('wrong types are 422 naming the field, and nothing is stored', async () => {
    const before = sql(server.db, 'SELECT COUNT(*) FROM dossiers');
    const r = await call('citizen', 'POST', '/api/v1/dossiers', { json: { procedure: 42 } });
    expectStatus(r, 422, 'procedure as a number');
    assert.equal(r.body.errors[0].field, 'procedure');
    const answers = await call('citizen', 'POST', '/api/v1/dossiers',
      { json: { procedure: kProcedure, agency: kAgency, answers: { nguoi_nop_dien_thoai: 912000001 } } });
    expectStatus(answers, 422, 'a phone as a number');
    assert.deepEqual(answers.body.errors.map((e) => e.field), ['nguoi_nop_dien_thoai']);
    const unknown = await call('citizen', 'POST', '/api/v1/dossiers',
      { json: { procedure: kProcedure, agency: kAgency, answers: { khong_co_cau_nay: 'x' } } });
    expectStatus(unknown, 422, 'an unknown question');
    assert.ok(unknown.body.errors.some((e) => e.field === 'khong_co_cau_nay'), unknown.text);
    assert.equal(sql(server.db, 'SELECT COUNT(*) FROM dossiers'), before);
  });

  test('an officer\'s token may not start a draft (403)', async () => {
    const r = await call('desk', 'POST', '/api/v1/dossiers', { json: { procedure: kProcedure, agency: kAgency } });
    expectStatus(r, 403, 'officer create');
    assert.equal(typeof r.body.error, 'string');
  });

  test('create: 201 with a draft prefilled from the account', async () => {
    const r = await call('citizen', 'POST', '/api/v1/dossiers', { json: { procedure: kProcedure, agency: kAgency } });
    expectStatus(r, 201, 'create');
    assert.ok(r.body.id > 0);
    assert.equal(r.body.status, 'draft');
    assert.equal(r.body.code, null);
    assert.equal(r.body.url, `/api/v1/dossiers/${r.body.id}`);
    assert.equal(r.headers.get('location'), r.body.url);
    assert.equal(r.body.answers.nguoi_nop_ho_ten, 'Trần Thị Mai');
    draft = r.body;
  });

  test('submit of an empty draft is 422 naming every missing answer and document', async () => {
    const r = await call('citizen', 'POST', `/api/v1/dossiers/${draft.id}/submit`);
    expectStatus(r, 422, 'submit empty');
    // A question is named by its id, or by a part of it (an address's "id.province", a group's "id[0].sub").
    const named = new Set(r.body.errors.flatMap((e) => [e.field, e.field.split(/[.[]/)[0]]));
    for (const e of r.body.errors) {
      assert.ok(e.message.length > 0, JSON.stringify(e));
    }
    for (const page of form.pages) {
      for (const field of page.fields) {
        if (field.required && !field.show_if && draft.answers[field.id] === undefined) {
          assert.ok(named.has(field.id), `${field.id} is not named: ${[...named].join(', ')}`);
        }
      }
    }
    for (const doc of form.documents.filter((d) => d.required)) {
      assert.ok(named.has(`tai_lieu.${doc.id}`), `document ${doc.id} is not named: ${[...named].join(', ')}`);
    }
    const english = await call('citizen', 'POST', `/api/v1/dossiers/${draft.id}/submit`,
      { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expectStatus(english, 422, 'submit empty in English');
    assert.notDeepEqual(english.body.errors.map((e) => e.message), r.body.errors.map((e) => e.message),
      'the English messages are the Vietnamese ones');
  });

  test('another citizen, and an officer of another agency, get 404', async () => {
    expectStatus(await call('other', 'GET', `/api/v1/dossiers/${draft.id}`), 404, 'other GET');
    expectStatus(await call('other', 'PATCH', `/api/v1/dossiers/${draft.id}`, { json: { answers: {} } }), 404,
      'other PATCH');
    expectStatus(await call('other', 'POST', `/api/v1/dossiers/${draft.id}/submit`), 404, 'other submit');
    expectStatus(await call('desk', 'GET', `/api/v1/dossiers/${draft.id}`), 404, 'officer sees no draft');
  });

  test('patch merges answers; a hidden show_if answer is ignored', async () => {
    // The applicant prefilled from the account stays as it is.
    const answers = Object.fromEntries(Object.entries(fullAnswers(form, units))
      .filter(([k]) => draft.answers[k] === undefined));
    const r = await call('citizen', 'PATCH', `/api/v1/dossiers/${draft.id}`, { json: { answers } });
    expectStatus(r, 200, 'patch');
    for (const [k, v] of Object.entries(answers)) {
      assert.deepEqual(r.body.answers[k], v, `answer ${k}`);
    }
    const hidden = form.pages.flatMap((p) => p.fields).find((f) => f.show_if && !shown(f, answers));
    if (hidden) {
      // A value of the wrong type for a hidden question is no error: the question does not apply.
      const h = await call('citizen', 'PATCH', `/api/v1/dossiers/${draft.id}`, { json: { answers: { [hidden.id]: 12345 } } });
      expectStatus(h, 200, `hidden ${hidden.id}`);
    }
    const wrong = await call('citizen', 'PATCH', `/api/v1/dossiers/${draft.id}`,
      { json: { answers: { nguoi_nop_ho_ten: ['not', 'text'] } } });
    expectStatus(wrong, 422, 'a list for a name');
    assert.deepEqual(wrong.body.errors.map((e) => e.field), ['nguoi_nop_ho_ten']);
    const still = await call('citizen', 'GET', `/api/v1/dossiers/${draft.id}`);
    assert.equal(still.body.answers.nguoi_nop_ho_ten, 'Trần Thị Mai', 'the refused patch changed nothing');
    const malformed = await call('citizen', 'PATCH', `/api/v1/dossiers/${draft.id}`, { body: '{"answers": {' });
    expectStatus(malformed, 400, 'malformed patch');
  });

  test('attach a PDF to every required document', async () => {
    for (const doc of form.documents.filter((d) => d.required)) {
      const r = await attach('citizen', draft.id, doc.id);
      assert.equal(r.status, 200, `attach ${doc.id}: ${r.text.slice(0, 400)}`);
      assert.ok(r.body.documents.some((f) => f.document === doc.id && f.media_type === 'application/pdf'), r.text);
    }
    const exe = new FormData();
    exe.append('tep', new Blob([Buffer.from('MZ\x90\x00not a pdf at all')]), 'giay.pdf');
    const refused = await fetch(`${server.url}/api/v1/dossiers/${draft.id}/documents/${form.documents[0].id}`,
      { method: 'POST', headers: { authorization: `Bearer ${tokens.citizen}` }, body: exe });
    assert.equal(refused.status, 422, await refused.text());
    const stranger = await attach('other', draft.id, form.documents[0].id);
    assert.equal(stranger.status, 404, stranger.text);
  });

  test('submit files it: 200 with code and lookup secret; the same Idempotency-Key gives the same answer', async () => {
    const key = `nop-${draft.id}`;
    const r = await call('citizen', 'POST', `/api/v1/dossiers/${draft.id}/submit`, { headers: { 'idempotency-key': key } });
    expectStatus(r, 200, 'submit');
    assert.match(r.body.code, /^000\.05\.31\.H40-\d{6}-\d{4}$/);
    assert.match(r.body.lookup_secret, /^[2-9A-HJKMNP-Z]{6}$/);
    assert.equal(r.body.status, 'submitted');
    assert.equal(r.body.url, `/api/v1/dossiers/${r.body.code}`);
    filed = r.body;
    const again = await call('citizen', 'POST', `/api/v1/dossiers/${draft.id}/submit`, { headers: { 'idempotency-key': key } });
    expectStatus(again, 200, 'repeated submit');
    assert.equal(again.body.code, filed.code);
    assert.equal(again.body.lookup_secret, filed.lookup_secret);
    assert.equal(sql(server.db, `SELECT COUNT(*) FROM dossiers WHERE code = '${filed.code}'`), '1');
  });

  test('GET by id or code for the owner; the officer of the agency sees it; a stranger gets 404', async () => {
    const byCode = await call('citizen', 'GET', `/api/v1/dossiers/${filed.code}`);
    expectStatus(byCode, 200, 'by code');
    assert.equal(byCode.body.id, draft.id);
    assert.equal(byCode.body.status, 'submitted');
    assert.ok(byCode.body.timeline.some((e) => e.event === 'submitted'), JSON.stringify(byCode.body.timeline));
    const byId = await call('citizen', 'GET', `/api/v1/dossiers/${draft.id}`);
    assert.equal(byId.body.code, filed.code);
    expectStatus(await call('other', 'GET', `/api/v1/dossiers/${filed.code}`), 404, 'stranger by code');
    expectStatus(await call('desk', 'GET', `/api/v1/dossiers/${filed.code}`), 200, 'desk officer of the agency');
  });

  test('hidden show_if answers are not kept in the filed dossier', async () => {
    const d = (await call('citizen', 'GET', `/api/v1/dossiers/${filed.code}`)).body;
    for (const field of form.pages.flatMap((p) => p.fields)) {
      if (field.show_if && !shown(field, d.answers)) {
        assert.equal(d.answers[field.id], undefined, `hidden ${field.id} was kept`);
      }
    }
  });

  test('create twice with the same Idempotency-Key makes one dossier', async () => {
    const headers = { 'idempotency-key': 'tao-mot-lan-duy-nhat' };
    const first = await call('citizen', 'POST', '/api/v1/dossiers', { json: { procedure: kProcedure, agency: kAgency }, headers });
    expectStatus(first, 201, 'first create');
    const second = await call('citizen', 'POST', '/api/v1/dossiers', { json: { procedure: kProcedure, agency: kAgency }, headers });
    assert.ok(second.status === 200 || second.status === 201, `second create: ${second.status} ${second.text}`);
    assert.equal(second.body.id, first.body.id);
    const mine = await call('citizen', 'GET', '/api/v1/dossiers');
    expectStatus(mine, 200, 'mine');
    assert.equal(mine.body.items.filter((d) => d.id === first.body.id).length, 1);
    // The same key of another account is another dossier.
    const other = await call('other', 'POST', '/api/v1/dossiers', { json: { procedure: kProcedure, agency: kAgency }, headers });
    expectStatus(other, 201, 'other create');
    assert.notEqual(other.body.id, first.body.id);
  });

  test('GET /api/v1/dossiers lists mine only', async () => {
    const mine = await call('citizen', 'GET', '/api/v1/dossiers');
    expectStatus(mine, 200, 'mine');
    assert.ok(mine.body.items.some((d) => d.code === filed.code && d.status === 'submitted'), mine.text);
    assert.ok(mine.body.items.some((d) => d.code === null && d.status === 'draft'), mine.text);
    const theirs = await call('other', 'GET', '/api/v1/dossiers');
    assert.ok(!theirs.body.items.some((d) => d.id === draft.id), theirs.text);
  });

  test('lookup: the pair works without a token, a wrong pair is 404, and too many failures are 429', async () => {
    const ok = await call(null, 'GET', `/api/v1/lookup?code=${encodeURIComponent(filed.code)}&secret=${filed.lookup_secret}`);
    expectStatus(ok, 200, 'lookup');
    assert.equal(ok.body.code, filed.code);
    assert.equal(ok.body.status, 'submitted');
    assert.equal(ok.body.first_name, 'Mai');
    assert.ok(!ok.text.includes('036185001234') && !ok.text.includes('Trần Thị'), 'personal data in the lookup');
    const wrong = await call(null, 'GET', `/api/v1/lookup?code=${encodeURIComponent(filed.code)}&secret=ZZZZZZ`);
    expectStatus(wrong, 404, 'wrong secret');
    let limited = null;
    for (let i = 0; i < 40 && !limited; i += 1) {
      const r = await call(null, 'GET', `/api/v1/lookup?code=${encodeURIComponent(filed.code)}&secret=ZZZZZ${'23456789'[i % 8]}`);
      if (r.status === 429) {
        limited = r;
      } else {
        expectStatus(r, 404, `wrong pair ${i}`);
      }
    }
    assert.ok(limited, 'forty wrong pairs were never throttled');
    assert.ok(Number(limited.headers.get('retry-after')) > 0, 'no Retry-After');
  });

  test('withdraw needs a reason, then the dossier is withdrawn', async () => {
    const none = await call('citizen', 'POST', `/api/v1/dossiers/${filed.code}/withdraw`, { json: {} });
    expectStatus(none, 422, 'no reason');
    assert.equal(none.body.errors[0].field, 'reason');
    expectStatus(await call('other', 'POST', `/api/v1/dossiers/${filed.code}/withdraw`, { json: { reason: 'x' } }),
      404, 'stranger withdraws');
    const r = await call('citizen', 'POST', `/api/v1/dossiers/${filed.code}/withdraw`,
      { json: { reason: 'Nộp nhầm thủ tục' } });
    expectStatus(r, 200, 'withdraw');
    assert.equal(r.body.status, 'withdrawn');
    assert.ok(r.body.timeline.some((e) => e.event === 'withdrawn'), JSON.stringify(r.body.timeline));
  });
});
