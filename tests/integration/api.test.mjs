// The JSON API: procedures, fields, agencies, administrative units of both eras, and its OpenAPI document.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertSecurityHeaders, header } from '../lib/checks.mjs';
import { sourceDir, startServer } from '../lib/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function getJson(pathAndQuery, expectedStatus = 200) {
  const res = await fetch(server.url + pathAndQuery);
  const text = await res.text();
  assert.equal(res.status, expectedStatus, `${pathAndQuery}: status ${res.status}: ${text.slice(0, 300)}`);
  assert.match(header(res.headers, 'content-type') ?? '', /^application\/(problem\+)?json/, `${pathAndQuery}: content-type`);
  assertSecurityHeaders(res.headers, pathAndQuery);
  return JSON.parse(text);
}

const listOf = (body) => (Array.isArray(body) ? body : body.items);

// Units of the 2024 reference file: {provinces, districtsOf(code), communesOf(code)} for expected counts.
async function reference2024() {
  const rows = (await readFile(path.join(sourceDir, 'data/reference/admin-units-2024.csv'), 'utf8'))
    .split('\n').slice(1).filter(Boolean).map((l) => l.split(','));
  return {
    provinces: rows.filter((r) => r[6] === 'province').length,
    districtsOf: (p) => rows.filter((r) => r[6] === 'district' && r[0] === p).map((r) => r[3]),
  };
}

describe('procedures', () => {
  test('/api/v1/procedures/1.001193 is birth registration with documents and channels', async () => {
    const p = await getJson('/api/v1/procedures/1.001193');
    assert.equal(p.code, '1.001193');
    assert.equal(p.name, 'Thủ tục đăng ký khai sinh');
    assert.ok(Array.isArray(p.documents) && p.documents.length > 0, `documents: ${JSON.stringify(p.documents)}`);
    assert.ok(Array.isArray(p.channels) && p.channels.length > 0, `channels: ${JSON.stringify(p.channels)}`);
    assert.ok(Array.isArray(p.levels) && p.levels.includes('commune'), `levels: ${JSON.stringify(p.levels)}`);
  });

  test('an unknown procedure is 404 JSON with an error message', async () => {
    const body = await getJson('/api/v1/procedures/9.999999', 404);
    assert.equal(typeof body.error, 'string');
    assert.ok(body.error.length > 0);
  });
});

describe('fields and agencies', () => {
  test('/api/v1/fields lists the catalogue fields, including Hộ tịch', async () => {
    const list = listOf(await getJson('/api/v1/fields'));
    assert.ok(Array.isArray(list) && list.length > 10, `fields: ${JSON.stringify(list).slice(0, 200)}`);
    assert.ok(JSON.stringify(list).includes('Hộ tịch'));
  });

  test('/api/v1/agencies lists the demo agencies of Nam Định', async () => {
    const list = listOf(await getJson('/api/v1/agencies'));
    assert.ok(Array.isArray(list) && list.length > 10, `agencies: ${JSON.stringify(list).slice(0, 200)}`);
    assert.ok(JSON.stringify(list).includes('Nam Định'), 'no agency mentions Nam Định');
  });
});

describe('administrative units', () => {
  test('era 2024 has 63 provinces', async () => {
    const list = listOf(await getJson('/api/v1/admin-units?era=2024'));
    assert.equal(list.length, 63);
    assert.equal(list.length, (await reference2024()).provinces);
  });

  test('era 2025 has 34 provinces', async () => {
    const list = listOf(await getJson('/api/v1/admin-units?era=2025'));
    assert.equal(list.length, 34);
  });

  test('Nam Định (36) in 2024 lists its district-level units, including Huyện Vụ Bản', async () => {
    const list = listOf(await getJson('/api/v1/admin-units?era=2024&parent=36'));
    const names = list.map((u) => u.name);
    assert.ok(names.includes('Huyện Vụ Bản'), `names: ${names.join(', ')}`);
    // The reference file holds 9 (Thành phố Nam Định and 8 huyện); Mỹ Lộc merged into the city before 2025.
    assert.deepEqual([...names].sort(), (await reference2024()).districtsOf('36').sort());
  });

  test('Vụ Bản (359) in 2024 lists its communes, including Thị trấn Gôi', async () => {
    const list = listOf(await getJson('/api/v1/admin-units?era=2024&parent=359'));
    assert.ok(list.some((u) => u.name === 'Thị trấn Gôi'), `names: ${list.map((u) => u.name).join(', ')}`);
  });

  for (const era of ['1999', 'abc', '2024x']) {
    test(`era=${era} is 400 JSON`, async () => {
      const body = await getJson(`/api/v1/admin-units?era=${era}`, 400);
      assert.equal(typeof body.error, 'string');
    });
  }
});

describe('OpenAPI', () => {
  test('/api/openapi.json is an OpenAPI 3.1 document describing the procedures API', async () => {
    const doc = await getJson('/api/openapi.json');
    assert.match(doc.openapi, /^3\.1\./);
    const paths = Object.keys(doc.paths ?? {});
    assert.ok(paths.some((p) => p.endsWith('/v1/procedures')), `paths: ${paths.join(', ')}`);
    assert.ok(paths.some((p) => /\/v1\/procedures\/\{[^}]+\}$/.test(p)), `paths: ${paths.join(', ')}`);
    assert.ok(paths.some((p) => p.endsWith('/v1/admin-units')), `paths: ${paths.join(', ')}`);
  });

  test('Redocly lints it without errors', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).text();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      await writeFile(file, doc);
      const r = spawnSync(process.execPath,
        [path.join(sourceDir, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', '--format=stylish', file], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 120_000,
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        });
      const out = `${r.stdout}\n${r.stderr}`;
      const problems = out.split('\n').filter((l) => /\s(error|warning)\s/.test(l));
      if (problems.length > 0) {
        console.log(`redocly lint:\n${problems.join('\n')}`);
      }
      assert.equal(r.status, 0, `redocly lint failed:\n${out}`);
      assert.ok(!problems.some((l) => /\serror\s/.test(l)), `redocly lint errors:\n${problems.join('\n')}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
