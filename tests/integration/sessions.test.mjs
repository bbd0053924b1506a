// Session lifetime and the simulated national-identity sign-in, over HTTP against the real binary. Expiry is
// tested by moving a session's timestamps back in the database, so no test waits for a clock.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Browser, inputValue, kDemoLogins, sql } from '../lib/client.mjs';
import { startServer } from '../lib/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

//! Stored instants are microseconds since the epoch.
const kMicrosPerSecond = 1_000_000;

//! The session row of browser `b` is found by its user agent, which each test makes unique.
function ageSession(userAgent, column, seconds) {
  sql(server.db,
    `UPDATE sessions SET ${column} = ${column} - ${seconds * kMicrosPerSecond} WHERE user_agent = '${userAgent}'`);
}

describe('session limits', () => {
  test('a session unused for longer than the idle limit (30 min) is signed out', async () => {
    const ua = 'idle-limit-test';
    const b = new Browser(server.url, { userAgent: ua });
    await b.signInOk(kDemoLogins.citizen);
    ageSession(ua, 'last_seen_at', 29 * 60);
    assert.equal(await b.signedIn(), true, 'signed out before the idle limit');
    ageSession(ua, 'last_seen_at', 31 * 60);
    const res = await b.get('/tai-khoan');
    assert.equal(res.status, 303);
    assert.match(res.location, /^\/dang-nhap\?tiep=/);
  });

  test('a session past its absolute limit is signed out however busy it is', async () => {
    const ua = 'absolute-limit-test';
    const b = new Browser(server.url, { userAgent: ua });
    await b.signInOk(kDemoLogins.specialist);
    sql(server.db, `UPDATE sessions SET expires_at = ${(Math.floor(Date.now() / 1000) - 1) * kMicrosPerSecond} ` +
      `WHERE user_agent = '${ua}'`);
    assert.equal(await b.signedIn(), false);
  });

  test('a signed-out session stays signed out: its cookie cannot be replayed', async () => {
    const b = await new Browser(server.url).signInOk(kDemoLogins.clerk);
    const stolen = b.clone();
    assert.equal((await b.post('/dang-xuat')).status, 303);
    assert.equal(await stolen.signedIn(), false);
  });
});

