// Accounts the way people use them, by visible labels: a citizen registers, signs out and in again, forgets the
// password and resets it with the code from the (dev) mailbox; a desk officer creates a citizen's account at
// the counter and the citizen sets a password with the code from the slip; a form sent with mistakes keeps what
// was typed and leads to each field. On a desktop, on a 360 px phone, and with JavaScript turned off.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { AxeBuilder } from '@axe-core/playwright';

import { codeFromMailbox, headerControl, kDemo, main, signIn, signOut } from '../lib/accounts.mjs';
import { kPhone, launchBrowser, screenshotDir } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

const kDesktop = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };
const kMobile = { viewport: kPhone, isMobile: true, hasTouch: true, locale: 'vi-VN' };
const kNoScript = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN', javaScriptEnabled: false };

// People who do not exist in the demo data, one per run so the runs share a server without colliding. The
// personal ID is province 036 (Nam Định), then the century-and-sex digit (0 man / 1 woman born 1900–1999,
// 2 man / 3 woman born 2000–2099), then the last two digits of the birth year, then six digits.
const kPeople = {
  desktop: { name: 'Nguyễn Văn An', id: '036090012345', dob: ['15', '6', '1990'], phone: '0987001001' },
  phone: { name: 'Lê Thị Bình', id: '036195012346', dob: ['3', '2', '1995'], phone: '0987001002' },
  noScript: { name: 'Phạm Minh Châu', id: '036201012347', dob: ['28', '11', '2001'], phone: '0987001003' },
  counterDesktop: { name: 'Đặng Thu Hà', id: '036188012348', dob: ['9', '9', '1988'], phone: '0987001004' },
  counterPhone: { name: 'Trịnh Văn Dũng', id: '036075012349', dob: ['1', '1', '1975'], phone: '' },
  counterNoScript: { name: 'Vũ Ngọc Lan', id: '036199012350', dob: ['20', '4', '1999'], phone: '0987001006' },
};
// Passwords that pass the policy (no ID, phone or date inside, not on the blocklist).
const kFirstPassword = 'Hoa sen nở giữa hồ';
// Not 'lúc bình minh': Lê Thị Bình and Phạm Minh Châu may not use their own names (issue 8).
const kSecondPassword = 'Cầu Long Biên lúc chiều tà';
const kCounterPassword = 'Chợ Rồng bán cá kho tộ';

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

//! Runs `fn(page, context)` in a fresh browser context with `options`; closes it afterwards.
async function withPage(options, fn) {
  const context = await browser.newContext(options);
  try {
    return await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

async function h1(page) {
  return (await main(page).getByRole('heading', { level: 1 }).innerText()).trim();
}

// The day, month and year boxes inside the group named `legend`.
function dateFields(page, legend) {
  const group = main(page).getByRole('group', { name: legend });
  return {
    day: group.getByLabel('Ngày', { exact: true }),
    month: group.getByLabel('Tháng', { exact: true }),
    year: group.getByLabel('Năm', { exact: true }),
  };
}

async function fillPerson(page, person) {
  await main(page).getByLabel('Họ và tên').fill(person.name);
  await main(page).getByLabel('Số định danh cá nhân').fill(person.id);
  const dob = dateFields(page, 'Ngày sinh');
  await dob.day.fill(person.dob[0]);
  await dob.month.fill(person.dob[1]);
  await dob.year.fill(person.dob[2]);
}

async function assertSignedInAccountPage(page, person, notice) {
  assert.equal(new URL(page.url()).pathname, '/tai-khoan');
  assert.equal(await h1(page), 'Tài khoản của tôi');
  assert.ok(await main(page).getByText(notice).isVisible(), `no notice "${notice}"`);
  assert.ok(await main(page).getByText(person.name, { exact: true }).isVisible(), `${person.name} not shown`);
  assert.ok(await (await headerControl(page, 'link', person.name)).isVisible(),
    'the header does not name the signed-in person');
}

async function assertNoHorizontalScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= kPhone.width, `${what}: scrollWidth ${width} > ${kPhone.width}`);
}

