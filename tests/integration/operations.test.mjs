// Operating the portal: catalogue changes made by another process (an import, another node) reach the cached
// pages of a running server, and the connection limit answers 503 instead of falling over.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { fetchText, runMotcua, startServer } from '../lib/server.mjs';

const kPollMs = 200;
let server;
let configPath;

before(async () => {
  server = await startServer();
  configPath = path.join(server.dir, 'motcua.toml');
  await writeFile(configPath, `[http]\nmax_connections = 2\n[cache]\ncatalogue_poll_ms = ${kPollMs}\n`);
});
after(async () => { await server?.stop(); });

const kHeader =
  'procedure_code,procedure_name,field,level,ministry,implementing_agency,procedure_type,decision_no,channels,' +
  'processing_time,processing_time_value,processing_time_unit,processing_time_by_channel,fee,fee_vnd,fee_note,source_url\n';

describe('catalogue changes', () => {
  test('an import into the live database shows on cached pages and in the API within seconds', async () => {
    // A second server on the same database, polling quickly, stands for another node behind the load balancer.
    const node = await startServer({ database: { dir: server.dir, db: server.db }, args: ['--config', configPath] });
    try {
      const before = await fetchText(`${node.url}/thu-tuc/1.001193`);
      assert.equal(before.res.status, 200);
      assert.match(before.text, /Thủ tục đăng ký khai sinh</);
      const csv = path.join(server.dir, 'rename.csv');
      await writeFile(csv, kHeader +
        '1.001193,Thủ tục đăng ký khai sinh (mẫu mới),Hộ tịch,Cấp xã,Bộ Tư pháp,UBND cấp xã,Loại khác,1/QĐ,Trực tuyến;Trực tiếp,' +
        '1 Ngày làm việc,1,Ngày làm việc,Trực tuyến: 1 Ngày làm việc | Trực tiếp: 1 Ngày làm việc,Miễn phí,0,,\n');
      const r = await runMotcua(['import', 'procedures', csv, '--db', server.db]);
      assert.equal(r.code, 0, r.stderr);
      let seen = false;
      for (let i = 0; i < 50 && !seen; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const page = await fetchText(`${node.url}/thu-tuc/1.001193`);
        seen = page.text.includes('(mẫu mới)');
      }
      assert.ok(seen, 'the cached procedure page never showed the imported name');
      const api = JSON.parse((await fetchText(`${node.url}/api/v1/procedures/1.001193`)).text);
      assert.equal(api.name, 'Thủ tục đăng ký khai sinh (mẫu mới)');
    } finally {
      // Keep the shared temp dir: the first server owns it.
      node.proc.kill('SIGTERM');
    }
  });
});

describe('connection limit', () => {
  test('connections over max_connections get 503 while the others are served', async () => {
    const limited = await startServer({ args: ['--config', configPath] });
    const sockets = [];
    try {
      for (let i = 0; i < 2; i++) {
        const s = net.connect(limited.port, '127.0.0.1');
        await new Promise((resolve) => s.once('connect', resolve));
        sockets.push(s);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      const third = await fetchText(`${limited.url}/healthz`).catch((e) => ({ error: e }));
      assert.equal(third.res?.status, 503, `third connection: ${third.error ?? third.res?.status}`);
      for (const s of sockets) {
        s.destroy();
      }
      sockets.length = 0;
      let ok = false;
      for (let i = 0; i < 20 && !ok; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        ok = (await fetchText(`${limited.url}/healthz`)).res.status === 200;
      }
      assert.ok(ok, 'the server did not recover once the connections closed');
    } finally {
      for (const s of sockets) {
        s.destroy();
      }
      await limited.stop();
    }
  });
});

describe('shutdown', () => {
  // A supervisor may send SIGTERM the moment the readiness line appears: the signal must be caught (a graceful stop,
  // exit code 0), never kill the process by default action. The outbox sender and the journal sealer start after
  // that line, which once left a window where the signal arrived before the handler was installed.
  const kRounds = 5;
  test('SIGTERM right after "listening" stops gracefully every time', async () => {
    for (let i = 0; i < kRounds; ++i) {
      const s = await startServer();
      await s.stop();  // SIGTERM at once; asserts exit code 0
    }
  });
});
