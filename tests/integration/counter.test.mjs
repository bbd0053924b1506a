// Issue 8, the counter and the officers' destructive actions, over HTTP: a desk officer may act only on accounts the
// counter made or nobody has used, the holder is told (text message and email) whenever a code is issued or the
// password changes, personal ID numbers never travel in a URL, destructive actions ask first on a page of their
// own, a password holding the person's name or birth year is refused, a tax code claimed twice goes to an officer,
// and refused role grants are journaled. Each test failed on the code before issue 8.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Browser, fieldError, kDemoLogins, kDemoPassword, outboxDrained, signedIn, sql } from '../lib/client.mjs';
import { decodeEntities, startServer } from '../lib/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

//! The bodies of the dev mailbox's messages to `recipient`, newest first, once the outbox has sent everything.
async function mailboxBodies(recipient) {
  await outboxDrained(server);
  const res = await new Browser(server.url).get('/hop-thu-thu-nghiem');
  assert.equal(res.status, 200);
  const bodies = [];
  for (const card of res.text.split('govuk-summary-card"').slice(1)) {
    if (card.includes(recipient)) {
      const body = /Nội dung<\/dt><dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/.exec(card)?.[1] ?? '';
      bodies.push(decodeEntities(body));
    }
  }
  return bodies;
}

function slipCode(html) {
  return /<span class="app-code">(\d{6,8})<\/span>/.exec(html)?.[1] ?? null;
}

function journal(action) {
  return sql(server.db, `SELECT object_id, summary FROM audit_log WHERE action = '${action}' ORDER BY id`);
}

//! The counter search as the page sends it: a POST with the CSRF token; resolves the citizen's id or undefined.
async function counterSearch(desk, typed) {
  const res = await desk.submit('/can-bo/cong-dan', { q: typed });
  return { res, id: /href="\/can-bo\/cong-dan\/(\d+)"/.exec(res.text)?.[1] };
}

//! A citizen's account made at the counter by `desk`; resolves its id.
async function counterAccount(desk, { name, id, day, month, year, phone }) {
  const created = await desk.submit('/can-bo/cong-dan/moi', { ho_ten: name, so_dinh_danh: id,
    'ngay_sinh-ngay': day, 'ngay_sinh-thang': month, 'ngay_sinh-nam': year, dien_thoai: phone, email: '' });
  assert.equal(created.status, 200, created.text.slice(0, 2000));
  const { id: userId } = await counterSearch(desk, id);
  assert.ok(userId, `the counter search does not find ${id}`);
  return { userId, code: slipCode(created.text) };
}

