// Signing in for the end-to-end tests: in a browser the way a person does (by visible labels), or over plain
// HTTP to get a session cookie for pages an audit only needs to load. Demo accounts come from
// data/demo/accounts.csv (`motcua init --demo`).

import assert from 'node:assert/strict';

import { outboxDrained } from './client.mjs';
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
//! read in a separate tab of the same browser the way a tester reads the SMS. `server` is startServer()'s.
//! The page that asked for the code has committed the message to the outbox, which the server's sender delivers
//! up to outbox.poll_ms later: the mailbox is read once the outbox is empty, or the newest message to `phone` could
//! still be an older one (the sign-up code when a reset code was asked for) and its code would be refused.
export async function codeFromMailbox(context, server, phone, digits) {
  await outboxDrained(server);
  const page = await context.newPage();
  try {
    const tail = phone.replace(/\D/g, '').slice(-9);  // 0912… and +84912… both end in the same nine digits
    await page.goto(`${server.url}/hop-thu-thu-nghiem`);
    // Each message is a summary list: recipient, time, text (newest first).
    const values = await main(page).getByRole('definition').allInnerTexts();
    for (let i = 0; i + 2 < values.length; i += 3) {
      if (values[i].replace(/\D/g, '').endsWith(tail)) {
        const code = new RegExp(`\\b(\\d{${digits}})\\b`).exec(values[i + 2])?.[1];
        assert.ok(code, `no ${digits}-digit code in the newest message to …${tail}: ${values[i + 2]}`);
        return code;
      }
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

// ------------------------------------------------------------------------------------------------ audited pages

//! The account, officer and admin pages every audit (axe, vnu) covers, as {name, path, as, submit, errors}:
//! `as` names the demo role whose session loads the page (kDemo key; none = signed out); `submit`, when present,
//! sends the page's form with button `button` to `action` (empty fields unless `fill` gives {label, name, value}),
//! and the page that answers is audited — an error state, or a page only a POST shows; `errors` says the audited
//! page must show the error summary.
//! Also resolves `clients`: one signed-in httpClient per role used, for fetching the same pages over HTTP.
export async function auditedAccountPages(serverUrl) {
  const clients = {};
  for (const role of ['citizen', 'representative', 'deskOfficer', 'systemAdmin']) {
    clients[role] = await signInOverHttp(serverUrl, kDemo[role]);
  }
  clients.agencyAdmin = await signInOverHttp(serverUrl, 'quantri.tpnd');
  const idFrom = async (client, listPath, pattern, what) => {
    const { text } = await client.get(listPath);
    const id = pattern.exec(text)?.[1];
    assert.ok(id, `no ${what} in ${listPath}`);
    return id;
  };
  // The counter acts only on accounts it made or nobody has used (issue 8): the audited citizen is made there, and
  // found with the search form's POST (an ID number never goes in a URL).
  await clients.deskOfficer.get('/can-bo/cong-dan/moi');
  const made = await clients.deskOfficer.post('/can-bo/cong-dan/moi', { ho_ten: 'Lương Thị Kiểm',
    so_dinh_danh: '036190009871', 'ngay_sinh-ngay': '3', 'ngay_sinh-thang': '4', 'ngay_sinh-nam': '1990',
    dien_thoai: '', email: '' });
  assert.equal(made.res.status, 200, `creating the audited citizen: ${made.res.status}`);
  await clients.deskOfficer.get('/can-bo/cong-dan');
  const found = await clients.deskOfficer.post('/can-bo/cong-dan', { q: '036190009871' });
  const citizenId = /href="\/can-bo\/cong-dan\/(\d+)"/.exec(found.text)?.[1];
  assert.ok(citizenId, 'no link to the citizen made at the counter');
  const officerId = await idFrom(clients.systemAdmin, '/quan-tri/can-bo?q=tiepnhan.tpnd',
    /href="\/quan-tri\/can-bo\/(\d+)"/, 'link to the desk officer');
  const organisationId = await idFrom(clients.representative, '/tai-khoan',
    /href="\/tai-khoan\/to-chuc\/(\d+)"/, "link to the representative's company");
  const form = (button, action, fill) => ({ button, action, ...(fill ? { fill } : {}) });
  const pages = [
    { name: 'sign in', path: '/dang-nhap' },
    { name: 'sign in, errors', path: '/dang-nhap', errors: true, submit: form('Đăng nhập', '/dang-nhap') },
    { name: 'register', path: '/dang-ky' },
    { name: 'register, errors', path: '/dang-ky', errors: true, submit: form('Tạo tài khoản', '/dang-ky') },
    { name: 'forgot password', path: '/quen-mat-khau' },
    { name: 'forgot password, errors', path: '/quen-mat-khau', errors: true,
      submit: form('Gửi mã', '/quen-mat-khau') },
    { name: 'reset password', path: '/dat-lai-mat-khau?tb=da-gui' },
    { name: 'reset password, errors', path: '/dat-lai-mat-khau',
      errors: true, submit: form('Lưu mật khẩu và đăng nhập', '/dat-lai-mat-khau') },
    { name: 'dev mailbox', path: '/hop-thu-thu-nghiem' },
    { name: 'VNeID (simulated)', path: '/dang-nhap/vneid/mo-phong?state=kiem-thu&nonce=kiem-thu' },
    { name: 'account (citizen)', path: '/tai-khoan?tb=dang-ky', as: 'citizen' },
    { name: 'change password', path: '/tai-khoan/mat-khau', as: 'citizen' },
    { name: 'change password, errors', path: '/tai-khoan/mat-khau', as: 'citizen',
      errors: true, submit: form('Đổi mật khẩu', '/tai-khoan/mat-khau') },
    { name: 'my dossiers', path: '/ho-so-cua-toi', as: 'citizen' },
    { name: 'register organisation', path: '/tai-khoan/to-chuc/moi', as: 'citizen' },
    { name: 'register organisation, errors', path: '/tai-khoan/to-chuc/moi', as: 'citizen',
      errors: true, submit: form('Đăng ký', '/tai-khoan/to-chuc/moi') },
    { name: 'organisation', path: `/tai-khoan/to-chuc/${organisationId}`, as: 'representative' },
    { name: 'officer home', path: '/can-bo', as: 'deskOfficer' },
    { name: 'account (officer)', path: '/tai-khoan', as: 'deskOfficer' },
    { name: 'create citizen account', path: '/can-bo/cong-dan/moi', as: 'deskOfficer' },
    { name: 'create citizen account, errors', path: '/can-bo/cong-dan/moi', as: 'deskOfficer',
      errors: true, submit: form('Tạo tài khoản', '/can-bo/cong-dan/moi') },
    { name: 'find citizen', path: '/can-bo/cong-dan', as: 'deskOfficer' },
    { name: 'find citizen, results', path: '/can-bo/cong-dan', as: 'deskOfficer',
      submit: form('Tìm', '/can-bo/cong-dan',
        { label: 'Số định danh cá nhân hoặc số điện thoại', name: 'q', value: '036190009871' }) },
    { name: 'find citizen, errors', path: '/can-bo/cong-dan', as: 'deskOfficer', errors: true,
      submit: form('Tìm', '/can-bo/cong-dan') },
    { name: 'citizen', path: `/can-bo/cong-dan/${citizenId}`, as: 'deskOfficer' },
    { name: 'issue code, confirm', path: `/can-bo/cong-dan/${citizenId}/ma`, as: 'deskOfficer' },
    { name: 'code slip', path: `/can-bo/cong-dan/${citizenId}/ma`, as: 'deskOfficer',
      submit: { ...form('Cấp mã', `/can-bo/cong-dan/${citizenId}/ma`), fields: { xac_nhan: '1' } } },
    { name: 'tax code claims', path: '/can-bo/ma-so-thue', as: 'deskOfficer' },
    { name: 'admin home', path: '/quan-tri', as: 'systemAdmin' },
    { name: 'admin home (agency admin)', path: '/quan-tri', as: 'agencyAdmin' },
    { name: 'officers', path: '/quan-tri/can-bo', as: 'systemAdmin' },
    { name: 'add officer', path: '/quan-tri/can-bo/moi', as: 'systemAdmin' },
    { name: 'add officer, errors', path: '/quan-tri/can-bo/moi', as: 'systemAdmin',
      errors: true, submit: form('Thêm cán bộ', '/quan-tri/can-bo/moi') },
    { name: 'officer', path: `/quan-tri/can-bo/${officerId}?tb=vai-tro`, as: 'systemAdmin' },
    { name: 'lock officer, confirm', path: `/quan-tri/can-bo/${officerId}/trang-thai`, as: 'systemAdmin' },
    { name: 'API token created', path: `/quan-tri/can-bo/${officerId}`, as: 'systemAdmin',
      submit: form('Tạo mã truy cập API', `/quan-tri/can-bo/${officerId}/token`,
        { label: 'Mã dùng cho việc gì', name: 'ten_token', value: 'Kiểm thử khả năng tiếp cận' }) },
    { name: 'open sessions', path: '/quan-tri/phien', as: 'systemAdmin' },
    { name: 'audit journal', path: '/quan-tri/nhat-ky', as: 'systemAdmin' },
    { name: 'messages not delivered', path: '/quan-tri/tin-nhan-chua-gui', as: 'systemAdmin' },
  ];
  return { pages, clients };
}
