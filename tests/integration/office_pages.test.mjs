// The back-office pages over HTTP (issue 10), with plain HTML forms only (nothing here runs JavaScript): the inbox
// with its queues, counts, marks and filters; the processing page with one form per action; reception (accept with
// the form 01 link, refusal with its required reason, the itemised supplement request); the citizen's supplement
// page; the conflict message when someone else acted first (the note kept); the result recorded with its PDF and
// downloaded by the citizen; counter intake on a citizen's behalf.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { kDemoLogins, signedIn } from '../lib/client.mjs';
import { addressUnits } from '../lib/dossier_answers.mjs';
import { formDefinition, inputsOf, makePdf, multipart } from '../lib/filing.mjs';
import {
  act, actionForms, communeOffice, fileBirthRegistration, kBirthRegistration, officePath, optionsOf, recordResult,
} from '../lib/office.mjs';
import { decodeEntities, startServer } from '../lib/server.mjs';

let server;
let office;
let citizen;
before(async () => {
  server = await startServer();
  office = await communeOffice(server, 'i');
  citizen = await signedIn(server, kDemoLogins.citizen);
});
after(async () => { await server?.stop(); });

//! Who of the commune's officers has `action` on the dossier's page now (the first found), or null.
async function holderOf(code, action) {
  for (const o of [office.desk, office.sectionHead, office.specialist, office.agencyHead, office.clerk]) {
    const page = await o.browser.get(officePath(code));
    if (page.status === 200 && actionForms(page.text)[action]) {
      return o;
    }
  }
  return null;
}

describe('the inbox', () => {
  test('the desk officer sees the reception queue with counts, the waited time, and the filters as a GET form',
    async () => {
      const filed = await fileBirthRegistration(citizen);
      const res = await office.desk.browser.get('/can-bo/hop-thu?hang=cho-tiep-nhan');
      assert.equal(res.status, 200, res.text.slice(0, 2000));
      const html = decodeEntities(res.text);
      assert.match(html, /Chờ tiếp nhận \(\d+\)/, 'the reception queue with its count');
      assert.match(html, /aria-current="page"/);
      assert.ok(html.includes(filed.code), 'the dossier just filed is listed');
      assert.match(html, /Đã chờ/);
      assert.match(html, /\d+ phút/, 'how long it has waited');
      assert.match(html, /<form method="get" action="\/can-bo\/hop-thu"/);
      assert.match(html, /name="linh_vuc"/);
      assert.match(html, /name="trang_thai"/);
      const filtered = await office.desk.browser.get(
        `/can-bo/hop-thu?hang=cho-tiep-nhan&thu_tuc=${kBirthRegistration}&trang_thai=submitted`);
      assert.equal(filtered.status, 200);
      assert.ok(filtered.text.includes(filed.code), 'the filter by procedure and status keeps it');
      const other = await office.desk.browser.get('/can-bo/hop-thu?hang=cho-tiep-nhan&thu_tuc=1.000000');
      assert.ok(!other.text.includes(filed.code), 'a filter by another procedure leaves it out');
    });

  test('the officers\' home links the inbox and counter intake', async () => {
    const home = decodeEntities((await office.desk.browser.get('/can-bo')).text);
    assert.match(home, /href="\/can-bo\/hop-thu"/);
    assert.match(home, /href="\/can-bo\/tiep-nhan-tai-quay"/);
  });

  test('a citizen cannot open the inbox or a processing page', async () => {
    assert.equal((await citizen.get('/can-bo/hop-thu')).status, 403);
    const filed = await fileBirthRegistration(citizen);
    assert.equal((await citizen.get(officePath(filed.code))).status, 403);
  });
});

