// The pages that follow a dossier (issue 9), in Chromium on a 360 px phone: "Hồ sơ của tôi", the dossier page, the
// withdrawal form (also with its error), the receipt, the lookup (form, found, wrong pair), guidance at the desk on
// both screens, and the form definitions' page (also with faults): axe finds no WCAG 2.2 AA violation and vnu no
// HTML error on any of them. They are plain HTML forms (integration.tracking drives them without a browser).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { AxeBuilder } from '@axe-core/playwright';

import { main, signIn } from '../lib/accounts.mjs';
import { kPhone, launchBrowser } from '../lib/browser.mjs';
import { kDemoLogins, signedIn, sql } from '../lib/client.mjs';
import { fixtureFormVersion, insertDossier, kFixtureProcedure } from '../lib/dossier_fixtures.mjs';
import { sourceDir, startServer } from '../lib/server.mjs';

const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const kMobile = { viewport: kPhone, isMobile: true, hasTouch: true, locale: 'vi-VN' };

let server;
let browser;
let tmp;
const pages = new Map();  // file → what it is

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-tracking-'));
  const admin = await signedIn(server, kDemoLogins.systemAdmin);
  assert.equal((await admin.get(`/quan-tri/bieu-mau/${kFixtureProcedure}`)).status, 200);
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

async function withPage(options, fn) {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return await fn(page);
  } finally {
    await context.close();
  }
}

test('the tracking pages pass axe and vnu at 360 px', async () => {
  const citizenId = sql(server.db, `SELECT id FROM users WHERE personal_id = '${kDemoLogins.citizen}'`);
  const formVersion = fixtureFormVersion(server);
  const draft = insertDossier(server, { owner: citizenId, formVersion, status: 'draft' });
  const filed = insertDossier(server, { owner: citizenId, formVersion, applicant: 'Trần Thị Mai', secret: 'H4NQ7W' });
  insertDossier(server, { owner: citizenId, formVersion, status: 'done' });
  let code = '';

  await withPage(kMobile, async (page) => {
    await signIn(page, server.url, kDemoLogins.citizen);
    await page.goto(`${server.url}/ho-so-cua-toi`);
    await audit(page, 'my dossiers');
    await page.goto(`${server.url}/ho-so/${filed.id}`);
    await audit(page, 'dossier page');
    await main(page).getByRole('button', { name: 'Rút hồ sơ' }).click();  // a link styled and named as a button
    await page.waitForURL(`${server.url}/ho-so/${filed.id}/rut`);
    await audit(page, 'withdraw');
    await main(page).getByRole('button', { name: 'Rút hồ sơ' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await audit(page, 'withdraw without a reason');
    await page.goto(`${server.url}/ho-so/${filed.id}/bien-nhan`);
    await audit(page, 'receipt');
    await page.goto(`${server.url}/ho-so/${draft.id}/huong-dan`);
    await audit(page, 'guidance, citizen');
    await main(page).getByRole('button', { name: 'Tạo mã hướng dẫn' }).click();
    await page.waitForSelector('.govuk-panel');
    code = (await main(page).locator('.govuk-panel__body').innerText()).replace(/\s/g, '');
    await audit(page, 'guidance code shown');
  });

  await withPage(kMobile, async (page) => {
    await signIn(page, server.url, 'tiepnhan.nangtinh');
    await page.goto(`${server.url}/can-bo/huong-dan`);
    await audit(page, 'guidance, officer entry');
    await main(page).getByLabel('Mã hướng dẫn').fill('ZZZZZZ');
    await main(page).getByRole('button', { name: 'Mở bản nháp' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await audit(page, 'guidance, wrong code');
    await main(page).getByLabel('Mã hướng dẫn').fill(code);
    await main(page).getByRole('button', { name: 'Mở bản nháp' }).click();
    await page.waitForURL(`${server.url}/can-bo/huong-dan/${draft.id}`);
    await audit(page, 'guidance, officer overview');
  });

  await withPage(kMobile, async (page) => {
    await page.goto(`${server.url}/tra-cuu`);
    await audit(page, 'lookup');
    await main(page).getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await audit(page, 'lookup, nothing typed');
    await main(page).getByLabel('Mã hồ sơ').fill(filed.code);
    await main(page).getByLabel('Mã tra cứu').fill('H4NQ7W');
    await main(page).getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForSelector('.govuk-summary-card');
    assert.match(await main(page).innerText(), /Mới đăng ký/);
    await audit(page, 'lookup, found');
    await main(page).getByLabel('Mã tra cứu').fill('AAAAAA');
    await main(page).getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForSelector('.govuk-inset-text[role="status"]');
    await audit(page, 'lookup, wrong pair');
  });

  await withPage(kMobile, async (page) => {
    await signIn(page, server.url, kDemoLogins.systemAdmin);
    await page.goto(`${server.url}/quan-tri/bieu-mau/${kFixtureProcedure}`);
    await audit(page, 'form definitions');
    await main(page).getByLabel('Định nghĩa biểu mẫu (JSON)').fill('{"pages": []}');
    await main(page).getByRole('button', { name: 'Đăng phiên bản mới' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await audit(page, 'form definitions, faults');
  });

  const r = spawnSync('java', ['-jar', path.join(sourceDir, 'node_modules/vnu-jar/build/dist/vnu.jar'),
    '--errors-only', '--format', 'json', ...pages.keys()], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.error, undefined, `could not run java: ${r.error}`);
  const report = JSON.parse(r.stderr || r.stdout || '{"messages":[]}');
  const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) =>
    `${pages.get(decodeURIComponent(new URL(m.url).pathname)) ?? m.url}:${m.lastLine ?? '?'}: ${m.message}`);
  assert.deepEqual(errors, [], `vnu errors:\n${errors.join('\n')}`);
});
