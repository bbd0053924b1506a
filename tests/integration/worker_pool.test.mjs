// Blocking handlers (password hashing, writes) run on the worker pool, so the I/O thread keeps answering while they
// wait. With one I/O thread and argon2id made slow on purpose (60 passes, about half a second), /healthz sent while
// a registration is hashing its password is answered first; if the registration ran on the I/O thread, /healthz
// would wait for it. The test compares the order of the answers, never a time.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { httpClient } from '../lib/accounts.mjs';
import { startServer } from '../lib/server.mjs';

let server;
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-pool-'));
  const config = path.join(tmp, 'motcua.toml');
  await writeFile(config, '[security]\nargon2_iterations = 60\n');
  server = await startServer({ args: ['--config', config], env: { MOTCUA_THREADS: '1' } });
});
after(async () => {
  await server?.stop();
  await rm(tmp, { recursive: true, force: true });
});

test('a password being hashed does not hold up /healthz on the same I/O thread', async () => {
  const client = httpClient(server.url);
  await client.get('/dang-ky');
  const finished = [];
  const registration = client.post('/dang-ky', {
    ho_ten: 'Nguyễn Thị Kiểm',
    so_dinh_danh: '036195054321',
    'ngay_sinh-ngay': '12',
    'ngay_sinh-thang': '8',
    'ngay_sinh-nam': '1995',
    dien_thoai: '0987654001',
    email: '',
    mat_khau: 'Đồng lúa chín vàng ươm',
    mat_khau_2: 'Đồng lúa chín vàng ươm',
  }).then(({ res, text }) => {
    // Accepted: the password is hashed and the page asks for the code texted to the phone.
    assert.equal(res.status, 200, `registration answered ${res.status}: ${text.slice(0, 300)}`);
    assert.match(text, /name="dang_ky"/, 'the registration was not accepted');
    finished.push('registration');
  });
  await new Promise((resolve) => { setTimeout(resolve, 100); });  // the registration is hashing by now
  const health = fetch(`${server.url}/healthz`).then((res) => {
    assert.equal(res.status, 200);
    finished.push('healthz');
  });
  await Promise.all([registration, health]);
  assert.deepEqual(finished, ['healthz', 'registration'],
    '/healthz waited for the password hash: blocking handlers run on the I/O thread');
});
