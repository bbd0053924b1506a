// The citizen's filing path over HTTP (issue 9): a birth registration filed page by page from the start page, with
// a mistake (error summary, inline message, what was typed kept), a PDF uploaded, removed and uploaded again, an
// .exe renamed .pdf refused while the rest is kept, the declaration, a double POST of "Nộp hồ sơ" filing one
// dossier, and another citizen kept out of the draft. Pure HTML forms: nothing here runs JavaScript.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { kDemoLogins, fieldError, inputValue, signedIn, sql } from '../lib/client.mjs';
import { attachedFileIds, fillPage, formDefinition, makeExe, makePdf, selectOptions, upload } from '../lib/filing.mjs';
import { startServer } from '../lib/server.mjs';

const kBirthRegistration = '1.001193';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

//! Opens the start page as `browser` and starts a draft for oneself; returns its path ("/ho-so/12").
async function startDraft(browser, code = kBirthRegistration) {
  const start = await browser.get(`/nop-ho-so/${code}`);
  assert.equal(start.status, 200, `start page: ${start.status}`);
  assert.match(start.text, /Bắt đầu/);
  const agencies = selectOptions(start.text, 'co_quan');
  const res = await browser.post(`/nop-ho-so/${code}`, { cho_ai: 'ban-than', co_quan: agencies[0] ?? '' });
  assert.equal(res.status, 303, `POST /nop-ho-so/${code}: ${res.status}\n${res.text.slice(0, 3000)}`);
  const m = /^(\/ho-so\/\d+)\/trang\/([a-z0-9-]+)$/.exec(res.location);
  assert.ok(m, `starting goes to the first question page, not ${res.location}`);
  return m[1];
}

