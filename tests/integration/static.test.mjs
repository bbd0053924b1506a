// Fingerprinted static files: long caching, validators, precompressed variants, and no way out of static/.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import { assertSecurityHeaders, header } from '../lib/checks.mjs';
import { fetchText, httpRequest, parseRawResponse, rawRequest, sourceDir, startServer } from '../lib/server.mjs';

let server;
let cssPath;
before(async () => {
  server = await startServer();
  const { text } = await fetchText(`${server.url}/`);
  cssPath = /(?:href|src)="(\/static\/app\.[0-9a-f]{6,}\.css)"/.exec(text)?.[1];
});
after(async () => { await server?.stop(); });

describe('fingerprinted CSS', () => {
  test('the home page references /static/app.<hash>.css', () => {
    assert.ok(cssPath, 'no <link href="/static/app.<hash>.css"> on the home page');
  });

  test('it is served with a strong etag and an immutable cache-control', async () => {
    const r = await httpRequest(server.url + cssPath);
    assert.equal(r.status, 200);
    assert.match(header(r.headers, 'content-type') ?? '', /^text\/css/);
    const etag = header(r.headers, 'etag');
    assert.match(etag ?? '', /^"[^"]+"$/, `etag ${etag} is not a strong validator`);
    assert.match(header(r.headers, 'cache-control') ?? '', /\bimmutable\b/);
    assert.match(header(r.headers, 'cache-control') ?? '', /\bmax-age=\d{6,}\b/);
    assertSecurityHeaders(r.headers, cssPath);
    const onDisk = path.join(sourceDir, cssPath);
    if (existsSync(onDisk)) {
      assert.ok(r.body.equals(readFileSync(onDisk)), 'body differs from the file in static/');
    }
  });

  test('if-none-match with its etag is 304 without a body', async () => {
    const first = await httpRequest(server.url + cssPath);
    const etag = header(first.headers, 'etag');
    const r = await httpRequest(server.url + cssPath, { headers: { 'if-none-match': etag } });
    assert.equal(r.status, 304);
    assert.equal(r.body.length, 0);
    assert.equal(header(r.headers, 'etag'), etag);
    const other = await httpRequest(server.url + cssPath, { headers: { 'if-none-match': '"something-else"' } });
    assert.equal(other.status, 200);
  });

  // [accept-encoding, expected content-encoding, decoder]: one line per variant.
  const kEncodings = [
    ['br', 'br', zlib.brotliDecompressSync],
    ['gzip', 'gzip', zlib.gunzipSync],
    ['gzip, deflate, br', 'br', zlib.brotliDecompressSync],
  ];
  for (const [accept, encoding, decode] of kEncodings) {
    test(`accept-encoding: ${accept} gets the ${encoding} variant`, async () => {
      const plain = await httpRequest(server.url + cssPath, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(header(plain.headers, 'content-encoding'), null);
      const r = await httpRequest(server.url + cssPath, { headers: { 'accept-encoding': accept } });
      assert.equal(r.status, 200);
      assert.equal(header(r.headers, 'content-encoding'), encoding);
      assert.match(header(r.headers, 'vary') ?? '', /accept-encoding/i);
      assert.match(header(r.headers, 'content-type') ?? '', /^text\/css/);
      assert.ok(decode(r.body).equals(plain.body), `${encoding} body does not decode to the plain file`);
    });
  }

  test('an unknown static file is 404', async () => {
    const r = await httpRequest(`${server.url}/static/app.00000000.css`);
    assert.equal(r.status, 404);
    assertSecurityHeaders(r.headers, '/static/app.00000000.css');
  });
});

describe('path traversal', () => {
  // [raw request target, text that must not appear]: sent byte for byte, since fetch would normalise the dots.
  const kTraversals = [
    ['/static/../src/main.cpp', 'int main'],
    ['/static/../../etc/passwd', 'root:'],
    ['/static/%2e%2e/%2e%2e/etc/passwd', 'root:'],
    ['/static/%2e%2e/src/main.cpp', 'int main'],
    ['/static/..%2f..%2fCMakeLists.txt', 'cmake_minimum_required'],
    ['/static/..%2fCMakeLists.txt', 'cmake_minimum_required'],
    ['/static/%2E%2E%2FCMakeLists.txt', 'cmake_minimum_required'],
    ['/static/..\\CMakeLists.txt', 'cmake_minimum_required'],
    ['/static/%252e%252e/CMakeLists.txt', 'cmake_minimum_required'],
    ['/static/./../CMakeLists.txt', 'cmake_minimum_required'],
    ['/static//etc/passwd', 'root:'],
    ['/static/app.css%00.css', ''],
  ];
  for (const [target, secret] of kTraversals) {
    test(`GET ${target} is 404 or 400 and leaks nothing`, async () => {
      const r = await rawRequest(server.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, { timeoutMs: 5000 });
      const { status } = parseRawResponse(r.text);
      assert.ok(status === 404 || status === 400, `status ${status}: ${r.text.slice(0, 200)}`);
      if (secret) {
        assert.ok(!r.text.includes(secret), `response contains "${secret}"`);
      }
    });
  }
});
