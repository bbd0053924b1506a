// Load generator of bench/submit.sh: creates drafts of a small generic-form dossier over the API, then files them
// all with N keep-alive connections, and prints what the script reads:
//   "filings N", "seconds S", "filings/s X", "p50_ms Y", "p99_ms Z", "errors E", then one acknowledged code a line
//   after "codes:".
//
//   node bench/submit_load.mjs BASE_URL TOKENS_FILE FILINGS CONNECTIONS
//
// TOKENS_FILE holds one API token a line (citizens); drafts are spread over them. Only the submits are timed (one
// durable write job each): the drafts are made before, with the same connections.
import { readFileSync } from 'node:fs';
import http from 'node:http';

import { fullAnswers, addressUnits, smallProcedure } from '../tests/lib/dossier_answers.mjs';

const [base, tokensFile, filingsText, connectionsText] = process.argv.slice(2);
const filings = Number(filingsText);
const connections = Number(connectionsText);
if (!base || !tokensFile || !(filings > 0) || !(connections > 0)) {
  console.error('usage: node bench/submit_load.mjs BASE_URL TOKENS_FILE FILINGS CONNECTIONS');
  process.exit(2);
}
const tokens = readFileSync(tokensFile, 'utf8').split('\n').filter(Boolean);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const kAgency = '000.05.31.H40';

function request(method, path, token, json) {
  return new Promise((resolve, reject) => {
    const payload = json === undefined ? '' : JSON.stringify(json);
    const req = http.request(`${base}${path}`, {
      method,
      agent,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function pool(count, limit, job) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next;
      next += 1;
      await job(i);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

const units = await addressUnits(base);
const { code: procedure, form } = await smallProcedure(base);
const answers = fullAnswers(form, units);
const drafts = new Array(filings);
await pool(filings, connections, async (i) => {
  const token = tokens[i % tokens.length];
  const r = await request('POST', '/api/v1/dossiers', token, { procedure, agency: kAgency, answers });
  if (r.status !== 201) {
    throw new Error(`create: ${r.status} ${r.text.slice(0, 300)}`);
  }
  drafts[i] = { id: JSON.parse(r.text).id, token };
});
console.error(`submit_load: ${filings} drafts of ${procedure} made; filing them with ${connections} connections`);

const latencies = [];
const codes = [];
let errors = 0;
const started = process.hrtime.bigint();
await pool(filings, connections, async (i) => {
  const d = drafts[i];
  const t0 = process.hrtime.bigint();
  const r = await request('POST', `/api/v1/dossiers/${d.id}/submit`, d.token);
  latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (r.status === 200) {
    codes.push(JSON.parse(r.text).code);
  } else {
    errors += 1;
    if (errors <= 3) {
      console.error(`submit_load: submit ${d.id}: ${r.status} ${r.text.slice(0, 300)}`);
    }
  }
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
agent.destroy();
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
console.log(`filings ${codes.length}`);
console.log(`seconds ${seconds.toFixed(2)}`);
console.log(`filings/s ${(codes.length / seconds).toFixed(1)}`);
console.log(`p50_ms ${pct(0.5).toFixed(2)}`);
console.log(`p99_ms ${pct(0.99).toFixed(2)}`);
console.log(`errors ${errors}`);
console.log('codes:');
console.log(codes.join('\n'));
