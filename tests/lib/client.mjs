// A browser-like HTTP client for integration tests: a cookie jar, the CSRF token of the last page, forms posted
// from the site's own origin, and signing in as a demo account. Redirects are never followed, so tests see what
// the server sent.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { decodeEntities, httpRequest, runMotcua } from './server.mjs';

//! The shared password of the demo accounts (data/demo/accounts.csv).
export const kDemoPassword = 'NamDinh-thu-nghiem';

//! The demo accounts by what they are, with what they sign in with.
export const kDemoLogins = {
  citizen: '036185001234',
  representative: '036078002345',
  deskCommune: 'tiepnhan.nangtinh',
  deskDistrict: 'tiepnhan.tpnd',
  specialistCommune: 'tuphap.nangtinh',
  chairmanCommune: 'chutich.nangtinh',
  deskDepartment: 'tiepnhan.tuphap',
  specialist2: 'chuyenvien2.tuphap',
  specialist: 'chuyenvien.tuphap',
  sectionHead: 'truongphong.tuphap',
  agencyHead: 'giamdoc.tuphap',
  clerk: 'vanthu.tuphap',
  agencyAdmin: 'quantri.tpnd',
  systemAdmin: 'quantri.tinh',
  statistics: 'thongke.tinh',
};

const kCsrfPattern = /<input type="hidden" name="csrf" value="([^"]*)">/;

//! The CSRF token of the first form in `html` ("" when there is none).
export function csrfOf(html) {
  const m = kCsrfPattern.exec(html);
  return m ? decodeEntities(m[1]) : '';
}

//! The value attribute of input `name` in `html` (decoded), or null when there is no such input.
export function inputValue(html, name) {
  const re = new RegExp(`<input\\b[^>]*\\bname="${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
  const tag = re.exec(html)?.[0];
  if (!tag) {
    return null;
  }
  const m = /\bvalue="([^"]*)"/.exec(tag);
  return m ? decodeEntities(m[1]) : '';
}

//! The inline error message of field `name` (GOV.UK govuk-error-message), or null when it has none.
export function fieldError(html, name) {
  const m = new RegExp(`<p id="${name}-error" class="govuk-error-message">([\\s\\S]*?)</p>`).exec(html);
  return m ? decodeEntities(m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()) : null;
}

//! The body of a page with the per-request parts taken out (request id), so two answers can be compared.
export function withoutRequestIds(html) {
  return html.replace(/\b[0-9a-f]{16}\b/g, 'REQUEST-ID');
}

//! Parses one Set-Cookie header: {name, value, attributes: {lower-case name: value or true}}.
export function parseSetCookie(line) {
  const [pair, ...attrs] = line.split(';').map((s) => s.trim());
  const i = pair.indexOf('=');
  const attributes = {};
  for (const a of attrs) {
    const j = a.indexOf('=');
    attributes[(j < 0 ? a : a.slice(0, j)).toLowerCase()] = j < 0 ? true : a.slice(j + 1);
  }
  return { name: pair.slice(0, i), value: pair.slice(i + 1), attributes };
}

//! The Set-Cookie headers of a node:http response, parsed.
export function setCookies(res) {
  const raw = res.headers['set-cookie'] ?? [];
  return (Array.isArray(raw) ? raw : [raw]).map(parseSetCookie);
}

//! One browser: cookies kept between requests, forms sent with the last page's CSRF token and a same-origin
//! Origin header. `origin` is what the browser believes the site's origin is (https://… behind TLS).
export class Browser {
  constructor(baseUrl, { origin = baseUrl, userAgent = 'motcua-integration-test' } = {}) {
    this.baseUrl = baseUrl;
    this.origin = origin;
    this.userAgent = userAgent;
    this.cookies = new Map();
    this.csrf = '';
  }

  //! The Cookie header this browser sends.
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  //! A copy with the same cookies (a second tab), or with none (`empty`).
  clone({ empty = false } = {}) {
    const b = new Browser(this.baseUrl, { origin: this.origin, userAgent: this.userAgent });
    if (!empty) {
      b.cookies = new Map(this.cookies);
      b.csrf = this.csrf;
    }
    return b;
  }

  //! Sends a request: {status, headers, body (bytes), text, location, cookies (Set-Cookie parsed)}. The jar is
  //! updated and the CSRF token of an HTML answer remembered.
  async request(method, path, { body = null, headers = {}, keepCookies = true } = {}) {
    const h = { 'user-agent': this.userAgent, ...headers };
    const cookie = this.cookieHeader();
    if (cookie && h.cookie === undefined) {
      h.cookie = cookie;
    }
    if (body !== null) {
      h['content-length'] = String(Buffer.byteLength(body));
    }
    const res = await httpRequest(this.baseUrl + path, { method, headers: h, body, timeoutMs: 30_000 });
    const cookies = setCookies(res);
    if (keepCookies) {
      for (const c of cookies) {
        if (c.attributes['max-age'] === '0') {
          this.cookies.delete(c.name);
        } else {
          this.cookies.set(c.name, c.value);
        }
      }
    }
    const text = res.body.toString('utf8');
    const token = csrfOf(text);
    if (token) {
      this.csrf = token;
    }
    return { status: res.status, headers: res.headers, body: res.body, text, location: res.headers.location ?? null,
      cookies };
  }

  //! GET `path`.
  get(path, options = {}) {
    return this.request('GET', path, options);
  }

  //! POSTs `fields` as a form. The CSRF token is this browser's last one unless `csrf` is given (null: none sent);
  //! Origin is this browser's origin unless `origin` is given (null: none sent).
  post(path, fields = {}, { csrf = this.csrf, origin = this.origin, headers = {} } = {}) {
    const params = new URLSearchParams();
    if (csrf !== null) {
      params.append('csrf', csrf);
    }
    for (const [k, v] of Object.entries(fields)) {
      params.append(k, v);
    }
    const h = { 'content-type': 'application/x-www-form-urlencoded', ...headers };
    if (origin !== null) {
      h.origin = origin;
    }
    return this.request('POST', path, { body: params.toString(), headers: h });
  }

  //! Opens the form page `page` (for its CSRF token) and posts `fields` to `action` (default: the same path).
  async submit(page, fields = {}, { action = page.split('?')[0], ...options } = {}) {
    const form = await this.get(page);
    assert.ok(form.status < 400, `GET ${page} before posting: ${form.status}`);
    return this.post(action, fields, options);
  }

  //! Signs in with `login` and `password`; returns the POST's answer (303 on success).
  async signIn(login, password = kDemoPassword) {
    return this.submit('/dang-nhap', { tai_khoan: login, mat_khau: password });
  }

  //! Signs in and asserts it worked; then loads /tai-khoan so that `csrf` is the session's token.
  async signInOk(login, password = kDemoPassword) {
    const res = await this.signIn(login, password);
    assert.equal(res.status, 303, `sign-in as ${login}: status ${res.status}\n${res.text.slice(0, 2000)}`);
    assert.doesNotMatch(res.location ?? '', /^\/dang-nhap/, `sign-in as ${login} went back to ${res.location}`);
    const home = await this.get('/tai-khoan');
    assert.equal(home.status, 200, `/tai-khoan after signing in as ${login}: ${home.status}`);
    return this;
  }

  //! True when this browser's session is signed in (GET /tai-khoan answers 200).
  async signedIn() {
    const res = await this.get('/tai-khoan');
    return res.status === 200;
  }
}

//! A new browser signed in as `login` on `server`.
export async function signedIn(server, login, password = kDemoPassword, options = {}) {
  return new Browser(server.url, options).signInOk(login, password);
}

//! Waits until `server`'s outbox has no message waiting to be sent: messages are delivered by the outbox sender
//! shortly after the request that made them, not during it.
export async function outboxDrained(server, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Number(sql(server.db, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'").trim()) > 0) {
    if (Date.now() > deadline) {
      throw new Error(`the outbox still has messages to send after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => { setTimeout(resolve, 25); });
  }
}

