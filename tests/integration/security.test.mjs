// Attacks on accounts over HTTP: forged forms (CSRF, cross-site origins), session fixation and forged cookies,
// password guessing per account and per address, reaching other people's objects by id (IDOR), cookie attributes
// with and without TLS, caching of personal pages, production mode without the demo helpers, and API tokens of
// disabled accounts.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  Browser, mailboxCodes, fieldError, kDemoLogins, kDemoPassword, signedIn, withoutRequestIds,
} from '../lib/client.mjs';
import { decodeEntities, httpRequest, startServer } from '../lib/server.mjs';

// Blocks are counted in whole seconds (blocked until now + N, checked against the current second), so a 1-second
// block may already be over for a request made a few milliseconds later in the next second. Two seconds leave at
// least one full second for the requests made while blocked, and the test still waits only a few seconds.
const kBlockSeconds = 2;

let configDir;
let server;

async function configFile(name, toml) {
  const file = path.join(configDir, name);
  await writeFile(file, toml);
  return file;
}

before(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-security-'));
  const config = await configFile('blocks.toml', `[security]\nlogin_block_seconds = ${kBlockSeconds}\n`);
  server = await startServer({ args: ['--config', config] });
});

after(async () => {
  await server?.stop();
  await rm(configDir, { recursive: true, force: true });
});

