// Issue 8's page-weight budget, as Chromium counts it at 360 px: the home page, a search and a procedure page cost at
// most 60 kB on a first visit and 15 kB on a repeat visit (headers included, compressed as sent). A byte budget, not
// a timing. bench/page_weight.sh prints the same measurements as a table.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { detail, kFirstVisitBudget, kRepeatVisitBudget, kWeighedPages, measure, table } from '../../bench/page_weight.mjs';
import { launchBrowser } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

let server;
let browser;
let results;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  results = await measure(browser, server.url);
  console.log(table(results));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('page weight at 360 px', () => {
  for (const [name, path] of kWeighedPages) {
    test(`${name} (${path}): first visit within ${kFirstVisitBudget / 1000} kB`, () => {
      const first = results[name].first;
      assert.ok(first.total <= kFirstVisitBudget,
        `${name}: ${first.total} bytes on a first visit\n${table(results)}\n${detail(results)}`);
    });
    test(`${name} (${path}): repeat visit within ${kRepeatVisitBudget / 1000} kB`, () => {
      const repeat = results[name].repeat;
      assert.ok(repeat.total <= kRepeatVisitBudget,
        `${name}: ${repeat.total} bytes on a repeat visit\n${table(results)}\n${detail(results)}`);
    });
  }

  test('pages load no font file and their HTML comes compressed', () => {
    for (const [name, r] of Object.entries(results)) {
      const fonts = r.first.responses.filter((x) => x.type === 'Font');
      assert.deepEqual(fonts.map((x) => x.url), [], `${name} loaded fonts`);
      const documents = r.first.responses.filter((x) => x.type === 'Document');
      assert.equal(documents.length, 1, `${name}: one document`);
      assert.ok(documents[0].encoding === 'br' || documents[0].encoding === 'gzip',
        `${name}: the document came with Content-Encoding "${documents[0].encoding}"`);
    }
  });
});
