// Session lifetime and the simulated national-identity sign-in, over HTTP against the real binary. Expiry is
// tested by moving a session's timestamps back in the database, so no test waits for a clock.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Browser, kDemoLogins, sql } from '../lib/client.mjs';
import { startServer } from '../lib/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

//! The session row of browser `b` is found by its user agent, which each test makes unique.
function ageSession(userAgent, column, seconds) {
  sql(server.db, `UPDATE sessions SET ${column} = ${column} - ${seconds} WHERE user_agent = '${userAgent}'`);
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
    sql(server.db, `UPDATE sessions SET expires_at = ${Math.floor(Date.now() / 1000) - 1} WHERE user_agent = '${ua}'`);
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
