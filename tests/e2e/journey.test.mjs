// A citizen finds birth registration from the home page, the way a person would: by visible labels, on a desktop,
// on a 360 px phone, and with JavaScript turned off.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { kPhone, launchBrowser, screenshotDir } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// The search box by its accessible name (a Vietnamese label such as "Tìm thủ tục").
function searchBox(page) {
  return page.getByRole('searchbox', { name: /tìm/i })
    .or(page.getByRole('textbox', { name: /tìm/i }))
    .or(page.getByLabel(/tìm/i))
    .first();
}

// Home → search "dang ky khai sinh" → birth registration; returns the procedure page.
async function findBirthRegistration(page) {
  await page.goto(`${server.url}/`);
  const box = searchBox(page);
  await box.fill('dang ky khai sinh');
  await box.press('Enter');
  await page.waitForURL(/\/thu-tuc\?/);
  assert.match(new URL(page.url()).searchParams.get('q') ?? '', /dang ky khai sinh/);
  await page.getByRole('link', { name: /đăng ký khai sinh/i }).first().click();
  await page.waitForURL(/\/thu-tuc\/1\.001193([?#].*)?$/);
  const h1 = await page.getByRole('heading', { level: 1 }).first().innerText();
  assert.match(h1.toLowerCase(), /đăng ký khai sinh/, `h1 is "${h1}"`);
  const submit = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' })
    .or(page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }));
  assert.ok(await submit.first().isVisible(), 'no visible "Nộp hồ sơ trực tuyến" link or button');
  return page;
}

async function assertNoHorizontalScroll(page, what) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= kPhone.width, `${what}: scrollWidth ${scrollWidth} > ${kPhone.width} (client ${clientWidth})`);
}

describe('search journey', () => {
  test('desktop: home → search → birth registration', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    try {
      await findBirthRegistration(await context.newPage());
    } finally {
      await context.close();
    }
  });

  test('the search also works from the search button, not only Enter', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await searchBox(page).fill('dang ky khai sinh');
      await page.getByRole('button', { name: /tìm/i }).first().click();
      await page.waitForURL(/\/thu-tuc\?/);
      assert.ok(await page.getByRole('link', { name: /đăng ký khai sinh/i }).first().isVisible());
    } finally {
      await context.close();
    }
  });

  test('phone, 360 px: same journey, no horizontal scroll, screenshots', async () => {
    const context = await browser.newContext({ viewport: kPhone, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      const dir = await screenshotDir();
      await page.goto(`${server.url}/`);
      await assertNoHorizontalScroll(page, 'home');
      await page.screenshot({ path: path.join(dir, 'home-360.png'), fullPage: true });
      await findBirthRegistration(page);
      await assertNoHorizontalScroll(page, 'procedure page');
      await page.screenshot({ path: path.join(dir, 'procedure-1.001193-360.png'), fullPage: true });
      await page.goto(`${server.url}/thu-tuc?q=dang+ky`);
      await assertNoHorizontalScroll(page, 'search results');
      await page.screenshot({ path: path.join(dir, 'search-360.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  test('JavaScript disabled: the journey still works', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
    try {
      await findBirthRegistration(await context.newPage());
    } finally {
      await context.close();
    }
  });

  test('the browser console shows no errors and no CSP violations on the journey', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const problems = [];
    try {
      const page = await context.newPage();
      page.on('console', (m) => { if (m.type() === 'error') { problems.push(m.text()); } });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('requestfailed', (r) => problems.push(`${r.url()}: ${r.failure()?.errorText}`));
      page.on('response', (r) => { if (r.status() >= 400) { problems.push(`${r.status()} ${r.url()}`); } });
      await findBirthRegistration(page);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('English: the language switch carries over to the next page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/?lang=en`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.goto(`${server.url}/thu-tuc/1.001193`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    } finally {
      await context.close();
    }
  });
});
