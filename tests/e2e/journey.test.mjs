// A citizen finds birth registration from the home page, the way a person would: by visible labels, on a desktop,
// on a 360 px phone, and with JavaScript turned off; then finds the desk for their commune, and sees their name in
// the header of a cached public page once signed in.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { kDemo, signIn } from '../lib/accounts.mjs';
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

describe('where to go', () => {
  // From birth registration, the citizen picks their commune in the no-script form and reads which desk to visit.
  async function findMyDesk(page) {
    await findBirthRegistration(page);
    await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Tỉnh Ninh Bình' });
    await page.getByLabel('Xã, phường').selectOption({ label: 'Phường Nam Định' });
    await page.getByRole('button', { name: 'Xem nơi nộp hồ sơ' }).click();
    await page.waitForURL(/\/thu-tuc\/1\.001193\?tinh=37&xa=13669#noi-nop$/);
    assert.ok(await page.getByRole('heading', { name: 'Bộ phận một cửa, UBND phường Nam Định' }).isVisible());
    const map = page.getByRole('link', { name: 'Xem trên bản đồ OpenStreetMap' }).first();
    assert.match(await map.getAttribute('href'), /^https:\/\/www\.openstreetmap\.org\/\?mlat=/);
    assert.ok(await page.getByRole('link', { name: '0228 3 000 201' }).isVisible());
  }

  test('find the desk for my commune, JavaScript off, on a 360 px phone', async () => {
    const context = await browser.newContext({ viewport: kPhone, isMobile: true, javaScriptEnabled: false,
      locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await findMyDesk(page);
      await assertNoHorizontalScroll(page, 'procedure page with a desk');
      await page.screenshot({ path: path.join(await screenshotDir(), 'desk-360.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  test('find the desk for my commune on a desktop with JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    try {
      await findMyDesk(await context.newPage());
    } finally {
      await context.close();
    }
  });

  test('the header names the signed-in citizen on a cached public page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    try {
      const anonymous = await context.newPage();
      await anonymous.goto(`${server.url}/thu-tuc/1.001193`);  // fills the cache with the anonymous page
      const page = await context.newPage();
      await signIn(page, server.url, kDemo.citizen);
      for (const url of ['/thu-tuc/1.001193', '/co-quan/000.00.01.H40', '/', '/khong-co-trang-nay']) {
        await page.goto(`${server.url}${url}`);
        const banner = page.getByRole('banner');
        assert.ok(await banner.getByText('Trần Thị Mai').isVisible(), `${url}: no name in the header`);
        assert.ok(await banner.getByRole('button', { name: 'Đăng xuất' }).isVisible(), `${url}: no sign-out`);
      }
    } finally {
      await context.close();
    }
  });
});

describe('officer pages on a phone', () => {
  test('the audit journal fits its column at 360 px: cells stack, nothing scrolls sideways', async () => {
    const context = await browser.newContext({ viewport: kPhone, isMobile: true, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, kDemo.systemAdmin);
      await page.goto(`${server.url}/quan-tri/nhat-ky`);
      assert.ok(await page.getByText('Đăng nhập thành công').first().isVisible(), 'entries read as sentences');
      await assertNoHorizontalScroll(page, 'audit journal');
      const overflow = await page.evaluate(() => [...document.querySelectorAll('.app-table-scroll')]
        .map((box) => box.scrollWidth - box.clientWidth));
      assert.ok(overflow.length > 0 && overflow.every((px) => px <= 0), `the journal table scrolls: ${overflow}`);
      await page.screenshot({ path: path.join(await screenshotDir(), 'audit-360.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
