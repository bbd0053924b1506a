// Finding a procedure: with or without diacritics, ranked, counted, paged, filtered.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertHtmlPage, pageText } from '../lib/checks.mjs';
import { decodeEntities, fetchText, fold, procedureLinks, startServer } from '../lib/server.mjs';

const kBirthRegistration = '1.001193';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function api(query) {
  const res = await fetch(`${server.url}/api/v1/procedures?${query}`);
  const body = await res.json();
  assert.equal(res.status, 200, `/api/v1/procedures?${query}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function searchPage(query) {
  const { res, text } = await fetchText(`${server.url}/thu-tuc?${query}`);
  assertHtmlPage(res, text, `/thu-tuc?${query}`);
  return text;
}

describe('search ranking', () => {
  // [query string, what it is]: every one finds birth registration first.
  const kBirthQueries = [
    ['q=dang+ky+khai+sinh', 'without diacritics'],
    [`q=${encodeURIComponent('Đăng ký khai sinh').replace(/%20/g, '+')}`, 'with diacritics, percent-encoded UTF-8'],
    [`q=${encodeURIComponent('đăng ký khai sinh')}`, 'lower case, %20 for spaces'],
    ['q=DANG+KY+KHAI+SINH', 'upper case'],
  ];
  for (const [query, what] of kBirthQueries) {
    test(`/thu-tuc?${query} (${what}) lists ${kBirthRegistration} first`, async () => {
      const codes = procedureLinks(await searchPage(query));
      assert.equal(codes[0], kBirthRegistration, `result order: ${codes.slice(0, 5).join(', ')}`);
    });
    test(`/api/v1/procedures?${query} (${what}) ranks ${kBirthRegistration} first`, async () => {
      const body = await api(query);
      assert.equal(body.items[0]?.code, kBirthRegistration,
        `first items: ${body.items.slice(0, 5).map((i) => `${i.code} ${i.name}`).join(' | ')}`);
    });
  }

  test('"doi giay phep" finds procedures whose names contain "Đổi giấy phép"', async () => {
    const body = await api('q=doi+giay+phep');
    assert.ok(body.total > 0, 'no results');
    const top = body.items.slice(0, 5);
    for (const item of top) {
      assert.match(fold(item.name), /doi giay phep/, `"${item.name}" (${item.code}) does not contain the phrase`);
    }
  });
});

describe('search results page', () => {
  test('a query with no results says so, with status 200', async () => {
    const text = pageText(decodeEntities(await searchPage('q=xyzzyqwvbn')));
    assert.match(fold(text), /khong tim thay/, `page does not say nothing was found: ${text.slice(0, 400)}`);
  });

    test('the search box keeps what was typed, so it can be corrected', async () => {
    const html = await searchPage('q=%C4%91%C4%83ng+k%C3%BD+%22khai%22');
    const input = /<input[^>]*id="q"[^>]*>/.exec(html);
    assert.ok(input, 'no search box with id q');
    assert.match(decodeEntities(input[0]), /value="đăng ký "khai""/);
  });

  test('active filters open the filter panel; without filters it stays closed', async () => {
    assert.match(await searchPage('q=khai+sinh&field=ho-tich'), /<details class="govuk-details" open>/);
    assert.doesNotMatch(await searchPage('q=khai+sinh'), /<details class="govuk-details" open>/);
  });

  test('the number of results is shown', async () => {
    const { total } = await api('q=dang+ky');
    assert.ok(total > 20, `expected many results for "dang ky", got ${total}`);
    const text = pageText(decodeEntities(await searchPage('q=dang+ky')));
    const shown = [String(total), total.toLocaleString('vi-VN'), total.toLocaleString('en-US')];
    assert.ok(shown.some((s) => text.includes(s)), `total ${total} not shown on the page`);
  });

  test('page 2 lists different procedures than page 1', async () => {
    const first = procedureLinks(await searchPage('q=dang+ky'));
    const second = procedureLinks(await searchPage('q=dang+ky&page=2'));
    assert.ok(first.length > 0 && second.length > 0, `page 1: ${first.length} links, page 2: ${second.length}`);
    assert.deepEqual(first.filter((c) => second.includes(c)), [], 'pages 1 and 2 share procedures');
  });

  test('an out-of-range page is clamped, not an error', async () => {
    const last = procedureLinks(await searchPage('q=dang+ky&page=99999'));
    assert.ok(last.length > 0, 'page 99999 shows no procedures');
    const zero = procedureLinks(await searchPage('q=dang+ky&page=0'));
    const first = procedureLinks(await searchPage('q=dang+ky'));
    assert.deepEqual(zero, first, 'page=0 is not page 1');
    await searchPage('q=dang+ky&page=-3');
  });
});

describe('procedures API', () => {
  test('pages have items, total, page and page_count', async () => {
    const body = await api('q=dang+ky&page_size=5');
    assert.equal(body.items.length, 5);
    assert.equal(body.page, 1);
    assert.equal(body.page_count, Math.ceil(body.total / 5));
    for (const item of body.items) {
      assert.match(item.code, /^\d\.\d{6}$/);
      assert.equal(typeof item.name, 'string');
      assert.ok('field' in item, `item ${item.code} has no field`);
      assert.ok(Array.isArray(item.levels), `item ${item.code}: levels is ${JSON.stringify(item.levels)}`);
    }
    const second = await api('q=dang+ky&page_size=5&page=2');
    assert.equal(second.page, 2);
    assert.deepEqual(second.items.map((i) => i.code).filter((c) => body.items.some((i) => i.code === c)), []);
  });

  test('an out-of-range page is clamped to the last page', async () => {
    const body = await api('q=dang+ky&page_size=5&page=99999');
    assert.equal(body.page, body.page_count);
    assert.ok(body.items.length > 0);
    const zero = await api('q=dang+ky&page_size=5&page=0');
    assert.equal(zero.page, 1);
  });

  test('no query lists the whole demo catalogue', async () => {
    const body = await api('');
    assert.ok(body.total >= 1601, `total is ${body.total}, the demo catalogue has 1,601 procedures`);
  });

  // [level, a level that must not be the only one]: every item offered at that level.
  for (const level of ['province', 'district', 'commune']) {
    test(`level=${level} returns only procedures offered at that level`, async () => {
      const all = await api('');
      const body = await api(`level=${level}&page_size=50`);
      assert.ok(body.total > 0, `no ${level} procedures`);
      assert.ok(body.total < all.total, `level=${level} does not narrow the catalogue (${body.total})`);
      for (const item of body.items) {
        assert.ok(item.levels.includes(level), `${item.code} levels ${JSON.stringify(item.levels)}`);
      }
    });
  }

  test('online=full narrows the catalogue', async () => {
    const all = await api('');
    const body = await api('online=full');
    assert.ok(body.total > 0 && body.total < all.total, `online=full total ${body.total} of ${all.total}`);
  });

  test('field= narrows to that field', async () => {
    const res = await fetch(`${server.url}/api/v1/fields`);
    const fields = await res.json();
    const list = Array.isArray(fields) ? fields : fields.items;
    const civil = list.find((f) => JSON.stringify(f).includes('Hộ tịch'));
    assert.ok(civil, 'no "Hộ tịch" field in /api/v1/fields');
    const key = civil.code ?? civil.id ?? civil.slug ?? civil.name;
    const body = await api(`field=${encodeURIComponent(key)}&page_size=50`);
    assert.ok(body.total > 0, `field=${key} finds nothing`);
    for (const item of body.items) {
      assert.match(JSON.stringify(item.field), /Hộ tịch|ho-tich/i, `${item.code} field ${JSON.stringify(item.field)}`);
    }
  });
});

// Issue 8: search that understands how people ask (abbreviations, everyday words, partial questions), and a
// dossier lookup that takes a code in lower case or with spaces around it.
describe('search that understands how people ask', () => {
  test('"cccd" finds the identity-card procedures, in the API and on the page', async () => {
    const body = await api('q=cccd');
    assert.ok(body.total > 0, '"cccd" finds nothing');
    for (const item of body.items.slice(0, 5)) {
      assert.match(fold(item.name), /can cuoc/, `"${item.name}" (${item.code}) is not an identity-card procedure`);
    }
    const upper = await api('q=CCCD');
    assert.deepEqual(upper.items.map((i) => i.code), body.items.map((i) => i.code), 'CCCD and cccd differ');
    const links = procedureLinks(await searchPage('q=cccd'));
    assert.ok(links.length > 0, 'the search page lists nothing for "cccd"');
    assert.equal(links[0], body.items[0].code);
  });

  test('"lam giay khai sinh cho con" lists birth registrations first', async () => {
    for (const q of ['lam+giay+khai+sinh+cho+con', encodeURIComponent('làm giấy khai sinh cho con')]) {
      const body = await api(`q=${q}`);
      assert.ok(body.total >= 5, `q=${q}: ${body.total} results`);
      for (const item of body.items.slice(0, 5)) {
        assert.match(fold(item.name), /dang ky khai sinh/, `q=${q}: "${item.name}" (${item.code}) in the first five`);
      }
      const links = procedureLinks(await searchPage(`q=${q}`));
      assert.deepEqual(links.slice(0, 5), body.items.slice(0, 5).map((i) => i.code), 'page and API disagree');
    }
  });

  test('"dang ky khai sinh" lists only birth registrations, no land procedure', async () => {
    const body = await api('q=dang+ky+khai+sinh&page_size=20');
    assert.ok(body.items.length >= 10, `${body.items.length} results`);
    for (const item of body.items) {
      assert.match(fold(item.name), /khai sinh/, `${item.code} "${item.name}" does not register a birth`);
      assert.doesNotMatch(fold(`${item.field} ${item.field_name}`), /dat dai/, `${item.code} is a land procedure`);
    }
  });

  test('everyday words and abbreviations reach the procedure they mean', async () => {
    // [query, words (folded) the first result's name holds]
    const kCases = [
      ['so+do', /giay chung nhan quyen su dung dat/],
      ['GPLX', /giay phep lai xe/],
      ['doi+bang+lai', /giay phep lai xe/],
      ['lltp', /ly lich tu phap/],
      ['hkd', /ho kinh doanh/],
      ['ho+khau', /thuong tru|tam tru|cu tru/],
    ];
    for (const [q, expected] of kCases) {
      const body = await api(`q=${q}`);
      assert.ok(body.total > 0, `q=${q} finds nothing`);
      assert.match(fold(body.items[0].name), expected, `q=${q}: first is ${body.items[0].code} "${body.items[0].name}"`);
    }
  });

  test('a question with a word no procedure holds still lists the closest ones', async () => {
    const body = await api('q=cap+lai+the+can+cuoc+bi+mat');
    assert.ok(body.total > 0, 'nothing found');
    assert.match(fold(body.items[0].name), /cap lai the can cuoc/, `first is "${body.items[0].name}"`);
    assert.equal((await api('q=xyzzyqwvbn')).total, 0, 'nonsense finds something');
  });

  test('/tra-cuu takes a code in lower case with spaces around it', async () => {
    for (const ma of ['000.00.31.h40-250301-0001', '%20%20000.00.31.H40-250301-0001%20', '+000.00.31.h40-250301-0001+']) {
      const { text } = await fetchText(`${server.url}/tra-cuu?ma=${ma}&ma_tra_cuu=ABCDEF`);
      assert.doesNotMatch(text, /govuk-error-summary/, `ma=${ma} is refused as malformed`);
      assert.match(fold(decodeEntities(text)), /khong tim thay ho so/, `ma=${ma}: not looked up`);
      assert.match(text, /<input[^>]*id="ma"[^>]*value="000\.00\.31\.H40-250301-0001"/, `ma=${ma}: box not normalised`);
    }
    const { text } = await fetchText(`${server.url}/tra-cuu?ma=%20%20&ma_tra_cuu=ABCDEF`);
    assert.match(text, /govuk-error-summary/, 'spaces alone are not a code');
  });
});
