// Issue 10, processing workflows as data: the administrators' list (defaults per level and procedures' own), one
// workflow as a readable table with its JSON, an invalid one refused with every fault listed by its JSON path (the
// text kept, nothing stored), a valid one published as the next version (journaled), a procedure's own workflow
// started from its level's default, and the pages refused to anyone but a system administrator.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { kDemoLogins, signedIn, sql } from '../lib/client.mjs';
import { kFixtureProcedure } from '../lib/dossier_fixtures.mjs';
import { decodeEntities, startServer } from '../lib/server.mjs';

const kProcedure = kFixtureProcedure;

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

function textarea(html) {
  return decodeEntities(/<textarea[^>]*id="dinh_nghia"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)[1]);
}

function count(key) {
  return Number(sql(server.db, `SELECT COUNT(*) FROM workflow_definitions WHERE key = '${key}'`));
}

describe('workflow administration', () => {
  test('the list shows the three defaults and links each to its page', async () => {
    const admin = await signedIn(server, kDemoLogins.systemAdmin);
    const res = await admin.get('/quan-tri/quy-trinh');
    assert.equal(res.status, 200);
    const html = decodeEntities(res.text);
    for (const level of ['commune', 'district', 'province']) {
      assert.match(html, new RegExp(`href="/quan-tri/quy-trinh/default(:|%3A)${level}"`), level);
    }
    assert.match(html, /Quy trình xử lý hồ sơ/);
  });

  test('a default is shown as a table of its steps, stored as version 1 the first time', async () => {
    const admin = await signedIn(server, kDemoLogins.systemAdmin);
    const res = await admin.get('/quan-tri/quy-trinh/default:commune');
    assert.equal(res.status, 200);
    const html = decodeEntities(res.text);
    for (const text of ['Tiếp nhận hồ sơ', 'Chủ tịch UBND xã ký duyệt', 'Cán bộ một cửa', 'Lãnh đạo đơn vị',
      'Phê duyệt', '60%', 'Kết thúc']) {
      assert.ok(html.includes(text), `${text} is not shown`);
    }
    const json = JSON.parse(textarea(res.text));
    assert.equal(json.key, 'default:commune');
    assert.equal(json.steps[0].role, 'desk_officer');
    assert.equal(count('default:commune'), 1);
    await admin.get('/quan-tri/quy-trinh/default:commune');
    assert.equal(count('default:commune'), 1);
  });

  test('an invalid workflow is refused with every fault by path and the text kept; a valid one is published', async () => {
    const admin = await signedIn(server, kDemoLogins.systemAdmin);
    const current = textarea((await admin.get('/quan-tri/quy-trinh/default:district')).text);
    const before = count('default:district');

    const broken = JSON.parse(current);
    broken.steps[2].share_percent = 1;     // shares no longer add up to 100
    broken.steps[3].role = 'chairman';     // no such role
    broken.steps[5].next = ['nowhere'];    // no such step
    const refused = await admin.post('/quan-tri/quy-trinh/default:district', { dinh_nghia: JSON.stringify(broken) });
    assert.equal(refused.status, 422);
    const faults = [...refused.text.matchAll(/<li><a href="#dinh_nghia"><code>([^<]*)<\/code>/g)].map((m) => m[1]);
    assert.deepEqual(faults.sort(), ['steps', 'steps[3].role', 'steps[5].next[0]'].sort());
    assert.match(decodeEntities(refused.text), /chairman/, 'what was sent is not kept');
    assert.match(decodeEntities(refused.text), /govuk-error-summary/);
    assert.equal(count('default:district'), before);

    const loop = JSON.parse(current);
    loop.steps[4].next = ['review'];       // signing ↔ review: a path that never ends
    const endless = await admin.post('/quan-tri/quy-trinh/default:district', { dinh_nghia: JSON.stringify(loop) });
    assert.equal(endless.status, 422);
    assert.match(decodeEntities(endless.text), /không bao giờ kết thúc/);

    const renamed = JSON.parse(current);
    renamed.name = 'Quy trình cấp huyện (sửa)';
    const published = await admin.post('/quan-tri/quy-trinh/default:district', { dinh_nghia: JSON.stringify(renamed) });
    assert.equal(published.status, 303, published.text.slice(0, 1500));
    assert.equal(count('default:district'), before + 1);
    const shown = decodeEntities((await admin.get(published.location)).text);
    assert.match(shown, /Đã đăng phiên bản mới/);
    assert.match(shown, /Quy trình cấp huyện \(sửa\)/);
    assert.equal(sql(server.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'workflow.publish' AND object_id = 'default:district'"), '1');
  });

  test('a procedure follows its default until its own workflow is started from it', async () => {
    const admin = await signedIn(server, kDemoLogins.systemAdmin);
    const inherited = decodeEntities((await admin.get(`/quan-tri/quy-trinh/${kProcedure}`)).text);
    assert.match(inherited, /chưa có quy trình riêng/);
    assert.equal(count(kProcedure), 0);
    const started = await admin.post('/quan-tri/quy-trinh', { thu_tuc: ` ${kProcedure} ` });
    assert.equal(started.status, 303);
    assert.equal(count(kProcedure), 1);
    const own = decodeEntities((await admin.get(started.location)).text);
    assert.match(own, /Đã tạo quy trình riêng/);
    assert.doesNotMatch(own, /chưa có quy trình riêng/);
    const list = decodeEntities((await admin.get('/quan-tri/quy-trinh')).text);
    assert.ok(list.includes(kProcedure), 'the procedure is not listed');
    const unknown = await admin.post('/quan-tri/quy-trinh', { thu_tuc: '9.999999' });
    assert.equal(unknown.status, 303);
    assert.match(decodeEntities((await admin.get(unknown.location)).text), /Không có thủ tục mang mã này/);
    assert.equal((await admin.get('/quan-tri/quy-trinh/9.999999')).status, 404);
  });

  test('is refused to an agency administrator and a desk officer', async () => {
    for (const login of [kDemoLogins.agencyAdmin, kDemoLogins.deskCommune]) {
      const who = await signedIn(server, login);
      assert.equal((await who.get('/quan-tri/quy-trinh')).status, 403, login);
      assert.equal((await who.get('/quan-tri/quy-trinh/default:commune')).status, 403, login);
    }
  });
});