// (a) Register → signed in → sign out → sign in with the phone → forgot password → code from the mailbox →
// new password → signed in; the old password no longer works, the new one does.
async function citizenJourney(options, person, shots) {
  await withPage(options, async (page, context) => {
    await page.goto(`${server.url}/`);
    await (await headerControl(page, 'link', 'Đăng nhập')).click();
    await page.waitForURL(/\/dang-nhap/);
    await main(page).getByRole('link', { name: 'Đăng ký tài khoản' }).click();
    await page.waitForURL(/\/dang-ky$/);
    assert.equal(await h1(page), 'Đăng ký tài khoản');

    await fillPerson(page, person);
    await main(page).getByLabel('Số điện thoại di động').fill(person.phone);
    await main(page).getByLabel('Mật khẩu mới', { exact: true }).fill(kFirstPassword);
    await main(page).getByLabel('Nhập lại mật khẩu mới').fill(kFirstPassword);
    if (shots) {
      await assertNoHorizontalScroll(page, 'register');
      await page.screenshot({ path: path.join(await screenshotDir(), 'register-360.png'), fullPage: true });
    }
    await main(page).getByRole('button', { name: 'Tạo tài khoản' }).click();
    // The phone is confirmed first: the code texted to it (the dev mailbox here) creates the account.
    await page.waitForURL(/\/dang-ky$/);
    assert.equal(await h1(page), 'Xác nhận số điện thoại');
    if (options.javaScriptEnabled !== false) {
      // The confirmation page is reached only by sending the form, so the page audits cannot load it: axe here.
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), [], 'the confirmation page fails axe');
    }
    const signUpCode = await codeFromMailbox(context, server, person.phone, 6);
    await main(page).getByLabel('Mã xác nhận').fill(signUpCode);
    await main(page).getByRole('button', { name: 'Xác nhận và tạo tài khoản' }).click();
    await page.waitForURL(/\/tai-khoan\?tb=dang-ky$/);
    await assertSignedInAccountPage(page, person, 'Tài khoản của bạn đã được tạo và bạn đã đăng nhập.');
    if (shots) {
      await assertNoHorizontalScroll(page, 'account');
      await page.screenshot({ path: path.join(await screenshotDir(), 'account-360.png'), fullPage: true });
    }

    await signOut(page);
    assert.ok(await main(page).getByText('Bạn đã đăng xuất.').isVisible());
    await page.goto(`${server.url}/tai-khoan`);
    assert.equal(new URL(page.url()).pathname, '/dang-nhap', 'the account page is still open after signing out');

    await signIn(page, server.url, person.phone, kFirstPassword);
    assert.equal(new URL(page.url()).pathname, '/tai-khoan');
    assert.ok(await main(page).getByText(person.id, { exact: true }).isVisible());
    await signOut(page);

    await main(page).getByRole('link', { name: /Quên mật khẩu/ }).click();
    await page.waitForURL(/\/quen-mat-khau$/);
    await main(page).getByLabel('Số định danh cá nhân hoặc số điện thoại').fill(person.id);
    await main(page).getByRole('button', { name: 'Gửi mã' }).click();
    await page.waitForURL(/\/dat-lai-mat-khau\?/);
    assert.equal(await h1(page), 'Đặt mật khẩu mới');
    // The ID number is not carried over in the URL (issue 8: it would land in access logs): typed again here.
    assert.ok(!page.url().includes(person.id), `the ID number is in the URL ${page.url()}`);
    await main(page).getByLabel('Số định danh cá nhân hoặc số điện thoại').fill(person.id);
    const code = await codeFromMailbox(context, server, person.phone, 6);
    await main(page).getByLabel('Mã xác nhận').fill(code);
    await main(page).getByLabel('Mật khẩu mới', { exact: true }).fill(kSecondPassword);
    await main(page).getByLabel('Nhập lại mật khẩu mới').fill(kSecondPassword);
    await main(page).getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await page.waitForURL(/\/tai-khoan\?tb=dat-lai$/);
    await assertSignedInAccountPage(page, person, 'Mật khẩu mới đã được lưu và bạn đã đăng nhập.');
    await signOut(page);

    await page.goto(`${server.url}/dang-nhap`);
    await main(page).getByLabel('Số định danh cá nhân hoặc số điện thoại').fill(person.phone);
    await main(page).getByLabel('Mật khẩu', { exact: true }).fill(kFirstPassword);
    await main(page).getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, '/dang-nhap', 'the old password still signs in');
    assert.ok(await main(page).getByRole('link', { name: /mật khẩu không đúng/ }).isVisible(),
      'no error summary after the old password');

    await signIn(page, server.url, person.id, kSecondPassword);
    assert.equal(new URL(page.url()).pathname, '/tai-khoan');
  });
}