describe('counter takeover', () => {
  test('a desk officer cannot open, nor issue a code for, an account its holder runs alone', async () => {
    await signedIn(server, kDemoLogins.citizen);  // the holder has signed in: the account is theirs alone
    const desk = await signedIn(server, kDemoLogins.deskCommune);
    const userId = sql(server.db, `SELECT id FROM users WHERE personal_id = '${kDemoLogins.citizen}'`);
    const { res, id } = await counterSearch(desk, kDemoLogins.citizen);
    assert.equal(res.status, 200);
    assert.equal(id, undefined, 'the search links to an account its holder runs alone');
    assert.match(decodeEntities(res.text), /Trần Thị Mai: người dân tự dùng tài khoản này/);
    assert.equal((await desk.get(`/can-bo/cong-dan/${userId}`)).status, 404);
    assert.equal((await desk.get(`/can-bo/cong-dan/${userId}/ma`)).status, 404);
    await desk.get('/can-bo');
    const code = await desk.post(`/can-bo/cong-dan/${userId}/ma`, { xac_nhan: '1' });
    assert.equal(code.status, 404, `issuing a code answered ${code.status}`);
    assert.doesNotMatch(code.text, /app-code/);
    assert.equal(sql(server.db, `SELECT COUNT(*) FROM one_time_codes WHERE user_id = ${userId}`), '0');
  });

  test('a code for an account the counter made asks first, then is issued and its holder told', async () => {
    const desk = await signedIn(server, kDemoLogins.deskDistrict);
    const { userId } = await counterAccount(desk, { name: 'Hoàng Văn Khải', id: '036092007315', day: '14',
      month: '6', year: '1992', phone: '0987000315' });
    const codesBefore = sql(server.db, `SELECT COUNT(*) FROM one_time_codes WHERE user_id = ${userId}`);
    // The citizen's page links to a confirmation page; the old form's bare POST is answered with that page only.
    const page = await desk.get(`/can-bo/cong-dan/${userId}`);
    assert.match(page.text, new RegExp(`href="/can-bo/cong-dan/${userId}/ma"`));
    const bare = await desk.post(`/can-bo/cong-dan/${userId}/ma`);
    assert.equal(bare.status, 200);
    assert.doesNotMatch(bare.text, /app-code/);
    assert.equal(sql(server.db, `SELECT COUNT(*) FROM one_time_codes WHERE user_id = ${userId}`), codesBefore);
    const confirm = await desk.get(`/can-bo/cong-dan/${userId}/ma`);
    assert.equal(confirm.status, 200);
    assert.match(decodeEntities(confirm.text), /Cấp mã đặt mật khẩu mới cho người dân này\?/);
    assert.match(decodeEntities(confirm.text), /Hoàng Văn Khải/);
    assert.match(confirm.text, /name="xac_nhan" value="1"/);
    const slip = await desk.post(`/can-bo/cong-dan/${userId}/ma`, { xac_nhan: '1' });
    assert.equal(slip.status, 200, slip.text.slice(0, 2000));
    const code = slipCode(slip.text);
    assert.match(code ?? '', /^\d{8}$/);
    const notices = (await mailboxBodies('0987000315')).filter((b) => b.includes('mã đặt mật khẩu mới'));
    assert.equal(notices.length, 1, 'the holder was not told of the code');
    assert.match(notices[0], /Nam Định \(Đỗ Minh Tuấn\)/, 'the notice does not name the desk and officer');
    assert.match(notices[0], /\d\d\/\d\d\/\d{4} \d\d:\d\d/, 'the notice does not say when');
    assert.match(notices[0], /\/quen-mat-khau/, 'the notice does not say what to do');
    assert.ok(!notices[0].includes(code), 'the notice carries the code');
  });

  test('the holder is told when the password is set with a code and when it is changed', async () => {
    const desk = await signedIn(server, kDemoLogins.deskDistrict);
    const { code } = await counterAccount(desk, { name: 'Bùi Thị Nga', id: '036193008426', day: '1', month: '2',
      year: '1993', phone: '0987000426' });
    const citizen = new Browser(server.url);
    const first = 'cánh cò bay lả bay la';
    const set = await citizen.submit('/dat-lai-mat-khau', { tai_khoan: '036193008426', ma: code, mat_khau: first,
      mat_khau_2: first });
    assert.equal(set.status, 303, set.text.slice(0, 2000));
    const second = 'trăng rằm tháng tám sáng';
    const changed = await citizen.submit('/tai-khoan/mat-khau', { mat_khau_cu: first, mat_khau: second,
      mat_khau_2: second });
    assert.equal(changed.status, 303, changed.text.slice(0, 2000));
    const bodies = await mailboxBodies('0987000426');
    assert.ok(bodies.some((b) => b.includes('đã được đặt bằng mã một lần')), 'no notice of the reset');
    assert.ok(bodies.some((b) => b.includes('Mật khẩu tài khoản của bạn đã được đổi')), 'no notice of the change');
  });
});