describe('reception', () => {
  test('a refusal needs a reason: the page says so and keeps the rest; with one, the dossier is refused', async () => {
    const filed = await fileBirthRegistration(citizen);
    const empty = await act(office.desk.browser, filed.code, 'refuse', { ly_do: '' });
    assert.equal(empty.status, 422, empty.text.slice(0, 2000));
    assert.match(empty.text, /govuk-error-summary/);
    assert.match(empty.text, /href="#refuse-ly_do"/);
    const done = await act(office.desk.browser, filed.code, 'refuse', { ly_do: 'Không thuộc thẩm quyền của phường' });
    assert.equal(done.status, 303, done.text.slice(0, 2000));
    assert.equal(done.location, `${officePath(filed.code)}?tb=refuse`);
    const page = decodeEntities((await office.desk.browser.get(done.location)).text);
    assert.match(page, /Không được tiếp nhận/);
    assert.match(page, /Không thuộc thẩm quyền của phường/);
    assert.deepEqual(Object.keys(actionForms(page)).filter((a) => a === 'accept'), [], 'no accept after a refusal');
    const mine = decodeEntities((await citizen.get(`/ho-so/${filed.id}`)).text);
    assert.match(mine, /Không được tiếp nhận/);
    // The citizen's page links their copy of the refusal (form 03), and it is a PDF.
    const link = `/ho-so/${filed.id}/mau/03.pdf`;
    assert.ok(mine.includes(`href="${link}"`), 'the form 03 link on the citizen page');
    const pdf = await citizen.get(link);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
  });

  test('a stale version is told "someone else has just acted", shows the new state and keeps the note', async () => {
    const filed = await fileBirthRegistration(citizen);
    const page = await office.desk.browser.get(officePath(filed.code));
    const stale = actionForms(page.text).refuse.version;
    const accepted = await act(office.desk.browser, filed.code, 'accept');
    assert.equal(accepted.status, 303, accepted.text.slice(0, 2000));
    const late = await office.desk.browser.post(`${officePath(filed.code)}/xu-ly`, { hanh_dong: 'request_supplement',
      phien_ban: stale, ghi_chu: 'Ghi chú của tôi vẫn còn', muc: 'giay-to:x', 'ly_do:giay-to:x': 'thiếu' });
    assert.ok(late.status === 409 || late.status === 422, `stale POST: ${late.status}`);
    const html = decodeEntities(late.text);
    if (late.status === 409) {
      assert.match(html, /Người khác vừa xử lý hồ sơ này/);
      assert.match(html, /Được tiếp nhận|Đang xử lý/, 'the new state is shown');
    }
    const refusedLate = await office.desk.browser.post(`${officePath(filed.code)}/xu-ly`, { hanh_dong: 'refuse',
      phien_ban: stale, ly_do: 'Lý do tôi đã gõ' });
    assert.equal(refusedLate.status, 409, refusedLate.text.slice(0, 2000));
    const html2 = decodeEntities(refusedLate.text);
    assert.match(html2, /Người khác vừa xử lý hồ sơ này/);
    assert.doesNotMatch(html2, /Chờ tiếp nhận<\/strong>/);
  });
});

