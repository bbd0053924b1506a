// Every public page renders inside the layout, in Vietnamese by default, with the security headers;
// /healthz and /metrics answer for operators.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertHtmlPage, assertSecurityHeaders, h1Text, header } from '../lib/checks.mjs';
import { kDemoLogins, signedIn } from '../lib/client.mjs';
import { decodeEntities, fetchText, fold, startServer } from '../lib/server.mjs';

const kBirthRegistration = '1.001193';

// [path, what the page is]: one line per page, all GET, all 200 HTML.
const kPages = [
  ['/', 'home'],
  ['/thu-tuc', 'search, no query'],
  ['/thu-tuc?q=dang+ky', 'search results'],
  ['/thu-tuc?level=commune', 'search by level'],
  ['/thu-tuc?online=full', 'search by online level'],
  [`/thu-tuc/${kBirthRegistration}`, 'procedure page'],
  ['/linh-vuc', 'fields'],
  ['/co-quan', 'agencies'],
  ['/tra-cuu', 'lookup'],
  ['/dang-nhap', 'sign in'],
  ['/dang-ky', 'register'],
  ['/quen-mat-khau', 'forgotten password'],
  ['/dat-lai-mat-khau', 'set a new password with a code'],
  ['/thong-ke', 'statistics placeholder'],
  ['/tro-giup/kha-nang-tiep-can', 'accessibility statement'],
];

let server;
// /metrics answers this machine without a token ([metrics] allow); tokens are tested in hardening.test.mjs.
before(async () => { server = await startServer({ env: { MOTCUA_METRICS_ALLOW: '127.0.0.1' } }); });
after(async () => { await server?.stop(); });

describe('HTML pages', () => {
  for (const [path, what] of kPages) {
    test(`${path} (${what}) is a 200 page in Vietnamese with the layout and security headers`, async () => {
      const { res, text } = await fetchText(server.url + path);
      assertHtmlPage(res, text, path);
      assertSecurityHeaders(res.headers, path);
    });
  }

  // Pages behind sign-in (who may open which is the matrix of authorization.test.mjs): anonymous callers are sent
  // to sign in; the right account gets the page.
  for (const [path, login, what] of [['/ho-so-cua-toi', kDemoLogins.citizen, 'my dossiers'],
    ['/can-bo', kDemoLogins.deskDistrict, 'back office home']]) {
    test(`${path} (${what}) sends anonymous callers to sign in and is a 200 page for ${login}`, async () => {
      const anonymous = await fetchText(server.url + path);
      assert.equal(anonymous.res.status, 303);
      assert.equal(header(anonymous.res.headers, 'location'), `/dang-nhap?tiep=${encodeURIComponent(path)}`);
      const browser = await signedIn(server, login);
      const res = await browser.get(path);
      assertHtmlPage({ status: res.status, headers: res.headers }, res.text, path);
      assertSecurityHeaders(res.headers, path);
    });
  }

  test('the procedure page names the procedure in its heading', async () => {
    const { text } = await fetchText(`${server.url}/thu-tuc/${kBirthRegistration}`);
    const h1 = decodeEntities(h1Text(text) ?? '');
    assert.match(fold(h1), /dang ky khai sinh/, `h1 is "${h1}"`);
    assert.match(text, /Nộp hồ sơ trực tuyến/, 'no "Nộp hồ sơ trực tuyến" call to action');
  });

  test('the procedure page links to a printable blank form that renders', async () => {
    const { text } = await fetchText(`${server.url}/thu-tuc/${kBirthRegistration}`);
    const m = new RegExp(`href="(/thu-tuc/${kBirthRegistration.replace('.', '\\.')}/mau/[^"?#]+)"`).exec(text);
    assert.ok(m, 'procedure page has no link to /thu-tuc/1.001193/mau/{formId}');
    const { res, text: form } = await fetchText(server.url + decodeEntities(m[1]));
    assertHtmlPage(res, form, m[1]);
    assertSecurityHeaders(res.headers, m[1]);
    assert.match(fold(form), /khai sinh/, 'blank form page does not mention khai sinh');
  });

  test('/nop-ho-so for an unknown procedure is 404 for a citizen', async () => {
    const browser = await signedIn(server, kDemoLogins.citizen);
    const res = await browser.get('/nop-ho-so/9.999999');
    assertHtmlPage({ status: res.status, headers: res.headers }, res.text, '/nop-ho-so/9.999999', { status: 404 });
  });
});

