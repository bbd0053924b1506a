// Where to go (issue 8): every agency page shows its desk (address, hours, phone, an OpenStreetMap link), every
// procedure page says which desk serves the citizen's commune, a commune without a desk on file falls back to its
// committee and the configured hotline; the header shows who is signed in on every kind of public page, cached and
// error pages included; deadlines read as one clear phrase.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertHtmlPage, h1Text, pageText } from '../lib/checks.mjs';
import { Browser, kDemoLogins, signedIn } from '../lib/client.mjs';
import { decodeEntities, fetchText, runMotcua, startServer } from '../lib/server.mjs';

const kHotline = '0228 3 999 888';
const kBirthRegistration = '1.001193';  // commune level
const kCentre = '000.00.01.H40';        // the province's public administration service centre
const kJustice = '000.00.02.H40';       // Sở Tư pháp: no desk of its own in data/demo/desks.csv
const kNamDinhWard = '13669';           // Phường Nam Định: a desk on file
const kMyLocWard = '13708';             // Phường Mỹ Lộc: no desk on file
const kHanoiWard = '00004';             // Phường Ba Đình, Hà Nội

let server;
let configDir;
before(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-desks-'));
  const config = path.join(configDir, 'motcua.toml');
  await writeFile(config, `[site]\nhotline = "${kHotline}"\n`);
  server = await startServer({ args: ['--config', config] });
});
after(async () => {
  await server?.stop();
  await rm(configDir, { recursive: true, force: true });
});

const text = (html) => decodeEntities(pageText(html));
const get = async (p) => {
  const { res, text: html } = await fetchText(server.url + p);
  return { status: res.status, html };
};
const accountArea = (html) => /<!--tai-khoan-->([\s\S]*?)<!--\/tai-khoan-->/.exec(html)?.[1] ?? '';

