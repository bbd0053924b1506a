// Schema migrations through the real binary: a database whose schema is newer than the binary is refused by every
// command that migrates, with nothing changed; `serve` never starts a long migration (0003 is one) and names the
// command that does; a database made by the previous release (migrations 0001–0002, built here from their SQL files
// with the sqlite3 tool) upgrades in place with `motcua migrate`, keeps its journal intact, and then serves.
// Always SQLite (the database is built and inspected through the sqlite3 command-line tool).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { runMotcua, sourceDir, startServer } from '../lib/server.mjs';

const kTimeoutMs = 30_000;

function sqlite(db, sql) {
  return execFileSync('sqlite3', ['-cmd', '.timeout 10000', db], { input: sql, encoding: 'utf8' }).trim();
}

//! Everything a refused command must leave as it was: the schema and the row counts that matter.
function snapshot(db) {
  return sqlite(db, '.schema') + sqlite(db,
    'SELECT COUNT(*), MAX(version) FROM schema_migrations; SELECT COUNT(*) FROM audit_log; SELECT COUNT(*) FROM users;');
}

//! The SQL of one migration file with the schema macros as the previous release wrote them on SQLite.
async function previousReleaseSql(file) {
  const sql = await readFile(path.join(sourceDir, 'src/store/migrations', file), 'utf8');
  return sql.replaceAll('@ID@', 'INTEGER PRIMARY KEY').replaceAll('@NOW@', "strftime('%Y-%m-%dT%H:%M:%SZ','now')")
    .replaceAll('@BLOB@', 'BLOB');
}

//! A netstring, and the hash of an entry in the canonical form of src/domain/audit.hpp (version 1).
function item(text) {
  return `${Buffer.byteLength(text, 'utf8')}:${text},`;
}
function auditHash(e) {
  const fields = ['motcua-audit-v1', String(e.seq), String(e.at_us), String(e.actor_id), '', '', '', e.action, 'user',
    String(e.actor_id), '', '', '', '', e.prev_hash];
  return createHash('sha256').update(e.prev_hash).update(fields.map(item).join('')).digest('hex');
}

describe('migrations', () => {
  let tmp;
  let count = 0;

  async function newDir() {
    return mkdtemp(path.join(tmp, `m${++count}-`));
  }

  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-migrations-'));
  });
  after(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  test('a schema newer than the binary is refused by serve, migrate, init and audit, and nothing changes', async () => {
    const db = path.join(await newDir(), 'motcua.db');
    const init = await runMotcua(['init', '--db', db]);
    assert.equal(init.code, 0, init.stderr);
    sqlite(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future', 'x');");
    const before = snapshot(db);
    for (const args of [['serve', '--listen', '127.0.0.1:0'], ['migrate'], ['init'], ['init', '--demo'],
      ['audit', 'verify'], ['audit', 'seal']]) {
      const r = await runMotcua([...args, '--db', db], { timeoutMs: kTimeoutMs });
      assert.notEqual(r.code, 0, `motcua ${args.join(' ')} accepted a newer schema:\n${r.stdout}`);
      assert.match(r.stderr, /schema is version 9999, newer than this motcua knows/, `${args.join(' ')}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout, /listening/);
      assert.equal(snapshot(db), before, `motcua ${args.join(' ')} changed the database`);
    }
  });

  test('a database of the previous release: serve refuses the long migration, migrate upgrades it in place', async () => {
    const dir = await newDir();
    const db = path.join(dir, 'motcua.db');
    // Exactly what the previous release's `motcua init` created: migrations 0001 and 0002 and their record.
    sqlite(db, [
      'CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);',
      await previousReleaseSql('0001_catalogue.sql'),
      await previousReleaseSql('0002_accounts.sql'),
      "INSERT INTO schema_migrations VALUES (1, '0001_catalogue', 'x'), (2, '0002_accounts', 'x');",
      "INSERT INTO users (id, login_name, full_name, created_at) VALUES (1, 'admin', 'Quản trị', 1750000000);",
    ].join('\n'));
    // Its journal, chained as the previous release's AppendAudit did, with the head record.
    let prev = '0'.repeat(64);
    for (let seq = 1; seq <= 3; ++seq) {
      const e = { seq, at_us: 1_750_000_000_000_000 + seq, actor_id: 1, action: 'login.success', prev_hash: prev };
      e.hash = auditHash(e);
      sqlite(db, 'INSERT INTO audit_log (seq, at_us, actor_id, action, object_type, object_id, prev_hash, hash) ' +
        `VALUES (${seq}, ${e.at_us}, 1, '${e.action}', 'user', '1', '${prev}', '${e.hash}');`);
      prev = e.hash;
    }
    sqlite(db, `INSERT INTO meta (key, value) VALUES ('audit_head', '3:${prev}');`);
    const before = snapshot(db);

    const refused = await runMotcua(['serve', '--db', db, '--listen', '127.0.0.1:0'], { timeoutMs: kTimeoutMs });
    assert.notEqual(refused.code, 0, `serve started a long migration:\n${refused.stdout}`);
    assert.match(refused.stderr, /0003_\w+, which is marked long/);
    assert.ok(refused.stderr.includes(`motcua migrate --db ${db}`), `the command is not named: ${refused.stderr}`);
    assert.equal(snapshot(db), before, 'serve changed the database before refusing');

    const migrated = await runMotcua(['migrate', '--db', db], { timeoutMs: kTimeoutMs });
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, /schema version 2 → \d+/);
    assert.equal(sqlite(db, 'SELECT id, seq FROM audit_log ORDER BY id;'), '1|1\n2|2\n3|3');
    // Every instant is now microseconds; a date of birth stays a calendar date.
    assert.equal(sqlite(db, 'SELECT created_at FROM users WHERE id = 1;'), '1750000000000000');
    const verified = await runMotcua(['audit', 'verify', '--db', db], { timeoutMs: kTimeoutMs });
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /audit journal intact: 3 rows/);

    const server = await startServer({ database: { dir, db } });
    await server.stop();
  });
});
