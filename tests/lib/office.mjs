// The back office over HTTP (issue 10): officers made by the system administrator at one agency, a birth
// registration filed by the demo citizen through the pages, and reading the action forms of a dossier's processing
// page (/can-bo/ho-so/{code}) the way a person would fill them, without JavaScript.

import assert from 'node:assert/strict';

import { Browser, kDemoLogins, kDemoPassword, signedIn } from './client.mjs';
import { fillPage, formDefinition, makePdf, multipart, selectOptions, upload } from './filing.mjs';
import { decodeEntities } from './server.mjs';

//! Birth registration, and the commune (Phường Năng Tĩnh) whose desk officer is in the demo.
export const kBirthRegistration = '1.001193';
export const kCommune = '000.05.31.H40';
//! The password officers made by makeOfficer choose.
export const kOfficerPassword = 'cánh đồng lúa chín vàng ươm';

//! Makes an officer with `role` at `agency` as the system administrator `admin` and lets them set a password;
//! returns {id, name, login, password, browser} with the officer signed in.
export async function makeOfficer(server, admin, { name, login, role, agency = kCommune }) {
  const created = await admin.submit('/quan-tri/can-bo/moi', { ho_ten: name, ten_dang_nhap: login, dien_thoai: '',
    email: '', vai_tro: role, co_quan: agency });
  assert.equal(created.status, 200, `creating ${login}: ${created.status}\n${created.text.slice(0, 2000)}`);
  const id = /href="\/quan-tri\/can-bo\/(\d+)"/.exec(created.text)?.[1];
  const code = /<span class="app-code">(\d{8})<\/span>/.exec(created.text)?.[1];
  assert.ok(id && code, `no id or code for ${login}`);
  const browser = new Browser(server.url);
  const set = await browser.submit('/dat-lai-mat-khau', { tai_khoan: login, ma: code, mat_khau: kOfficerPassword,
    mat_khau_2: kOfficerPassword });
  assert.equal(set.status, 303, `${login} setting a password: ${set.status}\n${set.text.slice(0, 2000)}`);
  // Setting the password leaves that browser's session as it was: sign in afresh, the way the officer would.
  const officer = await new Browser(server.url).signInOk(login, kOfficerPassword);
  return { id, name, login, password: kOfficerPassword, browser: officer };
}

//! The commune's office: the demo desk officer and, made now, a specialist, a head of section, the chairman who
//! signs and a clerk, all at kCommune. `suffix` keeps the logins unique per test file.
export async function communeOffice(server, suffix = 'a') {
  const admin = await signedIn(server, kDemoLogins.systemAdmin);
  const desk = { name: 'Vũ Thị Lan', login: kDemoLogins.deskCommune, password: kDemoPassword,
    browser: await signedIn(server, kDemoLogins.deskCommune) };
  const specialist = await makeOfficer(server, admin, { name: 'Phan Thu Hà', login: `chuyenvien.nt${suffix}`,
    role: 'specialist' });
  const sectionHead = await makeOfficer(server, admin, { name: 'Lê Quang Huy', login: `truongban.nt${suffix}`,
    role: 'section_head' });
  const agencyHead = await makeOfficer(server, admin, { name: 'Trịnh Văn Sơn', login: `chutich.nt${suffix}`,
    role: 'agency_head' });
  const clerk = await makeOfficer(server, admin, { name: 'Cao Thị Yến', login: `vanthu.nt${suffix}`, role: 'clerk' });
  return { admin, desk, specialist, sectionHead, agencyHead, clerk };
}

