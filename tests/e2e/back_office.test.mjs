// The one-stop back office in Chromium (issue 10), driven by visible labels the way officers and citizens use it:
// (1) the administrator gives birth registration a workflow with a head of section; a citizen's online dossier is
// accepted at the desk (form 01 link), assigned by the head of section, sent back by the specialist for a supplement,
// supplied by the citizen, forwarded, reviewed, approved by the chairman, its e-result recorded by the clerk with a
// PDF and downloaded by the citizen, and the dossier counts as on time; (2) counter intake of a birth registration on a
// citizen's behalf, with form 01 to print. axe (WCAG 2.2 AA) finds nothing and vnu no HTML error on every officer
// page and on the citizen's pages met on the way.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { AxeBuilder } from '@axe-core/playwright';

import { main, signIn } from '../lib/accounts.mjs';
import { launchBrowser } from '../lib/browser.mjs';
import { kDemoLogins, signedIn } from '../lib/client.mjs';
import { addressUnits } from '../lib/dossier_answers.mjs';
import { formDefinition, inputsOf, makePdf } from '../lib/filing.mjs';
import { communeOffice, fileBirthRegistration, kBirthRegistration, officePath } from '../lib/office.mjs';
import { sourceDir, startServer } from '../lib/server.mjs';

const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
//! Officers work on desktop screens.
const kDesktop = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };
const kMobile = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' };

let server;
let browser;
let tmp;
let office;
const pages = new Map();  // file → what it is

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-back-office-'));
  office = await communeOffice(server, 'e');
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await rm(tmp, { recursive: true, force: true });
});

//! Checks the page shown with axe, and keeps its HTML for vnu.
async function audit(page, name) {
  const results = await new AxeBuilder({ page }).withTags(kTags).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `${name} (${page.url()})`);
  const file = path.join(tmp, `${pages.size}-${name.replace(/[^a-z0-9]+/gi, '-')}.html`);
  await writeFile(file, await page.content());
  pages.set(file, `${name} (${new URL(page.url()).pathname})`);
}

