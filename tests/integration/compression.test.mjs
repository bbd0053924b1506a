// HTML and JSON answers are compressed as Accept-Encoding asks (brotli or gzip), with Vary: Accept-Encoding, the
// same bytes once decoded, and never for identity or q=0; cached pages come from their stored variants, and a
// signed-in caller's cached page carries their own account area in a valid gzip stream.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import { header } from '../lib/checks.mjs';
import { kDemoLogins, signedIn, withoutRequestIds } from '../lib/client.mjs';
import { httpRequest, startServer } from '../lib/server.mjs';

const kDecoders = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

//! GET `path` with `accept` as Accept-Encoding (none when null): {res, coding, text} with the body decoded.
async function get(path, accept, headers = {}) {
  const h = { ...headers };
  if (accept !== null) {
    h['accept-encoding'] = accept;
  }
  const res = await httpRequest(server.url + path, { headers: h });
  const coding = header(res.headers, 'content-encoding') ?? '';
  const decode = kDecoders[coding];
  assert.ok(coding === '' || decode, `${path}: unexpected content-encoding ${coding}`);
  const bytes = decode ? decode(res.body) : res.body;
  if (header(res.headers, 'content-length') !== null) {
    assert.equal(Number(header(res.headers, 'content-length')), res.body.length, `${path}: content-length`);
  }
  return { res, coding, text: bytes.toString('utf8') };
}

// [page, path]: cached catalogue pages, a cached API document, and pages made per request.
const kPages = [
  ['home (cached)', '/'],
  ['search (cached)', '/thu-tuc?q=dang+ky+khai+sinh'],
  ['procedure (cached)', '/thu-tuc/1.001193'],
  ['procedures API (cached)', '/api/v1/procedures?q=khai+sinh'],
  ['accessibility statement (per request)', '/tro-giup/kha-nang-tiep-can'],
  ['OpenAPI document', '/api/openapi.json'],
];

// [Accept-Encoding, coding sent]: one line per case.
const kNegotiation = [
  ['gzip, deflate, br, zstd', 'br'],
  ['gzip', 'gzip'],
  ['br;q=0, gzip', 'gzip'],
  ['identity', ''],
  ['gzip;q=0, br;q=0', ''],
  ['*;q=0', ''],
  [null, ''],
];

describe('negotiated compression', () => {
  for (const [name, path] of kPages) {
    test(`${name}: every coding decodes to the same body, with Vary`, async () => {
      const plain = await get(path, 'identity');
      assert.equal(plain.res.status, 200);
      assert.ok(plain.text.length > 1024, `${path} is too small to be compressed (${plain.text.length} bytes)`);
      for (const [accept, coding] of kNegotiation) {
        const r = await get(path, accept);
        assert.equal(r.res.status, 200, `${path} with ${accept}`);
        assert.equal(r.coding, coding, `${path} with Accept-Encoding: ${accept}`);
        assert.match(header(r.res.headers, 'vary') ?? '', /accept-encoding/i, `${path} with ${accept}: no Vary`);
        assert.equal(withoutRequestIds(r.text), withoutRequestIds(plain.text), `${path} with ${accept}: body`);
        if (coding) {
          assert.ok(r.res.body.length * 2 < plain.text.length,
            `${path} in ${coding}: ${r.res.body.length} bytes for ${plain.text.length}`);
        }
      }
    });
  }

  test('a small answer is sent as it is, and static CSS from its .br sibling', async () => {
    const health = await get('/healthz', 'gzip, br');
    assert.equal(health.coding, '');
    const css = /href="(\/static\/app\.[0-9a-f]+\.css)"/.exec((await get('/', null)).text)?.[1];
    assert.ok(css);
    const r = await get(css, 'gzip, br');
    assert.equal(r.coding, 'br', 'static text files are served from their .br sibling');
  });

  test('HEAD says the length of the coded body', async () => {
    const full = await httpRequest(`${server.url}/`, { headers: { 'accept-encoding': 'gzip' } });
    const head = await httpRequest(`${server.url}/`, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(head.body.length, 0);
    assert.equal(header(head.headers, 'content-encoding'), 'gzip');
    assert.equal(Number(header(head.headers, 'content-length')), full.body.length);
  });

  test('the weak ETag of a cached page answers 304 whatever the coding', async () => {
    const br = await get('/thu-tuc/1.001193', 'br');
    const etag = header(br.res.headers, 'etag');
    assert.match(etag ?? '', /^W\//);
    for (const accept of ['br', 'gzip', 'identity']) {
      const r = await httpRequest(`${server.url}/thu-tuc/1.001193`,
        { headers: { 'accept-encoding': accept, 'if-none-match': etag } });
      assert.equal(r.status, 304, `if-none-match with ${accept}`);
      assert.match(header(r.headers, 'vary') ?? '', /accept-encoding/i);
    }
  });

  test('a signed-in caller gets the cached page with their account area, in gzip', async () => {
    const b = await signedIn(server, kDemoLogins.citizen);
    const anonymous = await get('/thu-tuc/1.001193', 'identity');
    for (const [accept, coding] of [['gzip, deflate, br', 'gzip'], ['br', ''], ['identity', '']]) {
      const r = await get('/thu-tuc/1.001193', accept, { cookie: b.cookieHeader() });
      assert.equal(r.res.status, 200);
      assert.equal(r.coding, coding, `signed in, Accept-Encoding: ${accept}`);
      assert.match(header(r.res.headers, 'cache-control') ?? '', /no-store/);
      assert.match(r.text, /\/dang-xuat|Đăng xuất/, `signed in, ${accept}: no sign-out in the account area`);
      assert.notEqual(r.text, anonymous.text);
      // Outside the account area the page is the anonymous one.
      const strip = (t) => withoutRequestIds(t).replace(/<!--tai-khoan-->[\s\S]*?<!--\/tai-khoan-->/, '');
      assert.equal(strip(r.text), strip(anonymous.text));
    }
  });
});
