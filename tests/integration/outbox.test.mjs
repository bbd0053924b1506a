// The transactional outbox through the real binary: a reset code committed by a server that is then killed (SIGKILL)
// before sending anything is delivered exactly once by the next start, a delivery repeated after a crash between
// sending and recording is dropped by its idempotency key, and the system administrator sees a dead letter (masked,
// without its code) and sends it again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Browser, kDemoLogins, outboxDrained, signedIn, sql } from '../lib/client.mjs';
import { makeDatabase, startServer } from '../lib/server.mjs';

const kSenderOff = { MOTCUA_OUTBOX_SENDER: 'false' };
const kCodeText = 'Mã đặt lại mật khẩu Cổng dịch vụ công của bạn là';

//! Rows of `statement` as arrays of column strings.
function rows(db, statement) {
  return sql(db, statement).split('\n').filter((line) => line !== '').map((line) => line.split('|'));
}

//! Asks for a reset code for `login`; answers the outbox rows it made as [id, key, recipient, status].
async function requestResetCode(server, login) {
  // Only the messages of this request: an init --demo database already holds the demo office's messages.
  const before = Number(sql(server.db, 'SELECT COALESCE(MAX(id), 0) FROM outbox').trim());
  const asked = await new Browser(server.url).submit('/quen-mat-khau', { tai_khoan: login });
  assert.equal(asked.status, 303);
  const made = rows(server.db,
    `SELECT id, idempotency_key, recipient, status FROM outbox WHERE id > ${before} ORDER BY id`);
  assert.ok(made.length >= 1, 'the request left no message in the outbox');
  return made;
}

//! How many dev mailbox messages carry `key`.
function deliveries(db, key) {
  return Number(sql(db, `SELECT COUNT(*) FROM dev_mailbox WHERE idempotency_key = '${key}'`).trim());
}

describe('the outbox', () => {
  test('a message committed by a server killed before sending is delivered exactly once after restart', async () => {
    const database = await makeDatabase();
    const first = await startServer({ database, env: kSenderOff });
    const messages = await requestResetCode(first, kDemoLogins.citizen);
    for (const [, , , status] of messages) {
      assert.equal(status, 'pending');
    }
    assert.equal(Number(sql(database.db, 'SELECT COUNT(*) FROM dev_mailbox').trim()), 0, 'sent with the sender off');

    const exited = new Promise((resolve) => { first.proc.once('exit', (code, signal) => resolve(signal)); });
    first.proc.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');

    const second = await startServer({ database });
    try {
      await outboxDrained(second);
      for (const [id, key] of messages) {
        assert.equal(deliveries(database.db, key), 1, `message ${key} delivered ${deliveries(database.db, key)} times`);
        const [[status, body]] = rows(database.db, `SELECT status, body FROM outbox WHERE id = ${id}`);
        assert.equal(status, 'sent');
        assert.equal(body ?? '', '', 'the code stays in the outbox after sending');
      }
      // The code that arrived works.
      const [[, , phone]] = messages;
      const [[text]] = rows(database.db, `SELECT body FROM dev_mailbox WHERE recipient = '${phone}'`);
      const code = /\b(\d{6})\b/.exec(text)?.[1];
      assert.ok(code, `no code in "${text}"`);
      const password = 'mưa phùn tháng hai trên phố Hàng Bè';
      const reset = await new Browser(second.url).submit('/dat-lai-mat-khau', { tai_khoan: kDemoLogins.citizen, ma: code,
        mat_khau: password, mat_khau_2: password });
      assert.equal(reset.status, 303, reset.text.slice(0, 2000));
      // The reset tells the holder (issue 8): let that notice go before writing to the database from outside.
      await outboxDrained(second);

      // A sender that delivered and died before recording it: once its lease has passed the message goes again, and
      // the gateway (here the dev mailbox) drops the copy by its idempotency key.
      const [id, key] = messages[0];
      sql(database.db, `UPDATE outbox SET status = 'pending', sent_at = NULL, claimed_until = 0,
        claim_token = 'killed-sender' WHERE id = ${id}`);
      await outboxDrained(second);
      assert.equal(rows(database.db, `SELECT status FROM outbox WHERE id = ${id}`)[0][0], 'sent');
      assert.equal(deliveries(database.db, key), 1, 'the gateway received a duplicate');
      // The log line is written before the row is marked sent, but reaches this process through a pipe.
      const deadline = Date.now() + 10_000;
      while (!/duplicate dropped/.test(second.output()) && Date.now() < deadline) {
        await new Promise((resolve) => { setTimeout(resolve, 25); });
      }
      assert.match(second.output(), /duplicate dropped/);
    } finally {
      await second.stop();
    }
  });

  test('the system administrator sees a dead letter without its code and sends it again', async () => {
    const server = await startServer({ env: kSenderOff });
    try {
      const [[id, , recipient]] = await requestResetCode(server, kDemoLogins.citizen);
      sql(server.db, `UPDATE outbox SET status = 'dead', attempts = 8, last_error = 'gateway answered 503'
        WHERE id = ${id}`);

      const citizen = await signedIn(server, kDemoLogins.citizen);
      assert.equal((await citizen.get('/quan-tri/tin-nhan-chua-gui')).status, 403);

      const admin = await signedIn(server, kDemoLogins.systemAdmin);
      const page = await admin.get('/quan-tri/tin-nhan-chua-gui');
      assert.equal(page.status, 200);
      assert.match(page.text, /gateway answered 503/);
      const masked = `${recipient.slice(0, 2)}${'*'.repeat(recipient.length - 4)}${recipient.slice(-2)}`;
      assert.ok(page.text.includes(masked), `no masked recipient ${masked}`);
      assert.ok(!page.text.includes(recipient), 'the full recipient is shown');
      assert.ok(!page.text.includes(kCodeText), 'the one-time code message is shown');
      assert.match(page.text, new RegExp(`action="/quan-tri/tin-nhan-chua-gui/${id}/gui-lai"`));

      const resent = await admin.post(`/quan-tri/tin-nhan-chua-gui/${id}/gui-lai`);
      assert.equal(resent.status, 303);
      assert.equal(resent.location, '/quan-tri/tin-nhan-chua-gui?tb=gui-lai');
      const [[status, attempts]] = rows(server.db, `SELECT status, attempts FROM outbox WHERE id = ${id}`);
      assert.equal(status, 'pending');
      assert.equal(Number(attempts), 0);
      assert.equal(Number(sql(server.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'outbox.resend'
        AND object_id = '${id}'`).trim()), 1, 'the resend is not in the journal');
      assert.equal((await admin.post(`/quan-tri/tin-nhan-chua-gui/${id}/gui-lai`)).status, 404, 'resent twice');
      const after = await admin.get('/quan-tri/tin-nhan-chua-gui?tb=gui-lai');
      assert.ok(!after.text.includes(`/quan-tri/tin-nhan-chua-gui/${id}/gui-lai`), 'still listed as dead');
    } finally {
      await server.stop();
    }
  });
});
