// The command line: help, and `import procedures`, which takes a whole file or nothing.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { makeDatabase, runMotcua, sourceDir } from '../lib/server.mjs';

function sqlite(db, sql) {
  return execFileSync('sqlite3', ['-cmd', '.timeout 10000', db, sql], { encoding: 'utf8' }).trim();
}

describe('help', () => {
  test('motcua --help exits 0 and lists the commands', async () => {
    const r = await runMotcua(['--help']);
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout + r.stderr;
    for (const command of ['init', 'serve', 'migrate', 'import']) {
      assert.match(out, new RegExp(`\\b${command}\\b`), `--help does not mention ${command}:\n${out}`);
    }
  });

  test('motcua serve --help mentions --db and --listen', async () => {
    const r = await runMotcua(['serve', '--help']);
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout + r.stderr;
    assert.match(out, /--db\b/);
    assert.match(out, /--listen\b/);
  });

  test('an unknown command exits non-zero with a message', async () => {
    const r = await runMotcua(['no-such-command']);
    assert.notEqual(r.code, 0);
    assert.ok(r.stderr.length > 0, 'nothing on stderr');
  });

  test('serve with an unknown option exits non-zero', async () => {
    const r = await runMotcua(['serve', '--no-such-option'], { timeoutMs: 10_000 });
    assert.notEqual(r.code, 0);
  });
});

describe('import procedures', () => {
  let database;
  let tmp;
  let header;
  let rows;
  before(async () => {
    database = await makeDatabase({ demo: false });
    tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-csv-'));
    const lines = readFileSync(path.join(sourceDir, 'data/reference/procedures.csv'), 'utf8').split('\n');
    header = lines[0];
    // Rows of birth registration, death registration and certified copies, given codes no real procedure has, so that they are new to any database.
    const pick = (code, newCode) => {
      const line = lines.find((l) => l.startsWith(`${code},`));
      assert.ok(line, `procedures.csv has no row ${code}`);
      return newCode + line.slice(code.length);
    };
    rows = {
      a: pick('1.001193', '9.990001'),
      b: pick('1.000656', '9.990002'),
      c: pick('2.000815', '9.990003'),
    };
  });
  after(async () => {
    await rm(tmp, { recursive: true, force: true });
    await rm(database.dir, { recursive: true, force: true });
  });

  const count = () => Number(sqlite(database.db, 'select count(*) from procedures'));
  const countNew = () => Number(sqlite(database.db, "select count(*) from procedures where code like '9.99000%'"));

  test('a file with broken rows is rejected whole, naming each bad line', async () => {
    assert.ok(header.split(',').includes('fee_vnd'), 'procedures.csv has no fee_vnd column');
    const lines = [
      header,                                          // line 1
      rows.a,                                          // line 2: valid
      '9.990004,Thiếu cột,Hộ tịch',                     // line 3: wrong column count
      `abc${rows.b.slice('9.990002'.length)}`,         // line 4: bad code
      rows.b.replace('Miễn phí,0,', 'Miễn phí,mười nghìn,'), // line 5: non-numeric fee_vnd
      rows.c,                                          // line 6: valid
      '9.990005,"Thủ tục chưa đóng ngoặc,Hộ tịch',      // line 7: unterminated quote (last, it runs to the end)
    ];
    assert.notEqual(lines[4], rows.b, 'could not make fee_vnd non-numeric');
    const file = path.join(tmp, 'broken.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const before = count();

    const r = await runMotcua(['import', 'procedures', '--db', database.db, file]);
    const out = r.stdout + r.stderr;
    assert.notEqual(r.code, 0, `import of a broken file exited 0:\n${out}`);
    for (const line of [3, 4, 5, 7]) {
      assert.match(out, new RegExp(`(dòng|line|hàng|row|:)\\s*${line}\\b`, 'i'), `line ${line} not reported:\n${out}`);
    }
    for (const line of [2, 6]) {
      assert.doesNotMatch(out, new RegExp(`(dòng|line|hàng|row)\\s*${line}\\b`, 'i'), `valid line ${line} reported:\n${out}`);
    }
    assert.equal(count(), before, 'some rows were imported');
    assert.equal(countNew(), 0, 'valid rows of a rejected file were imported');
  });

  test('the same file with only its valid rows imports them', async () => {
    const file = path.join(tmp, 'valid.csv');
    await writeFile(file, `${[header, rows.a, rows.b, rows.c].join('\n')}\n`);
    const before = count();
    const r = await runMotcua(['import', 'procedures', '--db', database.db, file]);
    assert.equal(r.code, 0, `import failed:\n${r.stdout}\n${r.stderr}`);
    assert.equal(countNew(), 3);
    assert.equal(count(), before + 3);
    assert.equal(sqlite(database.db, "select name from procedures where code = '9.990001'"), 'Thủ tục đăng ký khai sinh');
  });

  test('importing the same file twice changes nothing', async () => {
    const file = path.join(tmp, 'valid.csv');
    const before = count();
    const r = await runMotcua(['import', 'procedures', '--db', database.db, file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(count(), before);
  });

  test('a missing file exits non-zero', async () => {
    const r = await runMotcua(['import', 'procedures', '--db', database.db, path.join(tmp, 'nope.csv')]);
    assert.notEqual(r.code, 0);
  });
});
