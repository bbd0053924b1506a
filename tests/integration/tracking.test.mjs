// Issue 9, following a dossier: "Hồ sơ của tôi" grouped by where each dossier stands, the dossier page with its
// plain-language timeline, attached files sent back only to who may see them, withdrawal with a required reason,
// the account-free lookup (QR link and form; a wrong pair is 404; throttled with 429), the receipt in HTML and PDF,
// guidance at the desk (code → officer opens the draft → the citizen ends it → the officer's access is gone, all
// journaled) and the form definitions' admin page.
//
// Dossiers are put in the database directly (a filed one with its code and lookup secret), so these pages are tested
// apart from the filing path's pages; the operations they call (withdraw, lookup, guidance, publish) run for real.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Browser, kDemoLogins, signedIn, sql } from '../lib/client.mjs';
import { insertDossier as insertFixture, fixtureFormVersion, kFixtureAgency, kFixtureProcedure } from '../lib/dossier_fixtures.mjs';
import { decodeEntities, sourceDir, startServer } from '../lib/server.mjs';

const kProcedure = kFixtureProcedure;
const kAgency = kFixtureAgency;  // Phường Năng Tĩnh, where the demo's commune desk officer works

let server;
let citizenId;
let formVersion;
before(async () => {
  server = await startServer();
  citizenId = sql(server.db, `SELECT id FROM users WHERE personal_id = '${kDemoLogins.citizen}'`);
  // The form library keeps the procedure's form (its own, or the generic one) as a version the first time it is
  // asked for it: the administrators' page asks.
  const admin = await signedIn(server, kDemoLogins.systemAdmin);
  assert.equal((await admin.get(`/quan-tri/bieu-mau/${kProcedure}`)).status, 200);
  formVersion = fixtureFormVersion(server);
  assert.ok(Number(formVersion) >= 1, 'no form version for the birth registration');
});
after(async () => { await server?.stop(); });

//! A dossier of the demo citizen unless `owner` is given (see tests/lib/dossier_fixtures.mjs).
function insertDossier(options = {}) {
  return insertFixture(server, { owner: citizenId, formVersion, ...options });
}

function journal(action, objectId) {
  return sql(server.db, `SELECT actor_id FROM audit_log WHERE action = '${action}' AND object_id = '${objectId}'`);
}

function header(res, name) {
  return res.headers[name.toLowerCase()] ?? '';
}

describe('Hồ sơ của tôi', () => {
  test('lists drafts, filed and finished dossiers under their headings, each with its link', async () => {
    const draft = insertDossier({ status: 'draft' });
    const filed = insertDossier({ status: 'submitted' });
    const done = insertDossier({ status: 'done' });
    const mai = await signedIn(server, kDemoLogins.citizen);
    const res = await mai.get('/ho-so-cua-toi');
    assert.equal(res.status, 200);
    assert.match(header(res, 'cache-control'), /no-store/);
    const html = decodeEntities(res.text);
    const at = (s) => html.indexOf(s);
    for (const heading of ['Bản nháp', 'Đã nộp', 'Đã xong']) {
      assert.ok(at(`>${heading} <`) > 0, `no heading ${heading}`);
    }
    assert.ok(at(`/ho-so/${draft.id}/danh-sach`) > at('>Bản nháp <'), 'the draft is not under Bản nháp');
    assert.ok(at(`href="/ho-so/${filed.id}"`) > at('>Đã nộp <'), 'the filed dossier is not under Đã nộp');
    assert.ok(at(`href="/ho-so/${done.id}"`) > at('>Đã xong <'), 'the finished dossier is not under Đã xong');
    assert.match(html, new RegExp(filed.code.replaceAll('.', '\\.')));
    assert.match(html, /Mới đăng ký/);
    assert.match(html, /04\/12\/2026/, 'the expected date is not shown');
  });

  test('someone with no dossier sees an empty state with a way to find a procedure', async () => {
    const rep = await signedIn(server, kDemoLogins.representative);
    const html = decodeEntities((await rep.get('/ho-so-cua-toi')).text);
    assert.match(html, /Bạn chưa có hồ sơ nào/);
    assert.match(html, /href="\/thu-tuc"/);
  });
});

