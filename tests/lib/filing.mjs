// Filing a dossier over HTTP the way the pages ask for it (issue 9): answers made up from the procedure's form
// definition (data/forms/<code>.json), the address chosen part by part with the "Chọn" button (no JavaScript), and
// multipart uploads of made-up files.

import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';

import { decodeEntities, sourceDir } from './server.mjs';

//! The form definition the demo publishes for `code`.
export function formDefinition(code) {
  const file = `${sourceDir}/data/forms/${code}.json`;
  assert.ok(existsSync(file), `no form definition ${file}`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

//! The values of the options of select `name` in `html` (the empty placeholder left out); [] when it is disabled
//! or absent.
export function selectOptions(html, name) {
  const m = new RegExp(`<select\\b([^>]*)\\bname="${escapeRe(name)}"([^>]*)>([\\s\\S]*?)</select>`).exec(html);
  if (!m || /\bdisabled\b/.test(m[1] + m[2])) {
    return [];
  }
  return [...m[3].matchAll(/<option value="([^"]*)"/g)].map((o) => decodeEntities(o[1])).filter((v) => v !== '');
}

//! A 12-digit personal ID of the demo that CheckPersonalId accepts.
export const kValidId = '036185001234';

function isoDaysFromToday(days) {
  const d = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return d.toISOString().slice(0, 10);
}

//! Made-up form inputs answering `field` (named under `prefix`), into `out`; addresses are left to fillPage.
export function inputsOf(field, out, prefix = '') {
  const name = prefix + field.id;
  switch (field.type) {
    case 'textarea':
      out[name] = 'Nội dung để thử';
      break;
    case 'number':
      out[name] = String(field.min ?? 1);
      break;
    case 'money':
      out[name] = '150.000';
      break;
    case 'date': {
      const hi = field.max ?? 0;
      const lo = field.min ?? -36_500;
      const days = Math.max(lo, Math.min(hi, -30));
      const [y, m, d] = isoDaysFromToday(days).split('-');
      out[`${name}-day`] = String(Number(d));
      out[`${name}-month`] = String(Number(m));
      out[`${name}-year`] = y;
      break;
    }
    case 'select':
    case 'radio':
      out[name] = field.options[0].value;
      break;
    case 'yes_no':
      out[name] = 'khong';
      break;
    case 'id_number':
      out[name] = kValidId;
      break;
    case 'phone':
      out[name] = '0912000001';
      break;
    case 'email':
      out[name] = 'mai.tran@example.vn';
      break;
    case 'address':
      out[`${name}.detail`] = 'Số 12 đường Trần Hưng Đạo';
      break;
    case 'group': {
      const entries = Math.max(1, field.min ?? 1);
      for (let i = 0; i < entries; i += 1) {
        for (const sub of field.fields) {
          inputsOf(sub, out, `${name}[${i}].`);
        }
      }
      out[`${name}.so_muc`] = String(entries);
      break;
    }
    default: {
      const min = field.min ?? 0;
      out[name] = /ho_ten|ten/.test(field.id) ? 'Trần Thị Mai' : 'Câu trả lời thử'.padEnd(min, '.');
    }
  }
  return out;
}

//! Every address question of `fields` (a group's entries included, entry 0), by input name.
function addressNames(fields, prefix = '') {
  const names = [];
  for (const f of fields) {
    if (f.type === 'address') {
      names.push(prefix + f.id);
    } else if (f.type === 'group') {
      for (let i = 0; i < Math.max(1, f.min ?? 1); i += 1) {
        names.push(...addressNames(f.fields, `${prefix}${f.id}[${i}].`));
      }
    }
  }
  return names;
}

//! Answers `page` of the dossier at `base` ("/ho-so/12") with made-up answers (and `overrides`), choosing each
//! address province → district → commune with the "Chọn" button; returns the answer to the final "Tiếp tục".
export async function fillPage(browser, base, page, overrides = {}, { query = '' } = {}) {
  const url = `${base}/trang/${page.id}${query}`;
  const first = await browser.get(url);
  assert.equal(first.status, 200, `GET ${url}: ${first.status}`);
  const inputs = {};
  for (const f of page.fields) {
    inputsOf(f, inputs);
  }
  Object.assign(inputs, overrides);
  let html = first.text;
  for (const name of addressNames(page.fields)) {
    for (const part of ['province', 'district', 'commune']) {
      const options = selectOptions(html, `${name}.${part}`);
      if (options.length === 0) {
        continue;
      }
      inputs[`${name}.${part}`] = inputs[`${name}.${part}`] ?? options[0];
      const chosen = await browser.post(url, { ...inputs, hanh_dong: 'chon' });
      assert.equal(chosen.status, 200, `choosing ${name}.${part} on ${url}: ${chosen.status}`);
      html = chosen.text;
    }
  }
  return browser.post(url, { ...inputs, hanh_dong: 'tiep-tuc' });
}

//! A multipart/form-data body: `fields` (text, in order: the CSRF field first) and `files` ([name, filename,
//! content type, bytes]).
export function multipart(fields, files) {
  const boundary = `----motcua${Math.random().toString(16).slice(2)}`;
  const parts = [];
  for (const [k, v] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const [name, filename, type, bytes] of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n`
      + `Content-Type: ${type}\r\n\r\n`));
    parts.push(Buffer.from(bytes));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

//! A small valid one-page PDF saying `text`.
export function makePdf(text = 'Giay chung sinh') {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 20 100 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) {
    pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  }
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

//! Bytes of a Windows program (an "MZ" header): what an .exe renamed .pdf carries.
export function makeExe() {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

//! Uploads `files` ([filename, content type, bytes]) for document `documentId` of the dossier at `base`.
export async function upload(browser, base, documentId, files) {
  const page = await browser.get(`${base}/giay-to`);
  assert.equal(page.status, 200, `GET ${base}/giay-to: ${page.status}`);
  const { body, contentType } = multipart([['csrf', browser.csrf], ['tai_lieu', documentId]],
    files.map(([filename, type, bytes]) => [`tep-${documentId}`, filename, type, bytes]));
  return browser.request('POST', `${base}/giay-to`, {
    body,
    headers: { 'content-type': contentType, origin: browser.origin },
  });
}

//! The ids of the "Xoá" forms of attached files on a documents page, in order.
export function attachedFileIds(html) {
  return [...html.matchAll(/action="\/ho-so\/\d+\/giay-to\/(\d+)\/xoa"/g)].map((m) => m[1]);
}