describe('national identity sign-in (simulated provider, demo mode)', () => {
  //! Runs the whole flow as `b`, choosing person `index` on the consent page; returns the callback's answer.
  async function viaVneid(b, index, { tamperState = false } = {}) {
    const start = await b.get('/dang-nhap/vneid');
    assert.equal(start.status, 303);
    assert.match(start.location, /^\/dang-nhap\/vneid\/mo-phong\?state=/);
    const consent = await b.get(start.location);
    assert.equal(consent.status, 200);
    const state = /name="state" value="([^"]*)"/.exec(consent.text)[1];
    const nonce = /name="nonce" value="([^"]*)"/.exec(consent.text)[1];
    const chosen = await b.post('/dang-nhap/vneid/mo-phong', {
      state: tamperState ? `${state}x` : state, nonce, nguoi: String(index),
    });
    assert.equal(chosen.status, 303);
    assert.match(chosen.location, /^\/dang-nhap\/vneid\/ket-qua\?code=/);
    return b.get(chosen.location);
  }

  test('a verified person without an account gets one and is signed in; the next time, the same account', async () => {
    const people = (await new Browser(server.url).get('/dang-nhap/vneid/mo-phong?state=s&nonce=n')).text;
    const radios = [...people.matchAll(/name="nguoi" type="radio" value="(\d+)"/g)].map((m) => Number(m[1]));
    const newcomer = radios[radios.length - 1];  // Lê Thị Hoa, who has never registered
    assert.equal(sql(server.db, "SELECT COUNT(*) FROM users WHERE personal_id = '036195007890'"), '0');

    const b = new Browser(server.url);
    const done = await viaVneid(b, newcomer);
    assert.equal(done.status, 303);
    assert.equal(done.location, '/tai-khoan');
    assert.equal(await b.signedIn(), true);
    assert.equal(sql(server.db, "SELECT COUNT(*) FROM users WHERE personal_id = '036195007890'"), '1');
    assert.match(sql(server.db, "SELECT action FROM audit_log WHERE action LIKE 'account.register_vneid'"),
      /account.register_vneid/);

    const again = new Browser(server.url);
    assert.equal((await viaVneid(again, newcomer)).status, 303);
    assert.equal(sql(server.db, "SELECT COUNT(*) FROM users WHERE personal_id = '036195007890'"), '1');
  });

  test('a callback whose state does not match the browser\'s, or a code used twice, signs nobody in', async () => {
    const b = new Browser(server.url);
    const forged = await viaVneid(b, 0, { tamperState: true });
    assert.equal(forged.status, 400);
    assert.equal(await b.signedIn(), false);

    const c = new Browser(server.url);
    const start = await c.get('/dang-nhap/vneid');
    const consent = await c.get(start.location);
    const state = /name="state" value="([^"]*)"/.exec(consent.text)[1];
    const nonce = /name="nonce" value="([^"]*)"/.exec(consent.text)[1];
    const chosen = await c.post('/dang-nhap/vneid/mo-phong', { state, nonce, nguoi: '0' });
    const other = c.clone();
    assert.equal((await c.get(chosen.location)).status, 303);
    const replay = await other.get(chosen.location);
    assert.equal(replay.status, 400, 'a code worked twice');
  });

  test('another browser cannot finish someone else\'s sign-in (the state cookie is missing)', async () => {
    const victim = new Browser(server.url);
    const start = await victim.get('/dang-nhap/vneid');
    const consent = await victim.get(start.location);
    const state = /name="state" value="([^"]*)"/.exec(consent.text)[1];
    const nonce = /name="nonce" value="([^"]*)"/.exec(consent.text)[1];
    const chosen = await victim.post('/dang-nhap/vneid/mo-phong', { state, nonce, nguoi: '0' });
    const attacker = new Browser(server.url);
    const res = await attacker.get(chosen.location);
    assert.equal(res.status, 400);
    assert.equal(await attacker.signedIn(), false);
  });
});

describe('a full password-hashing queue', () => {
  test('sign-ins beyond the queue get 503 with Retry-After and their typed identifier back, never a hang', async () => {
    // One hash thread, one waiting place, eight handlers at once, and a costly hash (256 MiB: the cost of the hash
    // that unknown accounts are checked against), so most of eight simultaneous sign-ins find the queue full.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-busy-'));
    const config = path.join(dir, 'busy.toml');
    await writeFile(config, '[http]\npool_threads = 8\n[security]\nhash_threads = 1\nhash_queue = 1\n' +
      'argon2_memory_kib = 262144\nlogin_free_failures = 1000\nlogin_ip_free_failures = 1000\n');
    const busy = await startServer({ args: ['--config', config] });
    try {
      const browsers = await Promise.all(Array.from({ length: 8 }, async () => {
        const b = new Browser(busy.url);
        await b.get('/dang-nhap');
        return b;
      }));
      const answers = await Promise.all(browsers.map((b, i) => b.post('/dang-nhap', {
        tai_khoan: `09120009${String(i).padStart(2, '0')}`, mat_khau: 'một mật khẩu bất kỳ',
      })));
      const refused = answers.filter((r) => r.status === 503);
      assert.ok(refused.length >= 1, `statuses: ${answers.map((r) => r.status).join(' ')}`);
      for (const r of refused) {
        assert.ok(Number(r.headers['retry-after']) > 0);
        assert.match(inputValue(r.text, 'tai_khoan'), /^09120009\d\d$/);
      }
      // The others were checked and refused as wrong, not dropped.
      assert.ok(answers.every((r) => r.status === 503 || r.status === 422),
        `statuses: ${answers.map((r) => r.status).join(' ')}`);
    } finally {
      await busy.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
