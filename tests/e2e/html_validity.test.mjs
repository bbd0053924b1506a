// The Nu HTML Checker (vnu) finds no errors in the server's pages: the public ones, and the account, officer and
// admin pages signed in as each demo role, also with their forms sent with errors.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { auditedAccountPages, httpClient } from '../lib/accounts.mjs';
import { auditedPages } from '../lib/browser.mjs';
import { sourceDir, startServer } from '../lib/server.mjs';

let server;
let tmp;
before(async () => {
  server = await startServer();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-vnu-'));
});
after(async () => {
  await server?.stop();
  await rm(tmp, { recursive: true, force: true });
});

test('vnu reports no errors on the audited pages, public and signed in', async () => {
  const files = new Map();
  for (const [name, pagePath] of await auditedPages(server.url)) {
    const res = await fetch(server.url + pagePath);
    const file = path.join(tmp, `${name.replace(/[^a-z0-9]+/gi, '-')}.html`);
    await writeFile(file, await res.text());
    files.set(file, `${name} (${pagePath})`);
  }
  const { pages, clients } = await auditedAccountPages(server.url);
  for (const { name, path: pagePath, as, submit, errors } of pages) {
    const client = as ? clients[as] : httpClient(server.url);
    let page = await client.get(pagePath);
    assert.equal(page.res.status, 200, `${name}: GET ${pagePath} answered ${page.res.status}`);
    if (submit) {
      page = await client.post(submit.action,
        { ...(submit.fields ?? {}), ...(submit.fill ? { [submit.fill.name]: submit.fill.value } : {}) });
      assert.equal(page.res.status, errors ? 422 : 200, `${name}: POST ${submit.action} answered ${page.res.status}`);
    }
    if (errors) {
      assert.match(page.text, /class="govuk-error-summary"/, `${name}: no error summary`);
    }
    const file = path.join(tmp, `account-${name.replace(/[^a-z0-9]+/gi, '-')}.html`);
    await writeFile(file, page.text);
    files.set(file, `${name} (${submit ? `POST ${submit.action}` : pagePath}${as ? ` as ${as}` : ''})`);
  }
  const r = spawnSync('java', ['-jar', path.join(sourceDir, 'node_modules/vnu-jar/build/dist/vnu.jar'),
    '--errors-only', '--format', 'json', ...files.keys()], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.error, undefined, `could not run java: ${r.error}`);
  const report = JSON.parse(r.stderr || r.stdout || '{"messages":[]}');
  const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
  const lines = errors.map((m) => {
    const where = files.get(decodeURIComponent(new URL(m.url).pathname)) ?? m.url;
    return `${where}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}: ${m.message}\n    ${(m.extract ?? '').replace(/\n/g, ' ')}`;
  });
  assert.deepEqual(lines, [], `vnu errors:\n${lines.join('\n')}`);
  assert.equal(r.status, 0, `vnu exited ${r.status}: ${r.stderr.slice(0, 500)}`);
});
