// Issue 10, the printed forms over HTTP: forms 01–05 of a dossier for the officers who may see it, the applicant's
// own copy of forms 01 to 04 (linked from their dossier page), a 404 for everybody else and for a form the dossier does not have, and the
// logbook (form 06) page with its PDF and XLSX downloads for the officer's agencies.
//
// The dossier is put in the database directly, filed and then received (the processing columns of migration 0010 and
// one supplement request), so the downloads are tested apart from the reception pages; the PDF is read back with
// pdftotext.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { kDemoLogins, signedIn, sql } from '../lib/client.mjs';
import { insertDossier, fixtureFormVersion, kFixtureAgency, kFixtureProcedure } from '../lib/dossier_fixtures.mjs';
import { startServer } from '../lib/server.mjs';

const kMicros = 1_000_000;
const kDay = 24 * 3600 * kMicros;

let server;
let scratch;
let received;  // { id, code, secret }: filed and received, with one supplement request
let filed;     // filed only
before(async () => {
  server = await startServer();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'motcua-forms-'));
  const citizenId = sql(server.db, `SELECT id FROM users WHERE personal_id = '${kDemoLogins.citizen}'`);
  const admin = await signedIn(server, kDemoLogins.systemAdmin);
  assert.equal((await admin.get(`/quan-tri/bieu-mau/${kFixtureProcedure}`)).status, 200);
  const formVersion = fixtureFormVersion(server);
  filed = insertDossier(server, { owner: citizenId, formVersion });
  received = insertDossier(server, { owner: citizenId, formVersion, applicant: 'Trần Thị Mai' });
  const deskId = sql(server.db, "SELECT id FROM users WHERE login_name = 'tiepnhan.nangtinh'");
  const at = Date.now() * 1000 - kDay;
  sql(server.db, `UPDATE dossiers SET status = 'processing', received_at = ${at}, received_by = ${deskId},
    handling_agency = '${kFixtureAgency}', appointment = ${at + 3 * kDay}, due_at = ${at + 3 * kDay},
    step_id = 'chuyen_vien', step_role = 'specialist' WHERE id = ${received.id}`);
  sql(server.db, `INSERT INTO dossier_handoffs (dossier_id, step_id, step_name, agency_code, from_id, from_name,
    to_id, to_name, handed_at, due_at) VALUES (${received.id}, 'chuyen_vien', 'Chuyên viên thụ lý',
    '${kFixtureAgency}', ${deskId}, 'Cán bộ một cửa', 0, '', ${at}, ${at + kDay})`);
  sql(server.db, `INSERT INTO dossier_supplements (dossier_id, requested_at, requested_by_id, requested_by,
    before_reception, items, note) VALUES (${received.id}, ${at + 3600 * kMicros}, ${deskId}, 'Cán bộ một cửa', 0,
    '[{"document_id":"","field_id":"","label":"Giấy chứng sinh","reason":"Bản chụp bị mờ"}]', 'Gửi lại bản rõ')`);
});
after(async () => {
  await server?.stop();
  if (scratch) {
    rmSync(scratch, { recursive: true, force: true });
  }
});

