// Sign-in lockout, enumeration and phone confirmation over HTTP (issue 8): a guesser blocks only themself, a
// commune office behind one address is not blocked by its own typos, a failed sign-in journals the identifier
// tried, the reset form and registration answer the same for taken and free accounts, requests that send texts are
// limited per address, and self-registration creates the account only once the phone's code is entered.
// The server trusts X-Forwarded-For, so each test can speak from the addresses it needs.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  Browser, fieldError, inputValue, kDemoLogins, kDemoPassword, mailboxCodes, sql, withoutRequestIds,
} from '../lib/client.mjs';
import { decodeEntities, startServer } from '../lib/server.mjs';

// Texts and registrations one address may ask for in an hour on this server.
const kAddressRequests = 6;

let server;
let configDir;
before(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-lockout-'));
  const config = path.join(configDir, 'lockout.toml');
  await writeFile(config, `[http]\ntrust_forwarded_for = true\n[security]\naddress_free_requests = ${kAddressRequests}\n`);
  server = await startServer({ args: ['--config', config] });
});
after(async () => {
  await server?.stop();
  await rm(configDir, { recursive: true, force: true });
});

//! A browser whose requests come from `address`.
function from(address) {
  const b = new Browser(server.url);
  const request = b.request.bind(b);
  b.request = (method, p, options = {}) =>
    request(method, p, { ...options, headers: { 'x-forwarded-for': address, ...(options.headers ?? {}) } });
  return b;
}

//! Journal rows of `action` as [object_id, summary], oldest first.
function journal(action) {
  return sql(server.db, `SELECT object_id, summary FROM audit_log WHERE action = '${action}' ORDER BY id`)
    .trim().split('\n').filter((line) => line !== '').map((line) => line.split('|'));
}

describe('lockout: a guesser is slowed, the owner gets in', () => {
  test('five wrong passwords from one address block that address for that account, not its owner elsewhere',
    async () => {
    const login = kDemoLogins.specialist;
    const attacker = from('203.0.113.9');
    for (let i = 1; i <= 5; i++) {
      assert.equal((await attacker.signIn(login, `đoán lần ${i}`)).status, 422, `guess ${i}`);
    }
    const blocked = await attacker.signIn(login, kDemoPassword);
    assert.equal(blocked.status, 429, 'the guesser was not blocked');
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    const owner = await from('198.51.100.1').signIn(login, kDemoPassword);
    assert.equal(owner.status, 303, `the owner at their own address: ${owner.status}`);
    const [[, summary]] = journal('login.blocked').slice(-1);
    assert.match(summary, /"key":"pair"/);
    assert.match(summary, /"identifier":"chuyenvien.tuphap"/);
  });

  test('thirty typos behind one commune office address do not block the next person there', async () => {
    const office = '198.51.100.30';
    for (let person = 0; person < 8; person++) {
      for (let typo = 0; typo < 4; typo++) {
        const res = await from(office).signIn(`0361900100${String(person).padStart(2, '0')}`, 'gõ nhầm');
        assert.equal(res.status, 422, `person ${person}, typo ${typo}: ${res.status}`);
      }
    }
    assert.equal((await from(office).signIn(kDemoLogins.citizen)).status, 303);
  });

  test('a failed sign-in journals the identifier tried, so an officer sees which account was targeted', async () => {
    await from('198.51.100.40').signIn('+84 912 000 001', 'không đúng');
    await from('198.51.100.40').signIn('036099123123', 'không đúng');
    const rows = journal('login.failure');
    assert.ok(rows.some(([id, s]) => id !== '' && s.includes('"identifier":"0912000001"')), 'the phone tried');
    assert.ok(rows.some(([id, s]) => id === '' && s.includes('"identifier":"036099123123"')), 'the unknown ID tried');
  });
});

describe('enumeration and requests per address', () => {
  test('the reset form answers the same for a missing account and journals both requests', async () => {
    const known = await from('198.51.100.50').submit('/quen-mat-khau', { tai_khoan: '0912000013' });
    const missing = await from('198.51.100.50').submit('/quen-mat-khau', { tai_khoan: '0912999999' });
    assert.equal(known.status, 303);
    assert.equal(missing.status, known.status);
    assert.equal(missing.location.replace('0912999999', 'X'), known.location.replace('0912000013', 'X'));
    const requested = journal('password.reset_requested').map(([, s]) => s);
    assert.ok(requested.some((s) => s.includes('"identifier":"0912000013"')));
    assert.ok(requested.some((s) => s.includes('"identifier":"0912999999"')), 'the missing account did less work');
  });

  test('one address cannot send texts to many accounts: requests are limited per address (429, Retry-After)',
    async () => {
    const address = '198.51.100.60';
    const phones = ['0912000001', '0912000013', '0912000019', '0912999001'];
    let refused = null;
    let sent = 0;
    for (let round = 0; round < 3 && !refused; round++) {
      for (const phone of phones) {
        const res = await from(address).submit('/quen-mat-khau', { tai_khoan: phone });
        if (res.status === 429) {
          refused = res;
          break;
        }
        assert.equal(res.status, 303);
        sent += 1;
      }
    }
    assert.ok(refused, 'twelve code requests from one address all went through');
    assert.equal(sent, kAddressRequests);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.ok(fieldError(refused.text, 'tai_khoan'), 'no error on the field');
    assert.equal((await from('198.51.100.61').submit('/quen-mat-khau', { tai_khoan: phones[0] })).status, 303,
      'another address was refused too');
  });
});