describe('language', () => {
  test('?lang=en renders English and sets a lang=en cookie that later requests honour', async () => {
    const { res, text } = await fetchText(`${server.url}/?lang=en`);
    assertHtmlPage(res, text, '/?lang=en', { lang: 'en' });
    const cookies = res.headers.getSetCookie();
    const langCookie = cookies.find((c) => /^lang=/.test(c));
    assert.ok(langCookie, `no lang cookie set; set-cookie: ${JSON.stringify(cookies)}`);
    assert.match(langCookie, /^lang=en(;|$)/, `lang cookie is ${langCookie}`);

    const next = await fetchText(`${server.url}/thu-tuc/${kBirthRegistration}`, { headers: { cookie: 'lang=en' } });
    assertHtmlPage(next.res, next.text, '/thu-tuc/1.001193 with cookie lang=en', { lang: 'en' });
  });

  test('the English page differs from the Vietnamese one', async () => {
    const vi = await fetchText(`${server.url}/`);
    const en = await fetchText(`${server.url}/?lang=en`);
    assert.notEqual(h1Text(vi.text), h1Text(en.text), 'home h1 is the same in both languages');
  });

    test('on English pages the Vietnamese catalogue text is marked lang="vi" for screen readers', async () => {
    const { text } = await fetchText(`${server.url}/thu-tuc/1.001193?lang=en`);
    assert.match(text, /<html lang="en"/);
    assert.match(text, /<h1 class="govuk-heading-xl" lang="vi">Thủ tục đăng ký khai sinh<\/h1>/);
    assert.match(text, /<ol class="govuk-list govuk-list--number" lang="vi">/, 'the steps are not marked Vietnamese');
    assert.match(text, /Apply online/);
  });

  test('?lang=vi switches back to Vietnamese', async () => {
    const { res, text } = await fetchText(`${server.url}/?lang=vi`, { headers: { cookie: 'lang=en' } });
    assertHtmlPage(res, text, '/?lang=vi with cookie lang=en', { lang: 'vi' });
  });
});