describe('the online path through the back office', () => {
  let filed;
  test('the desk accepts; the page links form 01', async () => {
    filed = await fileBirthRegistration(citizen);
    const res = await act(office.desk.browser, filed.code, 'accept');
    assert.equal(res.status, 303, res.text.slice(0, 2000));
    const page = decodeEntities((await office.desk.browser.get(res.location)).text);
    assert.match(page, /Đã tiếp nhận hồ sơ/);
    assert.ok(page.includes(`href="${officePath(filed.code)}/mau/01.pdf"`), 'the form 01 link');
    assert.match(page, /Hẹn trả kết quả/);
  });

  test('under the commune default the dossier goes straight to the specialist step\'s queue (no head assigns); it '
    + 'is in the specialist\'s "Của tôi"', async () => {
    assert.equal(await holderOf(filed.code, 'assign'), null, 'nobody is offered "assign" under the commune default');
    const mine = await office.specialist.browser.get('/can-bo/hop-thu?hang=cua-toi');
    assert.equal(mine.status, 200);
    assert.ok(mine.text.includes(filed.code), 'the dossier is in the specialist\'s inbox');
    assert.match(decodeEntities(mine.text), /Trong hạn|Sắp đến hạn/, 'with its due mark in words');
  });

  test('an itemised supplement request: an item without its reason is refused, then sent', async () => {
    const who = await holderOf(filed.code, 'request_supplement');
    assert.ok(who, 'somebody may ask for a supplement');
    const form = formDefinition(kBirthRegistration);
    const doc = form.documents.find((d) => d.required) ?? form.documents[0];
    const missing = await act(who.browser, filed.code, 'request_supplement', { muc: `giay-to:${doc.id}` });
    assert.equal(missing.status, 422, missing.text.slice(0, 2000));
    assert.match(decodeEntities(missing.text), /Nhập lý do cần bổ sung mục này/);
    const none = await act(who.browser, filed.code, 'request_supplement', {});
    assert.equal(none.status, 422);
    assert.match(decodeEntities(none.text), /Chọn ít nhất một giấy tờ/);
    const res = await act(who.browser, filed.code, 'request_supplement', { muc: `giay-to:${doc.id}`,
      [`ly_do:giay-to:${doc.id}`]: 'Bản chụp bị mờ, không đọc được số', ghi_chu: 'Xin gửi lại bản rõ' });
    assert.equal(res.status, 303, res.text.slice(0, 2000));
    const page = decodeEntities((await who.browser.get(officePath(filed.code))).text);
    assert.match(page, /Bản chụp bị mờ, không đọc được số/);
    assert.match(page, /Tạm dừng/);
  });

  test('the citizen sees every item and reason and supplies it', async () => {
    const mine = decodeEntities((await citizen.get(`/ho-so/${filed.id}`)).text);
    assert.match(mine, /Bản chụp bị mờ, không đọc được số/);
    assert.ok(mine.includes(`href="/ho-so/${filed.id}/bo-sung"`));
    const page = await citizen.get(`/ho-so/${filed.id}/bo-sung`);
    assert.equal(page.status, 200, page.text.slice(0, 2000));
    const input = /name="(tep-[a-z0-9_]+)"/.exec(page.text)?.[1];
    assert.ok(input, 'a file input for the document asked');
    const version = /name="phien_ban" value="(\d+)"/.exec(page.text)[1];
    const { body, contentType } = multipart([['csrf', citizen.csrf], ['phien_ban', version], ['hanh_dong', 'gui']],
      [[input, 'ban-ro.pdf', 'application/pdf', makePdf('Ban ro')]]);
    const res = await citizen.request('POST', `/ho-so/${filed.id}/bo-sung`, { body,
      headers: { 'content-type': contentType, origin: citizen.origin } });
    assert.equal(res.status, 303, res.text.slice(0, 2000));
    assert.equal(res.location, `/ho-so/${filed.id}?tb=da-bo-sung`);
    const after = decodeEntities((await citizen.get(res.location)).text);
    assert.match(after, /Đã gửi phần bổ sung/);
  });

  test('forwarded and approved up the steps until the clerk records the e-result; the citizen downloads it',
    async () => {
      for (let round = 0; round < 8; round += 1) {
        if (await holderOf(filed.code, 'record_result')) {
          break;
        }
        const approver = await holderOf(filed.code, 'approve');
        if (approver) {
          assert.equal((await act(approver.browser, filed.code, 'approve')).status, 303);
          continue;
        }
        const forwarder = await holderOf(filed.code, 'forward');
        if (forwarder) {
          assert.equal((await act(forwarder.browser, filed.code, 'forward', { ghi_chu: 'Đủ điều kiện' })).status, 303);
          continue;
        }
        const assigner = await holderOf(filed.code, 'assign');
        assert.ok(assigner, 'the dossier is stuck: nobody may forward, approve, assign or record the result');
        const page = await assigner.browser.get(officePath(filed.code));
        const [person] = optionsOf(actionForms(page.text).assign.html, 'den');
        assert.equal((await act(assigner.browser, filed.code, 'assign', { den: person.value })).status, 303);
      }
      const clerk = await holderOf(filed.code, 'record_result');
      assert.ok(clerk, 'somebody records the result');
      const noFile = await recordResult(clerk.browser, filed.code, { pdf: null });
      assert.equal(noFile.status, 422, 'online return needs the PDF');
      const res = await recordResult(clerk.browser, filed.code);
      assert.equal(res.status, 303, res.text.slice(0, 2000));
      const page = decodeEntities((await clerk.browser.get(officePath(filed.code))).text);
      assert.match(page, /125\/2026\/KS/);
      assert.match(page, /Đã xử lý xong/);
      assert.match(page, /Trước hạn|Đúng hạn/, 'the dossier counts as on time');
      const mine = decodeEntities((await citizen.get(`/ho-so/${filed.id}`)).text);
      assert.match(mine, /Kết quả giải quyết/);
      assert.ok(mine.includes(`href="/ho-so/${filed.id}/ket-qua"`));
      const file = await citizen.get(`/ho-so/${filed.id}/ket-qua`);
      assert.equal(file.status, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.equal(file.body.subarray(0, 5).toString('latin1'), '%PDF-');
      const other = await signedIn(server, kDemoLogins.representative);
      assert.equal((await other.get(`/ho-so/${filed.id}/ket-qua`)).status, 404);
    });

  test('the desk marks it returned, naming who received it', async () => {
    const desk = await holderOf(filed.code, 'mark_returned');
    assert.ok(desk, 'somebody marks it returned');
    const empty = await act(desk.browser, filed.code, 'mark_returned', { nguoi_nhan: '' });
    assert.equal(empty.status, 422);
    const res = await act(desk.browser, filed.code, 'mark_returned', { nguoi_nhan: 'Trần Thị Mai, 036185001234' });
    assert.equal(res.status, 303, res.text.slice(0, 2000));
    const page = decodeEntities((await desk.browser.get(officePath(filed.code))).text);
    assert.match(page, /Đã trả kết quả/);
  });
});

describe('counter intake', () => {
  test('find the citizen, pick the procedure, fill the form, attach the papers, accept in one flow', async () => {
    const desk = office.desk.browser;
    const find = await desk.submit('/can-bo/tiep-nhan-tai-quay', { q: kDemoLogins.citizen });
    assert.equal(find.status, 200, find.text.slice(0, 2000));
    const citizenUrl = /href="(\/can-bo\/tiep-nhan-tai-quay\/\d+)"/.exec(find.text)?.[1];
    assert.ok(citizenUrl, 'the citizen found');
    const search = await desk.get(`${citizenUrl}?q=${encodeURIComponent('khai sinh')}`);
    assert.equal(search.status, 200);
    assert.ok(search.text.includes(`${citizenUrl}/${kBirthRegistration}`), 'birth registration offered');
    const formPage = await desk.get(`${citizenUrl}/${kBirthRegistration}`);
    assert.equal(formPage.status, 200, formPage.text.slice(0, 2000));
    const empty = multipart([['csrf', desk.csrf], ['hanh_dong', 'tiep-nhan']], []);
    const refused = await desk.request('POST', `${citizenUrl}/${kBirthRegistration}`, { body: empty.body,
      headers: { 'content-type': empty.contentType, origin: desk.origin } });
    assert.equal(refused.status, 422, 'an empty form is not accepted');
    assert.match(refused.text, /govuk-error-summary/);

    const units = await addressUnits(server.url);
    const form = formDefinition(kBirthRegistration);
    const inputs = {};
    for (const page of form.pages) {
      for (const field of page.fields) {
        inputsOf(field, inputs);
      }
    }
    for (const name of Object.keys(inputs).filter((k) => k.endsWith('.detail'))) {
      const base = name.slice(0, -'.detail'.length);
      for (const [part, code] of Object.entries(units)) {
        inputs[`${base}.${part}`] = code;
      }
    }
    const files = form.documents.filter((d) => d.required)
      .map((d) => [`tep-${d.id}`, `${d.id}.pdf`, 'application/pdf', makePdf('Ban quet tai quay')]);
    const full = multipart([['csrf', desk.csrf], ...Object.entries(inputs), ['so_thu_tu', '1'],
      ['hanh_dong', 'tiep-nhan']], files);
    const accepted = await desk.request('POST', `${citizenUrl}/${kBirthRegistration}`, { body: full.body,
      headers: { 'content-type': full.contentType, origin: desk.origin } });
    assert.equal(accepted.status, 303, decodeEntities(accepted.text).replace(/<[^>]+>/g, ' ').slice(0, 3000));
    assert.match(accepted.location, /^\/can-bo\/ho-so\/[^?]+\?tb=accept$/);
    const page = decodeEntities((await desk.get(accepted.location)).text);
    assert.match(page, /Trực tiếp tại quầy/, 'the channel is the counter');
    assert.match(page, /Được tiếp nhận|Đang xử lý/);
    assert.match(page, /In giấy tiếp nhận \(mẫu 01\)/);
    assert.match(page, /số thứ tự \d+/, 'the queue ticket');
  });
});