//! The text of a PDF answer, read back by pdftotext (lines joined by spaces).
function pdfText(res) {
  const file = path.join(scratch, `f${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, res.body);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replaceAll('\n', ' ');
}

function assertPdf(res, name) {
  assert.equal(res.status, 200, name);
  assert.equal(res.headers['content-type'], 'application/pdf', name);
  assert.equal(res.body.subarray(0, 5).toString(), '%PDF-', name);
  assert.match(res.headers['content-disposition'] ?? '', new RegExp(`filename="${name}"`));
}

describe('forms 01–05 of a dossier', () => {
  test('the desk officer of the agency prints the forms the dossier has', async () => {
    const desk = await signedIn(server, kDemoLogins.deskCommune);
    const base = `/can-bo/ho-so/${received.code}/mau`;
    const f01 = await desk.get(`${base}/01.pdf`);
    assertPdf(f01, `mau-01-${received.code}.pdf`);
    const t01 = pdfText(f01);
    for (const s of ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', received.code, 'Trần Thị Mai', 'Mẫu số 01',
      `Mã tra cứu: ${received.secret}`, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']) {
      assert.ok(t01.includes(s), `form 01 lacks ${s}: ${t01}`);
    }
    const f02 = await desk.get(`${base}/02.pdf`);
    assertPdf(f02, `mau-02-${received.code}.pdf`);
    const t02 = pdfText(f02);
    for (const s of ['PHIẾU YÊU CẦU BỔ SUNG', 'Giấy chứng sinh', 'Bản chụp bị mờ', 'Gửi lại bản rõ', 'Cán bộ một cửa']) {
      assert.ok(t02.includes(s), `form 02 lacks ${s}: ${t02}`);
    }
    const f05 = await desk.get(`${base}/05.pdf`);
    assertPdf(f05, `mau-05-${received.code}.pdf`);
    assert.ok(pdfText(f05).includes('Chuyên viên thụ lý'));
    // No refusal and no apology: no form 03 or 04.
    assert.equal((await desk.get(`${base}/03.pdf`)).status, 404);
    assert.equal((await desk.get(`${base}/04.pdf`)).status, 404);
    // A dossier not yet received has no form 01 or 05.
    assert.equal((await desk.get(`/can-bo/ho-so/${filed.code}/mau/01.pdf`)).status, 404);
    assert.equal((await desk.get(`/can-bo/ho-so/${filed.code}/mau/05.pdf`)).status, 404);
    assert.equal((await desk.get('/can-bo/ho-so/000.00.00.H40-000000-0000/mau/01.pdf')).status, 404);
  });

  test('an officer of another agency gets 404', async () => {
    const other = await signedIn(server, kDemoLogins.specialist);  // Sở Tư pháp: not above the commune
    const res = await other.get(`/can-bo/ho-so/${received.code}/mau/01.pdf`);
    assert.equal(res.status, 404);
  });

  test('the applicant prints their own forms 01 and 02, linked from their page; nobody else does', async () => {
    const citizen = await signedIn(server, kDemoLogins.citizen);
    const page = (await citizen.get(`/ho-so/${received.id}`)).text;
    const linked = [...page.matchAll(/href="\/ho-so\/\d+\/mau\/(0\d)\.pdf"/g)].map((m) => m[1]);
    assert.deepEqual(linked, ['01', '02'], 'the citizen page links the forms the dossier has');
    const f01 = await citizen.get(`/ho-so/${received.id}/mau/01.pdf`);
    assertPdf(f01, `mau-01-${received.code}.pdf`);
    assert.ok(pdfText(f01).includes(received.code));
    assertPdf(await citizen.get(`/ho-so/${received.id}/mau/02.pdf`), `mau-02-${received.code}.pdf`);
    assert.equal((await citizen.get(`/ho-so/${received.id}/mau/04.pdf`)).status, 404);  // no apology
    assert.equal((await citizen.get(`/ho-so/${filed.id}/mau/01.pdf`)).status, 404);  // not yet received
    const rep = await signedIn(server, kDemoLogins.representative);
    assert.equal((await rep.get(`/ho-so/${received.id}/mau/01.pdf`)).status, 404);
    // An officer is sent to the officers' address, never served the owner's copy.
    const desk = await signedIn(server, kDemoLogins.deskCommune);
    assert.equal((await desk.get(`/ho-so/${received.id}/mau/01.pdf`)).status, 404);
  });
});

describe('the logbook (form 06)', () => {
  test('the page offers the officer\'s agencies and links to the PDF and the workbook', async () => {
    const desk = await signedIn(server, kDemoLogins.deskCommune);
    const page = await desk.get('/can-bo/so-theo-doi');
    assert.equal(page.status, 200);
    assert.match(page.text, /Sổ theo dõi hồ sơ/);
    assert.match(page.text, new RegExp(`<option value="${kFixtureAgency.replaceAll('.', '\\.')}" selected>`));
    const pdfLink = /href="(\/can-bo\/so-theo-doi\.pdf\?[^"]+)"/.exec(page.text)?.[1]?.replaceAll('&amp;', '&');
    const xlsxLink = /href="(\/can-bo\/so-theo-doi\.xlsx\?[^"]+)"/.exec(page.text)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(pdfLink && xlsxLink, page.text);
    const pdf = await desk.get(pdfLink);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(pdf.headers['content-disposition'], /filename="so-theo-doi-ho-so-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = pdfText(pdf);
    assert.ok(text.includes('SỔ THEO DÕI HỒ SƠ'), text);
    const xlsx = await desk.get(xlsxLink);
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(xlsx.headers['content-disposition'], /^attachment; filename="so-theo-doi-ho-so-.*\.xlsx"$/);
    assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK');
  });

  test('a range over the received day lists the dossier', async () => {
    const desk = await signedIn(server, kDemoLogins.deskCommune);
    const day = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const next = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    const query = `co_quan=${kFixtureAgency}&tu=${day}&den=${next}`;
    const page = await desk.get(`/can-bo/so-theo-doi?${query}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /[1-9]\d* hồ sơ/);
    const text = pdfText(await desk.get(`/can-bo/so-theo-doi.pdf?${query}`));
    assert.ok(text.includes(received.code), text);
    assert.ok(!text.includes(filed.code), 'a dossier not yet received is in the logbook');
  });

  test('a wrong range or another agency is shown on the page, and the downloads go back to it', async () => {
    const desk = await signedIn(server, kDemoLogins.deskCommune);
    const backwards = await desk.get(`/can-bo/so-theo-doi?co_quan=${kFixtureAgency}&tu=2026-11-30&den=2026-11-01`);
    assert.equal(backwards.status, 200);
    assert.match(backwards.text, /Ngày kết thúc phải từ ngày bắt đầu trở đi/);
    assert.doesNotMatch(backwards.text, /so-theo-doi\.pdf/);
    const foreign = await desk.get('/can-bo/so-theo-doi?co_quan=000.00.00.G22&tu=2026-11-01&den=2026-11-30');
    assert.match(foreign.text, /Chọn một cơ quan nơi bạn làm việc/);
    const pdf = await desk.get('/can-bo/so-theo-doi.pdf?co_quan=000.00.00.G22&tu=2026-11-01&den=2026-11-30');
    assert.equal(pdf.status, 303);
    assert.equal(pdf.location, '/can-bo/so-theo-doi?co_quan=000.00.00.G22&tu=2026-11-01&den=2026-11-30');
    const bare = await desk.get('/can-bo/so-theo-doi.xlsx');
    assert.equal(bare.status, 303);
    assert.equal(bare.location, '/can-bo/so-theo-doi');
  });

  test('a citizen is refused the logbook', async () => {
    const citizen = await signedIn(server, kDemoLogins.citizen);
    assert.equal((await citizen.get('/can-bo/so-theo-doi')).status, 403);
    assert.equal((await citizen.get('/can-bo/so-theo-doi.xlsx')).status, 403);
  });
});
