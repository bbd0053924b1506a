// Signing in for the end-to-end tests: in a browser the way a person does (by visible labels), or over plain
// HTTP to get a session cookie for pages an audit only needs to load. Demo accounts come from
// data/demo/accounts.csv (`motcua init --demo`).

import assert from 'node:assert/strict';

import { decodeEntities } from './server.mjs';

//! Password of every demo account.
export const kDemoPassword = 'NamDinh-thu-nghiem';

//! Demo logins by role: a citizen (personal ID), a citizen who represents a company, a desk officer of the
//! city People's Committee, the system administrator.
export const kDemo = {
  citizen: '036185001234',
  representative: '036078002345',
  deskOfficer: 'tiepnhan.tpnd',
  systemAdmin: 'quantri.tinh',
};

//! The main content area of a page (so header links and buttons of the same name do not match).
export function main(page) {
  return page.getByRole('main');
}

//! Signs in from /dang-nhap with `login` (personal ID, phone or officer login name) and `password`; waits until
//! the browser has left the sign-in page.
export async function signIn(page, serverUrl, login, password = kDemoPassword) {
  await page.goto(`${serverUrl}/dang-nhap`);
  await main(page).getByLabel('Số định danh cá nhân hoặc số điện thoại').fill(login);
  await main(page).getByLabel('Mật khẩu', { exact: true }).fill(password);
  await main(page).getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname !== '/dang-nhap');
}

//! The header's control named `name` (role link or button), opening the header menu first where a narrow screen
//! with JavaScript folds it away behind "Danh mục".
export async function headerControl(page, role, name) {
  const header = page.getByRole('banner');
  const control = header.getByRole(role, { name, exact: true });
  if (!(await control.isVisible())) {
    await header.getByRole('button', { name: 'Danh mục' }).click();
  }
  return control;
}

//! Signs out with the header's "Đăng xuất" button; waits for the sign-in page that follows.
export async function signOut(page) {
  await (await headerControl(page, 'button', 'Đăng xuất')).click();
  await page.waitForURL(/\/dang-nhap\?tb=dang-xuat$/);
}

//! The `digits`-digit code in the newest message of the dev mailbox (/hop-thu-thu-nghiem) sent to `phone`,
//! read in a separate tab of the same browser the way a tester reads the SMS. Retries briefly: a message may be
//! written just after the page that asked for it.
export async function codeFromMailbox(context, serverUrl, phone, digits) {
  const page = await context.newPage();
  try {
    const tail = phone.replace(/\D/g, '').slice(-9);  // 0912… and +84912… both end in the same nine digits
    for (let attempt = 0; attempt < 20; ++attempt) {
      await page.goto(`${serverUrl}/hop-thu-thu-nghiem`);
      // Each message is a summary list: recipient, time, text (newest first).
      const values = await main(page).getByRole('definition').allInnerTexts();
      for (let i = 0; i + 2 < values.length; i += 3) {
        if (values[i].replace(/\D/g, '').endsWith(tail)) {
          const code = new RegExp(`\\b(\\d{${digits}})\\b`).exec(values[i + 2])?.[1];
          assert.ok(code, `no ${digits}-digit code in the newest message to …${tail}: ${values[i + 2]}`);
          return code;
        }
      }
      await page.waitForTimeout(100);
    }
    throw new Error(`no message to …${tail} in /hop-thu-thu-nghiem`);
  } finally {
    await page.close();
  }
}

// ------------------------------------------------------------------------------------------------ over HTTP

//! Cookie header value ("a=b; c=d") from the Set-Cookie headers of a fetch response merged into `jar` (a Map).
function absorbCookies(jar, res) {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '') {
      jar.delete(name);
    } else {
      jar.set(name, value);
    }
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

//! A tiny cookie-keeping HTTP client: get(path) and post(path, fields) (form-encoded, CSRF token taken from the
//! last page fetched); both resolve {res, text} without following redirects.
export function httpClient(serverUrl) {
  const jar = new Map();
  let csrf = '';
  const send = async (pathOrUrl, init = {}) => {
    const res = await fetch(new URL(pathOrUrl, serverUrl), {
      redirect: 'manual',
      ...init,
      headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    absorbCookies(jar, res);
    const text = await res.text();
    const token = /name="csrf" value="([^"]*)"/.exec(text)?.[1];
    if (token) {
      csrf = decodeEntities(token);
    }
    return { res, text };
  };
  return {
    jar,
    get: (p) => send(p),
    post: (p, fields) => send(p, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, ...fields }).toString(),
    }),
  };
}

//! Signs `login` in over HTTP: resolves the client, whose jar now holds the session cookie.
export async function signInOverHttp(serverUrl, login, password = kDemoPassword) {
  const client = httpClient(serverUrl);
  await client.get('/dang-nhap');
  const { res, text } = await client.post('/dang-nhap', { tai_khoan: login, mat_khau: password, tiep: '/tai-khoan' });
  assert.equal(res.status, 303, `sign-in of ${login} answered ${res.status}:\n${text.slice(0, 500)}`);
  assert.ok(client.jar.has('motcua'), `sign-in of ${login} set no session cookie`);
  return client;
}
