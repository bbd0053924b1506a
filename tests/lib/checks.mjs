// Assertions shared by the integration and end-to-end tests: security headers, HTML pages.

import assert from 'node:assert/strict';

//! Reads a header from a fetch Headers object or a node:http headers record.
export function header(headers, name) {
  if (typeof headers.get === 'function') {
    return headers.get(name);
  }
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v ?? null;
}

//! The security headers every response carries (HTML, JSON, static files, errors).
export function assertSecurityHeaders(headers, what) {
  const csp = header(headers, 'content-security-policy');
  assert.ok(csp, `${what}: no content-security-policy header`);
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name.toLowerCase(), values];
    }));
  const scriptSrc = directives['script-src'] ?? directives['default-src'];
  assert.ok(scriptSrc, `${what}: CSP has neither script-src nor default-src: ${csp}`);
  assert.ok(scriptSrc.includes("'self'"), `${what}: CSP script-src lacks 'self': ${csp}`);
  assert.ok(!scriptSrc.includes("'unsafe-inline'"), `${what}: CSP allows inline scripts: ${csp}`);
  assert.ok(!scriptSrc.includes("'unsafe-eval'"), `${what}: CSP allows eval: ${csp}`);
  assert.deepEqual(directives['frame-ancestors'], ["'none'"], `${what}: CSP frame-ancestors is not 'none': ${csp}`);
  assert.equal(header(headers, 'x-content-type-options'), 'nosniff', `${what}: x-content-type-options`);
  assert.ok(header(headers, 'referrer-policy'), `${what}: no referrer-policy header`);
  assert.equal(header(headers, 'x-frame-options')?.toUpperCase(), 'DENY', `${what}: x-frame-options`);
}

//! A complete HTML page in the expected language, with the layout's skip link.
export function assertHtmlPage(res, text, what, { status = 200, lang = 'vi' } = {}) {
  assert.equal(res.status, status, `${what}: status ${res.status}, expected ${status}`);
  assert.equal(header(res.headers, 'content-type')?.toLowerCase().replace(/\s+/g, ''), 'text/html;charset=utf-8',
    `${what}: content-type ${header(res.headers, 'content-type')}`);
  assert.match(text, /^\s*<!DOCTYPE html>/i, `${what}: no doctype`);
  const htmlTag = /<html\b[^>]*>/i.exec(text)?.[0] ?? '';
  assert.match(htmlTag, new RegExp(`\\blang="${lang}"`), `${what}: <html> tag is ${htmlTag || 'missing'}, expected lang="${lang}"`);
  assert.match(text, /<a\b[^>]*href="#main-content"/i, `${what}: no skip link to #main-content`);
  assert.match(text, /\bid="main-content"/i, `${what}: no element with id="main-content"`);
}

//! Text content of the first <h1>, tags stripped and whitespace collapsed.
export function h1Text(html) {
  const m = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  return m ? m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : null;
}

//! Text content of a whole page (scripts and styles dropped, tags stripped, whitespace collapsed).
export function pageText(html) {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