describe('agency pages', () => {
  test('the centre shows its address, hours, phone and an OpenStreetMap link, marked as demo values', async () => {
    const { status, html } = await get(`/co-quan/${kCentre}`);
    assert.equal(status, 200);
    const t = text(html);
    assert.match(t, /Số 1 đường Mạc Thị Bưởi/);
    assert.match(t, /Thứ Hai đến Thứ Sáu, 7:30–11:30/);
    assert.match(html, /href="tel:02283000100"/);
    assert.match(html, /href="https:\/\/www\.openstreetmap\.org\/\?mlat=20\.43380&amp;mlon=106\.17720#map=17\/20\.43380\/106\.17720"/);
    assert.match(t, /số liệu mẫu/);
    assert.doesNotMatch(html, /<script[^>]*src="https?:/, 'no third-party script or embed');
    assert.doesNotMatch(html, /<iframe/);
  });

  test('a department without a desk of its own sends people to the centre', async () => {
    const { status, html } = await get(`/co-quan/${kJustice}`);
    assert.equal(status, 200);
    assert.match(text(html), /tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công/);
    assert.match(text(html), /Số 1 đường Mạc Thị Bưởi/);
  });

  test('an agency with no desk on file gives the configured hotline', async () => {
    const { status, html } = await get('/co-quan/000.01.31.H40');  // the first commune committee of the demo
    assert.equal(status, 200);
    assert.match(text(html), new RegExp(`đường dây nóng ${kHotline}`));
    assert.match(html, /href="tel:02283999888"/);
  });

  test('an unknown agency is a 404 page', async () => {
    assert.equal((await get('/co-quan/999.99.99.H99')).status, 404);
  });
});

describe('procedure pages: which desk for my commune', () => {
  test('a commune with a desk: the desk of that commune, with its map link', async () => {
    const { status, html } = await get(`/thu-tuc/${kBirthRegistration}?tinh=37&xa=${kNamDinhWard}`);
    assert.equal(status, 200);
    const t = text(html);
    assert.match(t, /Nơi nộp hồ sơ cho người ở Phường Nam Định, Tỉnh Ninh Bình/);
    assert.match(t, /Bộ phận một cửa, UBND phường Nam Định/);
    assert.match(t, /Số 10 đường Hùng Vương/);
    assert.match(html, /openstreetmap\.org\/\?mlat=20\.42720/);
    assert.match(html, new RegExp(`<option value="${kNamDinhWard}" selected>`));
  });

  test('a commune without a desk: its committee by name and the configured hotline', async () => {
    const { html } = await get(`/thu-tuc/${kBirthRegistration}?tinh=37&xa=${kMyLocWard}`);
    const t = text(html);
    assert.match(t, /Bộ phận một cửa, Ủy ban nhân dân Phường Mỹ Lộc/);
    assert.match(t, new RegExp(`Hãy gọi đường dây nóng ${kHotline}`));
    assert.doesNotMatch(t, /Số 10 đường Hùng Vương/);
  });

  test('a province-level procedure is received at the centre', async () => {
    // 3.000333 (Phiếu lý lịch tư pháp) is province level, competent agency Sở Tư pháp, which has no desk of its own.
    const t = text((await get(`/thu-tuc/3.000333?tinh=37&xa=${kNamDinhWard}`)).html);
    assert.match(t, /Hồ sơ cấp tỉnh/);
    assert.match(t, /Trung tâm Phục vụ hành chính công tỉnh Nam Định/);
    assert.doesNotMatch(t, /Hồ sơ cấp xã/);
  });

  test('another province: its communes to choose from, and no desk of ours', async () => {
    const { html } = await get(`/thu-tuc/${kBirthRegistration}?tinh=01&xa=${kHanoiWard}`);
    const t = text(html);
    assert.match(t, /Phường Ba Đình, Thành phố Hà Nội/);
    assert.match(t, /Ủy ban nhân dân Phường Ba Đình/);
    assert.match(html, new RegExp(`<option value="${kHanoiWard}" selected>`));
  });

  test('a commune of another province than the one chosen is ignored, not mixed in', async () => {
    const { status, html } = await get(`/thu-tuc/${kBirthRegistration}?tinh=01&xa=${kNamDinhWard}`);
    assert.equal(status, 200);
    assert.doesNotMatch(text(html), /Phường Nam Định/);
    assert.match(text(html), /Chọn xã, phường của bạn/);
  });

  test('without a choice the page asks, with the portal\'s province and its communes ready', async () => {
    const { html } = await get(`/thu-tuc/${kBirthRegistration}`);
    assert.match(html, /<select class="govuk-select" id="tinh" name="tinh">/);
    assert.match(html, /<option value="37" selected>Tỉnh Ninh Bình<\/option>/);
    assert.match(html, new RegExp(`<option value="${kMyLocWard}">Phường Mỹ Lộc</option>`));
    assert.match(text(html), /Bộ phận một cửa của Ủy ban nhân dân xã, phường nơi bạn cư trú/);
  });
});

describe('deadlines', () => {
  test('a bare "1" with "trong ngày" in the steps reads "Trong ngày", and no caveat is repeated', async () => {
    const { html } = await get(`/thu-tuc/${kBirthRegistration}`);
    const t = text(html);
    assert.match(t, /Thời hạn giải quyết\s*Trong ngày/);
    assert.doesNotMatch(t, /chưa ghi đơn vị/);
    assert.match(t, /Thời hạn như nhau với mọi cách nộp hồ sơ/);
  });

  test('a number without a unit anywhere shows the number and says so once, not once per channel', async () => {
    // 1.003650 is published as "3" for each of its three channels, and has no steps on file.
    const { html } = await get('/thu-tuc/1.003650');
    const t = text(html);
    assert.match(t, /Thời hạn giải quyết\s*3 \(chưa rõ đơn vị\)/);
    assert.equal((t.match(/không ghi đơn vị/g) ?? []).length, 1);
    assert.equal((t.match(/chưa rõ đơn vị/g) ?? []).length, 1);
  });

  test('5 working days stay "5 ngày làm việc"', async () => {
    // 1.004884 is published as "5"; its steps say "Trong 05 ngày làm việc".
    assert.match(text((await get('/thu-tuc/1.004884')).html), /Thời hạn giải quyết\s*5 ngày làm việc/);
  });
});

describe('the hotline comes from the configuration', () => {
  test('the help page and the footer give the configured number', async () => {
    const { html } = await get('/tro-giup/kha-nang-tiep-can');
    assert.match(text(html), new RegExp(`gọi đường dây nóng ${kHotline}`));
    assert.match(text(html), new RegExp(`Đường dây nóng hỗ trợ người dân: ${kHotline}`));
  });

  test('a bad hotline is refused at start, naming the setting', async () => {
    const config = path.join(configDir, 'bad.toml');
    await writeFile(config, '[site]\nhotline = "gọi cho chúng tôi"\n');
    const r = await runMotcua(['routes', '--db', server.db, '--config', config]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr + r.stdout, /site\.hotline/);
  });
});

describe('the signed-in header on every kind of page', () => {
  let mai;
  before(async () => { mai = await signedIn(server, kDemoLogins.citizen); });

  const kPublic = [
    ['/', 200, 'home'],
    ['/thu-tuc?q=khai+sinh', 200, 'search'],
    [`/thu-tuc/${kBirthRegistration}`, 200, 'procedure'],
    [`/thu-tuc/${kBirthRegistration}?tinh=37&xa=${kNamDinhWard}`, 200, 'procedure with a commune'],
    ['/co-quan', 200, 'agencies'],
    [`/co-quan/${kCentre}`, 200, 'agency'],
    ['/linh-vuc', 200, 'fields'],
    ['/tro-giup/kha-nang-tiep-can', 200, 'help'],
    ['/tra-cuu', 200, 'lookup'],
    ['/thong-ke', 200, 'coming soon'],
    ['/khong-co-trang-nay', 404, 'unknown address'],
    ['/thu-tuc/9.999999', 404, 'unknown procedure'],
    ['/co-quan/999.99.99.H99', 404, 'unknown agency'],
    ['/quan-tri/nhat-ky', 403, 'forbidden to a citizen'],
  ];
  for (const [page, status, what] of kPublic) {
    test(`${page} (${what}, ${status}) names the signed-in citizen, twice in a row (cached)`, async () => {
      for (let i = 0; i < 2; i++) {
        const res = await mai.get(page);
        assert.equal(res.status, status);
        assert.match(accountArea(res.text), /Trần Thị Mai/, `${page}: ${accountArea(res.text)}`);
        assert.match(accountArea(res.text), /action="\/dang-xuat"/);
      }
      const anonymous = await new Browser(server.url).get(page);
      assert.doesNotMatch(anonymous.text, /Trần Thị Mai/);
    });
  }

  test('a 429 page (too many wrong current passwords) names the signed-in person', async () => {
    const b = await signedIn(server, kDemoLogins.clerk);
    const fresh = 'một mật khẩu mới khá dài';
    let last;
    for (let i = 1; i <= 6; i++) {
      last = await b.submit('/tai-khoan/mat-khau', { mat_khau_cu: `sai ${i} lần rồi`, mat_khau: fresh,
        mat_khau_2: fresh });
    }
    assert.equal(last.status, 429);
    assert.match(accountArea(last.text), /Đinh Thị Hạnh/);
  });

  test('every page is still a page in Vietnamese with the layout', async () => {
    const { res, text: html } = await fetchText(`${server.url}/co-quan/${kCentre}`);
    assertHtmlPage(res, html, 'agency page');
    assert.ok(h1Text(html).includes('Trung tâm Phục vụ hành chính công'));
  });
});

describe('the journal and the sessions page speak people\'s language', () => {
  const kChromeAndroid = 'Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) '
    + 'Chrome/124.0.0.0 Mobile Safari/537.36';

  test('entries read as sentences in Vietnamese and English, with the browser named', async () => {
    const phone = new Browser(server.url, { userAgent: kChromeAndroid });
    assert.equal((await phone.signIn(kDemoLogins.representative)).status, 303);
    const admin = await signedIn(server, kDemoLogins.systemAdmin);
    const vi = await admin.get('/quan-tri/nhat-ky?hanh_dong=login.success');
    assert.equal(vi.status, 200);
    const rows = vi.text.split('<tr class="govuk-table__row">').slice(2);
    assert.ok(rows.length >= 2);
    const t = decodeEntities(pageText(rows.join(' ')));
    assert.match(t, /Đăng nhập thành công login\.success/);
    assert.match(t, /Chrome trên Android/);
    assert.match(t, /\d\d\/\d\d\/\d{4} \d\d:\d\d/, 'times are written dd/mm/yyyy hh:mm');
    assert.doesNotMatch(t, /\d{4}-\d\d-\d\dT/, 'no ISO times');
    const en = await admin.get('/quan-tri/nhat-ky?hanh_dong=login.success&lang=en');
    assert.match(decodeEntities(pageText(en.text)), /Signed in login\.success/);
    assert.match(decodeEntities(pageText(en.text)), /Chrome on Android/);
  });

  test('the sessions page names the browser, not the header', async () => {
    const admin = await signedIn(server, kDemoLogins.systemAdmin);
    const page = await admin.get('/quan-tri/phien');
    assert.equal(page.status, 200);
    const t = decodeEntities(pageText(page.text));
    assert.match(t, /Chrome trên Android/);
    assert.doesNotMatch(t, /Mozilla\/5\.0/);
    assert.match(page.text, /data-label="Thiết bị"/, 'cells carry their column name for the stacked phone layout');
  });
});
