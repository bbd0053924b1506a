// `motcua audit verify`: an intact journal exits 0 with its row count; an altered one exits non-zero naming the row.
// The web app does not write journal rows yet, so this file writes them itself, hashing them in JavaScript with
// the canonical form documented in src/domain/audit.hpp: matching hashes also prove that form can be reproduced
// outside motcua. Always SQLite (rows are written and tampered with through the sqlite3 command-line tool).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { sql } from '../lib/client.mjs';
import { makeDatabase, runMotcua } from '../lib/server.mjs';

const kGenesis = '0'.repeat(64);
const kCanonicalTag = 'motcua-audit-v1';
const kBrokenExit = 1;

function sqlite(db, sql) {
  return execFileSync('sqlite3', ['-cmd', '.timeout 10000', db], { input: sql, encoding: 'utf8' }).trim();
}

//! A netstring: byte length, ':', the bytes, ','.
function item(text) {
  return `${Buffer.byteLength(text, 'utf8')}:${text},`;
}

//! The canonical form of src/domain/audit.hpp (version 1); a NULL actor is the empty string.
function canonicalForm(e) {
  const fields = [
    kCanonicalTag, String(e.seq), String(e.at_us), e.actor_id === null ? '' : String(e.actor_id),
    e.actor_name, e.actor_role, e.actor_agency, e.action, e.object_type, e.object_id, e.ip, e.user_agent,
    e.request_id, e.summary, e.prev_hash,
  ];
  return fields.map(item).join('');
}

function auditHash(e) {
  return createHash('sha256').update(e.prev_hash, 'utf8').update(canonicalForm(e), 'utf8').digest('hex');
}

function quote(value) {
  return value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
}

//! A chain of `n` entries as AppendAudit would write them, with the head record; returns the SQL.
function chainSql(n) {
  const columns = ['seq', 'at_us', 'actor_id', 'actor_name', 'actor_role', 'actor_agency', 'action', 'object_type',
    'object_id', 'ip', 'user_agent', 'request_id', 'summary', 'prev_hash', 'hash'];
  let prev = kGenesis;
  const statements = [];
  for (let seq = 1; seq <= n; ++seq) {
    const e = {
      seq,
      at_us: 1_750_000_000_000_000 + seq,
      actor_id: seq % 3 === 0 ? null : seq,
      actor_name: seq % 3 === 0 ? '' : 'Nguyễn Thị Thu Hà',
      actor_role: 'desk_officer',
      actor_agency: '000.00.00.H40',
      action: seq % 2 === 0 ? 'login.success' : 'dossier.accept',
      object_type: 'dossier',
      object_id: `H40.1-250101-${String(seq).padStart(4, '0')}`,
      ip: '192.0.2.7',
      user_agent: "Mozilla/5.0 (it's a test)",
      request_id: `req-${seq}`,
      summary: JSON.stringify({ before: { status: 'received' }, after: { status: 'accepted', note: 'Đã tiếp nhận' } }),
      prev_hash: prev,
    };
    e.hash = auditHash(e);
    prev = e.hash;
    statements.push(`INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map((c) => quote(e[c])).join(', ')});`);
  }
  if (n > 0) {
    statements.push(`INSERT INTO meta (key, value) VALUES ('audit_head', '${n}:${prev}')` +
      ' ON CONFLICT (key) DO UPDATE SET value = excluded.value;');
  }
  return `BEGIN;\n${statements.join('\n')}\nCOMMIT;\n`;
}

