// Separate executors with admission limits. A test-only report (testing.slow_reports, refused unless the database
// is a demo one) holds the report executor's one thread until the test releases it. With one report thread and a
// queue of one, four reports sent at once: two are held, two are refused at once with 503 and Retry-After; while
// the two are still held, /healthz (an I/O thread) and a sign-in (the interactive executor) both answer; then the
// release lets the held reports finish. The test compares the order of the answers, never a time.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { kDemoLogins, signedIn } from '../lib/client.mjs';
import { parseRawResponse, rawRequest, startServer } from '../lib/server.mjs';

const kSlowReport = '/thu-nghiem/bao-cao-cham';
const kReports = 4;

let server;
let tmp;
let config;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-executors-'));
  config = path.join(tmp, 'motcua.toml');
  await writeFile(config, '[http]\nreport_threads = 1\nreport_queue = 1\n\n[testing]\nslow_reports = true\n');
  server = await startServer({ args: ['--config', config], env: { MOTCUA_THREADS: '1', MOTCUA_METRICS_ALLOW: '127.0.0.1' } });
});
after(async () => {
  await server?.stop();
  await rm(tmp, { recursive: true, force: true });
});

test('a saturated report executor refuses more reports while /healthz and sign-in still answer', async () => {
  const finished = [];
  let refusals = 0;
  let bothRefused;
  const refused = new Promise((resolve) => { bothRefused = resolve; });
  const reports = [];
  for (let i = 0; i < kReports; ++i) {
    reports.push(fetch(`${server.url}${kSlowReport}`).then(async (res) => {
      await res.arrayBuffer();
      if (res.status === 503) {
        assert.ok(Number(res.headers.get('retry-after')) > 0, 'a 503 without Retry-After');
        finished.push('refused');
        if (++refusals === kReports - 2) {
          bothRefused();
        }
        return;
      }
      assert.equal(res.status, 200);
      finished.push('report');
    }));
  }
  await refused;  // one report runs, one waits in the queue, the others were refused
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200);
  finished.push('healthz');
  await signedIn(server, kDemoLogins.citizen);
  finished.push('sign-in');
  const release = await fetch(`${server.url}/api${kSlowReport}/tha`, { method: 'POST' });
  assert.equal(release.status, 200);
  await Promise.all(reports);
  assert.deepEqual(finished, ['refused', 'refused', 'healthz', 'sign-in', 'report', 'report']);
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  assert.match(metrics, /motcua_executor_refused_busy_total 2\n/);
});

test('the slow report route does not exist without the flag', async () => {
  const plain = await startServer();
  try {
    assert.equal((await fetch(`${plain.url}${kSlowReport}`)).status, 404);
  } finally {
    await plain.stop();
  }
});

test('the binary refuses testing.slow_reports on a database that is not a demo one', async () => {
  await assert.rejects(startServer({ demo: false, args: ['--config', config] }), /only allowed on a demo database/);
});

test('a route may accept a larger body than the default; the others refuse it with 413', async () => {
  const body = 'x'.repeat(2 * 1024 * 1024);  // over the 1 MiB default, under the test route's 4 MiB
  const upload = await fetch(`${server.url}/api/thu-nghiem/tai-len`, { method: 'POST', body });
  assert.equal(upload.status, 200);
  assert.deepEqual(await upload.json(), { bytes: body.length });
  // Only the header is sent: the answer comes before any byte of the body.
  const other = await rawRequest(server.port,
    `POST /api${kSlowReport}/tha HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n`);
  assert.equal(parseRawResponse(other.text).status, 413);
});
