// Filing online the way a first-time user does it, on a 360 px phone, by visible labels (issue 9): register → find
// "dang ky khai sinh" → start → answer every page → make a mistake and fix it from the check page → attach the
// hospital's birth certificate (a PDF made here) → declare and file → see the code → open the receipt PDF → leave a
// second dossier half-way by closing the browser, resume it from "Hồ sơ của tôi" in a new one → withdraw it. Every
// page of the path passes axe (WCAG 2.2 AA) and vnu; the whole path runs again with JavaScript turned off. Prints
// "screens N": the pages from the start page to the confirmation of a birth registration.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { AxeBuilder } from '@axe-core/playwright';

import { codeFromMailbox, main, signIn } from '../lib/accounts.mjs';
import { kPhone, launchBrowser, screenshotDir } from '../lib/browser.mjs';
import { formDefinition, makePdf } from '../lib/filing.mjs';
import { sourceDir, startServer } from '../lib/server.mjs';

const kBirthRegistration = '1.001193';
const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const kPassword = 'Hoa sen nở giữa hồ';
// People not in the demo data (personal ID: province 036, century-and-sex digit, year, six digits).
const kPeople = {
  script: { name: 'Hoàng Thị Thu', id: '036192054321', dob: ['12', '5', '1992'], phone: '0987002001' },
  noScript: { name: 'Đoàn Văn Khoa', id: '036087054322', dob: ['7', '8', '1987'], phone: '0987002002' },
};

let server;
let browser;
let tmp;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-filing-'));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await rm(tmp, { recursive: true, force: true });
});

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

//! A label as the page writes it: the question, then "(không bắt buộc)" when optional.
function labelRe(label) {
  return new RegExp(`^\\s*${escapeRe(label)}( \\(không bắt buộc\\))?\\s*$`);
}

//! Audits what a person sees: axe on the live page, and the server's HTML kept for vnu at the end.
class Auditor {
  constructor(name, scripts) {
    this.name = name;
    this.scripts = scripts;
    this.files = new Map();
    this.screens = [];
  }

