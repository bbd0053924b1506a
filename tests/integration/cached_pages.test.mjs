// Cached public pages: one rendered body per page, language and normalised query, with the header's account area
// as a slot. A visitor without a session cookie gets the cached anonymous page on the I/O thread; a signed-in one
// gets the same cached body with their name in the header (and Cache-Control: no-store).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Browser, kDemoLogins, signedIn } from '../lib/client.mjs';
import { startServer } from '../lib/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const withoutIds = (text) => text.replace(/[0-9a-f]{16}/g, 'ID');
const accountArea = (text) => /<!--tai-khoan-->([\s\S]*?)<!--\/tai-khoan-->/.exec(text)?.[1];

test('a signed-in visitor sees their name on a cached page; an anonymous one still gets the anonymous page', async () => {
  const page = '/thu-tuc/1.001193';
  const first = await new Browser(server.url).get(page);  // renders and caches the anonymous page
  assert.equal(first.status, 200);
  assert.match(first.headers['cache-control'], /no-cache/);
  assert.ok(first.headers.etag, 'the anonymous page has no ETag');
  assert.match(accountArea(first.text), /href="\/dang-nhap"/);

  const mai = await signedIn(server, kDemoLogins.citizen);
  const theirs = await mai.get(page);
  assert.equal(theirs.status, 200);
  assert.match(accountArea(theirs.text), /Trần Thị Mai/);
  assert.match(accountArea(theirs.text), /action="\/dang-xuat"/);
  assert.match(theirs.headers['cache-control'], /no-store/);
  // Outside the account area the page is the cached one, byte for byte.
  const outside = (text) => withoutIds(text.replace(accountArea(text), ''));
  assert.equal(outside(theirs.text), outside(first.text));

  const again = await new Browser(server.url).get(page);
  assert.equal(again.text, first.text);
  assert.equal(again.headers.etag, first.headers.etag);
  assert.doesNotMatch(again.text, /Trần Thị Mai/);
});

test('the same query in another order or encoding is one cache entry', async () => {
  const a = await new Browser(server.url).get('/thu-tuc?q=khai+sinh&cap=tinh');
  const b = await new Browser(server.url).get('/thu-tuc?cap=tinh&q=khai%20sinh');
  assert.equal(a.status, 200);
  assert.equal(a.headers.etag, b.headers.etag);
});

test('a conditional request for a cached page is answered 304 without a body', async () => {
  const page = '/co-quan';
  const first = await new Browser(server.url).get(page);
  const second = await new Browser(server.url).get(page, { headers: { 'if-none-match': first.headers.etag } });
  assert.equal(second.status, 304);
  assert.equal(second.body.length, 0);
  assert.ok(second.headers['x-request-id']);
});
