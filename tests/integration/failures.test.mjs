// What a citizen and an operator see when the store fails under a running server: a 500 page that names a request
// id and no internals, the same id in the server log, and a server that keeps serving.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { fetchText, startServer } from '../lib/server.mjs';

let server;
before(async () => {
  server = await startServer();
  // Break one table behind the server's back, as a damaged or half-restored database would.
  // The server may be writing at that moment (the deadline sweep and the outbox start with it): wait for its lock.
  const r = spawnSync('sqlite3', ['-cmd', '.timeout 10000', server.db, 'DROP TABLE admin_unit_mapping; DROP TABLE admin_units;'],
    { encoding: 'utf8' });
  assert.equal(r.status, 0, `sqlite3 failed: ${r.stderr}`);
});
after(async () => { await server?.stop(); });

const kInternals = [/sqlite/i, /no such table/i, /admin_units/, /SELECT/, /\.cpp/, /exception/i];

describe('a failing handler', () => {
  test('an API request gets a JSON 500 naming the request id and nothing internal', async () => {
    const { res, text } = await fetchText(`${server.url}/api/v1/admin-units?era=2024`);
    assert.equal(res.status, 500);
    assert.match(res.headers.get('content-type'), /application\/json/);
    const id = res.headers.get('x-request-id');
    assert.ok(id, 'no x-request-id header');
    assert.equal(JSON.parse(text).request_id, id);
    for (const leak of kInternals) {
      assert.doesNotMatch(text, leak);
    }
    assert.match(server.output(), new RegExp(`${id}.*(no such table|admin_units)`), 'the log does not tie the id to the error');
  });

  test('the server keeps serving other pages', async () => {
    const health = await fetchText(`${server.url}/healthz`);
    assert.equal(health.res.status, 200);
    const page = await fetchText(`${server.url}/thu-tuc/1.001193`);
    assert.equal(page.res.status, 200);
  });
});