  async check(page, what, { axe = this.scripts } = {}) {
    const file = path.join(tmp, `${this.name}-${this.files.size}.html`);
    await writeFile(file, await page.content());
    this.files.set(file, `${this.name}: ${what} (${new URL(page.url()).pathname})`);
    if (!this.scripts) {
      return;
    }
    if (axe) {
      const results = await new AxeBuilder({ page }).withTags(kTags).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(' ')}`),
        [], `${what}: axe violations`);
    }
    const { scrollWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth }));
    assert.ok(scrollWidth <= kPhone.width, `${what}: wider than the phone (${scrollWidth} px)`);
  }

  //! Counts a screen of the filing path (each path once: a page shown again with errors is the same screen).
  screen(page) {
    const where = new URL(page.url()).pathname;
    if (!this.screens.includes(where)) {
      this.screens.push(where);
    }
  }

  vnu() {
    const r = spawnSync('java', ['-jar', path.join(sourceDir, 'node_modules/vnu-jar/build/dist/vnu.jar'),
      '--errors-only', '--format', 'json', ...this.files.keys()], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(r.error, undefined, `could not run java: ${r.error}`);
    const report = JSON.parse(r.stderr || r.stdout || '{"messages":[]}');
    const lines = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => {
      const where = this.files.get(decodeURIComponent(new URL(m.url).pathname)) ?? m.url;
      return `${where}:${m.lastLine ?? '?'}: ${m.message}\n    ${(m.extract ?? '').replace(/\n/g, ' ')}`;
    });
    assert.deepEqual(lines, [], `vnu errors:\n${lines.join('\n')}`);
    this.files.clear();
  }
}

async function clickAndWait(page, locator) {
  await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), locator.click()]);
  await page.waitForLoadState('load');
}

async function register(page, person) {
  await page.goto(`${server.url}/dang-ky`);
  await main(page).getByLabel('Họ và tên').fill(person.name);
  await main(page).getByLabel('Số định danh cá nhân').fill(person.id);
  const dob = main(page).getByRole('group', { name: 'Ngày sinh' });
  await dob.getByLabel('Ngày', { exact: true }).fill(person.dob[0]);
  await dob.getByLabel('Tháng', { exact: true }).fill(person.dob[1]);
  await dob.getByLabel('Năm', { exact: true }).fill(person.dob[2]);
  await main(page).getByLabel('Số điện thoại di động').fill(person.phone);
  await main(page).getByLabel('Mật khẩu mới', { exact: true }).fill(kPassword);
  await main(page).getByLabel('Nhập lại mật khẩu mới').fill(kPassword);
  await clickAndWait(page, main(page).getByRole('button', { name: 'Tạo tài khoản' }));
  const code = await codeFromMailbox(page.context(), server, person.phone, 6);
  await main(page).getByLabel('Mã xác nhận').fill(code);
  await clickAndWait(page, main(page).getByRole('button', { name: 'Xác nhận và tạo tài khoản' }));
  assert.equal(new URL(page.url()).pathname, '/tai-khoan');
}

async function findAndStart(page, auditor) {
  await page.goto(`${server.url}/`);
  const box = page.getByRole('searchbox', { name: /tìm/i }).or(page.getByLabel(/tìm/i)).first();
  await box.fill('dang ky khai sinh');
  await Promise.all([page.waitForURL(/\/thu-tuc\?/), box.press('Enter')]);
  await clickAndWait(page, page.getByRole('link', { name: /đăng ký khai sinh/i }).first());
  await clickAndWait(page, main(page).getByRole('link', { name: 'Nộp hồ sơ trực tuyến' })
    .or(main(page).getByRole('button', { name: 'Nộp hồ sơ trực tuyến' })).first());
  assert.equal(new URL(page.url()).pathname, `/nop-ho-so/${kBirthRegistration}`);
  auditor.screen(page);
  await auditor.check(page, 'start page');
  const agency = main(page).getByLabel('Bạn nộp hồ sơ cho cơ quan nào?');
  if (await agency.count() > 0) {
    await agency.selectOption({ index: 1 });
  }
  await clickAndWait(page, main(page).getByRole('button', { name: 'Bắt đầu' }));
  assert.match(new URL(page.url()).pathname, /^\/ho-so\/\d+\/trang\//);
}

function isoDaysFromToday(days) {
  return new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
}

//! Answers the questions of `fields` inside `scope` by their labels; addresses part by part with "Chọn".
async function answer(page, scope, fields, overrides = {}) {
  for (const f of fields) {
    if (f.type === 'address') {
      const group = () => scope().getByRole('group', { name: labelRe(f.label) });
      if (!(await group().isVisible())) {
        continue;
      }
      for (const part of ['Tỉnh, thành phố', 'Quận, huyện, thị xã, thành phố thuộc tỉnh', 'Xã, phường, thị trấn']) {
        const select = group().getByLabel(part, { exact: true });
        if (await select.count() === 0 || await select.isDisabled()) {
          continue;
        }
        if ((await select.inputValue()) === '') {
          await select.selectOption({ index: 1 });
        }
        const choose = group().getByRole('button', { name: `Chọn ${part}` });
        if (await choose.count() > 0) {
          await clickAndWait(page, choose);
        }
      }
      await group().getByLabel('Số nhà, đường, thôn, xóm').fill('Số 12 đường Trần Hưng Đạo');
    }
  }
  for (const f of fields) {
    const value = overrides[f.id];
    const field = () => scope().getByLabel(labelRe(f.label));
    const group = () => scope().getByRole('group', { name: labelRe(f.label) });
    switch (f.type) {
      case 'address':
        break;
      case 'date': {
        if (!(await group().first().isVisible())) {
          break;
        }
        const hi = f.max ?? 0;
        const lo = f.min ?? -36_500;
        const [y, m, d] = (value ?? isoDaysFromToday(Math.max(lo, Math.min(hi, -30)))).split('-');
        await group().first().getByLabel('Ngày', { exact: true }).fill(String(Number(d)));
        await group().first().getByLabel('Tháng', { exact: true }).fill(String(Number(m)));
        await group().first().getByLabel('Năm', { exact: true }).fill(y);
        break;
      }
      case 'radio':
      case 'yes_no':
        if (await group().first().isVisible()) {
          await group().first().getByLabel(value ?? (f.type === 'yes_no' ? 'Không' : f.options[0].label),
            { exact: true }).check();
        }
        break;
      case 'select':
        if (await field().first().isVisible()) {
          await field().first().selectOption({ index: 1 });
        }
        break;
      case 'group': {
        const entry = () => scope().getByRole('group', { name: `${f.label} 1`, exact: true });
        await answer(page, entry, f.fields);
        break;
      }
      default: {
        if (!(await field().first().isVisible())) {
          break;
        }
        const typed = value ?? {
          number: String(f.min ?? 1), money: '150.000', id_number: '036185001234', phone: '0912000001',
          email: 'thu.hoang@example.vn', textarea: 'Nội dung để thử',
        }[f.type] ?? (/ten/.test(f.id) ? 'Hoàng Thị Thu' : 'Câu trả lời thử');
        await field().first().fill(typed);
      }
    }
  }
}

//! Answers the question page shown and presses "Tiếp tục".
async function answerPage(page, pageDef, auditor, overrides = {}) {
  auditor.screen(page);
  await auditor.check(page, `page ${pageDef.id}`);
  await answer(page, () => main(page), pageDef.fields, overrides);
  await clickAndWait(page, main(page).getByRole('button', { name: 'Tiếp tục' }));
}

async function attachCertificate(page, form, auditor) {
  assert.match(new URL(page.url()).pathname, /\/giay-to$/);
  auditor.screen(page);
  await auditor.check(page, 'documents');
  const doc = form.documents.find((d) => d.required && d.types.includes('pdf'));
  const file = path.join(tmp, 'giay-chung-sinh.pdf');
  await writeFile(file, makePdf());
  await main(page).getByLabel(`Chọn tệp cho: ${doc.name}`).setInputFiles(file);
  await clickAndWait(page, main(page).getByRole('button', { name: `Tải lên ${doc.name}` }));
  assert.ok(await main(page).getByText(/giay-chung-sinh\.pdf/).first().isVisible(), 'the attached file is listed');
  await auditor.check(page, 'documents with a file');
  await clickAndWait(page, main(page).getByRole('button', { name: 'Tiếp tục' }));
}

//! From the check page: change the applicant's phone to something wrong, see the error, fix it, come back.
async function mistakeFromCheck(page, auditor) {
  await clickAndWait(page, main(page).getByRole('link', { name: /Thay đổi.*điện thoại/ }).first());
  assert.match(page.url(), /\?tu=kiem-tra/);
  const phone = main(page).getByRole('textbox', { name: /điện thoại/i }).first();
  await phone.fill('12345');
  await clickAndWait(page, main(page).getByRole('button', { name: 'Tiếp tục' }));
  assert.ok(await main(page).getByRole('heading', { name: 'Có vấn đề' }).isVisible(), 'no error summary');
  assert.equal(await phone.inputValue(), '12345', 'the wrong phone is shown as typed');
  await auditor.check(page, 'a page with a mistake');
  await phone.fill('0912000001');
  await clickAndWait(page, main(page).getByRole('button', { name: 'Tiếp tục' }));
  assert.match(new URL(page.url()).pathname, /\/kiem-tra$/);
}

async function fileIt(page, auditor) {
  await main(page).getByLabel(/Tôi cam đoan/).check();
  await clickAndWait(page, main(page).getByRole('button', { name: 'Nộp hồ sơ' }));
  assert.match(new URL(page.url()).pathname, /\/da-nop$/);
  auditor.screen(page);
  await auditor.check(page, 'confirmation');
  const code = (await main(page).locator('.app-dossier-code').innerText()).trim();
  assert.match(code, /^[0-9A-Z.]+-\d{6}-\d{4}$/);
  return code;
}

async function openReceiptPdf(page) {
  const href = await main(page).getByRole('link', { name: 'Tải giấy biên nhận (PDF)' }).getAttribute('href');
  const res = await page.context().request.get(server.url + href);
  assert.equal(res.status(), 200, `receipt PDF ${href}: ${res.status()}`);
  assert.match(res.headers()['content-type'] ?? '', /application\/pdf/);
  assert.equal((await res.body()).subarray(0, 5).toString('latin1'), '%PDF-');
}

async function filingJourney(options, person, name) {
  const form = formDefinition(kBirthRegistration);
  const auditor = new Auditor(name, options.javaScriptEnabled !== false);
  const context = await browser.newContext(options);
  let resumeUrl;
  try {
    const page = await context.newPage();
    await register(page, person);
    await findAndStart(page, auditor);
    for (const p of form.pages) {
      await answerPage(page, p, auditor);
    }
    if (form.documents.length > 0) {
      await attachCertificate(page, form, auditor);
    }
    assert.match(new URL(page.url()).pathname, /\/kiem-tra$/);
    auditor.screen(page);
    await auditor.check(page, 'check your answers');
    await mistakeFromCheck(page, auditor);
    if (name === 'script') {
      await page.screenshot({ path: path.join(await screenshotDir(), 'filing-check-360.png'), fullPage: true });
    }
    const code = await fileIt(page, auditor);
    console.log(`screens ${auditor.screens.length} (${name}): ${auditor.screens.join(' → ')}`);
    assert.ok(auditor.screens.length <= form.pages.length + 4, `screens ${auditor.screens.length}`);
    assert.ok(code);
    // The path's own pages are checked now; the pages after it (receipt, my dossiers, withdrawal) at the end.
    auditor.vnu();
    await openReceiptPdf(page);

    // A second dossier, left half-way: the browser is closed after the first page.
    await page.goto(`${server.url}/nop-ho-so/${kBirthRegistration}`);
    const agency = main(page).getByLabel('Bạn nộp hồ sơ cho cơ quan nào?');
    if (await agency.count() > 0) {
      await agency.selectOption({ index: 1 });
    }
    await clickAndWait(page, main(page).getByRole('button', { name: 'Bắt đầu' }));
    await answerPage(page, form.pages[0], auditor, { nguoi_nop_ho_ten: `${person.name} lần hai` });
    resumeUrl = new URL(page.url()).pathname;
  } finally {
    await context.close();
  }

  const again = await browser.newContext(options);
  try {
    const page = await again.newPage();
    await signIn(page, server.url, person.id, kPassword);
    await page.goto(`${server.url}/ho-so-cua-toi`);
    await auditor.check(page, 'my dossiers');
    const draftId = resumeUrl.split('/')[2];
    await clickAndWait(page, main(page).locator(`a[href^="/ho-so/${draftId}"]`).first());
    assert.match(new URL(page.url()).pathname, new RegExp(`^/ho-so/${draftId}`));
    await auditor.check(page, 'the resumed draft');
    await page.goto(`${server.url}/ho-so/${draftId}/trang/${form.pages[0].id}`);
    assert.equal(await main(page).getByLabel(labelRe(form.pages[0].fields[0].label)).first().inputValue(),
      `${person.name} lần hai`, 'the answers of the closed browser are there');
    for (const p of form.pages.slice(1)) {
      await page.goto(`${server.url}/ho-so/${draftId}/trang/${p.id}`);
      await answerPage(page, p, auditor);
    }
    if (form.documents.length > 0) {
      await attachCertificate(page, form, auditor);
    }
    await fileIt(page, auditor);
    // Withdrawn before an officer receives it: at once, with a reason.
    await page.goto(`${server.url}/ho-so/${draftId}`);
    await clickAndWait(page, main(page).getByRole('link', { name: /Rút hồ sơ/ })
      .or(main(page).getByRole('button', { name: /Rút hồ sơ/ })).first());
    await auditor.check(page, 'withdraw');
    await main(page).getByLabel(/Vì sao bạn rút hồ sơ|lý do/i).fill('Tôi nộp nhầm, sẽ nộp lại sau');
    await clickAndWait(page, main(page).getByRole('button', { name: /Rút hồ sơ/ }).last());
    assert.match(await main(page).innerText(), /rút/i);
  } finally {
    await again.close();
  }
  auditor.vnu();
}

describe('filing a birth registration on a 360 px phone', () => {
  test('with JavaScript', () => filingJourney({ viewport: kPhone, isMobile: true, hasTouch: true, locale: 'vi-VN' },
    kPeople.script, 'script'));
  test('with JavaScript turned off', () => filingJourney({ viewport: kPhone, locale: 'vi-VN', javaScriptEnabled: false },
    kPeople.noScript, 'noscript'));
});