describe('audit verify', () => {
  let tmp;
  let count = 0;

  //! A fresh SQLite database as `init` leaves it (its journal records the system administrator's creation).
  async function initDb() {
    const db = path.join(tmp, `audit-${++count}.db`);
    const r = await runMotcua(['init', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    return db;
  }

  //! A fresh SQLite database with the schema and no journal rows.
  async function freshDb() {
    const db = await initDb();
    sqlite(db, "DELETE FROM audit_log; DELETE FROM meta WHERE key = 'audit_head';");
    return db;
  }

  async function verify(db) {
    const r = await runMotcua(['audit', 'verify', '--db', db]);
    return { ...r, out: r.stdout + r.stderr };
  }

  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-audit-'));
  });
  after(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  test('the journal init writes (the system administrator created) is intact', async () => {
    const db = await initDb();
    const r = await verify(db);
    assert.equal(r.code, 0, r.out);
    assert.match(r.stdout, /audit journal intact: 1 rows/);
    assert.equal(sqlite(db, 'SELECT action FROM audit_log WHERE seq = 1;').trim(), 'account.admin_created');
  });

  test('an empty journal is intact with 0 rows', async () => {
    const r = await verify(await freshDb());
    assert.equal(r.code, 0, r.out);
    assert.match(r.stdout, /audit journal intact: 0 rows/);
  });

  test('a chain hashed outside motcua verifies, and one edited field is named by its row', async () => {
    const db = await freshDb();
    sqlite(db, chainSql(6));
    let r = await verify(db);
    assert.equal(r.code, 0, `a chain hashed in JavaScript does not verify, so the canonical forms differ:\n${r.out}`);
    assert.match(r.stdout, /audit journal intact: 6 rows/);

    sqlite(db, "UPDATE audit_log SET summary = '{}' WHERE seq = 4;");
    r = await verify(db);
    assert.equal(r.code, kBrokenExit, r.out);
    assert.match(r.stderr, /row 4: hash does not match its contents/);
    assert.doesNotMatch(r.stdout, /intact/);
  });

  test('a deleted middle row and deleted last rows are both reported', async () => {
    const db = await freshDb();
    sqlite(db, chainSql(5));
    sqlite(db, 'DELETE FROM audit_log WHERE seq = 5;');
    let r = await verify(db);
    assert.equal(r.code, kBrokenExit, r.out);
    assert.match(r.stderr, /journal ends at row 4 but the head records row 5/);

    sqlite(db, 'DELETE FROM audit_log WHERE seq = 2;');
    r = await verify(db);
    assert.equal(r.code, kBrokenExit, r.out);
    assert.match(r.stderr, /row 2 missing \(rows jump from 1 to 3\)/);
  });

  test('audit seal chains unsealed rows in id order with the documented hash; verify seals first', async () => {
    const db = await freshDb();
    sqlite(db, chainSql(2));
    // Rows as AppendAudit writes them: content only, no seq and no hashes; ids out of time order on purpose.
    sqlite(db, "INSERT INTO audit_log (id, at_us, actor_id, action, object_type, object_id) VALUES " +
      "(20, 1750000000000020, 5, 'login.success', 'user', '5'), (10, 1750000000000010, NULL, 'login.failure', '', '');");
    let r = await runMotcua(['audit', 'seal', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /audit journal: 2 rows sealed/);
    const rows = sqlite(db, 'SELECT id, seq FROM audit_log WHERE id >= 10 ORDER BY seq;');
    assert.equal(rows, '10|3\n20|4');
    const sealed = JSON.parse(sqlite(db, "SELECT json_group_array(json_object('seq', seq, 'at_us', at_us, 'actor_id', " +
      "actor_id, 'actor_name', actor_name, 'actor_role', actor_role, 'actor_agency', actor_agency, 'action', action, " +
      "'object_type', object_type, 'object_id', object_id, 'ip', ip, 'user_agent', user_agent, 'request_id', " +
      "request_id, 'summary', summary, 'prev_hash', prev_hash, 'hash', hash)) FROM (SELECT * FROM audit_log " +
      'ORDER BY seq);'));
    for (const e of sealed) {
      assert.equal(auditHash(e), e.hash, `row ${e.seq} is not hashed in the documented canonical form`);
    }
    r = await verify(db);
    assert.equal(r.code, 0, r.out);
    assert.match(r.stdout, /audit journal intact: 4 rows/);

    sqlite(db, "INSERT INTO audit_log (at_us, action) VALUES (1, 'account.create');");
    r = await verify(db);
    assert.equal(r.code, 0, r.out);
    assert.match(r.stdout, /audit journal intact: 5 rows/, 'verify did not seal the new row first');
  });

  test('audit without a subcommand is a usage error; its help lists verify and seal', async () => {
    let r = await runMotcua(['audit']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /subcommand is required/);
    r = await runMotcua(['audit', '--help']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\bverify\b/);
    assert.match(r.stdout, /\bseal\b/);
  });
});

// A published head: `audit head` prints "seq:hash"; `audit verify --head` fails once the journal no longer reaches
// that row with that hash, which is what cutting rows from the end and moving the head record back looks like (the
// plain verify cannot see it). Runs on the test engine (PostgreSQL when MOTCUA_TEST_PG_URL is set).
describe('audit head and verify --head', () => {
  let db;
  const kHeadLine = /^(\d+):([0-9a-f]{64})$/;

  before(async () => {
    ({ db } = await makeDatabase({ demo: false }));
  });

  async function head() {
    const r = await runMotcua(['audit', 'head', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const line = r.stdout.trim();
    assert.match(line, kHeadLine, `audit head printed ${JSON.stringify(r.stdout)}`);
    assert.equal(r.stdout.split('\n').filter((l) => l !== '').length, 1, 'more than one line');
    return line;
  }

  function verifyHead(h) {
    return runMotcua(['audit', 'verify', '--db', db, '--head', h]);
  }

  function append(n) {
    const values = Array.from({ length: n }, (_, i) => `(${1_760_000_000_000_000 + i}, 'account.create', 'user', '${i}')`);
    sql(db, `INSERT INTO audit_log (at_us, action, object_type, object_id) VALUES ${values.join(', ')}`);
  }

  test('audit head prints the sealed chain head on one line, and verify --head accepts it', async () => {
    append(2);  // unsealed: head seals first
    const h = await head();
    const [, seq, hash] = kHeadLine.exec(h);
    assert.equal(sql(db, `SELECT hash FROM audit_log WHERE seq = ${seq}`), hash);
    assert.equal(sql(db, 'SELECT COUNT(*) FROM audit_log WHERE seq IS NULL'), '0');
    const r = await verifyHead(h);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`published head ${seq} still in the chain`));
  });

  test('rows cut away after a published head, with the head record moved back, fail verify --head only', async () => {
    const early = await head();
    append(3);
    const published = await head();
    const [, publishedSeq] = kHeadLine.exec(published);
    const [, earlySeq] = kHeadLine.exec(early);
    assert.equal(Number(publishedSeq), Number(earlySeq) + 3);
    assert.equal((await verifyHead(early)).code, 0, 'a later head made an earlier one fail');

    // The attacker's truncation: the last rows deleted and the head record set back to the row before them.
    sql(db, `DELETE FROM audit_log WHERE seq > ${earlySeq}`);
    sql(db, `UPDATE meta SET value = '${early}' WHERE key = 'audit_head'`);
    const plain = await runMotcua(['audit', 'verify', '--db', db]);
    assert.equal(plain.code, 0, 'the truncation is visible without a published head, so this test proves nothing');

    const r = await verifyHead(published);
    assert.equal(r.code, kBrokenExit, r.stdout + r.stderr);
    assert.match(r.stderr, /rows after the published head were cut away/);
    assert.match(r.stderr, new RegExp(`ends at row ${earlySeq}`));
    assert.doesNotMatch(r.stdout, /intact/);
  });

  test('a head whose row now has another hash fails, naming the row', async () => {
    const h = await head();
    const [, seq] = kHeadLine.exec(h);
    const r = await verifyHead(`${seq}:${'ab'.repeat(32)}`);
    assert.equal(r.code, kBrokenExit, r.stdout + r.stderr);
    assert.match(r.stderr, new RegExp(`row ${seq}: hash differs from the published head`));
  });

  test('a malformed --head is a usage error; a broken chain has no head to publish', async () => {
    for (const bad of ['42', 'x:y', `1:${'A'.repeat(64)}`, `0:${'a'.repeat(64)}`]) {
      const r = await verifyHead(bad);
      assert.equal(r.code, 2, `--head ${bad}: ${r.code}`);
      assert.match(r.stderr, /--head: expected seq:hash/);
    }
    sql(db, "UPDATE audit_log SET summary = 'edited' WHERE seq = 1");
    const r = await runMotcua(['audit', 'head', '--db', db]);
    assert.equal(r.code, kBrokenExit);
    assert.equal(r.stdout.trim(), '');
    assert.match(r.stderr, /no head printed/);
  });

  test('audit --help lists head', async () => {
    const r = await runMotcua(['audit', '--help']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\bhead\b/);
  });
});
