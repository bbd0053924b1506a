// Starts the real motcua binary on a free port with a fresh database, and talks to it over raw sockets.
// Used by tests/integration and tests/e2e; each test file starts its own server in a before() hook.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

//! Repository root: MOTCUA_SOURCE_DIR (set by ctest) or two folders above this file.
export const sourceDir =
  process.env.MOTCUA_SOURCE_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const kReadyTimeoutMs = 20_000;
const kStopTimeoutMs = 10_000;
const kMaxCapturedBytes = 256 * 1024;
const kListeningPattern = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

//! Path of the binary under test: MOTCUA_BIN (set by ctest) or build/motcua.
export function motcuaBin() {
  const bin = process.env.MOTCUA_BIN ?? path.join(sourceDir, 'build', 'motcua');
  if (!existsSync(bin)) {
    throw new Error(`motcua binary not found at ${bin}: build it (ninja -C build motcua) or set MOTCUA_BIN`);
  }
  return bin;
}

// Children still running when the test process exits are killed, so a failed test never leaves a server behind.
const liveChildren = new Set();
process.on('exit', () => {
  for (const child of liveChildren) {
    child.kill('SIGKILL');
  }
});

//! Runs `motcua ARGS…` to completion: {code, signal, stdout, stderr}.
export function runMotcua(args, { env = {}, timeoutMs = 60_000, cwd = sourceDir } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(motcuaBin(), args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    liveChildren.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`motcua ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); liveChildren.delete(child); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

//! Runs psql against the PostgreSQL test server (MOTCUA_TEST_PG_URL).
function psql(sql) {
  const r = spawnSync('psql', [process.env.MOTCUA_TEST_PG_URL, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`psql failed: ${r.stderr}`);
  }
}

//! The database a test server uses: a SQLite file in `dir`, or, when MOTCUA_TEST_PG_URL is set (CI's PostgreSQL
//! run), a fresh schema on that server, dropped when the temp dir is removed.
function databaseUrl(dir) {
  const base = process.env.MOTCUA_TEST_PG_URL;
  if (!base) {
    return path.join(dir, 'motcua.db');
  }
  const schema = `motcua_it_${process.pid}_${path.basename(dir).replace(/[^a-zA-Z0-9]/g, '').toLowerCase()}`;
  psql(`CREATE SCHEMA ${schema}`);
  pgSchemas.set(dir, schema);
  return `${base}${base.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`;
}

const pgSchemas = new Map();
const rmTree = rm;

//! Removes a test's temp dir and, on PostgreSQL, its schema.
async function removeDatabase(dir, options) {
  const schema = pgSchemas.get(dir);
  if (schema) {
    pgSchemas.delete(dir);
    psql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
  await rmTree(dir, options);
}

//! A fresh temp dir and database (SQLite file or PostgreSQL schema), initialised with `motcua init` (and --demo
//! unless demo is false).
export async function makeDatabase({ demo = true } = {}) {
  motcuaBin();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-test-'));
  const db = databaseUrl(dir);
  const args = ['init', '--db', db];
  if (demo) {
    args.push('--demo');
  }
  const r = await runMotcua(args, { timeoutMs: 120_000 }).catch(async (err) => {
    await removeDatabase(dir, { recursive: true, force: true });
    throw err;
  });
  if (r.code !== 0) {
    await removeDatabase(dir, { recursive: true, force: true });
    throw new Error(`motcua ${args.join(' ')} exited ${r.code ?? r.signal}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
  return { dir, db };
}

//! Starts `motcua serve` on 127.0.0.1:0 with a fresh database; resolves once it prints its address.
//! Returns {url, port, proc, db, dir, stop(), output()}. stop() sends SIGTERM, waits, and expects exit code 0.
export async function startServer({ demo = true, args = [], env = {}, database = null } = {}) {
  const { dir, db } = database ?? (await makeDatabase({ demo }));
  const serveArgs = ['serve', '--db', db, '--listen', '127.0.0.1:0', ...args];
  const proc = spawn(motcuaBin(), serveArgs, {
    cwd: sourceDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(proc);

  let captured = '';
  const capture = (d) => {
    captured += d;
    if (captured.length > kMaxCapturedBytes) {
      captured = captured.slice(captured.length - kMaxCapturedBytes);
    }
  };
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', capture);

  const exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => { liveChildren.delete(proc); resolve({ code, signal }); });
  });

  const port = await new Promise((resolve, reject) => {
    let stdoutSoFar = '';
    const fail = (why) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(new Error(`motcua ${serveArgs.join(' ')}: ${why}\n--- output ---\n${captured}`));
    };
    const timer = setTimeout(() => fail(`no "listening on" line within ${kReadyTimeoutMs} ms`), kReadyTimeoutMs);
    proc.stdout.on('data', (d) => {
      capture(d);
      stdoutSoFar += d;
      const m = kListeningPattern.exec(stdoutSoFar);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.on('error', (err) => fail(`spawn failed: ${err.message}`));
    exited.then(({ code, signal }) => fail(`exited (${code ?? signal}) before listening`));
  }).catch(async (err) => {
    await removeDatabase(dir, { recursive: true, force: true });
    throw err;
  });

  let stopped = null;
  const stop = ({ expectCode = 0, timeoutMs = kStopTimeoutMs } = {}) => {
    stopped ??= (async () => {
      const started = Date.now();
      proc.kill('SIGTERM');
      let timer;
      const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); });
      const result = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      const elapsedMs = Date.now() - started;
      if (result === null) {
        proc.kill('SIGKILL');
        await exited;
        await removeDatabase(dir, { recursive: true, force: true });
        throw new Error(`motcua serve did not exit within ${timeoutMs} ms of SIGTERM\n--- output ---\n${captured}`);
      }
      await removeDatabase(dir, { recursive: true, force: true });
      if (expectCode !== null && result.code !== expectCode) {
        throw new Error(
          `motcua serve exited with ${result.code ?? result.signal} after SIGTERM, expected ${expectCode}\n` +
            `--- output ---\n${captured}`);
      }
      return { ...result, elapsedMs };
    })();
    return stopped;
  };

  return { url: `http://127.0.0.1:${port}`, port, proc, db, dir, stop, output: () => captured };
}