describe('the dossier page', () => {
  test('a filed dossier shows its code, status, what comes next, expected date and timeline', async () => {
    const d = insertDossier();
    const mai = await signedIn(server, kDemoLogins.citizen);
    const res = await mai.get(`/ho-so/${d.id}`);
    assert.equal(res.status, 200);
    assert.match(header(res, 'cache-control'), /no-store/);
    const html = decodeEntities(res.text);
    assert.match(html, new RegExp(`Hồ sơ ${d.code.replaceAll('.', '\\.')}`));
    assert.match(html, /Mới đăng ký/);
    assert.match(html, /Việc tiếp theo/);
    assert.match(html, /04\/12\/2026/);
    assert.match(html, /Diễn biến hồ sơ/);
    assert.match(html, /href="\/ho-so\/\d+\/bien-nhan\.pdf"/);
    assert.match(html, new RegExp(`href="/ho-so/${d.id}/rut"`), 'no way to withdraw before reception');
    assert.match(html, new RegExp(`href="/ho-so/${d.id}/kiem-tra"`), 'no way to change it before reception');
  });

  test('a draft goes to its task list; another citizen gets 404; an officer of the agency sees it, journaled', async () => {
    const draft = insertDossier({ status: 'draft' });
    const mai = await signedIn(server, kDemoLogins.citizen);
    const res = await mai.get(`/ho-so/${draft.id}`);
    assert.equal(res.status, 303);
    assert.equal(res.location, `/ho-so/${draft.id}/danh-sach`);
    const d = insertDossier();
    const rep = await signedIn(server, kDemoLogins.representative);
    for (const p of [`/ho-so/${d.id}`, `/ho-so/${d.id}/bien-nhan`, `/ho-so/${d.id}/bien-nhan.pdf`, `/ho-so/${d.id}/rut`]) {
      assert.equal((await rep.get(p)).status, 404, `${p} for another citizen`);
    }
    const desk = await signedIn(server, kDemoLogins.deskCommune);
    const seen = await desk.get(`/ho-so/${d.id}`);
    assert.equal(seen.status, 200);
    assert.doesNotMatch(seen.text, /href="\/ho-so\/\d+\/rut"/, 'an officer is offered to withdraw');
    const deskId = sql(server.db, "SELECT id FROM users WHERE login_name = 'tiepnhan.nangtinh'");
    assert.ok(journal('dossier.view', d.id).split('\n').includes(deskId), 'the officer view is not journaled');
  });

  test('an attached file is sent as an attachment with nosniff to the owner only', async () => {
    const d = insertDossier();
    const bytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const dir = path.join(sourceDir, 'var', 'files', sha.slice(0, 2), sha.slice(2, 4));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, sha), bytes);
    const fileId = sql(server.db, `INSERT INTO dossier_files (dossier_id, document_id, sha256, media_type, kind, bytes,
      original_name, added_at, added_by) VALUES (${d.id}, 'giay_chung_sinh', '${sha}', 'application/pdf', 'pdf',
      ${bytes.length}, 'giấy chứng sinh.pdf', ${Date.now() * 1000}, ${citizenId}) RETURNING id`);
    const mai = await signedIn(server, kDemoLogins.citizen);
    const res = await mai.get(`/ho-so/${d.id}/tep/${fileId}`);
    assert.equal(res.status, 200);
    assert.equal(header(res, 'content-type'), 'application/pdf');
    assert.equal(header(res, 'content-disposition'),
      `attachment; filename*=UTF-8''${encodeURIComponent('giấy chứng sinh.pdf')}`);
    assert.equal(header(res, 'x-content-type-options'), 'nosniff');
    assert.match(header(res, 'cache-control'), /no-store/);
    assert.deepEqual(res.body, bytes);
    const rep = await signedIn(server, kDemoLogins.representative);
    assert.equal((await rep.get(`/ho-so/${d.id}/tep/${fileId}`)).status, 404);
    assert.equal((await mai.get(`/ho-so/${d.id}/tep/987654`)).status, 404);
  });
});

describe('withdrawal', () => {
  test('asks for a reason, then withdraws at once before reception and says so on the timeline', async () => {
    const d = insertDossier();
    const mai = await signedIn(server, kDemoLogins.citizen);
    const page = await mai.get(`/ho-so/${d.id}/rut`);
    assert.equal(page.status, 200);
    assert.match(decodeEntities(page.text), /Cán bộ chưa tiếp nhận hồ sơ này/);
    const empty = await mai.post(`/ho-so/${d.id}/rut`, { ly_do: '  ' });
    assert.equal(empty.status, 422);
    assert.match(empty.text, /govuk-error-summary/);
    assert.match(empty.text, /href="#ly_do"/);
    assert.equal(sql(server.db, `SELECT status FROM dossiers WHERE id = ${d.id}`), 'submitted');
    const done = await mai.post(`/ho-so/${d.id}/rut`, { ly_do: 'Nộp nhầm thủ tục' });
    assert.equal(done.status, 303);
    assert.equal(done.location, `/ho-so/${d.id}?tb=da-rut`);
    assert.equal(sql(server.db, `SELECT status FROM dossiers WHERE id = ${d.id}`), 'withdrawn');
    const after = decodeEntities((await mai.get(done.location)).text);
    assert.match(after, /Hồ sơ đã được rút/);
    assert.match(after, /Nộp nhầm thủ tục/, 'the reason is not on the timeline');
    assert.doesNotMatch(after, new RegExp(`href="/ho-so/${d.id}/rut"`), 'a withdrawn dossier offers withdrawal');
  });
});

