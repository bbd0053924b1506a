// axe-core on every kind of page, WCAG 2.2 AA, on a desktop and on a 360 px phone.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { AxeBuilder } from '@axe-core/playwright';

import { auditedPages, kPhone, launchBrowser } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server;
let browser;
let pages;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  pages = await auditedPages(server.url);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// One line per violation and node: rule, impact, help, the element and axe's summary of what to fix.
function describeViolations(violations) {
  return violations.flatMap((v) => [
    `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  ]).join('\n');
}

async function audit(viewport, name, pagePath) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    const res = await page.goto(server.url + pagePath);
    assert.ok(res, `${pagePath}: no response`);
    const results = await new AxeBuilder({ page }).withTags(kTags).analyze();
    assert.equal(results.violations.length, 0,
      `${name} (${pagePath}) at ${viewport.width}px:\n${describeViolations(results.violations)}`);
  } finally {
    await context.close();
  }
}

describe('axe, WCAG 2.2 AA', () => {
  // The page list needs the server, so the tests are registered per viewport and loop inside.
  for (const viewport of [{ width: 1280, height: 900 }, kPhone]) {
    test(`all audited pages at ${viewport.width}px have no violations`, async (t) => {
      for (const [name, pagePath] of pages) {
        await t.test(`${name}: ${pagePath}`, () => audit(viewport, name, pagePath));
      }
    });
  }
});