describe('operations endpoints', () => {
  test('/healthz answers 200 JSON with status ok', async () => {
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
    assert.match(header(res.headers, 'content-type'), /^application\/json/);
    assertSecurityHeaders(res.headers, '/healthz');
    const body = await res.json();
    assert.equal(body.status, 'ok', JSON.stringify(body));
  });

  test('/metrics exposes request counters, a latency histogram and the store queue gauge', async () => {
    const counter = (metrics) => {
      let sum = 0;
      for (const m of metrics.matchAll(/^motcua_http_requests_total\{([^}]*)\} (\d+(?:\.\d+)?)/gm)) {
        if (/route="[^"]*healthz[^"]*"/.test(m[1]) && /status="200"/.test(m[1])) {
          sum += Number(m[2]);
        }
      }
      return sum;
    };
    const before = await fetchText(`${server.url}/metrics`);
    for (let i = 0; i < 3; i++) {
      await (await fetch(`${server.url}/healthz`)).arrayBuffer();
    }
    const { res, text } = await fetchText(`${server.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(header(res.headers, 'content-type'), /^text\/plain/);
    assertSecurityHeaders(res.headers, '/metrics');
    assert.match(text, /^# TYPE motcua_http_requests_total counter$/m);
    assert.match(text, /^motcua_http_requests_total\{[^}]*route="[^"]+"[^}]*\} \d+/m);
    assert.match(text, /^motcua_http_requests_total\{[^}]*status="\d{3}"[^}]*\} \d+/m);
    assert.match(text, /^# TYPE motcua_http_request_duration_seconds histogram$/m);
    assert.match(text, /^motcua_http_request_duration_seconds_bucket\{[^}]*le="\+Inf"[^}]*\} \d+/m);
    assert.match(text, /^motcua_http_request_duration_seconds_count(\{[^}]*\})? \d+/m);
    assert.match(text, /^# TYPE motcua_store_queue_depth gauge$/m);
    assert.match(text, /^motcua_store_queue_depth(\{[^}]*\})? \d+(\.\d+)?$/m);
    assert.ok(counter(text) >= counter(before.text) + 3,
      `healthz 200 counter went from ${counter(before.text)} to ${counter(text)} after 3 requests`);
  });

  test('/metrics labels routes by pattern, so unknown paths do not create new series', async () => {
    await (await fetch(`${server.url}/no-such-page-4f1c2a`)).arrayBuffer();
    await (await fetch(`${server.url}/thu-tuc/1.000656`)).arrayBuffer();
    const { text } = await fetchText(`${server.url}/metrics`);
    assert.doesNotMatch(text, /no-such-page-4f1c2a/, 'an unknown path became a metric label');
    assert.doesNotMatch(text, /route="\/thu-tuc\/1\.000656"/, 'a procedure code became a metric label');
  });
});

describe('dossier lookup', () => {
  const lookup = async (query) => (await fetchText(`${server.url}/tra-cuu${query}`)).text;

  test('a first visit, also with ?lang=, shows the form without an error', async () => {
    for (const q of ['', '?lang=en']) {
      const html = await lookup(q);
      assert.doesNotMatch(html, /govuk-error-summary/, `error shown for /tra-cuu${q}`);
      assert.match(html, /<input[^>]*id="ma"/);
    }
  });

  test('an empty submission asks for the code', async () => {
    const html = await lookup('?ma=');
    assert.match(html, /govuk-error-summary/);
    assert.match(html, /Nhập mã hồ sơ/);
  });

  test('a malformed code is explained and kept in the box to correct', async () => {
    const html = decodeEntities(await lookup('?ma=abc%3C1%3E'));
    assert.match(html, /govuk-error-summary/);
    assert.match(html, /000\.00\.31\.H40-250301-0001/, 'the message does not show the expected shape');
    assert.match(html, /<input[^>]*id="ma"[^>]*value="abc<1>"/);
  });

  test('a well-formed code without its lookup code asks for the lookup code', async () => {
    const html = decodeEntities(await lookup('?ma=000.00.31.H40-250301-0001'));
    assert.match(html, /govuk-error-summary/);
    assert.match(html, /<a href="#ma_tra_cuu">Nhập mã tra cứu/);
    assert.doesNotMatch(html, /<a href="#ma">/, 'the well-formed code is refused');
  });

  test('a well-formed code that does not exist says it was not found (404)', async () => {
    const { res, text } = await fetchText(`${server.url}/tra-cuu?ma=000.00.31.H40-250301-0001&ma_tra_cuu=ABCDEF`);
    assert.equal(res.status, 404);
    assert.doesNotMatch(text, /govuk-error-summary/);
    assert.match(fold(decodeEntities(text)), /khong tim thay ho so/);
  });
});

describe('access log', () => {
  test('each request is one JSON line on stdout with its id, route pattern, status and duration', async () => {
    const { res } = await fetchText(`${server.url}/thu-tuc/1.001193?lang=en`, { headers: { 'user-agent': 'kiem-tra "log"' } });
    const id = res.headers.get('x-request-id');
    await new Promise((resolve) => setTimeout(resolve, 200));  // the log line is written after the response
    const line = server.output().split('\n').find((l) => l.includes(`"id":"${id}"`));
    assert.ok(line, `no access log line for request ${id}`);
    const entry = JSON.parse(line);
    assert.equal(entry.route, '/thu-tuc/{code}');
    assert.equal(entry.status, 200);
    assert.equal(entry.method, 'GET');
    assert.equal(entry.target, '/thu-tuc/1.001193?lang=en');
    assert.equal(entry.ua, 'kiem-tra "log"');
    assert.ok(Number.isInteger(entry.us) && entry.us >= 0);
  });
});
