// Error responses are real pages: the layout, the right status, a request id to quote, the security headers.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertHtmlPage, assertSecurityHeaders, header } from '../lib/checks.mjs';
import { fetchText, httpRequest, startServer } from '../lib/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

// [path, what]: every one is a 404 page with the layout.
const kNotFound = [
  ['/no-such-page', 'unknown path'],
  ['/thu-tuc/9.999999', 'unknown procedure'],
  ['/thu-tuc/abc', 'not a procedure code'],
  ['/thu-tuc/1.001193/mau/no-such-form', 'unknown form of a known procedure'],
  ['/thu-tuc/9.999999/mau/to-khai-khai-sinh', 'form of an unknown procedure'],
];

function assertRequestIdShown(res, text, what) {
  const id = header(res.headers, 'x-request-id');
  assert.ok(id && id.length >= 6, `${what}: x-request-id header is ${JSON.stringify(id)}`);
  assert.ok(text.includes(id), `${what}: the page does not show the request id ${id}`);
  return id;
}

describe('404', () => {
  for (const [path, what] of kNotFound) {
    test(`${path} (${what}) is a 404 page with the layout and a request id`, async () => {
      const { res, text } = await fetchText(server.url + path);
      assertHtmlPage(res, text, path, { status: 404 });
      assertSecurityHeaders(res.headers, path);
      assertRequestIdShown(res, text, path);
    });
  }

  test('each response has its own request id', async () => {
    const a = await fetchText(`${server.url}/no-such-page`);
    const b = await fetchText(`${server.url}/no-such-page`);
    assert.notEqual(header(a.res.headers, 'x-request-id'), header(b.res.headers, 'x-request-id'));
  });

  test('the 404 page is in English with ?lang=en', async () => {
    const { res, text } = await fetchText(`${server.url}/no-such-page?lang=en`);
    assertHtmlPage(res, text, '/no-such-page?lang=en', { status: 404, lang: 'en' });
  });

  test('successful responses carry a request id too', async () => {
    const res = await fetch(`${server.url}/healthz`);
    assert.ok(header(res.headers, 'x-request-id'), 'no x-request-id on /healthz');
  });
});

describe('405', () => {
  for (const method of ['POST', 'PUT', 'DELETE']) {
    test(`${method} / is 405 with an allow header listing GET`, async () => {
      const r = await httpRequest(`${server.url}/`, {
        method,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '3' },
        body: 'a=b',
      });
      assert.equal(r.status, 405);
      assert.match(header(r.headers, 'allow') ?? '', /\bGET\b/, `allow: ${header(r.headers, 'allow')}`);
      assertSecurityHeaders(r.headers, `${method} /`);
      const id = header(r.headers, 'x-request-id');
      assert.ok(id, 'no x-request-id');
      if (/^text\/html/.test(header(r.headers, 'content-type') ?? '')) {
        assert.ok(r.body.toString('utf8').includes(id), '405 page does not show the request id');
      }
    });
  }
});

describe('400', () => {
  // [query, what]: malformed input in the query string is the client's fault, explained in Vietnamese.
  const kBadQueries = [
    ['q=%ZZ', 'invalid percent escape'],
    ['q=%C3%28', 'invalid UTF-8'],
    ['q=abc%', 'truncated percent escape'],
  ];
  for (const [query, what] of kBadQueries) {
    test(`/thu-tuc?${query} (${what}) is a 400 page in Vietnamese`, async () => {
      const r = await httpRequest(`${server.url}/thu-tuc?${query}`);
      const text = r.body.toString('utf8');
      const res = { status: r.status, headers: r.headers };
      assertHtmlPage(res, text, `/thu-tuc?${query}`, { status: 400 });
      assertSecurityHeaders(r.headers, `/thu-tuc?${query}`);
      assert.match(text, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i, 'no Vietnamese text');
      assertRequestIdShown(res, text, `/thu-tuc?${query}`);
    });
  }

  test('the API answers malformed input with 400 JSON', async () => {
    const r = await httpRequest(`${server.url}/api/v1/procedures?q=%C3%28`);
    assert.equal(r.status, 400);
    assert.match(header(r.headers, 'content-type') ?? '', /^application\/(problem\+)?json/);
    assert.equal(typeof JSON.parse(r.body.toString('utf8')).error, 'string');
  });
});
