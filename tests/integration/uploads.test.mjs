// Streamed multipart uploads through the real binary. A test-only route (testing.upload_sink, refused unless the
// database is a demo one), POST /api/thu-nghiem/tep, answers what the server parsed and spooled: the files arrive in
// spool files under <data_dir>/spool, the text fields in memory, and every refusal (a bad filename, a truncated
// body, a body that is not multipart, a body over the route's limit) is clear and leaves no spool file behind.

import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';

import { parseRawResponse, rawRequest, startServer } from '../lib/server.mjs';

const kSink = '/api/thu-nghiem/tep';
const kSinkLimit = 64 * 1024 * 1024;
const kBoundary = 'motcua-test-boundary';

let server;
let tmp;
let config;
let spool;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-uploads-'));
  config = path.join(tmp, 'motcua.toml');
  spool = path.join(tmp, 'data', 'spool');
  await writeFile(config, '[testing]\nupload_sink = true\n');
  server = await startServer({ args: ['--config', config, '--data-dir', path.join(tmp, 'data')] });
});
after(async () => {
  await server?.stop();
  await rm(tmp, { recursive: true, force: true });
});

// Spool files left (each request's files are deleted once it is answered: wait for that, bounded by a count).
async function spoolFilesLeft() {
  for (let i = 0; i < 100; ++i) {
    const left = await readdir(spool).catch(() => []);
    if (left.length === 0) {
      return 0;
    }
    await sleep(50);
  }
  return (await readdir(spool)).length;
}

function part(name, value, filename = null) {
  const disposition = `form-data; name="${name}"${filename === null ? '' : `; filename="${filename}"`}`;
  return `--${kBoundary}\r\nContent-Disposition: ${disposition}\r\n\r\n${value}\r\n`;
}

async function post(body, type = `multipart/form-data; boundary=${kBoundary}`) {
  const res = await fetch(`${server.url}${kSink}`, { method: 'POST', headers: { 'content-type': type }, body });
  const text = await res.text();
  return { status: res.status, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
}

test('a browser form with a file: the file is spooled, the fields kept, the raw body never', async () => {
  const form = new FormData();
  form.append('csrf', 'token-typed-first');
  form.append('ho_ten', 'Nguyễn Văn An');
  const bytes = new Uint8Array(3 * 1024 * 1024).fill(0x25);
  form.append('tep', new Blob([bytes], { type: 'application/pdf' }), 'giấy chứng sinh.pdf');
  const res = await fetch(`${server.url}${kSink}`, { method: 'POST', body: form });
  assert.equal(res.status, 200);
  const out = await res.json();
  assert.equal(out.error, 'none');
  assert.equal(out.fields, 2);
  assert.equal(out.body_bytes, 0);
  assert.deepEqual(out.files, [{ field: 'tep', filename: 'giấy chứng sinh.pdf', bytes: bytes.length }]);
  assert.equal(await spoolFilesLeft(), 0);
});

test('an empty file input (filename="" and no bytes, as browsers send it) is skipped', async () => {
  const { status, json } = await post(part('csrf', 'x') + part('tep', '', '') + `--${kBoundary}--\r\n`);
  assert.equal(status, 200);
  assert.equal(json.fields, 1);
  assert.deepEqual(json.files, []);
});

test('a filename with a path separator is refused, the fields before it kept, nothing stored', async () => {
  const body = part('csrf', 'x') + part('tep', 'ok', 'a.pdf') + part('tep', 'evil', '../../etc/passwd') + `--${kBoundary}--\r\n`;
  const { status, json } = await post(body);
  assert.equal(status, 422);
  assert.equal(json.error, 'bad_filename');
  assert.equal(json.error_field, 'tep');
  assert.equal(json.fields, 1);
  assert.deepEqual(json.files, []);
  assert.equal(await spoolFilesLeft(), 0);
});

test('a truncated multipart body is malformed and leaves no spool file', async () => {
  const body = part('csrf', 'x') + part('tep', 'z'.repeat(100_000), 'a.pdf').slice(0, 50_000);
  const { status, json } = await post(body);
  assert.equal(status, 422);
  assert.equal(json.error, 'malformed');
  assert.equal(json.fields, 1);
  assert.equal(await spoolFilesLeft(), 0);
});

test('a body that is not multipart is 415 on a multipart route', async () => {
  const { status } = await post('a=b', 'application/x-www-form-urlencoded');
  assert.equal(status, 415);
});

test('a body over the route limit is 413 before it is read', async () => {
  const port = Number(new URL(server.url).port);
  const head = `POST ${kSink} HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=${kBoundary}\r\n` +
    `Content-Length: ${kSinkLimit + 1}\r\n\r\n`;
  const res = await rawRequest(port, Buffer.from(head, 'latin1'));
  assert.equal(parseRawResponse(res.text).status, 413);
});

test('the upload sink does not exist without the flag, and is refused on a database that is not a demo one', async () => {
  const plain = await startServer();
  try {
    assert.equal((await fetch(`${plain.url}${kSink}`, { method: 'POST', body: 'x' })).status, 404);
  } finally {
    await plain.stop();
  }
  await assert.rejects(startServer({ demo: false, args: ['--config', config] }), /only allowed on a demo database/);
});
