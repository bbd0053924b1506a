// The administrators' working-day calendar page (issue 10): the year computed and overridden, marked which is which;
// adding, replacing and removing an override (system administrators, CSRF, post/redirect/get); office hours per
// agency within an agency administrator's scope; each change journaled.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertHtmlPage, h1Text } from '../lib/checks.mjs';
import { kDemoLogins, signedIn, sql } from '../lib/client.mjs';
import { startServer } from '../lib/server.mjs';

const kPage = '/quan-tri/lich-lam-viec';

//! The <tr> of `day` in the table with id `table`, or ''.
function rowOf(html, table, day) {
  const start = html.indexOf(`id="${table}"`);
  assert.ok(start >= 0, `no table ${table}`);
  const end = html.indexOf('</table>', start);
  const body = html.slice(start, end);
  const at = body.indexOf(`data-day="${day}"`);
  return at < 0 ? '' : body.slice(at, body.indexOf('</tr>', at));
}

describe('the calendar page', () => {
  let server;
  let admin;
  before(async () => {
    server = await startServer();
    admin = await signedIn(server, kDemoLogins.systemAdmin);
  });
  after(async () => {
    await server?.stop();
  });

  test('shows the computed year with its kinds', async () => {
    const res = await admin.get(`${kPage}?nam=2026`);
    assertHtmlPage(res, res.text, 'calendar page');
    assert.match(h1Text(res.text), /Lịch làm việc năm 2026/);
    assert.match(rowOf(res.text, 'lich', '2026-02-17'), /data-kind="holiday"/);
    assert.match(rowOf(res.text, 'lich', '2026-04-27'), /data-kind="compensatory"/);
    assert.match(rowOf(res.text, 'lich', '2026-04-27'), /Tính sẵn/);
    assert.match(res.text, /Năm chưa có điều chỉnh nào|chưa có điều chỉnh nào/);
    const y2024 = await admin.get(`${kPage}?nam=2024`);
    assert.match(rowOf(y2024.text, 'lich', '2024-05-04'), /data-kind="make_up_workday"/);
  });

  test('an override is added, shown as the administrator\'s, replaced, refused without a reason, and removed', async () => {
    const added = await admin.submit(`${kPage}?nam=2026`, { ngay: '07/11/2026', loai: 'lam', ly_do: 'Làm bù cho ngày 02/11' },
      { action: `${kPage}/ngay` });
    assert.equal(added.status, 303, added.text.slice(0, 2000));
    assert.equal(added.location, `${kPage}?nam=2026&tb=da-luu`);
    let page = await admin.get(added.location);
    assert.match(page.text, /Đã lưu điều chỉnh/);
    const row = rowOf(page.text, 'lich', '2026-11-07');
    assert.match(row, /data-kind="make_up_workday"/);
    assert.match(row, /Quản trị điều chỉnh/);
    assert.match(rowOf(page.text, 'dieu-chinh', '2026-11-07'), /Làm bù cho ngày 02\/11/);

    const replaced = await admin.post(`${kPage}/ngay`, { ngay: '2026-11-07', loai: 'nghi', ly_do: 'Đổi ý' });
    assert.equal(replaced.status, 303);
    page = await admin.get(`${kPage}?nam=2026`);
    assert.equal(rowOf(page.text, 'lich', '2026-11-07'), '', 'a Saturday off is not listed');
    assert.match(rowOf(page.text, 'dieu-chinh', '2026-11-07'), /Đổi ý/);

    const refused = await admin.post(`${kPage}/ngay`, { ngay: '2026-11-10', loai: 'nghi', ly_do: '  ' });
    assert.equal(refused.status, 422);
    assert.match(refused.text, /href="#ly_do"/);
    const badDay = await admin.post(`${kPage}/ngay`, { ngay: '31/02/2026', loai: 'nghi', ly_do: 'x' });
    assert.equal(badDay.status, 422);
    assert.match(badDay.text, /href="#ngay"/);
    assert.match(badDay.text, /value="31\/02\/2026"/, 'what was typed is shown again');

    const removed = await admin.post(`${kPage}/ngay/xoa`, { ngay: '2026-11-07' });
    assert.equal(removed.status, 303);
    assert.equal(removed.location, `${kPage}?nam=2026&tb=da-bo`);
    page = await admin.get(`${kPage}?nam=2026`);
    assert.equal(rowOf(page.text, 'dieu-chinh', '2026-11-07'), '');

    const actions = sql(server.db, "SELECT action || ' ' || object_id FROM audit_log WHERE action LIKE 'calendar.%' "
      + 'ORDER BY id').split('\n');
    assert.deepEqual(actions, ['calendar.override 2026-11-07', 'calendar.override 2026-11-07',
      'calendar.override_remove 2026-11-07']);
  });

  test('a POST without the CSRF token changes nothing', async () => {
    const res = await admin.post(`${kPage}/ngay`, { ngay: '2026-12-01', loai: 'nghi', ly_do: 'x' }, { csrf: null });
    assert.equal(res.status, 403);
    assert.equal(sql(server.db, "SELECT COUNT(*) FROM calendar_overrides WHERE day = '2026-12-01'"), '0');
  });

  test('an agency administrator sees the calendar, sets their own agency\'s hours only, and cannot change days', async () => {
    const agencyAdmin = await signedIn(server, kDemoLogins.agencyAdmin);
    const page = await agencyAdmin.get(`${kPage}?nam=2026`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /action="\/quan-tri\/lich-lam-viec\/ngay"/);
    const day = await agencyAdmin.post(`${kPage}/ngay`, { ngay: '2026-12-01', loai: 'nghi', ly_do: 'x' });
    assert.equal(day.status, 403);
    const hours = { sang_bat_dau: '07:00', sang_ket_thuc: '11:30', chieu_bat_dau: '13:00', chieu_ket_thuc: '16:30' };
    const own = await agencyAdmin.post(`${kPage}/gio?nam=2026`, { co_quan: '000.00.31.H40', ...hours });
    assert.equal(own.status, 303, own.text.slice(0, 2000));
    assert.equal(own.location, `${kPage}?nam=2026&tb=da-dat-gio`);
    const shown = await agencyAdmin.get(own.location);
    assert.match(shown.text, /07:00–11:30/);
    assert.match(shown.text, /13:00–16:30/);
    const other = await agencyAdmin.post(`${kPage}/gio`, { co_quan: '000.00.32.H40', ...hours });
    assert.equal(other.status, 403);
    const backwards = await agencyAdmin.post(`${kPage}/gio`, { co_quan: '000.00.31.H40', ...hours,
      chieu_ket_thuc: '12:00' });
    assert.equal(backwards.status, 422);
    const unreadable = await agencyAdmin.post(`${kPage}/gio`, { co_quan: '000.00.31.H40', ...hours, sang_bat_dau: '7h' });
    assert.equal(unreadable.status, 422);
    assert.match(unreadable.text, /href="#sang_bat_dau"/);
    assert.equal(sql(server.db, "SELECT morning_start || ',' || afternoon_end FROM office_hours "
      + "WHERE agency_code = '000.00.31.H40'"), '420,990');
    assert.equal(sql(server.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'calendar.hours'"), '1');
  });

  test('English labels with ?lang=en', async () => {
    const res = await admin.get(`${kPage}?nam=2026&lang=en`);
    assert.equal(res.status, 200);
    assert.match(res.text, /<html[^>]*lang="en"/);
  });
});