describe('filing a birth registration', () => {
  const form = formDefinition(kBirthRegistration);
  let citizen;
  let base;

  before(async () => {
    citizen = await signedIn(server, kDemoLogins.citizen);
  });

  test('an anonymous visitor of the start page is sent to sign in and comes back to it', async () => {
    const res = await new (citizen.constructor)(server.url).get(`/nop-ho-so/${kBirthRegistration}`);
    assert.equal(res.status, 303);
    assert.equal(res.location, `/dang-nhap?tiep=${encodeURIComponent(`/nop-ho-so/${kBirthRegistration}`)}`);
  });

  test('an officer without a personal ID gets a page saying why, not a form', async () => {
    const officer = await signedIn(server, kDemoLogins.deskCommune);
    const res = await officer.get(`/nop-ho-so/${kBirthRegistration}`);
    assert.equal(res.status, 403);
    assert.match(res.text, /tài khoản cá nhân/);
  });

  test('a mistake shows the summary and the inline message and keeps everything typed', async () => {
    base = await startDraft(citizen);
    const applicant = form.pages[0];
    assert.equal(applicant.id, 'nguoi-nop');
    const res = await fillPage(citizen, base, applicant, { nguoi_nop_so_dinh_danh: '123', nguoi_nop_ho_ten: 'Trần Thị Mai' });
    assert.equal(res.status, 422, res.text.slice(0, 2000));
    assert.match(res.text, /class="govuk-error-summary"/);
    assert.match(res.text, /href="#nguoi_nop_so_dinh_danh"/);
    const inline = fieldError(res.text, 'nguoi_nop_so_dinh_danh');
    assert.ok(inline, 'inline error of the ID number');
    assert.ok(res.text.includes(inline.replace(/^Lỗi: /, '')), 'the summary and the inline message say the same');
    assert.equal(inputValue(res.text, 'nguoi_nop_so_dinh_danh'), '123', 'the wrong ID is shown as typed');
    assert.equal(inputValue(res.text, 'nguoi_nop_ho_ten'), 'Trần Thị Mai', 'the other answers are kept');
    // Saved anyway: what parsed is on the server, so leaving and coming back keeps the name.
    const again = await citizen.get(`${base}/trang/${applicant.id}`);
    assert.equal(inputValue(again.text, 'nguoi_nop_ho_ten'), 'Trần Thị Mai');
  });

  test('every page answered goes on to the next, then to the documents', async () => {
    for (let i = 0; i < form.pages.length; i += 1) {
      const res = await fillPage(citizen, base, form.pages[i]);
      assert.equal(res.status, 303, `page ${form.pages[i].id}: ${res.status}\n${res.text.slice(0, 4000)}`);
      const next = i + 1 < form.pages.length ? `${base}/trang/${form.pages[i + 1].id}`
        : `${base}/${form.documents.length > 0 ? 'giay-to' : 'kiem-tra'}`;
      assert.equal(res.location, next);
    }
  });

  test('a PDF is attached, removed and attached again; an .exe renamed .pdf is refused and the rest kept', async () => {
    const doc = form.documents.find((d) => d.required && d.types.includes('pdf'));
    assert.ok(doc, 'a required document taking PDF');
    const first = await upload(citizen, base, doc.id, [['giay-chung-sinh.pdf', 'application/pdf', makePdf()]]);
    assert.equal(first.status, 303, first.text.slice(0, 2000));
    let page = await citizen.get(`${base}/giay-to`);
    assert.match(page.text, /giay-chung-sinh\.pdf/);
    const [fileId] = attachedFileIds(page.text);
    assert.ok(fileId);
    const removed = await citizen.post(`${base}/giay-to/${fileId}/xoa`);
    assert.equal(removed.status, 303);
    page = await citizen.get(`${base}/giay-to`);
    assert.doesNotMatch(page.text, /giay-chung-sinh\.pdf/);
    const again = await upload(citizen, base, doc.id, [['giay-chung-sinh-2.pdf', 'application/pdf', makePdf('Lan 2')]]);
    assert.equal(again.status, 303);

    const exe = await upload(citizen, base, doc.id, [['chuong-trinh.pdf', 'application/pdf', makeExe()]]);
    assert.equal(exe.status, 422, exe.text.slice(0, 2000));
    assert.match(exe.text, new RegExp(`href="#tep-${doc.id}"`));
    const inline = fieldError(exe.text, `tep-${doc.id}`);
    assert.ok(inline && inline.includes('chuong-trinh.pdf'), `inline refusal names the file: ${inline}`);
    assert.match(exe.text, /giay-chung-sinh-2\.pdf/, 'the file attached before is still there');
    const check = await citizen.get(`${base}/trang/${form.pages[0].id}`);
    assert.equal(inputValue(check.text, 'nguoi_nop_ho_ten'), 'Trần Thị Mai', 'the answers are still there');
  });

  test('the check page lists the answers with "Thay đổi" links; the declaration is required', async () => {
    const page = await citizen.get(`${base}/kiem-tra`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Thay đổi/);
    assert.match(page.text, new RegExp(`href="${base}/trang/${form.pages[0].id}\\?tu=kiem-tra#nguoi_nop_ho_ten"`));
    assert.doesNotMatch(page.text, /govuk-error-summary/, 'no problem is listed once everything is answered');
    const refused = await citizen.post(`${base}/nop`, {});
    assert.equal(refused.status, 422);
    assert.ok(fieldError(refused.text, 'cam_doan'));
  });

  test('a "Thay đổi" link returns to the check page after the change', async () => {
    const res = await fillPage(citizen, base, form.pages[0], {}, { query: '?tu=kiem-tra' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `${base}/kiem-tra`);
  });

  test('pressing "Nộp hồ sơ" twice files one dossier and shows its code', async () => {
    const [a, b] = await Promise.all([citizen.post(`${base}/nop`, { cam_doan: 'co' }),
      citizen.post(`${base}/nop`, { cam_doan: 'co' })]);
    for (const res of [a, b]) {
      assert.equal(res.status, 303, res.text.slice(0, 2000));
      assert.equal(res.location, `${base}/da-nop`);
    }
    const resend = await citizen.post(`${base}/nop`, { cam_doan: 'co' });
    assert.equal(resend.location, `${base}/da-nop`);
    const id = base.split('/').pop();
    assert.equal(sql(server.db, `SELECT COUNT(*) FROM dossiers WHERE id = ${id} AND code IS NOT NULL`).trim(), '1');
    const done = await citizen.get(`${base}/da-nop`);
    assert.equal(done.status, 200);
    const code = /<strong class="app-dossier-code">([^<]+)<\/strong>/.exec(done.text)?.[1];
    assert.match(code ?? '', /^[0-9A-Z.]+-\d{6}-\d{4}$/);
    assert.match(done.text, /app-lookup-secret">[2-9A-Z]{6}</);
    assert.match(done.text, new RegExp(`href="${base}/bien-nhan.pdf"`));
    // Filed: the draft pages now lead to the dossier's own page, never to a second filing.
    const late = await citizen.get(`${base}/kiem-tra`);
    assert.equal(late.status, 303);
  });

  test('another citizen gets 404 on someone else\'s draft', async () => {
    const draft = await startDraft(citizen);
    const other = await signedIn(server, kDemoLogins.representative);
    for (const path of [`${draft}/trang/${form.pages[0].id}`, `${draft}/danh-sach`, `${draft}/kiem-tra`,
      `${draft}/giay-to`]) {
      const res = await other.get(path);
      assert.equal(res.status, 404, `${path}: ${res.status}`);
    }
    const post = await other.post(`${draft}/nop`, { cam_doan: 'co' });
    assert.equal(post.status, 404);
  });

  test('the start page lists the drafts of the procedure with a link to go on', async () => {
    const start = await citizen.get(`/nop-ho-so/${kBirthRegistration}`);
    assert.match(start.text, /Tiếp tục hồ sơ/);
    assert.match(start.text, /href="\/ho-so\/\d+\/danh-sach"/);
  });
});

describe('a repeating group without JavaScript', () => {
  const kHouseholdBusiness = '1.001612';

  test('"Thêm" adds an entry and "Xoá" removes one, keeping what was typed and saving it', async () => {
    const citizen = await signedIn(server, kDemoLogins.citizen);
    const base = await startDraft(citizen, kHouseholdBusiness);
    const page = formDefinition(kHouseholdBusiness).pages.find((p) => p.fields.some((f) => f.id === 'nganh_nghe'));
    const url = `${base}/trang/${page.id}`;
    await citizen.get(url);
    const added = await citizen.post(url, { 'nganh_nghe[0].ten_nganh': 'Bán tạp hoá', 'nganh_nghe.so_muc': '1',
      hanh_dong: 'them:nganh_nghe' });
    assert.equal(added.status, 200);
    assert.equal(inputValue(added.text, 'nganh_nghe[0].ten_nganh'), 'Bán tạp hoá');
    assert.equal(inputValue(added.text, 'nganh_nghe[1].ten_nganh'), '', 'a second, empty entry');
    assert.equal(inputValue(added.text, 'nganh_nghe.so_muc'), '2');

    const removed = await citizen.post(url, { 'nganh_nghe[0].ten_nganh': 'Bán tạp hoá',
      'nganh_nghe[1].ten_nganh': 'Sửa xe máy', 'nganh_nghe.so_muc': '2', hanh_dong: 'xoa:nganh_nghe:0' });
    assert.equal(removed.status, 200);
    assert.equal(inputValue(removed.text, 'nganh_nghe[0].ten_nganh'), 'Sửa xe máy', 'the next entry moves up');
    assert.equal(inputValue(removed.text, 'nganh_nghe[1].ten_nganh'), null, 'one entry left');
    const reloaded = await citizen.get(url);
    assert.equal(inputValue(reloaded.text, 'nganh_nghe[0].ten_nganh'), 'Sửa xe máy', 'what was typed is saved');
  });
});

describe('guided at the desk, through the pages', () => {
  test('the officer fills a page of the citizen\'s draft, the citizen sees the mark and files, the access ends',
    async () => {
      const form = formDefinition(kBirthRegistration);
      const citizen = await signedIn(server, kDemoLogins.citizen);
      const base = await startDraft(citizen);
      const id = base.split('/')[2];
      const issued = await citizen.post(`${base}/huong-dan`);
      assert.equal(issued.status, 200);
      const shown = /<div class="govuk-panel__body"><strong[^>]*>([^<]+)<\/strong>/.exec(issued.text)?.[1];
      assert.ok(shown, 'no guidance code shown');

      const desk = await signedIn(server, kDemoLogins.deskCommune);
      const opened = await desk.submit('/can-bo/huong-dan', { ma: shown.replace(/\s/g, '') });
      assert.equal(opened.status, 303, opened.text.slice(0, 1500));
      // The officer answers the second page (the child) on the citizen's own question page.
      const child = form.pages[1];
      const saved = await fillPage(desk, base, child);
      assert.equal(saved.status, 303, `the officer's page: ${saved.status}\n${saved.text.slice(0, 3000)}`);
      const officerFields = JSON.parse(sql(server.db, `SELECT officer_fields FROM dossiers WHERE id = ${id}`));
      assert.ok(child.fields.some((f) => officerFields.includes(f.id)), `no officer mark: ${officerFields}`);
      const deskId = sql(server.db, "SELECT id FROM users WHERE login_name = 'tiepnhan.nangtinh'");
      const journaled = sql(server.db,
        `SELECT COUNT(*) FROM audit_log WHERE actor_id = ${deskId} AND object_id = '${id}' AND action LIKE 'dossier.%'`);
      assert.ok(Number(journaled) >= 2, `the officer's view and change are journaled (${journaled} rows)`);
      // The officer can never file.
      const officerFiles = await desk.post(`${base}/nop`, { cam_doan: 'co' });
      assert.notEqual(officerFiles.status, 303, 'a guiding officer filed the dossier');

      // The citizen answers the rest, sees the officer's answers marked on the check page, and files.
      for (const page of form.pages.filter((p) => p.id !== child.id)) {
        const res = await fillPage(citizen, base, page);
        assert.equal(res.status, 303, `page ${page.id}: ${res.status}`);
      }
      for (const doc of form.documents.filter((d) => d.required)) {
        const up = await upload(citizen, base, doc.id, [['giay.pdf', 'application/pdf', makePdf()]]);
        assert.equal(up.status, 303, up.text.slice(0, 1500));
      }
      const check = await citizen.get(`${base}/kiem-tra`);
      assert.equal(check.status, 200);
      assert.match(check.text, /Cán bộ đã điền/);
      const filed = await citizen.post(`${base}/nop`, { cam_doan: 'co' });
      assert.equal(filed.status, 303, filed.text.slice(0, 2000));
      assert.equal(filed.location, `${base}/da-nop`);
      assert.equal(sql(server.db, `SELECT guided FROM dossiers WHERE id = ${id}`), '1', 'the dossier records it was guided');
      assert.equal(sql(server.db, `SELECT channel FROM dossiers WHERE id = ${id}`), '2', 'it stays an online dossier');

      // Filing ended the officer's access to the draft screens.
      assert.equal((await desk.get(`/can-bo/huong-dan/${id}`)).status, 404, 'the guiding officer still has access');
      const late = await fillPage(desk, base, child).catch(() => null);
      assert.ok(late === null || late.status !== 303, 'the officer changed the filed dossier');
    });
});
