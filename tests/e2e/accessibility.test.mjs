// axe-core on every kind of page, WCAG 2.2 AA, on a desktop and on a 360 px phone: the public pages, and the
// account, officer and admin pages signed in as each demo role, also with their forms sent with errors.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { AxeBuilder } from '@axe-core/playwright';

import { auditedAccountPages, main } from '../lib/accounts.mjs';
import { auditedPages, kPhone, launchBrowser } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server;
let browser;
let pages;
let accountPages;
let clients;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  pages = await auditedPages(server.url);
  ({ pages: accountPages, clients } = await auditedAccountPages(server.url));
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

// Audits `pagePath` at `viewport`; signed in as `as` (a role of auditedAccountPages), after sending the page's
// form when `submit` says so, and checks the error summary is there when `errors` says so.
async function audit(viewport, name, pagePath, { as, submit, errors } = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  try {
    if (as) {
      await context.addCookies([{ name: 'motcua', value: clients[as].jar.get('motcua'), url: server.url }]);
    }
    const page = await context.newPage();
    const res = await page.goto(server.url + pagePath);
    assert.ok(res, `${pagePath}: no response`);
    if (as) {
      assert.notEqual(new URL(page.url()).pathname, '/dang-nhap', `${name}: not signed in as ${as}`);
    }
    if (submit) {
      if (submit.fill) {
        await main(page).getByLabel(submit.fill.label).fill(submit.fill.value);
      }
      await main(page).getByRole('button', { name: submit.button, exact: true }).click();
      await page.waitForURL((url) => url.pathname === submit.action);
      await page.waitForLoadState();
    }
    if (errors) {
      assert.ok(await main(page).getByRole('heading', { name: 'Có vấn đề' }).isVisible(),
        `${name}: no error summary`);
    }
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
    test(`account, officer and admin pages at ${viewport.width}px have no violations`, async (t) => {
      for (const { name, path: pagePath, ...how } of accountPages) {
        const as = how.as ? ` as ${how.as}` : '';
        await t.test(`${name}: ${pagePath}${as}`, () => audit(viewport, name, pagePath, how));
      }
    });
  }
});