// (b) The desk officer signs in, creates the account at the counter, reads the 8-digit code from the slip and
// signs out; the citizen, at home, sets a password with the ID and that code and is signed in.
async function counterJourney(options, person) {
  const code = await withPage(options, async (page) => {
    await signIn(page, server.url, kDemo.deskOfficer);
    await page.goto(`${server.url}/can-bo`);
    assert.equal(await h1(page), 'Dành cho cán bộ');
    await main(page).getByRole('link', { name: 'Tạo tài khoản cho người dân tại quầy' }).click();
    await page.waitForURL(/\/can-bo\/cong-dan\/moi$/);
    await fillPerson(page, person);
    if (person.phone) {
      await main(page).getByLabel('Số điện thoại di động (nếu có)').fill(person.phone);
    }
    await main(page).getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.waitForLoadState();
    assert.equal((await main(page).getByRole('heading', { level: 1 }).innerText()).trim(), 'Đã tạo tài khoản');
    const slip = await main(page).getByText(/Mã một lần/).innerText();
    const found = /\b(\d{8})\b/.exec(slip)?.[1];
    assert.ok(found, `no 8-digit code on the slip: ${slip}`);
    assert.ok(await main(page).getByText(person.name, { exact: true }).isVisible(),
      'the slip does not name the citizen');
    if (options.isMobile) {
      await assertNoHorizontalScroll(page, 'code slip');
      await page.screenshot({ path: path.join(await screenshotDir(), 'code-slip-360.png'), fullPage: true });
    }
    await signOut(page);
    return found;
  });

  await withPage(options, async (page) => {
    await page.goto(`${server.url}/dat-lai-mat-khau`);
    await main(page).getByLabel('Số định danh cá nhân hoặc số điện thoại').fill(person.id);
    await main(page).getByLabel('Mã xác nhận').fill(code);
    await main(page).getByLabel('Mật khẩu mới', { exact: true }).fill(kCounterPassword);
    await main(page).getByLabel('Nhập lại mật khẩu mới').fill(kCounterPassword);
    await main(page).getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await page.waitForURL(/\/tai-khoan\?tb=dat-lai$/);
    await assertSignedInAccountPage(page, person, 'Mật khẩu mới đã được lưu và bạn đã đăng nhập.');

    // The code was used up: the same code again is refused.
    await signOut(page);
    await page.goto(`${server.url}/dat-lai-mat-khau`);
    await main(page).getByLabel('Số định danh cá nhân hoặc số điện thoại').fill(person.id);
    await main(page).getByLabel('Mã xác nhận').fill(code);
    await main(page).getByLabel('Mật khẩu mới', { exact: true }).fill(kSecondPassword);
    await main(page).getByLabel('Nhập lại mật khẩu mới').fill(kSecondPassword);
    await main(page).getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, '/dat-lai-mat-khau');
    assert.ok(await main(page).getByRole('link', { name: /Mã không đúng hoặc đã hết hạn/ }).isVisible());
  });
}

//! True when `locator` is the focused element.
function isFocused(locator) {
  return locator.evaluate((el) => el === document.activeElement);
}

