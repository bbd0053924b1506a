// Page weight as Chromium counts it: the bytes a 360 px phone receives for the home page, a search and a procedure
// page, on a first visit (fresh profile, empty cache) and on a repeat visit (the same context has already shown
// another page of the portal, so its cache is warm). Bytes are CDP Network.loadingFinished encodedDataLength:
// what came over the wire for each response, headers included, compressed as sent; a response served from the
// browser's cache counts 0.
//
// Used by tests/e2e/page_weight.test.mjs (the budget) and by bench/page_weight.sh (the table).

import { kPhone, launchBrowser } from '../tests/lib/browser.mjs';
import { startServer } from '../tests/lib/server.mjs';

//! Issue 8's compass: at most this many bytes on a first visit, and on a repeat visit (1 kB = 1000 bytes).
export const kFirstVisitBudget = 60_000;
export const kRepeatVisitBudget = 15_000;

//! The three pages the budget covers: [name, path]. The search is the catalogue's own (/thu-tuc?q=…).
export const kWeighedPages = [
  ['home', '/'],
  ['search', '/thu-tuc?q=dang+ky+khai+sinh'],
  ['procedure', '/thu-tuc/1.001193'],
];

// After the load event, the page may still fetch (the favicon, a lazy image): wait until nothing is in flight
// for this long before counting.
const kQuietMs = 500;
const kSettleLimitMs = 10_000;

//! Loads `path` in `page` and returns [{url, type, encoding, bytes}] for every response it received, in the order
//! they finished.
async function weigh(context, page, baseUrl, path) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Chromium's own cache stays on: a repeat visit must see what a phone's cache would hold.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const types = new Map();
  const encodings = new Map();
  const urls = new Map();
  const done = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!urls.has(e.requestId)) {
      inFlight++;
    }
    urls.set(e.requestId, e.request.url);
    types.set(e.requestId, e.type ?? 'Other');
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, e.type ?? types.get(e.requestId) ?? 'Other');
    const headers = Object.entries(e.response.headers ?? {});
    encodings.set(e.requestId, headers.find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '');
  });
  const finish = (id, bytes) => {
    if (!urls.has(id)) {
      return;
    }
    done.push({ url: urls.get(id), type: types.get(id) ?? 'Other', encoding: encodings.get(id) ?? '', bytes });
    urls.delete(id);
    inFlight--;
    lastActivity = Date.now();
  };
  cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => finish(e.requestId, 0));
  const res = await page.goto(baseUrl + path, { waitUntil: 'load' });
  if (!res || res.status() !== 200) {
    throw new Error(`${path}: status ${res?.status()}`);
  }
  const settleBy = Date.now() + kSettleLimitMs;
  while (Date.now() < settleBy && (inFlight > 0 || Date.now() - lastActivity < kQuietMs)) {
    await new Promise((resolve) => setTimeout(resolve, kQuietMs / 5));
  }
  await cdp.detach();
  return done;
}

function summarise(responses) {
  const byType = {};
  let total = 0;
  for (const r of responses) {
    byType[r.type] = (byType[r.type] ?? 0) + r.bytes;
    total += r.bytes;
  }
  return { total, byType, responses };
}

//! Weighs every page of kWeighedPages against the server at `baseUrl`: {name: {path, first, repeat}}, each a
//! {total, byType, responses}. The repeat visit comes after another of the three pages in the same context.
export async function measure(browser, baseUrl) {
  const out = {};
  for (const [i, [name, path]] of kWeighedPages.entries()) {
    const fresh = await browser.newContext({ viewport: kPhone, locale: 'vi-VN' });
    try {
      out[name] = { path, first: summarise(await weigh(fresh, await fresh.newPage(), baseUrl, path)) };
    } finally {
      await fresh.close();
    }
    const warm = await browser.newContext({ viewport: kPhone, locale: 'vi-VN' });
    try {
      const page = await warm.newPage();
      const [, before] = kWeighedPages[(i + kWeighedPages.length - 1) % kWeighedPages.length];
      await weigh(warm, page, baseUrl, before);
      out[name].repeat = summarise(await weigh(warm, page, baseUrl, path));
    } finally {
      await warm.close();
    }
  }
  return out;
}

function kb(bytes) {
  return (bytes / 1000).toFixed(1);
}

//! The measurements as a Markdown table: one row per page and visit, bytes by resource type, in kB.
export function table(results) {
  const types = [...new Set(Object.values(results).flatMap((r) => [r.first, r.repeat])
    .flatMap((v) => Object.keys(v.byType)))].sort();
  const lines = [
    `| page | visit | total kB | ${types.join(' | ')} |`,
    `|---|---|---:|${types.map(() => '---:').join('|')}|`,
  ];
  for (const [name, r] of Object.entries(results)) {
    for (const visit of ['first', 'repeat']) {
      const v = r[visit];
      lines.push(`| ${name} (${r.path}) | ${visit} | ${kb(v.total)} | ` +
        `${types.map((t) => (v.byType[t] ? kb(v.byType[t]) : '')).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

//! Every response of every visit, for a closer look: page, visit, type, kB, URL.
export function detail(results) {
  const lines = [];
  for (const [name, r] of Object.entries(results)) {
    for (const visit of ['first', 'repeat']) {
      for (const x of r[visit].responses) {
        lines.push(`${name.padEnd(10)} ${visit.padEnd(7)} ${x.type.padEnd(11)} ${kb(x.bytes).padStart(6)} kB ` +
          `${(x.encoding || '-').padEnd(5)} ${x.url.replace(/^https?:\/\/[^/]+/, '')}`);
      }
    }
  }
  return lines.join('\n');
}

// As a script (bench/page_weight.sh): start the binary MOTCUA_BIN on a fresh demo database, print the table.
if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const results = await measure(browser, server.url);
    console.log(table(results));
    if (process.argv.includes('--detail')) {
      console.log(`\n${detail(results)}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
