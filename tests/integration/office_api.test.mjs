// The back office over the JSON API (issue 10) with bearer tokens: the whole chain at Sở Tư pháp (a citizen files
// online → the desk accepts → the head of section forwards it to a specialist → the specialist asks for a supplement → the citizen
// supplies it → forwarded → reviewed → the director approves → the clerk records the result with its PDF → the
// citizen downloads it → the desk marks it returned), the inbox and its counts, refusals, 409 on a stale version,
// two clients acting at once (exactly one 200, the other 409 with the new state), strict bodies (400 naming the
// key), and 401/403/404. Runs on SQLite, and on PostgreSQL when MOTCUA_TEST_PG_URL is set.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { kDemoLogins } from '../lib/client.mjs';
import { addressUnits, fullAnswers } from '../lib/dossier_answers.mjs';
import { makePdf, multipart } from '../lib/filing.mjs';
import { makeDatabase, runMotcua, startServer } from '../lib/server.mjs';

const kDepartment = '000.00.02.H40';  // Sở Tư pháp
const kIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;
const kSomeoneElse = /Người khác vừa xử lý hồ sơ này/;

let server;
const tokens = {};
let units;
let procedure;  // {code, form}: a procedure of Sở Tư pháp on the generic form without required documents

async function tokenFor(db, login) {
  const r = await runMotcua(['token', 'create', '--db', db, '--login', login, '--name', 'office api test']);
  assert.equal(r.code, 0, `token create ${login}: ${r.stderr}`);
  return r.stdout.trim();
}

before(async () => {
  const database = await makeDatabase();
  const who = {
    citizen: kDemoLogins.citizen,
    other: kDemoLogins.representative,
    desk: kDemoLogins.deskDepartment,
    communeDesk: kDemoLogins.deskCommune,
    head: kDemoLogins.sectionHead,
    specialist: kDemoLogins.specialist,
    director: kDemoLogins.agencyHead,
    clerk: kDemoLogins.clerk,
  };
  for (const [key, login] of Object.entries(who)) {
    tokens[key] = await tokenFor(database.db, login);
  }
  server = await startServer({ database });
  units = await addressUnits(server.url);
  procedure = await departmentProcedure();
});
after(async () => { await server?.stop(); });

//! Calls the API as `who` (a key of `tokens`, or null): {status, headers, body, text}.
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
    parsed = null;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

function expectStatus(r, status, what) {
  assert.equal(r.status, status, `${what}: ${r.status} ${r.text.slice(0, 800)}`);
}

//! A multipart POST as `who` of `fields` ([name, value]) and `files` ([name, filename, type, bytes]).
async function postMultipart(who, path, fields, files = []) {
  const { body, contentType } = multipart(fields, files);
  return call(who, 'POST', path, { body, headers: { 'content-type': contentType } });
}

async function departmentProcedure() {
  const list = await (await fetch(`${server.url}/api/v1/procedures?agency=${kDepartment}&page_size=100`)).json();
  for (const p of list.items) {
    const res = await fetch(`${server.url}/api/v1/procedures/${p.code}/form`);
    if (res.status !== 200) {
      continue;
    }
    const form = await res.json();
    if (form.pages.length <= 2 && !form.documents.some((d) => d.required)) {
      return { code: p.code, form };
    }
  }
  throw new Error('no procedure of Sở Tư pháp on the generic form without required documents');
}

//! A dossier filed online by `who` at Sở Tư pháp: its code.
async function fileOne(who = 'citizen') {
  const created = await call(who, 'POST', '/api/v1/dossiers', { json: { procedure: procedure.code, agency: kDepartment } });
  expectStatus(created, 201, 'create');
  const answers = fullAnswers(procedure.form, units);
  expectStatus(await call(who, 'PATCH', `/api/v1/dossiers/${created.body.id}`, { json: { answers } }), 200, 'answers');
  const filed = await call(who, 'POST', `/api/v1/dossiers/${created.body.id}/submit`);
  expectStatus(filed, 200, 'submit');
  return filed.body.code;
}

async function view(who, code) {
  const r = await call(who, 'GET', `/api/v1/dossiers/${code}`);
  expectStatus(r, 200, `GET ${code} as ${who}`);
  return r.body;
}

async function act(who, code, body, status = 200) {
  const r = await call(who, 'POST', `/api/v1/dossiers/${code}/actions`, { json: body });
  expectStatus(r, status, `${body.action} as ${who}`);
  return r.body;
}

const actionNames = (d) => d.actions.map((a) => a.action);