//! The codes of the dev mailbox (/hop-thu-thu-nghiem) sent to `recipient`, newest first, once the outbox has
//! delivered everything.
export async function mailboxCodes(server, recipient) {
  if (server.db) {
    await outboxDrained(server);
  }
  const res = await new Browser(server.url).get('/hop-thu-thu-nghiem');
  assert.equal(res.status, 200, `/hop-thu-thu-nghiem: ${res.status}`);
  const codes = [];
  for (const card of res.text.split('govuk-summary-card"').slice(1)) {
    if (!card.includes(recipient)) {
      continue;
    }
    const body = /Nội dung<\/dt><dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/.exec(card)?.[1] ?? '';
    const m = /\b(\d{6,8})\b/.exec(decodeEntities(body));
    if (m) {
      codes.push(m[1]);
    }
  }
  return codes;
}

//! Runs SQL on the database of a test server: sqlite3 on the file, or psql on its PostgreSQL schema. Returns the
//! output (rows separated by newlines, columns by '|'). sqlite3 waits up to 5 s for the running server's writes
//! (its sealer, journal entries) instead of failing at once with "database is locked".
export function sql(db, statement) {
  const pg = /^postgres(ql)?:/.test(db);
  const r = pg
    ? spawnSync('psql', [db, '-v', 'ON_ERROR_STOP=1', '-qAtc', statement], { encoding: 'utf8' })
    : spawnSync('sqlite3', ['-cmd', '.timeout 5000', db, statement], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`${pg ? 'psql' : 'sqlite3'} failed (${r.status}): ${r.stderr}\n${statement}`);
  }
  return r.stdout.trim();
}

//! `motcua audit verify --db DB`: {code, stdout, stderr}.
export function auditVerify(db) {
  return runMotcua(['audit', 'verify', '--db', db]);
}

//! Every route of the binary (`motcua routes --db DB`): [{method, pattern, permission, exec}].
export async function listRoutes(db) {
  const r = await runMotcua(['routes', '--db', db]);
  assert.equal(r.code, 0, `motcua routes exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