describe('registration confirms the phone first', () => {
  const person = {
    ho_ten: 'Vũ Thị Lan',
    so_dinh_danh: '036194004321',
    'ngay_sinh-ngay': '2',
    'ngay_sinh-thang': '9',
    'ngay_sinh-nam': '1994',
    dien_thoai: '0987100001',
    email: '',
    mat_khau: 'nắng sớm trên cánh đồng lúa',
    mat_khau_2: 'nắng sớm trên cánh đồng lúa',
  };

  test('the account exists only once the texted code is entered; a wrong code keeps the form', async () => {
    const b = from('198.51.100.70');
    const asked = await b.submit('/dang-ky', person);
    assert.equal(asked.status, 200, asked.text.slice(0, 2000));
    const token = inputValue(asked.text, 'dang_ky');
    assert.ok(token, 'no confirmation form');
    assert.ok(decodeEntities(asked.text).includes('0987100001'), 'the page does not say where the code went');
    assert.equal(await b.signedIn(), false, 'signed in before the code was entered');
    assert.equal((await from('198.51.100.71').signIn(person.so_dinh_danh, person.mat_khau)).status, 422,
      'the account exists before the code was entered');
    const [code] = await mailboxCodes(server, '0987100001');
    assert.match(code ?? '', /^\d{6}$/, 'no 6-digit code texted');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await b.post('/dang-ky/xac-nhan', { dang_ky: token, ma: wrong, dien_thoai: person.dien_thoai });
    assert.equal(refused.status, 422);
    assert.ok(fieldError(refused.text, 'ma'), 'no error on the code');
    assert.equal(inputValue(refused.text, 'ma'), wrong, 'the code typed was not kept');
    assert.equal(inputValue(refused.text, 'dang_ky'), token, 'the registration was lost');
    // "Change the details" brings back the form with everything typed but the password.
    const edit = await b.post('/dang-ky/sua', { dang_ky: token });
    assert.equal(edit.status, 200);
    for (const name of ['ho_ten', 'so_dinh_danh', 'ngay_sinh-ngay', 'ngay_sinh-thang', 'ngay_sinh-nam', 'dien_thoai']) {
      assert.equal(inputValue(edit.text, name), person[name], `${name} was not kept`);
    }
    assert.equal(inputValue(edit.text, 'mat_khau'), '');
    const resent = await b.post('/dang-ky/gui-lai', { dang_ky: token, dien_thoai: person.dien_thoai });
    assert.equal(resent.status, 200);
    const [second] = await mailboxCodes(server, '0987100001');
    assert.notEqual(second, code, 'no new code');
    const done = await b.post('/dang-ky/xac-nhan', { dang_ky: token, ma: second, dien_thoai: person.dien_thoai });
    assert.equal(done.status, 303, done.text.slice(0, 2000));
    assert.equal(done.location, '/tai-khoan?tb=dang-ky');
    assert.equal(await b.signedIn(), true);
    assert.equal((await from('198.51.100.71').signIn(person.so_dinh_danh, person.mat_khau)).status, 303);
  });

  test('registrations are limited per address, and a taken ID answers like a free one', async () => {
    const address = '198.51.100.80';
    const answers = [];
    for (let i = 0; i < kAddressRequests; i++) {
      const fields = { ...person, so_dinh_danh: i === 0 ? kDemoLogins.citizen : `03619400500${i}`,
        dien_thoai: `098710010${i}` };
      if (i === 0) {
        Object.assign(fields, { 'ngay_sinh-ngay': '27', 'ngay_sinh-thang': '3', 'ngay_sinh-nam': '1985' });
      }
      const res = await from(address).submit('/dang-ky', fields);
      assert.equal(res.status, 200, `registration ${i}: ${res.status}`);
      answers.push(withoutRequestIds(decodeEntities(res.text))
        .replace(/name="(csrf|dang_ky)" value="[^"]*"/g, 'name="$1" value="X"').replaceAll(fields.dien_thoai, 'P'));
    }
    assert.equal(answers[0], answers[1], 'a taken ID answers differently from a free one');
    const refused = await from(address).submit('/dang-ky', { ...person, so_dinh_danh: '036194005999',
      dien_thoai: '0987100199' });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal(inputValue(refused.text, 'ho_ten'), person.ho_ten, 'what was typed was not kept');
  });
});