//! Writes raw bytes to 127.0.0.1:port and collects everything read until the server closes or timeoutMs passes.
//! Resolves {data: Buffer, text: string, closed, timedOut, elapsedMs}; never rejects on ECONNRESET (counts as closed).
export function rawRequest(port, bytes, { timeoutMs = 5000, endAfterWrite = false } = {}) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    const started = Date.now();
    let settled = false;
    const socket = net.connect({ host: '127.0.0.1', port });
    const finish = (closed, timedOut) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const data = Buffer.concat(chunks);
      resolve({ data, text: data.toString('latin1'), closed, timedOut, elapsedMs: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false, true), timeoutMs);
    socket.on('connect', () => {
      const write = (b) => socket.write(b, (err) => { if (err) { finish(true, false); } });
      if (Array.isArray(bytes)) {
        bytes.forEach(write);
      } else {
        write(bytes);
      }
      if (endAfterWrite) {
        socket.end();
      }
    });
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => finish(true, false));
    socket.on('close', () => finish(true, false));
    socket.on('error', (err) => {
      if (err.code === 'ECONNREFUSED') {
        settled = true;
        clearTimeout(timer);
        reject(err);
        return;
      }
      finish(true, false);
    });
  });
}

//! Parses the status line and headers of the first HTTP response in a raw text: {status, headers, body}.
export function parseRawResponse(text) {
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const [statusLine, ...lines] = head.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '');
  const headers = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) {
      headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
  }
  return { status: m ? Number(m[1]) : null, headers, body: end < 0 ? '' : text.slice(end + 4) };
}

//! GET/HEAD with node:http so that accept-encoding and conditional headers go out exactly as given and the
//! body comes back undecoded: {status, headers, body: Buffer}.
export function httpRequest(url, { method = 'GET', headers = {}, body = null, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    if (body !== null) {
      req.write(body);
    }
    req.end();
  });
}

//! Fetches a page: {res, text}. Redirects are not followed unless asked, so tests see what the server sent.
export async function fetchText(url, init = {}) {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  return { res, text };
}

//! Lower-case text without Vietnamese diacritics ("Đăng ký" → "dang ky"), for comparing names with queries.
export function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

//! Decodes the HTML entities a template engine may emit in text (&amp; &lt; &gt; &quot; &#39; &#NN; &#xNN;).
export function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
}

//! Procedure codes in the order their /thu-tuc/CODE links appear in a page (duplicates removed).
export function procedureLinks(html) {
  const codes = [];
  for (const m of html.matchAll(/href="(?:https?:\/\/[^"/]+)?\/thu-tuc\/(\d\.\d{6})(?:[?#][^"]*)?"/g)) {
    if (!codes.includes(m[1])) {
      codes.push(m[1]);
    }
  }
  return codes;
}

//! Splits a raw text (latin1, one char per byte) holding several responses framed by content-length:
//! [{status, headers, body}]. Stops at the first response without a content-length.
export function splitRawResponses(text) {
  const out = [];
  let rest = text;
  while (rest.startsWith('HTTP/')) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) {
      break;
    }
    const response = parseRawResponse(rest.slice(0, end + 4));
    const length = response.headers['content-length'];
    response.body = length === undefined ? rest.slice(end + 4) : rest.slice(end + 4, end + 4 + Number(length));
    out.push(response);
    if (length === undefined) {
      break;
    }
    rest = rest.slice(end + 4 + Number(length));
  }
  return out;
}