describe('the whole chain at Sở Tư pháp over the API', () => {
  let code;
  let d;
  let pdf;

  test('a citizen files; the desk finds it in the reception queue with the counts', async () => {
    code = await fileOne();
    const inbox = await call('desk', 'GET', '/api/v1/inbox?queue=reception');
    expectStatus(inbox, 200, 'reception inbox');
    assert.equal(inbox.body.queue, 'reception');
    const row = inbox.body.items.find((i) => i.code === code);
    assert.ok(row, `${code} in ${JSON.stringify(inbox.body.items.map((i) => i.code))}`);
    assert.equal(row.status_code, 1);
    assert.match(row.submitted_at, kIso);
    assert.equal(row.url, `/api/v1/dossiers/${code}`);
    assert.ok(inbox.body.counts.reception >= 1, JSON.stringify(inbox.body.counts));
    assert.ok(Object.keys(inbox.body.counts).every((k) =>
      ['mine', 'reception', 'supplement', 'due_soon', 'overdue', 'to_return', 'finished'].includes(k)));
    d = await view('desk', code);
    assert.equal(d.status_code, 1);
    assert.equal(d.received_at, null);
    assert.ok(['accept', 'request_supplement', 'refuse'].every((a) => actionNames(d).includes(a)), actionNames(d));
  });

  test('the desk accepts: status 2, receipt and appointment in +07:00, the first step', async () => {
    d = await act('desk', code, { action: 'accept', version: d.version, note: 'Đủ thành phần hồ sơ' });
    assert.equal(d.status_code, 2);
    assert.match(d.received_at, kIso);
    assert.match(d.appointment, kIso);
    assert.equal(d.original_appointment, d.appointment);
    assert.ok(d.appointment > d.received_at);
    assert.equal(d.paused, false);
    assert.equal(d.step.id, 'assignment');
    assert.ok(d.timeline.length >= 3);
    assert.equal(d.handoffs.length >= 1, true);
  });

  test('the head of section sees it in "mine" and assigns it to the specialist named in the actions', async () => {
    const inbox = await call('head', 'GET', '/api/v1/inbox');
    expectStatus(inbox, 200, 'head inbox');
    assert.equal(inbox.body.queue, 'mine');
    assert.ok(inbox.body.items.some((i) => i.code === code), JSON.stringify(inbox.body));
    d = await view('head', code);
    const assign = d.actions.find((a) => a.action === 'assign');
    assert.ok(assign, `assign in ${actionNames(d)}`);
    const trang = assign.people.find((p) => p.name === 'Hoàng Thu Trang');
    assert.ok(trang, JSON.stringify(assign.people));
    d = await act('head', code, { action: 'assign', version: d.version, to: trang.id });
    assert.equal(d.assignee.name, 'Hoàng Thu Trang');
    assert.equal(d.step.id, 'specialist');
  });

  test('the specialist asks for a supplement: the clock stops (status 5, paused)', async () => {
    const inbox = await call('specialist', 'GET', '/api/v1/inbox');
    assert.ok(inbox.body.items.some((i) => i.code === code), JSON.stringify(inbox.body));
    d = await view('specialist', code);
    d = await act('specialist', code, {
      action: 'request_supplement', version: d.version, note: 'Bổ sung trong 5 ngày làm việc',
      items: [{ field_id: 'noi_dung', label: 'Nội dung yêu cầu', reason: 'Ghi rõ mục đích sử dụng' }],
    });
    assert.equal(d.status_code, 5);
    assert.equal(d.paused, true);
    assert.equal(d.supplements.length, 1);
    assert.match(d.supplements[0].requested_at, kIso);
    assert.equal(d.supplements[0].supplied_at, null);
    const waiting = await call('desk', 'GET', '/api/v1/inbox?queue=supplement');
    expectStatus(waiting, 200, 'supplement queue');
  });

  test('the citizen sees what is asked and supplies it: the clock restarts (status 4)', async () => {
    const mine = await view('citizen', code);
    assert.equal(mine.status_code, 5);
    assert.equal(mine.supplements[0].items[0].reason, 'Ghi rõ mục đích sử dụng');
    assert.deepEqual(actionNames(mine), ['supply']);
    const r = await postMultipart('citizen', `/api/v1/dossiers/${code}/supplement`,
      [['body', JSON.stringify({ version: mine.version, answers: { noi_dung: 'Để bổ sung hồ sơ xin việc làm' } })]]);
    expectStatus(r, 200, 'supply');
    assert.equal(r.body.status_code, 4);
    assert.equal(r.body.paused, false);
    assert.match(r.body.supplements[0].supplied_at, kIso);
    assert.equal(r.body.answers.noi_dung, 'Để bổ sung hồ sơ xin việc làm');
  });

  test('forwarded by the specialist, reviewed by the head, approved by the director', async () => {
    d = await view('specialist', code);
    d = await act('specialist', code, { action: 'forward', version: d.version, note: 'Đủ điều kiện' });
    assert.equal(d.step.id, 'review');
    d = await view('head', code);
    d = await act('head', code, { action: 'forward', version: d.version });
    assert.equal(d.step.id, 'signing');
    d = await view('director', code);
    assert.ok(actionNames(d).includes('approve'), actionNames(d));
    d = await act('director', code, { action: 'approve', version: d.version });
    assert.equal(d.step.id, 'issue');
  });

  test('the clerk records the result with its PDF (multipart): status 9', async () => {
    d = await view('clerk', code);
    pdf = makePdf('Phieu ket qua');
    const body = { action: 'record_result', version: d.version, result_number: '125/2026/STP', result_date: '2026-11-30',
      method: 'online' };
    const r = await postMultipart('clerk', `/api/v1/dossiers/${code}/result`, [['body', JSON.stringify(body)]],
      [['file', 'ket-qua.pdf', 'application/pdf', pdf]]);
    expectStatus(r, 200, 'record_result');
    d = r.body;
    assert.equal(d.status_code, 9);
    assert.equal(d.result.number, '125/2026/STP');
    assert.equal(d.result.issued_on, '2026-11-30');
    assert.equal(d.result.method, 'online');
    assert.equal(d.result.file.url, `/api/v1/dossiers/${code}/result`);
  });

  test('the citizen downloads the e-result; a stranger cannot', async () => {
    const res = await fetch(`${server.url}/api/v1/dossiers/${code}/result`,
      { headers: { authorization: `Bearer ${tokens.citizen}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition'), /^attachment/);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), pdf);
    expectStatus(await call('other', 'GET', `/api/v1/dossiers/${code}/result`), 404, 'another citizen');
  });

  test('the desk marks it returned: status 10, ended, judged on time or early', async () => {
    d = await view('desk', code);
    d = await act('desk', code, { action: 'mark_returned', version: d.version, returned_to: 'Trần Thị Mai' });
    assert.equal(d.status_code, 10);
    assert.match(d.result.returned_at, kIso);
    assert.equal(d.result.returned_to, 'Trần Thị Mai');
    assert.ok(['early', 'on_time'].includes(d.timeliness), d.timeliness);
    assert.ok(d.handoffs.length >= 6, JSON.stringify(d.handoffs.map((h) => h.step.id)));
    assert.deepEqual(actionNames(d), []);
    const citizen = await view('citizen', code);
    assert.equal(citizen.status_code, 10);
  });
});

describe('refusals, stale versions and concurrency', () => {
  test('refuse needs a reason (422), then ends the dossier (status 3); nothing more may be done', async () => {
    const code = await fileOne();
    const d = await view('desk', code);
    const missing = await call('desk', 'POST', `/api/v1/dossiers/${code}/actions`,
      { json: { action: 'refuse', version: d.version } });
    expectStatus(missing, 422, 'refuse without a reason');
    assert.ok(missing.body.errors.length >= 1);
    const refused = await act('desk', code, { action: 'refuse', version: d.version, note: 'Không thuộc thẩm quyền' });
    assert.equal(refused.status_code, 3);
    assert.equal(refused.end_reason, 'Không thuộc thẩm quyền');
    assert.deepEqual(refused.actions, []);
    const again = await call('desk', 'POST', `/api/v1/dossiers/${code}/actions`,
      { json: { action: 'accept', version: refused.version } });
    assert.ok([409, 422].includes(again.status), `${again.status} ${again.text}`);
  });

  test('a stale version is 409 with the message and the dossier\'s new state', async () => {
    const code = await fileOne();
    const d = await view('desk', code);
    const accepted = await act('desk', code, { action: 'accept', version: d.version });
    const stale = await call('desk', 'POST', `/api/v1/dossiers/${code}/actions`,
      { json: { action: 'refuse', version: d.version, note: 'Muộn' } });
    expectStatus(stale, 409, 'stale');
    assert.match(stale.body.error, kSomeoneElse);
    assert.equal(stale.body.dossier.code, code);
    assert.equal(stale.body.dossier.status_code, 2);
    assert.equal(stale.body.dossier.version, accepted.version);
  });

  test('two clients act at once on one version: exactly one 200, the other 409 with the new state', async () => {
    for (let round = 0; round < 3; ++round) {
      const code = await fileOne();
      const d = await view('desk', code);
      const [a, b] = await Promise.all([
        call('desk', 'POST', `/api/v1/dossiers/${code}/actions`, { json: { action: 'accept', version: d.version } }),
        call('desk', 'POST', `/api/v1/dossiers/${code}/actions`,
          { json: { action: 'refuse', version: d.version, note: 'Hồ sơ trùng' } }),
      ]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [200, 409], `${a.text}\n${b.text}`);
      const winner = a.status === 200 ? a.body : b.body;
      const loser = a.status === 409 ? a.body : b.body;
      assert.match(loser.error, kSomeoneElse);
      assert.equal(loser.dossier.status_code, winner.status_code);
      assert.equal(loser.dossier.version, winner.version);
      const now = await view('desk', code);
      assert.equal(now.status_code, winner.status_code);
    }
  });
});

describe('strict bodies and who may call', () => {
  let code;
  let version;
  before(async () => {
    code = await fileOne();
    version = (await view('desk', code)).version;
  });

  test('an unknown key, a wrong type, malformed JSON or an unknown action is 400 naming it', async () => {
    const cases = [
      [{ action: 'accept', version, result_file_path: '/etc/passwd' }, 'result_file_path'],
      [{ action: 'accept', version: String(version) }, 'version'],
      [{ action: 'accept' }, 'version'],
      [{ action: 'approve_all', version }, 'action'],
      [{ action: 'supply', version }, 'action'],
      [{ action: 'request_supplement', version, items: [{ reason: 'x', why: 'y' }] }, 'items[0].why'],
      [{ action: 'apologise', version, note: 'x', new_appointment: '2026-12-03 17:00' }, 'new_appointment'],
    ];
    for (const [json, field] of cases) {
      const r = await call('desk', 'POST', `/api/v1/dossiers/${code}/actions`, { json });
      expectStatus(r, 400, JSON.stringify(json));
      assert.equal(r.body.errors[0].field, field, JSON.stringify(r.body));
      assert.ok(r.body.errors[0].message.length > 0);
    }
    const malformed = await call('desk', 'POST', `/api/v1/dossiers/${code}/actions`, { body: '{"action": "accept",' });
    expectStatus(malformed, 400, 'malformed');
    assert.match(malformed.body.error, /JSON/);
    const english = await call('desk', 'POST', `/api/v1/dossiers/${code}/actions`,
      { json: { action: 'accept', version, colour: 'red' }, headers: { 'accept-language': 'en' } });
    expectStatus(english, 400, 'english');
    assert.match(english.body.errors[0].message, /colour/);
    assert.doesNotMatch(english.body.errors[0].message, /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    assert.equal((await view('desk', code)).status_code, 1, 'nothing happened');
  });

  test('the inbox refuses an unknown queue or status (400)', async () => {
    expectStatus(await call('desk', 'GET', '/api/v1/inbox?queue=everything'), 400, 'queue');
    expectStatus(await call('desk', 'GET', '/api/v1/inbox?status=11'), 400, 'status');
    const filtered = await call('desk', 'GET', '/api/v1/inbox?queue=reception&status=1');
    expectStatus(filtered, 200, 'status filter');
    assert.ok(filtered.body.items.every((i) => i.status_code === 1));
  });

  test('no token is 401; a citizen\'s token on officers\' routes is 403', async () => {
    expectStatus(await call(null, 'GET', '/api/v1/inbox'), 401, 'anonymous inbox');
    expectStatus(await call(null, 'POST', `/api/v1/dossiers/${code}/actions`, { json: { action: 'accept', version } }),
      401, 'anonymous action');
    expectStatus(await call('citizen', 'GET', '/api/v1/inbox'), 403, 'citizen inbox');
    expectStatus(await call('citizen', 'POST', `/api/v1/dossiers/${code}/actions`,
      { json: { action: 'accept', version } }), 403, 'citizen action');
  });

  test('an officer of another agency gets 404; one who may see it but not act now gets 403', async () => {
    expectStatus(await call('communeDesk', 'GET', `/api/v1/dossiers/${code}`), 404, 'commune desk sees');
    expectStatus(await call('communeDesk', 'POST', `/api/v1/dossiers/${code}/actions`,
      { json: { action: 'accept', version } }), 404, 'commune desk acts');
    expectStatus(await call('desk', 'POST', '/api/v1/dossiers/000.00.02.H40-991231-9999/actions',
      { json: { action: 'accept', version: 1 } }), 404, 'no such dossier');
    const specialist = await call('specialist', 'POST', `/api/v1/dossiers/${code}/actions`,
      { json: { action: 'accept', version } });
    expectStatus(specialist, 403, 'a specialist accepting at the desk');
    expectStatus(await call('other', 'GET', `/api/v1/dossiers/${code}`), 404, 'another citizen');
    expectStatus(await postMultipart('other', `/api/v1/dossiers/${code}/supplement`,
      [['body', JSON.stringify({ version, answers: {} })]]), 404, 'another citizen supplies');
    assert.equal((await view('desk', code)).status_code, 1, 'nothing happened');
  });
});
