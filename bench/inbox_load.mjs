// GET /api/v1/inbox over HTTP for bench/inbox.sh: for each officer token and queue, REQUESTS sequential requests on
// one keep-alive connection after a warm-up, then p50, p99 and the largest latency in milliseconds (one request at a
// time: the latency of one officer's page with its counts, not the server's throughput).
//
//   node bench/inbox_load.mjs BASE_URL TOKENS_FILE [REQUESTS] [QUEUES]
// TOKENS_FILE: one "login token" per line; QUEUES: comma-separated (default mine,reception,due_soon,overdue).

import { readFileSync } from 'node:fs';
import http from 'node:http';

const [base, tokensFile, requestsArg = '300', queuesArg = 'mine,reception,due_soon,overdue'] = process.argv.slice(2);
if (!base || !tokensFile) {
  console.error('usage: node bench/inbox_load.mjs BASE_URL TOKENS_FILE [REQUESTS] [QUEUES]');
  process.exit(2);
}
const requests = Number(requestsArg);
const kWarmUp = 20;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(path, token) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(base + path, { agent, headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          body: Buffer.concat(chunks).toString('utf8'),
        }));
      });
    req.on('error', reject);
  });
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const lines = readFileSync(tokensFile, 'utf8').split('\n').filter((l) => l.trim());
let worst = 0;
console.log(`${'officer'.padEnd(20)} ${'queue'.padEnd(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} rows  counts`);
for (const line of lines) {
  const [login, token] = line.trim().split(/\s+/);
  for (const queue of queuesArg.split(',')) {
    const path = `/api/v1/inbox?queue=${queue}`;
    const first = await get(path, token);
    if (first.status !== 200) {
      console.log(`${login.padEnd(20)} ${queue.padEnd(10)} ${first.status}: ${first.body.slice(0, 120)}`);
      continue;
    }
    const times = [];
    let last = first;
    for (let i = 0; i < kWarmUp + requests; ++i) {
      last = await get(path, token);
      if (last.status !== 200) {
        throw new Error(`${path} as ${login}: ${last.status} ${last.body.slice(0, 200)}`);
      }
      if (i >= kWarmUp) {
        times.push(last.ms);
      }
    }
    times.sort((a, b) => a - b);
    const body = JSON.parse(last.body);
    const p99 = quantile(times, 0.99);
    worst = Math.max(worst, p99);
    const counts = Object.entries(body.counts).map(([k, v]) => `${k}=${v}`).join(' ');
    console.log(`${login.padEnd(20)} ${queue.padEnd(10)} ${quantile(times, 0.5).toFixed(2).padStart(8)} ` +
      `${p99.toFixed(2).padStart(8)} ${times.at(-1).toFixed(2).padStart(8)} ${String(body.items.length).padStart(4)}  ${counts}`);
  }
}
console.log(`http p99 (worst officer and queue): ${worst.toFixed(2)} ms`);
agent.destroy();