//! Starts, answers, attaches and files a birth registration as `citizen` at the commune; returns {id, base, code}.
export async function fileBirthRegistration(citizen) {
  const code = kBirthRegistration;
  const start = await citizen.get(`/nop-ho-so/${code}`);
  assert.equal(start.status, 200);
  const agencies = selectOptions(start.text, 'co_quan');
  const agency = agencies.includes(kCommune) ? kCommune : (agencies[0] ?? '');
  const res = await citizen.post(`/nop-ho-so/${code}`, { cho_ai: 'ban-than', co_quan: agency });
  assert.equal(res.status, 303, `start: ${res.status}\n${res.text.slice(0, 2000)}`);
  const base = /^(\/ho-so\/\d+)\//.exec(res.location)[1];
  const form = formDefinition(code);
  for (const page of form.pages) {
    const answered = await fillPage(citizen, base, page);
    assert.equal(answered.status, 303, `page ${page.id}: ${answered.status}\n${answered.text.slice(0, 3000)}`);
  }
  for (const doc of form.documents.filter((d) => d.required)) {
    const up = await upload(citizen, base, doc.id, [[`${doc.id}.pdf`, 'application/pdf', makePdf()]]);
    assert.equal(up.status, 303, `upload ${doc.id}: ${up.status}\n${up.text.slice(0, 2000)}`);
  }
  const filed = await citizen.post(`${base}/nop`, { cam_doan: 'co' });
  assert.equal(filed.status, 303, `file: ${filed.status}\n${filed.text.slice(0, 2000)}`);
  const done = await citizen.get(`${base}/da-nop`);
  const dossierCode = /<strong class="app-dossier-code">([^<]+)<\/strong>/.exec(done.text)?.[1];
  assert.ok(dossierCode, 'no dossier code on the confirmation');
  return { id: base.split('/')[2], base, code: dossierCode };
}

//! "/can-bo/ho-so/<code>".
export function officePath(code) {
  return `/can-bo/ho-so/${encodeURIComponent(code)}`;
}

//! The action forms of a processing page: {action: {version, html}} (record_result under its own name).
export function actionForms(html) {
  const forms = {};
  for (const m of html.matchAll(/<form method="post" action="[^"]*\/(xu-ly|ket-qua)"[\s\S]*?<\/form>/g)) {
    const body = m[0];
    const action = m[1] === 'ket-qua' ? 'record_result'
      : /name="hanh_dong" value="([a-z_]+)"/.exec(body)?.[1];
    const version = /name="phien_ban" value="(\d+)"/.exec(body)?.[1];
    forms[action] = { version, html: body };
  }
  return forms;
}

//! The options of select `name` inside `html` (the empty one left out): [{value, text}].
export function optionsOf(html, name) {
  const m = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  if (!m) {
    return [];
  }
  return [...m[1].matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)]
    .map((o) => ({ value: decodeEntities(o[1]), text: decodeEntities(o[2]) })).filter((o) => o.value !== '');
}

//! Opens the dossier's page as `officer` and posts `action` with `fields` at the version shown; returns the answer.
export async function act(officer, code, action, fields = {}) {
  const page = await officer.get(officePath(code));
  assert.equal(page.status, 200, `GET ${officePath(code)}: ${page.status}\n${page.text.slice(0, 1500)}`);
  const form = actionForms(page.text)[action];
  assert.ok(form, `no form "${action}" on the page; forms: ${Object.keys(actionForms(page.text)).join(', ')}`);
  return officer.post(`${officePath(code)}/xu-ly`, { hanh_dong: action, phien_ban: form.version, ...fields });
}

//! Records the result of `code` as `clerk`: number, today's date, the method, and a PDF.
export async function recordResult(clerk, code, { method = 'online', pdf = makePdf('Giay khai sinh') } = {}) {
  const page = await clerk.get(officePath(code));
  const form = actionForms(page.text).record_result;
  assert.ok(form, `no result form; forms: ${Object.keys(actionForms(page.text)).join(', ')}`);
  const today = new Date(Date.now() + 7 * 3_600_000);
  const { body, contentType } = multipart([['csrf', clerk.csrf], ['phien_ban', form.version], ['so', '125/2026/KS'],
    ['ngay_ket_qua-ngay', String(today.getUTCDate())], ['ngay_ket_qua-thang', String(today.getUTCMonth() + 1)],
    ['ngay_ket_qua-nam', String(today.getUTCFullYear())], ['cach_tra', method]],
  pdf ? [['tep', 'giay-khai-sinh.pdf', 'application/pdf', pdf]] : []);
  return clerk.request('POST', `${officePath(code)}/ket-qua`, {
    body, headers: { 'content-type': contentType, origin: clerk.origin },
  });
}