describe('the receipt', () => {
  test('is a printable page and an A4 PDF; a draft has none', async () => {
    const d = insertDossier({ applicant: 'Nguyễn Văn Bình' });
    const mai = await signedIn(server, kDemoLogins.citizen);
    const html = await mai.get(`/ho-so/${d.id}/bien-nhan`);
    assert.equal(html.status, 200);
    const text = decodeEntities(html.text);
    assert.match(text, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/);
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Nguyễn Văn Bình/);
    assert.match(text, /K7PQ2M/);
    assert.match(text, /tra-cuu\?ma=000\.05\.31\.H40-190101-\d{4}&ma_tra_cuu=K7PQ2M/);
    const pdf = await mai.get(`/ho-so/${d.id}/bien-nhan.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(header(pdf, 'content-type'), 'application/pdf');
    assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(header(pdf, 'cache-control'), /no-store/);
    const draft = insertDossier({ status: 'draft' });
    assert.equal((await mai.get(`/ho-so/${draft.id}/bien-nhan.pdf`)).status, 404);
  });
});

describe('guidance at the desk', () => {
  test('the citizen shows a code, the desk officer opens the draft with it, the citizen ends it, all journaled',
    async () => {
      const draft = insertDossier({ status: 'draft' });
      const mai = await signedIn(server, kDemoLogins.citizen);
      const page = await mai.get(`/ho-so/${draft.id}/huong-dan`);
      assert.equal(page.status, 200);
      const issued = await mai.post(`/ho-so/${draft.id}/huong-dan`);
      assert.equal(issued.status, 200);
      const shown = /<div class="govuk-panel__body"><strong[^>]*>([^<]+)<\/strong>/.exec(issued.text)?.[1];
      assert.ok(shown, 'no code shown');
      const code = shown.replace(/\s/g, '');
      assert.match(code, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);

      const desk = await signedIn(server, kDemoLogins.deskCommune);
      const wrong = await desk.submit('/can-bo/huong-dan', { ma: 'ZZZZZZ' });
      assert.equal(wrong.status, 422);
      assert.match(wrong.text, /href="#ma"/);
      const opened = await desk.submit('/can-bo/huong-dan', { ma: shown.toLowerCase() });
      assert.equal(opened.status, 303, opened.text.slice(0, 1500));
      assert.equal(opened.location, `/can-bo/huong-dan/${draft.id}`);
      const overview = await desk.get(opened.location);
      assert.equal(overview.status, 200);
      assert.match(overview.text, new RegExp(`href="/ho-so/${draft.id}/trang/`));
      assert.match(overview.text, new RegExp(`href="/ho-so/${draft.id}/giay-to"`));
      assert.equal(sql(server.db, `SELECT guided FROM dossiers WHERE id = ${draft.id}`), '1');
      const deskId = sql(server.db, "SELECT id FROM users WHERE login_name = 'tiepnhan.nangtinh'");
      const rows = sql(server.db, `SELECT COUNT(*) FROM audit_log WHERE actor_id = ${deskId} AND object_id = '${draft.id}'`);
      assert.ok(Number(rows) >= 1, 'the officer opening the draft is not journaled');

      const ended = await mai.post(`/ho-so/${draft.id}/huong-dan/ket-thuc`);
      assert.equal(ended.status, 303);
      assert.equal((await desk.get(`/can-bo/huong-dan/${draft.id}`)).status, 404, 'the officer still has access');
      assert.equal((await desk.get(`/ho-so/${draft.id}`)).status, 404, 'the officer still sees the draft');
      const again = await desk.submit('/can-bo/huong-dan', { ma: code });
      assert.equal(again.status, 422, 'a revoked code opens the draft again');
    });
});

