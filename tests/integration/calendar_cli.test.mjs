// `motcua calendar show|due` against the real binary (issue 10): the computed calendar without a database, the
// administrators' overrides with --db, deadlines in working days, and bad input refused with one line and exit 2.

import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { sql } from '../lib/client.mjs';
import { makeDatabase, runMotcua } from '../lib/server.mjs';

const kLine = /^\d{4}-\d{2}-\d{2} (Mon|Tue|Wed|Thu|Fri|Sat|Sun) (holiday|compensatory|swapped_day_off|extra_day_off|make_up_workday) \S.*$/;

async function show(year, extra = []) {
  const r = await runMotcua(['calendar', 'show', '--year', String(year), ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trimEnd().split('\n');
}

async function due(from, days, extra = []) {
  const r = await runMotcua(['calendar', 'due', '--from', from, '--working-days', String(days), ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trim();
}

describe('calendar show without a database', () => {
  test('2026: Tết, Giỗ Tổ with its compensatory Monday, 30/4, 1/5, 2/9 with 1/9, one a line in date order', async () => {
    const lines = await show(2026);
    for (const line of lines) {
      assert.match(line, kLine);
    }
    assert.deepEqual([...lines].sort(), lines, 'not in date order');
    for (const expected of [
      '2026-01-01 Thu holiday Tết Dương lịch',
      '2026-02-16 Mon holiday Giao thừa Tết Nguyên Đán',
      '2026-02-17 Tue holiday Tết Nguyên Đán',
      '2026-02-20 Fri holiday Mùng bốn Tết Nguyên Đán',
      '2026-04-26 Sun holiday Ngày Giỗ Tổ Hùng Vương',
      '2026-04-27 Mon compensatory Ngày Giỗ Tổ Hùng Vương (nghỉ bù)',
      '2026-09-01 Tue holiday Quốc khánh',
      '2026-09-02 Wed holiday Quốc khánh',
    ]) {
      assert.ok(lines.includes(expected), `missing "${expected}" in:\n${lines.join('\n')}`);
    }
    assert.equal(lines.length, 12);
  });

  test('2024: the swapped Monday and its make-up Saturday', async () => {
    const lines = await show(2024);
    assert.ok(lines.includes('2024-04-29 Mon swapped_day_off Ngày nghỉ (thay cho ngày 04/05/2024)'), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('2024-05-04 Sat make_up_workday ')), lines.join('\n'));
  });

  test('the first and last years of the calendar', async () => {
    assert.ok((await show(1900)).some((l) => l.startsWith('1900-01-01 Mon holiday')));
    assert.ok((await show(2100)).length >= 9);
  });
});

describe('calendar due without a database', () => {
  test('one working day from 16:59 and from 17:01', async () => {
    assert.equal(await due('2026-11-02 16:59', 1), '2026-11-03 16:59');
    assert.equal(await due('2026-11-02 17:01', 1), '2026-11-03 17:00');
  });

  test('over Tết 2026 and over 30/4 and 1/5', async () => {
    assert.equal(await due('2026-02-13 10:00', 1), '2026-02-23 10:00');
    assert.equal(await due('2026-04-29T09:00', 2), '2026-05-05 09:00');
  });
});

describe('bad input', () => {
  const cases = [
    [['calendar', 'show', '--year', '1899'], /--year/],
    [['calendar', 'show', '--year', 'năm'], /--year/],
    [['calendar', 'show'], /--year/],
    [['calendar', 'due', '--from', '2026-02-30 10:00', '--working-days', '1'], /--from/],
    [['calendar', 'due', '--from', '2026-11-02', '--working-days', '1'], /--from/],
    [['calendar', 'due', '--from', '2026-11-02 10:00', '--working-days', '0'], /--working-days/],
    [['calendar', 'due', '--from', '2026-11-02 10:00', '--working-days', '1.5'], /--working-days/],
    [['calendar', 'due', '--from', '2026-11-02 10:00'], /--working-days/],
  ];
  for (const [args, pattern] of cases) {
    test(args.slice(1).join(' ') || 'nothing', async () => {
      const r = await runMotcua(args);
      assert.equal(r.code, 2, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
      assert.equal(r.stdout, '');
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, `not one line:\n${r.stderr}`);
      assert.match(lines[0], pattern);
    });
  }
});

describe('with --db: the administrators\' overrides', () => {
  let database;
  before(async () => {
    database = await makeDatabase({ demo: false });
    sql(database.db, "INSERT INTO calendar_overrides (day, working, reason, updated_at) VALUES "
      + "('2026-11-03', 0, 'Nghỉ theo quyết định của tỉnh', 0), ('2026-11-07', 1, 'Làm bù', 0), "
      + "('2026-09-01', 1, 'Làm việc', 0)");
  });
  after(async () => {
    await rm(database.dir, { recursive: true, force: true });
  });

  test('show lists them, a cancelled holiday disappears', async () => {
    const lines = await show(2026, ['--db', database.db]);
    assert.ok(lines.includes('2026-11-03 Tue extra_day_off Nghỉ theo quyết định của tỉnh'), lines.join('\n'));
    assert.ok(lines.includes('2026-11-07 Sat make_up_workday Làm bù'), lines.join('\n'));
    assert.ok(!lines.some((l) => l.startsWith('2026-09-01')), lines.join('\n'));
    // Without --db the computed calendar is unchanged.
    assert.ok(!(await show(2026)).some((l) => l.startsWith('2026-11-03')));
  });

  test('due skips the extra day off and counts the make-up Saturday', async () => {
    assert.equal(await due('2026-11-02 16:00', 1, ['--db', database.db]), '2026-11-04 16:00');
    assert.equal(await due('2026-11-06 16:00', 1, ['--db', database.db]), '2026-11-07 16:00');
    assert.equal(await due('2026-11-02 16:00', 1), '2026-11-03 16:00');
  });
});