// (c) Registration sent with mistakes: the error summary names each problem and links to its field, the same
// words stand next to the field, and what was typed is still there (passwords excepted, on purpose).
async function errorJourney(options) {
  await withPage(options, async (page) => {
    await page.goto(`${server.url}/dang-ky`);
    await main(page).getByLabel('Họ và tên').fill('Ngô Thị Hồng');
    await main(page).getByLabel('Số định danh cá nhân').fill('036190012351');  // a woman born in 1990 …
    const dob = dateFields(page, 'Ngày sinh');
    await dob.day.fill('31');                                                  // … but the date says 1992
    await dob.month.fill('1');
    await dob.year.fill('1992');
    await main(page).getByLabel('Số điện thoại di động').fill('12345');
    await main(page).getByLabel('Mật khẩu mới', { exact: true }).fill('Sông Đáy chảy qua làng');
    await main(page).getByLabel('Nhập lại mật khẩu mới').fill('Sông Đáy chảy qua làng tôi');
    await main(page).getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.waitForLoadState();

    assert.equal(new URL(page.url()).pathname, '/dang-ky');
    const summary = main(page).getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Có vấn đề' }) });
    assert.ok(await summary.isVisible(), 'no error summary');
    if (options.javaScriptEnabled !== false) {
      // GOV.UK Frontend moves focus to the summary so a screen reader reads it first.
      assert.ok(await summary.evaluate((el) => el.closest('.govuk-error-summary').contains(document.activeElement)),
        'focus is not on the error summary');
    }
    const links = summary.getByRole('link');
    const messages = await links.allInnerTexts();
    assert.equal(messages.length, 3, `expected 3 errors (ID, phone, confirmation), got:\n${messages.join('\n')}`);

    // Each message links to its field, by the field's label, and is repeated next to the field.
    const fields = [
      main(page).getByLabel('Số định danh cá nhân'),
      main(page).getByLabel('Số điện thoại di động'),
      main(page).getByLabel('Nhập lại mật khẩu mới'),
    ];
    for (const [i, field] of fields.entries()) {
      const described = await field.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      assert.ok(described.replace(/\s+/g, ' ').includes(messages[i].trim()),
        `field ${i}: its description "${described}" does not repeat "${messages[i]}"`);
      await links.nth(i).click();
      assert.ok(await isFocused(field), `the link "${messages[i]}" does not move focus to its field`);
    }

    // What was typed is kept; the passwords are not sent back.
    assert.equal(await main(page).getByLabel('Họ và tên').inputValue(), 'Ngô Thị Hồng');
    assert.equal(await main(page).getByLabel('Số định danh cá nhân').inputValue(), '036190012351');
    assert.equal(await dob.day.inputValue(), '31');
    assert.equal(await dob.month.inputValue(), '1');
    assert.equal(await dob.year.inputValue(), '1992');
    assert.equal(await main(page).getByLabel('Số điện thoại di động').inputValue(), '12345');
    assert.equal(await main(page).getByLabel('Mật khẩu mới', { exact: true }).inputValue(), '');

    // A wrong date is linked to its first box (the day).
    await dob.day.fill('31');
    await dob.month.fill('2');
    await dob.year.fill('1990');
    await main(page).getByLabel('Số điện thoại di động').fill('0987001099');
    await main(page).getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.waitForLoadState();
    const dateLink = summary.getByRole('link', { name: /ngày/i });
    assert.ok(await dateLink.isVisible(), 'no error about the date of birth');
    await dateLink.click();
    assert.ok(await isFocused(dob.day), 'the date error does not lead to the day box');
  });
}

describe('citizen: register, sign out, sign in with the phone, reset the password', () => {
  test('desktop', () => citizenJourney(kDesktop, kPeople.desktop, false));
  test('phone, 360 px', () => citizenJourney(kMobile, kPeople.phone, true));
  test('JavaScript disabled', () => citizenJourney(kNoScript, kPeople.noScript, false));
});

describe('desk officer creates an account at the counter; the citizen sets a password with the code', () => {
  test('desktop', () => counterJourney(kDesktop, kPeople.counterDesktop));
  test('phone, 360 px', () => counterJourney(kMobile, kPeople.counterPhone));
  test('JavaScript disabled', () => counterJourney(kNoScript, kPeople.counterNoScript));
});

describe('a form sent with mistakes', () => {
  test('desktop', () => errorJourney(kDesktop));
  test('phone, 360 px', () => errorJourney(kMobile));
  test('JavaScript disabled', () => errorJourney(kNoScript));
});