describe('form definitions', () => {
  test('an invalid definition is refused with every fault listed; a valid one becomes the next version', async () => {
    const admin = await signedIn(server, kDemoLogins.systemAdmin);
    const page = await admin.get(`/quan-tri/bieu-mau/${kProcedure}`);
    assert.equal(page.status, 200);
    const current = decodeEntities(/<textarea[^>]*id="dinh_nghia"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.text)[1]);
    const parsed = JSON.parse(current);
    const before = sql(server.db, `SELECT COUNT(*) FROM form_definitions WHERE procedure_code = '${kProcedure}'`);

    const broken = structuredClone(parsed);
    broken.pages[0].fields[0].type = 'no_such_type';
    broken.pages[0].id = 'Not An Id';
    const refused = await admin.post(`/quan-tri/bieu-mau/${kProcedure}`, { dinh_nghia: JSON.stringify(broken) });
    assert.equal(refused.status, 422);
    const faults = [...refused.text.matchAll(/<li><a href="#dinh_nghia"><code>([^<]*)<\/code>/g)].map((m) => m[1]);
    assert.ok(faults.length >= 2, `faults listed: ${faults.join(', ')}`);
    assert.ok(faults.some((f) => f.includes('type')), `the wrong type is not named: ${faults.join(', ')}`);
    assert.match(decodeEntities(refused.text), /no_such_type/, 'what was sent is not kept');
    assert.equal(sql(server.db, `SELECT COUNT(*) FROM form_definitions WHERE procedure_code = '${kProcedure}'`), before);
    const notJson = await admin.post(`/quan-tri/bieu-mau/${kProcedure}`, { dinh_nghia: '{"pages": [' });
    assert.equal(notJson.status, 422);

    const published = await admin.post(`/quan-tri/bieu-mau/${kProcedure}`, { dinh_nghia: current });
    assert.equal(published.status, 303, published.text.slice(0, 1500));
    assert.equal(sql(server.db, `SELECT COUNT(*) FROM form_definitions WHERE procedure_code = '${kProcedure}'`),
      String(Number(before) + 1));
    const shown = decodeEntities((await admin.get(published.location)).text);
    assert.match(shown, /Đã đăng phiên bản mới/);
  });

  test('is refused to an agency administrator', async () => {
    const agencyAdmin = await signedIn(server, kDemoLogins.agencyAdmin);
    assert.equal((await agencyAdmin.get(`/quan-tri/bieu-mau/${kProcedure}`)).status, 403);
  });
});

// Last: the failures it makes count against this address for an hour.
describe('lookup without an account', () => {
  test('the QR link and the form show status, timeline and first name only; a wrong pair is 404, then 429', async () => {
    const d = insertDossier({ applicant: 'Phạm Thị Thu Hà', secret: 'M3XK9P' });
    const anonymous = new Browser(server.url);
    const qr = await anonymous.get(`/tra-cuu?ma=${encodeURIComponent(d.code)}&ma_tra_cuu=M3XK9P`);
    assert.equal(qr.status, 200);
    assert.match(header(qr, 'cache-control'), /no-store/);
    const html = decodeEntities(qr.text);
    assert.match(html, /Mới đăng ký/);
    assert.match(html, /Diễn biến hồ sơ/);
    assert.match(html, />Hà</, 'the first name is not shown');
    assert.doesNotMatch(html, /Phạm|Thu Hà/, 'more than the first name is shown');
    await new Promise((resolve) => { setTimeout(resolve, 200); });  // the access log line is written after the answer
    assert.match(server.output(), /"target":"\/tra-cuu\?ma=[^"]*&ma_tra_cuu=-"/, 'the QR lookup is not in the log');
    assert.doesNotMatch(server.output(), /M3XK9P/, 'the lookup secret is in the access log');

    const form = await anonymous.submit('/tra-cuu', { ma: d.code.toLowerCase(), ma_tra_cuu: 'm3x-k9p' });
    assert.equal(form.status, 200);
    assert.match(decodeEntities(form.text), /Mới đăng ký/);

    const wrongSecret = await anonymous.post('/tra-cuu', { ma: d.code, ma_tra_cuu: 'AAAAAA' });
    const unknownCode = await anonymous.post('/tra-cuu', { ma: `${kAgency}-200101-0001`, ma_tra_cuu: 'M3XK9P' });
    for (const res of [wrongSecret, unknownCode]) {
      assert.equal(res.status, 404);
      assert.match(decodeEntities(res.text), /Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này/);
    }
    let last = null;
    for (let i = 0; i < 30 && last?.status !== 429; ++i) {
      last = await anonymous.post('/tra-cuu', { ma: d.code, ma_tra_cuu: 'BBBBBB' });
    }
    assert.equal(last.status, 429);
    assert.ok(Number(header(last, 'retry-after')) > 0, 'no Retry-After');
    assert.match(decodeEntities(last.text), /Bạn đã tra cứu sai quá nhiều lần/);
  });
});