describe('personal ID numbers stay out of URLs', () => {
  test('searching at the counter and asking for a reset code leave no ID number in the access log', async () => {
    const from = server.output().length;
    const desk = await signedIn(server, kDemoLogins.deskDistrict);
    const found = await desk.submit('/can-bo/cong-dan', { q: kDemoLogins.representative });
    assert.equal(found.status, 200);
    assert.match(decodeEntities(found.text), /Phạm Văn Đức/);
    const b = new Browser(server.url);
    const asked = await b.submit('/quen-mat-khau', { tai_khoan: kDemoLogins.representative });
    assert.equal(asked.status, 303);
    assert.ok(!asked.location.includes(kDemoLogins.representative), `redirected to ${asked.location}`);
    assert.equal((await b.get(asked.location)).status, 200);
    // The access log is written when each answer completes: wait for the last one's line.
    const deadline = Date.now() + 10_000;
    while (!server.output().slice(from).includes('"target":"/dat-lai-mat-khau')) {
      assert.ok(Date.now() < deadline, 'the access log has no line for the last request');
      await new Promise((resolve) => { setTimeout(resolve, 25); });
    }
    const lines = server.output().slice(from).split('\n').filter((l) => l.includes('"target"'));
    assert.ok(lines.some((l) => l.includes('"target":"/can-bo/cong-dan"')), 'the search is not in the log');
    for (const line of lines) {
      assert.ok(!line.includes(kDemoLogins.representative), `an access log line holds the ID number: ${line}`);
    }
  });

  test('the counter search is a POST: a number in the query string is not searched nor echoed', async () => {
    const desk = await signedIn(server, kDemoLogins.deskDistrict);
    const old = await desk.get(`/can-bo/cong-dan?q=${kDemoLogins.representative}`);
    assert.equal(old.status, 200);
    assert.doesNotMatch(decodeEntities(old.text), /Phạm Văn Đức/, 'the GET searched');
    assert.doesNotMatch(old.text, new RegExp(`value="${kDemoLogins.representative}"`), 'the GET filled the form');
    assert.match(old.text, /<form method="post" action="\/can-bo\/cong-dan"/);
    const empty = await desk.submit('/can-bo/cong-dan', { q: '12' });
    assert.equal(empty.status, 422);
    assert.ok(fieldError(empty.text, 'q'));
  });
});