async function apiMe(base, token) {
  const res = await httpRequest(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  return res.status;
}

//! The organisation links on the account page of `browser`.
async function organisations(browser) {
  const page = await browser.get('/tai-khoan');
  return [...page.text.matchAll(/href="\/tai-khoan\/to-chuc\/(\d+)"/g)].map((m) => m[1]);
}

//! Makes an officer as the system administrator and lets them choose a password; returns {id, browser, password}.
async function makeOfficer(base, admin, { name, login, role, agency }) {
  const created = await admin.submit('/quan-tri/can-bo/moi', { ho_ten: name, ten_dang_nhap: login, dien_thoai: '',
    email: '', vai_tro: role, co_quan: agency });
  assert.equal(created.status, 200, `creating ${login}: ${created.status}\n${created.text.slice(0, 2000)}`);
  const id = /href="\/quan-tri\/can-bo\/(\d+)"/.exec(created.text)?.[1];
  const code = /<span class="app-code">(\d{8})<\/span>/.exec(created.text)?.[1];
  assert.ok(id && code, `no id or code for ${login}`);
  const password = 'cánh đồng lúa chín vàng ươm';
  const browser = new Browser(base);
  const set = await browser.submit('/dat-lai-mat-khau', { tai_khoan: login, ma: code, mat_khau: password,
    mat_khau_2: password });
  assert.equal(set.status, 303, `${login} setting a password: ${set.status}\n${set.text.slice(0, 2000)}`);
  return { id, browser, password };
}

//! Creates an API token for officer `id` as `admin`; returns {token, tokenId}.
async function makeToken(admin, id) {
  const created = await admin.submit(`/quan-tri/can-bo/${id}`, { ten_token: 'Thử nghiệm bảo mật' },
    { action: `/quan-tri/can-bo/${id}/token` });
  assert.equal(created.status, 200);
  const token = /<code class="app-token">(mct_[A-Za-z0-9_-]+)<\/code>/.exec(created.text)?.[1];
  const page = await admin.get(`/quan-tri/can-bo/${id}`);
  const ids = [...page.text.matchAll(/href="\/quan-tri\/token\/(\d+)\/thu-hoi"/g)].map((m) => m[1]);
  assert.ok(token && ids.length > 0);
  return { token, tokenId: ids[ids.length - 1] };
}

describe('CSRF and origins', () => {
  const org = { ma_so_thue: '0100109106', ten_to_chuc: 'Hợp tác xã Chè Nam Hà', dia_chi: '5 Hàng Tiện, Nam Định' };

  test('a form without the token, with a wrong one, or with another session\'s is refused and changes nothing', async () => {
    const mai = await signedIn(server, kDemoLogins.citizen);
    const other = await signedIn(server, kDemoLogins.citizen);
    await mai.get('/tai-khoan/to-chuc/moi');
    const before = await organisations(mai);
    const attempts = [
      ['no token', { csrf: null }],
      ['an empty token', { csrf: '' }],
      ['a wrong token', { csrf: 'a'.repeat(64) }],
      ['the token of another session of the same person', { csrf: other.csrf }],
      ['a token one character off', { csrf: mai.csrf.slice(0, -1) + (mai.csrf.endsWith('0') ? '1' : '0') }],
    ];
    for (const [what, options] of attempts) {
      const res = await mai.post('/tai-khoan/to-chuc/moi', org, options);
      assert.equal(res.status, 403, `${what}: status ${res.status}`);
    }
    assert.deepEqual(await organisations(mai), before, 'a refused form created an organisation');
    // The same form with the right token goes through: the refusals were about the token, not the fields.
    await mai.get('/tai-khoan/to-chuc/moi');
    const ok = await mai.post('/tai-khoan/to-chuc/moi', org);
    assert.equal(ok.status, 303, ok.text.slice(0, 2000));
  });

  test('signing out needs the token too', async () => {
    const b = await signedIn(server, kDemoLogins.representative);
    assert.equal((await b.post('/dang-xuat', {}, { csrf: null })).status, 403);
    assert.equal((await b.post('/dang-xuat', {}, { csrf: 'x' })).status, 403);
    assert.equal(await b.signedIn(), true, 'a forged sign-out ended the session');
  });

  test('anonymous forms are bound to their own cookie (login CSRF)', async () => {
    const a = new Browser(server.url);
    await a.get('/dang-nhap');
    const fields = { tai_khoan: kDemoLogins.citizen, mat_khau: kDemoPassword };
    assert.equal((await a.post('/dang-nhap', fields, { csrf: null })).status, 403, 'no token');
    // The token without the cookie it is bound to, and a token from another browser's cookie.
    const noCookie = new Browser(server.url);
    assert.equal((await noCookie.post('/dang-nhap', fields, { csrf: a.csrf })).status, 403, 'token without cookie');
    const b = new Browser(server.url);
    await b.get('/dang-nhap');
    assert.equal((await b.post('/dang-nhap', fields, { csrf: a.csrf })).status, 403, 'another browser\'s token');
    assert.equal((await a.post('/dang-nhap', fields)).status, 303, 'the right token');
  });

  test('a cross-site request is refused even with the right token', async () => {
    const mai = await signedIn(server, kDemoLogins.citizen);
    const before = await organisations(mai);
    const other = { ...org, ma_so_thue: '0600123451-001', ten_to_chuc: 'Chi nhánh Thử' };
    const attempts = [
      ['Origin of another site', { origin: 'https://evil.example' }],
      ['Origin null', { origin: 'null' }],
      ['Origin with another port', { origin: server.url.replace(/:(\d+)$/, (_, p) => `:${Number(p) + 1}`) }],
      ['Sec-Fetch-Site: cross-site', { origin: null, headers: { 'sec-fetch-site': 'cross-site' } }],
      ['Sec-Fetch-Site: same-site', { origin: null, headers: { 'sec-fetch-site': 'same-site' } }],
      ['Sec-Fetch-Site: cross-site with a same-origin Origin', { headers: { 'sec-fetch-site': 'cross-site' } }],
    ];
    for (const [what, options] of attempts) {
      await mai.get('/tai-khoan/to-chuc/moi');
      const res = await mai.post('/tai-khoan/to-chuc/moi', other, options);
      assert.equal(res.status, 403, `${what}: status ${res.status}`);
    }
    for (const [what, options] of attempts) {
      const res = await mai.post('/dang-xuat', {}, options);
      assert.equal(res.status, 403, `sign-out with ${what}: status ${res.status}`);
    }
    assert.deepEqual(await organisations(mai), before, 'a cross-site form created an organisation');
    assert.equal(await mai.signedIn(), true);
    // Same-origin fetch metadata, or none at all (older browsers), with the right token is accepted.
    await mai.get('/tai-khoan/to-chuc/moi');
    const sameOrigin = await mai.post('/tai-khoan/to-chuc/moi', other, { headers: { 'sec-fetch-site': 'same-origin' } });
    assert.equal(sameOrigin.status, 303, `same-origin: ${sameOrigin.status}`);
  });
});

describe('session fixation and forged cookies', () => {
  test('a session cookie planted before sign-in is not the one after it, and is never signed in', async () => {
    const planted = 'attacker-chosen-session-value-0123456789abcdef';
    const b = new Browser(server.url);
    b.cookies.set('motcua', planted);
    const res = await b.signIn(kDemoLogins.citizen);
    assert.equal(res.status, 303);
    const issued = res.cookies.find((c) => c.name === 'motcua');
    assert.ok(issued, 'no session cookie issued at sign-in');
    assert.notEqual(issued.value, planted);
    const attacker = await new Browser(server.url).get('/tai-khoan', { headers: { cookie: `motcua=${planted}` } });
    assert.equal(attacker.status, 303, 'the planted cookie value became a session');
  });

  test('signing in again replaces the session id and ends the old one', async () => {
    const b = await signedIn(server, kDemoLogins.citizen);
    const first = b.cookies.get('motcua');
    const res = await b.post('/dang-nhap', { tai_khoan: kDemoLogins.representative, mat_khau: kDemoPassword });
    assert.equal(res.status, 303);
    const second = b.cookies.get('motcua');
    assert.notEqual(second, first);
    const old = await new Browser(server.url).get('/tai-khoan', { headers: { cookie: `motcua=${first}` } });
    assert.equal(old.status, 303, 'the session from before the second sign-in still works');
    const page = await b.get('/tai-khoan');
    assert.match(decodeEntities(page.text), /Phạm Văn Đức/);
  });

  test('forged and unknown session cookies are ignored', async () => {
    for (const value of ['', 'x', 'A'.repeat(43), 'a'.repeat(4096), '../../etc/passwd', "' OR 1=1 --", '%00']) {
      const res = await new Browser(server.url).get('/tai-khoan', { headers: { cookie: `motcua=${value}` } });
      assert.equal(res.status, 303, `cookie ${JSON.stringify(value.slice(0, 20))}: ${res.status}`);
      assert.match(res.location, /^\/dang-nhap\?tiep=/);
      assert.ok(!res.cookies.some((c) => c.name === 'motcua' && c.value === value && value !== ''),
        'the server adopted the forged value');
    }
  });

  test('a session cookie never authorises the API, and a token never opens pages', async () => {
    const admin = await signedIn(server, kDemoLogins.systemAdmin);
    const me = await admin.get('/api/v1/me');
    assert.equal(me.status, 401);
    const statistics = (await admin.get('/quan-tri/can-bo?q=thongke')).text;
    const id = /href="\/quan-tri\/can-bo\/(\d+)"/.exec(statistics)?.[1];
    const { token } = await makeToken(admin, id);
    assert.equal(await apiMe(server.url, token), 200);
    const page = await new Browser(server.url).get('/tai-khoan', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(page.status, 303, 'a bearer token opened an HTML page');
  });
});

describe('password guessing', () => {
  test('after 5 wrong passwords the account is blocked (429, Retry-After), right password included; then it is not',
    async () => {
    const login = kDemoLogins.clerk;
    const b = new Browser(server.url);
    for (let i = 1; i <= 5; i++) {
      const res = await b.signIn(login, `sai lần thứ ${i} rồi`);
      assert.equal(res.status, 422, `wrong password ${i}: ${res.status}`);
    }
    const sixth = await b.signIn(login, 'sai lần thứ sáu rồi');
    assert.equal(sixth.status, 429, `6th wrong password: ${sixth.status}`);
    const retry = Number(sixth.headers['retry-after']);
    assert.ok(retry >= 1 && retry <= kBlockSeconds, `Retry-After ${sixth.headers['retry-after']}`);
    const right = await b.signIn(login, kDemoPassword);
    assert.equal(right.status, 429, `the right password while blocked: ${right.status}`);
    assert.ok(!right.cookies.some((c) => c.name === 'motcua'), 'a session cookie while blocked');
    // While blocked, the answer to the right password is the answer to a wrong one: nothing was checked.
    const strip = (t) => withoutRequestIds(t).replace(/\d+ giây/g, 'N giây');
    assert.equal(strip(right.text), strip(sixth.text));
    // Another account from the same address is not blocked.
    assert.equal((await new Browser(server.url).signIn(kDemoLogins.sectionHead)).status, 303);

    await new Promise((resolve) => { setTimeout(resolve, (kBlockSeconds + 1) * 1000); });
    const after = await new Browser(server.url).signIn(login, kDemoPassword);
    assert.equal(after.status, 303, `the right password after the block: ${after.status}`);
  });

  test('wrong one-time codes count like wrong passwords: the 6th try is blocked, the right code included', async () => {
    const phone = '0912000013';  // chuyenvien.tuphap
    const b = new Browser(server.url);
    assert.equal((await b.submit('/quen-mat-khau', { tai_khoan: phone })).status, 303);
    const [code] = await mailboxCodes(server, phone);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const password = 'mưa phùn tháng hai trên phố';
    for (let i = 1; i <= 5; i++) {
      const res = await b.submit('/dat-lai-mat-khau', { tai_khoan: phone, ma: wrong, mat_khau: password,
        mat_khau_2: password });
      assert.equal(res.status, 422, `wrong code ${i}: ${res.status}`);
    }
    const blocked = await b.submit('/dat-lai-mat-khau', { tai_khoan: phone, ma: code, mat_khau: password,
      mat_khau_2: password });
    assert.equal(blocked.status, 429, `the right code while blocked: ${blocked.status}`);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    await new Promise((resolve) => { setTimeout(resolve, (kBlockSeconds + 1) * 1000); });
  });

  test('reset codes are sent at most three times in a window; further requests look the same and send nothing',
    async () => {
    const phone = '0912000019';
    const before = (await mailboxCodes(server, phone)).length;
    for (let i = 1; i <= 5; i++) {
      const res = await new Browser(server.url).submit('/quen-mat-khau', { tai_khoan: phone });
      assert.equal(res.status, 303, `request ${i}`);
      assert.match(res.location, /^\/dat-lai-mat-khau\?tb=da-gui/);
    }
    assert.equal((await mailboxCodes(server, phone)).length - before, 3);
  });

  test('the current password on the change-password page is throttled like sign-in', async () => {
    const b = new Browser(server.url);
    assert.equal((await b.signIn(kDemoLogins.sectionHead)).status, 303);
    const fresh = 'một mật khẩu mới khá dài';
    let last;
    for (let i = 1; i <= 6; i++) {
      last = await b.submit('/tai-khoan/mat-khau', { mat_khau_cu: `sai ${i} lần rồi`, mat_khau: fresh,
        mat_khau_2: fresh });
      if (i <= 5) {
        assert.equal(last.status, 422, `wrong current password ${i}: ${last.status}`);
      }
    }
    assert.equal(last.status, 429, `6th wrong current password: ${last.status}`);
    await new Promise((resolve) => { setTimeout(resolve, (kBlockSeconds + 1) * 1000); });
  });

  test('failures from one address across several accounts block that address', async () => {
    const file = await configFile('ip.toml', '[security]\nlogin_ip_free_failures = 3\nlogin_free_failures = 5\n');
    const ipServer = await startServer({ args: ['--config', file] });
    try {
      const accounts = [kDemoLogins.citizen, kDemoLogins.specialist, '036099000001'];
      for (const login of accounts) {
        const res = await new Browser(ipServer.url).signIn(login, 'đoán bừa một mật khẩu');
        assert.equal(res.status, 422, `${login}: ${res.status}`);
      }
      // Each account has one failure (below its 5), but the address has 3.
      const blocked = await new Browser(ipServer.url).signIn(kDemoLogins.agencyHead, kDemoPassword);
      assert.equal(blocked.status, 429, `a fresh account from the blocked address: ${blocked.status}`);
      assert.ok(Number(blocked.headers['retry-after']) > 0);
    } finally {
      await ipServer.stop();
    }
  });
});

describe('other people\'s objects (IDOR)', () => {
  test('a citizen cannot open another\'s organisation: it looks exactly like a missing one', async () => {
    const duc = await signedIn(server, kDemoLogins.representative);
    const [ducOrg] = await organisations(duc);
    assert.ok(ducOrg, 'the representative has no organisation');
    assert.equal((await duc.get(`/tai-khoan/to-chuc/${ducOrg}`)).status, 200);
    const mai = await signedIn(server, kDemoLogins.citizen);
    const theirs = await mai.get(`/tai-khoan/to-chuc/${ducOrg}`);
    const missing = await mai.get('/tai-khoan/to-chuc/987654');
    assert.equal(theirs.status, 404);
    assert.equal(missing.status, 404);
    const same = (text) => withoutRequestIds(text).replace(/\/tai-khoan\/to-chuc\/\d+/g, '/tai-khoan/to-chuc/ID');
    assert.equal(same(theirs.text), same(missing.text));
    assert.ok(!decodeEntities(theirs.text).includes('Thành Nam'), 'the 404 shows the organisation\'s name');
  });

  test('a citizen cannot sign out another person\'s session by its public id', async () => {
    const duc1 = await signedIn(server, kDemoLogins.representative);
    const duc2 = await signedIn(server, kDemoLogins.representative);
    const page = await duc1.get('/tai-khoan');
    const ids = [...page.text.matchAll(/name="phien" value="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(ids.length > 0, 'no other session listed');
    const mai = await signedIn(server, kDemoLogins.citizen);
    for (const id of ids) {
      const res = await mai.post('/tai-khoan/phien/thu-hoi', { phien: id });
      assert.equal(res.status, 404, `revoking another's session: ${res.status}`);
    }
    assert.equal(await duc2.signedIn(), true, 'another person signed the session out');
    assert.equal(await duc1.signedIn(), true);
  });

  describe('officers', () => {
    let admin;
    const ids = {};
    let vuban;
    let vubanToken;

    before(async () => {
      admin = await signedIn(server, kDemoLogins.systemAdmin);
      const list = (await admin.get('/quan-tri/can-bo')).text;
      for (const m of list.matchAll(/href="\/quan-tri\/can-bo\/(\d+)"[\s\S]*?<\/tr>/g)) {
        const login = /<td class="govuk-table__cell">([a-z0-9._-]+)<\/td>/.exec(m[0])?.[1];
        if (login) {
          ids[login] = m[1];
        }
      }
      for (const login of ['admin', 'quantri.tinh', 'quantri.tpnd', 'tiepnhan.tpnd', 'chuyenvien.tuphap']) {
        assert.ok(ids[login], `no id for ${login} in the officer list`);
      }
      vuban = await makeOfficer(server.url, admin, { name: 'Vũ Văn Bản', login: 'tiepnhan.vuban', role: 'desk_officer',
        agency: '000.00.32.H40' });
      vuban.browser = await signedIn(server, 'tiepnhan.vuban', vuban.password);
      vubanToken = await makeToken(admin, vuban.id);
    });

    test('a desk officer cannot open an officer\'s account at the counter, nor issue it a code', async () => {
      const desk = await signedIn(server, kDemoLogins.deskDistrict);
      for (const login of ['admin', 'quantri.tinh', 'quantri.tpnd', 'tiepnhan.tpnd']) {
        const page = await desk.get(`/can-bo/cong-dan/${ids[login]}`);
        assert.equal(page.status, 404, `opening ${login}: ${page.status}`);
        await desk.get('/can-bo');
        const code = await desk.post(`/can-bo/cong-dan/${ids[login]}/ma`, { xac_nhan: '1' });
        assert.equal(code.status, 404, `issuing a code for ${login}: ${code.status}`);
        assert.doesNotMatch(code.text, /app-code/, `a code was issued for ${login}`);
      }
      assert.equal((await new Browser(server.url).signIn(kDemoLogins.systemAdmin)).status, 303);
    });

    test('an agency admin cannot see or act on officers outside its district, nor revoke their tokens', async () => {
      const tpnd = await signedIn(server, kDemoLogins.agencyAdmin);
      const list = (await tpnd.get('/quan-tri/can-bo')).text;
      assert.ok(!list.includes('tiepnhan.vuban'), 'the officer list shows another district');
      assert.ok(!list.includes('chuyenvien.tuphap'), 'the officer list shows a provincial department');
      assert.ok(list.includes('tiepnhan.tpnd'), 'the officer list misses its own district');
      for (const target of [vuban.id, ids['chuyenvien.tuphap'], ids['quantri.tinh'], ids.admin]) {
        assert.equal((await tpnd.get(`/quan-tri/can-bo/${target}`)).status, 404, `GET officer ${target}`);
        await tpnd.get('/quan-tri');
        const posts = [
          ['vai-tro', { vai_tro: 'specialist', co_quan: '000.00.31.H40' }],
          ['vai-tro/xoa', { vai_tro: 'desk_officer', co_quan: '000.00.32.H40' }],
          ['trang-thai', { trang_thai: 'disabled' }],
          ['mat-khau', {}],
          ['phien/thu-hoi', {}],
          ['token', { ten_token: 'Chiếm quyền' }],
        ];
        for (const [action, fields] of posts) {
          const res = await tpnd.post(`/quan-tri/can-bo/${target}/${action}`, fields);
          assert.equal(res.status, 404, `POST /quan-tri/can-bo/${target}/${action}: ${res.status}`);
          assert.doesNotMatch(res.text, /app-code|app-token/, `${action} on ${target} handed out a secret`);
        }
      }
      const revoke = await tpnd.post(`/quan-tri/token/${vubanToken.tokenId}/thu-hoi`);
      assert.equal(revoke.status, 404, `revoking another district's token: ${revoke.status}`);
      // Nothing happened to the other district's officer.
      assert.equal(await vuban.browser.signedIn(), true, 'the officer was signed out');
      assert.equal(await apiMe(server.url, vubanToken.token), 200, 'the token stopped working');
      assert.equal((await new Browser(server.url).signIn('tiepnhan.vuban', vuban.password)).status, 303);
      const seen = decodeEntities((await admin.get('/quan-tri/can-bo?q=tiepnhan.vuban')).text);
      const row = /<tr class="govuk-table__row">(?:(?!<\/tr>)[\s\S])*tiepnhan\.vuban[\s\S]*?<\/tr>/.exec(seen)?.[0];
      assert.ok(row, 'the system admin does not find the officer by login name');
      assert.match(row, /Cán bộ một cửa \(UBND Vụ Bản\)/);
      assert.doesNotMatch(row, /Chuyên viên/, 'a role was granted');
      assert.match(row, /Đang hoạt động/, 'the officer is no longer active');
    });

    test('the other district\'s admin manages its own officers and not the first district\'s', async () => {
      const other = await makeOfficer(server.url, admin, { name: 'Trịnh Văn Quản', login: 'quantri.vuban',
        role: 'agency_admin', agency: '000.00.32.H40' });
      const vubanAdmin = await signedIn(server, 'quantri.vuban', other.password);
      assert.equal((await vubanAdmin.get(`/quan-tri/can-bo/${vuban.id}`)).status, 200);
      assert.equal((await vubanAdmin.get(`/quan-tri/can-bo/${ids['tiepnhan.tpnd']}`)).status, 404);
      await vubanAdmin.get('/quan-tri');
      const res = await vubanAdmin.post(`/quan-tri/can-bo/${ids['tiepnhan.tpnd']}/trang-thai`, { trang_thai: 'disabled' });
      assert.equal(res.status, 404);
      assert.equal((await new Browser(server.url).signIn(kDemoLogins.deskDistrict)).status, 303);
    });

    test('a disabled officer\'s API token stops working', async () => {
      assert.equal(await apiMe(server.url, vubanToken.token), 200);
      const res = await admin.submit(`/quan-tri/can-bo/${vuban.id}`, { trang_thai: 'disabled', xac_nhan: '1' },
        { action: `/quan-tri/can-bo/${vuban.id}/trang-thai` });
      assert.equal(res.status, 303);
      assert.equal(await apiMe(server.url, vubanToken.token), 401, 'the disabled officer\'s token still works');
      assert.equal(await vuban.browser.signedIn(), false);
    });
  });
});

describe('cookies and caching', () => {
  test('cookies are HttpOnly, SameSite=Lax, Path=/, session-only, and not Secure over plain HTTP', async () => {
    const b = new Browser(server.url);
    const form = await b.get('/dang-nhap');
    const binding = form.cookies.find((c) => c.name === 'motcua-form');
    assert.ok(binding, 'no form-binding cookie on the sign-in page');
    const res = await b.post('/dang-nhap', { tai_khoan: kDemoLogins.citizen, mat_khau: kDemoPassword });
    const session = res.cookies.find((c) => c.name === 'motcua');
    assert.ok(session, 'no session cookie');
    for (const c of [binding, session]) {
      assert.equal(c.attributes.httponly, true, `${c.name} is not HttpOnly`);
      assert.equal(c.attributes.samesite, 'Lax', `${c.name} SameSite`);
      assert.equal(c.attributes.path, '/', `${c.name} Path`);
      assert.equal(c.attributes.domain, undefined, `${c.name} has a Domain`);
      assert.equal(c.attributes.secure, undefined, `${c.name} is Secure over plain HTTP`);
    }
    assert.equal(session.attributes['max-age'], undefined, 'the session cookie outlives the browser');
    assert.equal(session.attributes.expires, undefined, 'the session cookie outlives the browser');
    assert.ok(session.value.length >= 32, `a short session id: ${session.value.length} characters`);
  });

  test('behind TLS the session cookie is __Host-motcua with Secure, and a plain-HTTP origin is refused', async () => {
    const file = await configFile('tls.toml', '[http]\nbehind_tls = true\n');
    const tls = await startServer({ args: ['--config', file] });
    try {
      const origin = tls.url.replace('http:', 'https:');
      const b = new Browser(tls.url, { origin });
      const form = await b.get('/dang-nhap');
      assert.match(form.headers['strict-transport-security'] ?? '', /max-age=\d+/, 'no HSTS');
      const binding = form.cookies.find((c) => c.name === '__Host-motcua-form');
      assert.ok(binding, `no __Host-motcua-form cookie: ${JSON.stringify(form.cookies.map((c) => c.name))}`);
      const fields = { tai_khoan: kDemoLogins.citizen, mat_khau: kDemoPassword };
      const plain = await b.post('/dang-nhap', fields, { origin: tls.url });
      assert.equal(plain.status, 403, `an http:// Origin behind TLS: ${plain.status}`);
      const res = await b.post('/dang-nhap', fields);
      assert.equal(res.status, 303, `sign-in behind TLS: ${res.status}`);
      const session = res.cookies.find((c) => c.name === '__Host-motcua');
      assert.ok(session, `no __Host-motcua cookie: ${JSON.stringify(res.cookies.map((c) => c.name))}`);
      assert.ok(!res.cookies.some((c) => c.name === 'motcua'), 'a plain motcua cookie behind TLS');
      for (const c of [binding, session]) {
        assert.equal(c.attributes.secure, true, `${c.name} is not Secure`);
        assert.equal(c.attributes.httponly, true, `${c.name} is not HttpOnly`);
        assert.equal(c.attributes.samesite, 'Lax');
        assert.equal(c.attributes.path, '/');
        assert.equal(c.attributes.domain, undefined, `${c.name} has a Domain (not allowed for __Host-)`);
      }
      assert.equal(await b.signedIn(), true);
      // The plain-HTTP cookie name means nothing behind TLS.
      const renamed = await new Browser(tls.url).get('/tai-khoan', { headers: { cookie: `motcua=${session.value}` } });
      assert.equal(renamed.status, 303);
    } finally {
      await tls.stop();
    }
  });

  test('personal pages and forms with tokens are never cached', async () => {
    const anonymous = new Browser(server.url);
    assert.match((await anonymous.get('/dang-nhap')).headers['cache-control'] ?? '', /no-store/, '/dang-nhap');
    const admin = await signedIn(server, kDemoLogins.systemAdmin);
    for (const page of ['/tai-khoan', '/tai-khoan/mat-khau', '/can-bo', '/can-bo/cong-dan/moi', '/quan-tri/can-bo',
      '/quan-tri/nhat-ky', '/quan-tri/phien']) {
      const res = await admin.get(page);
      assert.equal(res.status, 200, page);
      assert.match(res.headers['cache-control'] ?? '', /no-store/, `${page}: Cache-Control ${res.headers['cache-control']}`);
    }
  });

  test('cached public pages show a signed-in person their own name, and nobody else', async () => {
    const mai = await signedIn(server, kDemoLogins.citizen);
    const token = mai.csrf;
    for (const page of ['/', '/thu-tuc/1.001193', '/thu-tuc?q=khai+sinh', '/co-quan']) {
      const before = await new Browser(server.url).get(page);
      const theirs = await mai.get(page);
      const after = await new Browser(server.url).get(page);
      for (const res of [before, after]) {
        const text = decodeEntities(res.text);
        assert.ok(!text.includes('Trần Thị Mai'), `${page} shows the person's name to someone else`);
        assert.ok(!text.includes(token), `${page} carries the person's CSRF token to someone else`);
      }
      assert.ok(decodeEntities(theirs.text).includes('Trần Thị Mai'), `${page} does not show the person their name`);
      assert.match(theirs.headers['cache-control'] ?? '', /no-store/, `${page}: the personal copy may be stored`);
      assert.equal(theirs.headers.etag, undefined, `${page}: the personal copy has the anonymous page's ETag`);
    }
  });
});

describe('production mode', () => {
  let prod;
  before(async () => { prod = await startServer({ demo: false }); });
  after(async () => { await prod?.stop(); });

  test('the dev mailbox and the simulated VNeID do not exist', async () => {
    const b = new Browser(prod.url);
    for (const page of ['/hop-thu-thu-nghiem', '/dang-nhap/vneid/mo-phong', '/dang-nhap/vneid/mo-phong?state=a&nonce=b']) {
      assert.equal((await b.get(page)).status, 404, page);
    }
    await b.get('/dang-nhap');
    assert.equal((await b.post('/dang-nhap/vneid/mo-phong', { nguoi: '0', state: 'a', nonce: 'b' })).status, 404);
  });

  test('VNeID sign-in says it is not configured, and the sign-in page offers no VNeID button', async () => {
    const b = new Browser(prod.url);
    const res = await b.get('/dang-nhap/vneid');
    assert.ok(res.status >= 400 && res.status !== 404, `/dang-nhap/vneid: ${res.status}`);
    assert.match(decodeEntities(res.text), /chưa sẵn sàng|chưa được kết nối/);
    assert.doesNotMatch(res.headers.location ?? '', /mo-phong/);
    const login = await b.get('/dang-nhap');
    assert.doesNotMatch(login.text, /href="\/dang-nhap\/vneid"/);
    const callback = await b.get('/dang-nhap/vneid/ket-qua?code=x&state=y');
    assert.equal(callback.status, 400, 'the VNeID callback signs someone in without a provider');
    assert.ok(!callback.cookies.some((c) => c.name === 'motcua'));
  });

  test('no demo account exists', async () => {
    assert.equal((await new Browser(prod.url).signIn(kDemoLogins.citizen)).status, 422);
    assert.equal((await new Browser(prod.url).signIn(kDemoLogins.systemAdmin)).status, 422);
    assert.ok(fieldError((await new Browser(prod.url).signIn('admin', kDemoPassword)).text, 'tai_khoan'));
  });
});
