// Chromium for the end-to-end tests: the system browser, headless, no network chatter, a fresh profile per launch.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { sourceDir } from './server.mjs';

const kChromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

//! Launches Chromium (CHROMIUM_PATH or /usr/bin/chromium); playwright gives it a fresh temp --user-data-dir.
export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: kChromiumArgs });
}

//! Mobile viewport used across the suite: a common small Android phone.
export const kPhone = { width: 360, height: 740 };

//! Folder for screenshots humans look at after a run: build/e2e-screenshots/.
export async function screenshotDir() {
  const dir = path.join(sourceDir, 'build', 'e2e-screenshots');
  await mkdir(dir, { recursive: true });
  return dir;
}

//! Pages every audit (axe, vnu) covers: [name, path]. The blank form path is read from the procedure page.
export async function auditedPages(serverUrl) {
  const procedure = await (await fetch(`${serverUrl}/thu-tuc/1.001193`)).text();
  const form = /href="(\/thu-tuc\/1\.001193\/mau\/[^"?#]+)"/.exec(procedure)?.[1] ?? '/thu-tuc/1.001193/mau/to-khai-khai-sinh';
  return [
    ['home', '/'],
    ['search results', '/thu-tuc?q=dang+ky'],
    ['no results', '/thu-tuc?q=xyzzyqwvbn'],
    ['procedure', '/thu-tuc/1.001193'],
    ['404', '/no-such-page'],
    ['fields', '/linh-vuc'],
    ['agencies', '/co-quan'],
    ['agency with its desk', '/co-quan/000.00.01.H40'],
    ['agency without a desk on file', '/co-quan/000.01.31.H40'],
    ['procedure, desk of my commune', '/thu-tuc/1.001193?tinh=37&xa=13669'],
    ['procedure, commune without a desk', '/thu-tuc/1.001193?tinh=37&xa=13708'],
    ['procedure, channels differ', '/thu-tuc/1.013978'],
    ['blank form', form.replace(/&amp;/g, '&')],
    ['accessibility statement', '/tro-giup/kha-nang-tiep-can'],
    ['home in English', '/?lang=en'],
  ];
}