describe('the journal search keeps ID numbers out of URLs', () => {
  test('the person filter is a POST; a GET ignores ?nguoi=, and the access log holds no ID number', async () => {
    await signedIn(server, kDemoLogins.representative);
    const from = server.output().length;
    const admin = await signedIn(server, kDemoLogins.systemAdmin);
    const found = await admin.submit('/quan-tri/nhat-ky', { nguoi: kDemoLogins.representative });
    assert.equal(found.status, 200);
    const text = decodeEntities(found.text);
    assert.match(text, /Phạm Văn Đức/, 'the POST search did not find the person');
    assert.doesNotMatch(text, /Mai Thanh Sơn \(#/, 'the POST search did not filter by the person');
    assert.match(found.text, /<form method="post" action="\/quan-tri\/nhat-ky" novalidate>\s*<input type="hidden" name="csrf" value="[0-9a-f]{64}">/);
    const old = await admin.get(`/quan-tri/nhat-ky?nguoi=${kDemoLogins.representative}&hanh_dong=login.success`);
    assert.equal(old.status, 200);
    assert.doesNotMatch(old.text, new RegExp(`value="${kDemoLogins.representative}"`), 'the GET filled the person');
    const deadline = Date.now() + 10_000;
    while (!server.output().slice(from).includes('"target":"/quan-tri/nhat-ky?')) {
      assert.ok(Date.now() < deadline, 'the access log has no line for the last request');
      await new Promise((resolve) => { setTimeout(resolve, 25); });
    }
    const lines = server.output().slice(from).split('\n').filter((l) => l.includes('"target":"/quan-tri/nhat-ky'));
    assert.ok(lines.length >= 2, 'the journal requests are not in the log');
    for (const line of lines.filter((l) => !l.includes('?nguoi='))) {
      assert.ok(!line.includes(kDemoLogins.representative), `an access log line holds the ID number: ${line}`);
    }
  });
});

describe('destructive officer actions ask first', () => {
  let admin;
  let officerId;
  before(async () => {
    admin = await signedIn(server, kDemoLogins.systemAdmin);
    const created = await admin.submit('/quan-tri/can-bo/moi', { ho_ten: 'Lý Văn Xác', ten_dang_nhap: 'xacnhan.mau',
      dien_thoai: '', email: '', vai_tro: 'desk_officer', co_quan: '000.00.31.H40' });
    assert.equal(created.status, 200, created.text.slice(0, 2000));
    officerId = /href="\/quan-tri\/can-bo\/(\d+)"/.exec(created.text)?.[1];
    assert.ok(officerId);
  });

  const status = () => sql(server.db, `SELECT status FROM users WHERE id = ${officerId}`);
  const roles = () => sql(server.db, `SELECT COUNT(*) FROM officer_roles WHERE user_id = ${officerId}`);

  test('locking: the first POST only shows the confirmation page; its POST locks', async () => {
    const page = await admin.get(`/quan-tri/can-bo/${officerId}`);
    assert.doesNotMatch(page.text, /name="trang_thai" value="disabled"/, 'the officer page locks in one click');
    const bare = await admin.post(`/quan-tri/can-bo/${officerId}/trang-thai`, { trang_thai: 'disabled' });
    assert.equal(bare.status, 200);
    assert.equal(status(), 'pending');
    const confirm = await admin.get(`/quan-tri/can-bo/${officerId}/trang-thai`);
    assert.equal(confirm.status, 200);
    assert.match(decodeEntities(confirm.text), /Khóa tài khoản của cán bộ\?/);
    assert.match(decodeEntities(confirm.text), /Lý Văn Xác/);
    const done = await admin.post(`/quan-tri/can-bo/${officerId}/trang-thai`, { trang_thai: 'disabled',
      xac_nhan: '1' });
    assert.equal(done.status, 303);
    assert.equal(status(), 'disabled');
    const unlock = await admin.post(`/quan-tri/can-bo/${officerId}/trang-thai`, { trang_thai: 'active' });
    assert.equal(unlock.status, 303);  // unlocking takes nothing away: at once
    assert.equal(status(), 'pending');
  });

  test('removing a role, resetting the password and ending sessions each ask first', async () => {
    const grant = '/vai-tro/xoa';
    const bare = await admin.post(`/quan-tri/can-bo/${officerId}${grant}`,
      { vai_tro: 'desk_officer', co_quan: '000.00.31.H40' });
    assert.equal(bare.status, 200);
    assert.equal(roles(), '1');
    const confirm = await admin.get(
      `/quan-tri/can-bo/${officerId}${grant}?vai_tro=desk_officer&co_quan=000.00.31.H40`);
    assert.equal(confirm.status, 200);
    assert.match(decodeEntities(confirm.text), /Bỏ vai trò này của cán bộ\?/);
    assert.match(decodeEntities(confirm.text), /Cán bộ một cửa/);

    const codes = () => sql(server.db, `SELECT COUNT(*) FROM one_time_codes WHERE user_id = ${officerId}`);
    const codesBefore = codes();
    const reset = await admin.post(`/quan-tri/can-bo/${officerId}/mat-khau`);
    assert.equal(reset.status, 200);
    assert.equal(codes(), codesBefore, 'the bare POST reset the password');
    assert.doesNotMatch(reset.text, /app-code/);
    assert.match(decodeEntities((await admin.get(`/quan-tri/can-bo/${officerId}/mat-khau`)).text),
      /Đặt lại mật khẩu của cán bộ\?/);
    const slip = await admin.post(`/quan-tri/can-bo/${officerId}/mat-khau`, { xac_nhan: '1' });
    assert.equal(slip.status, 200);
    assert.match(slip.text, /app-code/);

    const sessions = await admin.post(`/quan-tri/can-bo/${officerId}/phien/thu-hoi`);
    assert.equal(sessions.status, 200);
    assert.match(decodeEntities(sessions.text), /Đăng xuất mọi phiên của cán bộ\?/);

    const removed = await admin.post(`/quan-tri/can-bo/${officerId}${grant}`,
      { vai_tro: 'desk_officer', co_quan: '000.00.31.H40', xac_nhan: '1' });
    assert.equal(removed.status, 303);
    assert.equal(roles(), '0');
  });

  test('a confirmation page for an officer outside the administrator\'s scope is not found', async () => {
    const tpnd = await signedIn(server, kDemoLogins.agencyAdmin);
    const outside = sql(server.db, "SELECT id FROM users WHERE login_name = 'chuyenvien.tuphap'");
    for (const path of ['/trang-thai', '/mat-khau', '/phien/thu-hoi', '/vai-tro/xoa?vai_tro=specialist&co_quan=x']) {
      assert.equal((await tpnd.get(`/quan-tri/can-bo/${outside}${path}`)).status, 404, path);
    }
  });
});

describe('password policy', () => {
  test('a new password holding the person\'s name or birth year is refused with a clear message', async () => {
    const mai = await signedIn(server, kDemoLogins.citizen);  // Trần Thị Mai, born 1985
    for (const bad of ['hoa MAI nở sớm', 'mùa xuân năm 1985 ấy']) {
      const res = await mai.submit('/tai-khoan/mat-khau', { mat_khau_cu: kDemoPassword, mat_khau: bad,
        mat_khau_2: bad });
      assert.equal(res.status, 422, bad);
      assert.match(decodeEntities(fieldError(res.text, 'mat_khau') ?? ''), /tên hay ngày, năm sinh/, bad);
    }
  });
});

describe('a tax code claimed twice', () => {
  test('goes to an officer, who grants it; both people are told and the journal has it', async () => {
    const mai = await signedIn(server, kDemoLogins.citizen);
    const claim = await mai.submit('/tai-khoan/to-chuc/moi', { ma_so_thue: '0600123451',
      ten_to_chuc: 'Công ty TNHH Dệt may Thành Nam', dia_chi: '5 Hàng Sắt, Nam Định' });
    assert.equal(claim.status, 200, claim.text.slice(0, 2000));
    assert.match(decodeEntities(claim.text), /Yêu cầu của bạn đang chờ xem xét/);
    assert.ok(!decodeEntities(claim.text).includes('Phạm Văn Đức'), 'the answer names the representative');
    assert.equal(sql(server.db, "SELECT COUNT(*) FROM tax_code_claims WHERE status = 'pending'"), '1');

    const desk = await signedIn(server, kDemoLogins.deskDistrict);
    const list = await desk.get('/can-bo/ma-so-thue');
    assert.equal(list.status, 200);
    const claimId = /href="\/can-bo\/ma-so-thue\/(\d+)"/.exec(list.text)?.[1];
    assert.ok(claimId, 'the officers\' list shows no claim');
    const page = await desk.get(`/can-bo/ma-so-thue/${claimId}`);
    assert.match(decodeEntities(page.text), /Phạm Văn Đức[\s\S]*Trần Thị Mai/);
    const decided = await desk.post(`/can-bo/ma-so-thue/${claimId}`, { quyet_dinh: 'cap' });
    assert.equal(decided.status, 303);
    assert.equal((await desk.post(`/can-bo/ma-so-thue/${claimId}`, { quyet_dinh: 'tu-choi' })).status, 404);

    const maiAccount = await mai.get('/tai-khoan');
    assert.match(decodeEntities(maiAccount.text), /Dệt may Thành Nam/);
    const duc = await signedIn(server, kDemoLogins.representative);
    assert.doesNotMatch(decodeEntities((await duc.get('/tai-khoan')).text), /Dệt may Thành Nam/);
    assert.ok((await mailboxBodies('0912000001')).some((b) => b.includes('đã xác nhận bạn là người đại diện')));
    assert.ok((await mailboxBodies('0912000002')).some((b) => b.includes('Bạn không còn là người đại diện')));
    assert.match(journal('organisation.claim_granted'), /"tax_code":"0600123451"/);
  });
});

describe('refused role grants', () => {
  test('are journaled', async () => {
    const tpnd = await signedIn(server, kDemoLogins.agencyAdmin);
    const target = sql(server.db, "SELECT id FROM users WHERE login_name = 'tiepnhan.tpnd'");
    const refused = await tpnd.submit(`/quan-tri/can-bo/${target}`, { vai_tro: 'system_admin',
      co_quan: '000.00.31.H40' }, { action: `/quan-tri/can-bo/${target}/vai-tro` });
    assert.equal(refused.status, 422);
    assert.match(journal('role.grant_refused'), new RegExp(`${target}\\|.*"role":"system_admin"`));
  });
});