//! A signed-in Chromium page for `who` ({login, password}).
async function pageOf(who, options = kDesktop) {
  const context = await browser.newContext({ ...options, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await signIn(page, server.url, who.login, who.password);
  return page;
}

//! The action form headed `label` on a processing page.
function actionForm(page, label) {
  return main(page).locator('form').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
}

//! Fills (with `fill`) and sends the form of action `label`; waits for the page it leads back to and audits it.
async function act(page, label, fill = async () => {}) {
  const form = actionForm(page, label);
  await fill(form);
  await form.getByRole('button', { name: label, exact: true }).click();
  await page.waitForURL(/\?tb=/);
  await audit(page, `after ${label}`);
}

//! As the system administrator, gives the birth registration its own workflow made of the district default's steps:
//! reception → the head of section assigns → specialist → the head reviews → the chairman signs → the clerk issues →
//! the desk returns. Returns the administrator's page.
async function publishAssigningWorkflow() {
  const admin = await pageOf({ login: kDemoLogins.systemAdmin });
  await admin.goto(`${server.url}/quan-tri/quy-trinh/default:district`);
  const district = JSON.parse(await main(admin).getByLabel('Định nghĩa quy trình (JSON)').inputValue());
  await admin.goto(`${server.url}/quan-tri/quy-trinh`);
  await audit(admin, 'workflows');
  await main(admin).getByLabel('Mã thủ tục').fill(kBirthRegistration);
  await main(admin).getByRole('button', { name: 'Tạo từ quy trình mặc định' }).click();
  await admin.waitForURL(new RegExp(`/quan-tri/quy-trinh/${kBirthRegistration.replace('.', '\\.')}`));
  await audit(admin, 'workflow of the procedure');
  const definition = main(admin).getByLabel('Định nghĩa quy trình (JSON)');
  const own = JSON.parse(await definition.inputValue());
  await definition.fill(JSON.stringify({ ...own, name: 'Đăng ký khai sinh có phân công', steps: district.steps },
    null, 2));
  await main(admin).getByRole('button', { name: 'Đăng phiên bản mới' }).click();
  await admin.waitForLoadState();
  assert.match(await main(admin).innerText(), /Đã đăng phiên bản mới/);
  await audit(admin, 'workflow published');
  return admin;
}

test('an online dossier goes through the back office on time, and the citizen downloads the result', async () => {
  const admin = await publishAssigningWorkflow();
  const citizenHttp = await signedIn(server, kDemoLogins.citizen);
  const filed = await fileBirthRegistration(citizenHttp);
  const form = formDefinition(kBirthRegistration);
  const doc = form.documents.find((d) => d.required) ?? form.documents[0];

  // The desk accepts; form 01 is offered to print.
  const desk = await pageOf(office.desk);
  await desk.goto(`${server.url}/can-bo`);
  await audit(desk, 'officer home');
  await main(desk).getByRole('link', { name: /Hộp thư hồ sơ/ }).click();
  await audit(desk, 'inbox');
  await main(desk).getByRole('link', { name: /Chờ tiếp nhận/ }).click();
  await audit(desk, 'inbox, reception');
  await main(desk).getByRole('link', { name: filed.code }).click();
  await desk.waitForURL(`${server.url}${officePath(filed.code)}`);
  await audit(desk, 'processing page, submitted');
  await act(desk, 'Tiếp nhận');
  const print = main(desk).getByRole('link', { name: 'In giấy tiếp nhận (mẫu 01)' });
  assert.equal(await print.getAttribute('href'), `${officePath(filed.code)}/mau/01.pdf`);

  // The head of section finds it in their inbox and assigns it to the specialist.
  const head = await pageOf(office.sectionHead);
  await head.goto(`${server.url}/can-bo/hop-thu`);
  await audit(head, 'inbox, head of section');
  await main(head).getByRole('link', { name: filed.code }).click();
  await audit(head, 'processing page, to assign');
  await act(head, 'Phân công', async (f) => {
    await f.getByLabel('Giao cho').selectOption({ label: office.specialist.name });
  });

  // The specialist asks for a supplement: the clock stops.
  const specialist = await pageOf(office.specialist);
  await specialist.goto(`${server.url}${officePath(filed.code)}`);
  await audit(specialist, 'processing page, specialist');
  await act(specialist, 'Yêu cầu bổ sung', async (f) => {
    await f.getByLabel(`Giấy tờ: ${doc.name}`, { exact: true }).check();
    await f.getByLabel(`Lý do cần bổ sung: ${doc.name}`, { exact: true }).fill('Bản chụp bị mờ, không đọc được số');
  });
  assert.match(await main(specialist).innerText(), /Đang chờ người nộp bổ sung/);

  // The citizen, on a phone, reads what is missing and supplies it.
  const citizen = await pageOf({ login: kDemoLogins.citizen }, kMobile);
  await citizen.goto(`${server.url}/ho-so/${filed.id}`);
  assert.match(await main(citizen).innerText(), /Bản chụp bị mờ, không đọc được số/);
  await audit(citizen, 'citizen dossier page, supplement asked');
  await main(citizen).getByRole('button', { name: 'Bổ sung hồ sơ' }).click();
  await citizen.waitForURL(`${server.url}/ho-so/${filed.id}/bo-sung`);
  await audit(citizen, 'supplement page');
  const scan = path.join(tmp, 'ban-ro.pdf');
  await writeFile(scan, makePdf('Ban ro'));
  await main(citizen).getByLabel(doc.name, { exact: true }).setInputFiles(scan);
  await main(citizen).getByRole('button', { name: 'Gửi bổ sung' }).click();
  await citizen.waitForURL(`${server.url}/ho-so/${filed.id}?tb=da-bo-sung`);
  await audit(citizen, 'citizen dossier page, supplied');

  // Forwarded by the specialist, reviewed by the head of section, approved (signed) by the chairman.
  await specialist.goto(`${server.url}${officePath(filed.code)}`);
  await act(specialist, 'Chuyển bước tiếp theo');
  await head.goto(`${server.url}${officePath(filed.code)}`);
  await audit(head, 'processing page, review');
  await act(head, 'Chuyển bước tiếp theo');
  const chairman = await pageOf(office.agencyHead);
  await chairman.goto(`${server.url}${officePath(filed.code)}`);
  await audit(chairman, 'processing page, signing');
  await act(chairman, 'Phê duyệt');

  // The clerk records the e-result.
  const clerk = await pageOf(office.clerk);
  await clerk.goto(`${server.url}${officePath(filed.code)}`);
  await audit(clerk, 'processing page, result to record');
  const officers = [desk, head, specialist, chairman, clerk, admin];
  const result = path.join(tmp, 'giay-khai-sinh.pdf');
  await writeFile(result, makePdf('Giay khai sinh'));
  const today = new Date(Date.now() + 7 * 3_600_000);
  await act(clerk, 'Ghi nhận kết quả', async (f) => {
    await f.getByLabel('Số văn bản, giấy tờ kết quả').fill('125/2026/KS');
    const signed = f.getByRole('group', { name: 'Ngày ký' });
    await signed.getByLabel('Ngày', { exact: true }).fill(String(today.getUTCDate()));
    await signed.getByLabel('Tháng', { exact: true }).fill(String(today.getUTCMonth() + 1));
    await signed.getByLabel('Năm', { exact: true }).fill(String(today.getUTCFullYear()));
    await f.getByLabel('Trực tuyến (tải về)').check();
    await f.getByLabel('Tệp kết quả đã ký số (PDF)').setInputFiles(result);
  });
  assert.match(await main(clerk).innerText(), /Trước hạn|Đúng hạn/, 'the dossier counts as on time');

  await citizen.goto(`${server.url}/ho-so/${filed.id}`);
  await audit(citizen, 'citizen dossier page, result');
  const [download] = await Promise.all([citizen.waitForEvent('download'),
    main(citizen).getByRole('button', { name: 'Tải kết quả về' }).click()]);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  for (const page of officers) {
    await page.context().close();
  }
  await citizen.context().close();
});

test('counter intake of a birth registration, with form 01 to print', async () => {
  const desk = await pageOf(office.desk);
  await desk.goto(`${server.url}/can-bo`);
  await main(desk).getByRole('link', { name: 'Tiếp nhận hồ sơ tại quầy' }).click();
  await audit(desk, 'counter intake, find the citizen');
  await main(desk).getByLabel('Số định danh cá nhân hoặc số điện thoại').fill(kDemoLogins.citizen);
  await main(desk).getByRole('button', { name: 'Tìm' }).click();
  await audit(desk, 'counter intake, citizen found');
  await main(desk).getByRole('link', { name: /Nộp hồ sơ cho/ }).first().click();
  await audit(desk, 'counter intake, procedure');
  await main(desk).getByLabel('Tên hoặc mã thủ tục').fill('khai sinh');
  await main(desk).getByRole('button', { name: 'Tìm thủ tục' }).click();
  await main(desk).locator(`a[href$="/${kBirthRegistration}"]`).first().click();
  await audit(desk, 'counter intake, form');

  // The officer types the citizen's answers: every question of the form, by its input name (the labels are the
  // form definition's, tested in the filing suites).
  const form = formDefinition(kBirthRegistration);
  const inputs = {};
  for (const page of form.pages) {
    for (const field of page.fields) {
      inputsOf(field, inputs);
    }
  }
  const units = await addressUnits(server.url);
  for (const [name, value] of Object.entries(inputs)) {
    const input = main(desk).locator(`[name="${name}"]`);
    if ((await input.count()) === 0) {
      continue;
    }
    const tag = await input.first().evaluate((e) => `${e.tagName}:${e.type}`);
    if (tag.endsWith(':radio') || tag.endsWith(':checkbox')) {
      await main(desk).locator(`[name="${name}"][value="${value}"]`).check();
    } else if (tag.startsWith('SELECT')) {
      await input.selectOption(value);
    } else {
      await input.fill(value);
    }
  }
  for (const name of Object.keys(inputs).filter((k) => k.endsWith('.detail'))) {
    const base = name.slice(0, -'.detail'.length);
    for (const [part, code] of Object.entries(units)) {
      const select = main(desk).locator(`select[name="${base}.${part}"]`);
      if ((await select.count()) > 0 && await select.isEnabled()) {
        await select.selectOption(code);
        const choose = main(desk).getByRole('button', { name: 'Chọn' });
        if ((await choose.count()) > 0 && await choose.first().isVisible()) {
          await choose.first().click();
          await desk.waitForLoadState();
        }
      }
    }
  }
  const scan = path.join(tmp, 'giay-chung-sinh.pdf');
  await writeFile(scan, makePdf('Giay chung sinh'));
  for (const doc of form.documents.filter((d) => d.required)) {
    await main(desk).locator(`input[name="tep-${doc.id}"]`).setInputFiles(scan);
  }
  await main(desk).getByLabel('Cấp số thứ tự của quầy').check();
  await main(desk).getByRole('button', { name: 'Kiểm tra và tiếp nhận hồ sơ' }).click();
  await desk.waitForURL(/\/can-bo\/ho-so\/[^?]+\?tb=accept$/);
  await audit(desk, 'counter intake, received');
  const text = await main(desk).innerText();
  assert.match(text, /Trực tiếp tại quầy/);
  const print = main(desk).getByRole('link', { name: 'In giấy tiếp nhận (mẫu 01)' });
  const href = await print.getAttribute('href');
  const pdf = await desk.request.get(`${server.url}${href}`);
  assert.equal(pdf.status(), 200, `${href}: ${pdf.status()}`);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  await desk.context().close();
});

test('vnu finds no HTML error on any page met', () => {
  const r = spawnSync('java', ['-jar', path.join(sourceDir, 'node_modules/vnu-jar/build/dist/vnu.jar'),
    '--errors-only', '--format', 'json', ...pages.keys()], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.error, undefined, `could not run java: ${r.error}`);
  const report = JSON.parse(r.stderr || r.stdout || '{"messages":[]}');
  const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) =>
    `${pages.get(decodeURIComponent(new URL(m.url).pathname)) ?? m.url}:${m.lastLine ?? '?'}: ${m.message}`);
  assert.deepEqual(errors, [], `vnu errors:\n${errors.join('\n')}`);
});
