// /supervision log and hours fix: an amount that rounds to nothing is refused with the usual example, and the kind
// of supervision is read before or after the date.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionHours } from '../../src/db/schema/index.js';
import { hoursNote } from '../../src/features/supervision/sealed.js';
import { anna, ben, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [anna, ben]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

// Notes are sealed at rest: opened the way the member's own views open them.
const entries = async () =>
  (await tb.bot.db.select().from(supervisionHours).orderBy(supervisionHours.id)).map((e) => ({ hours: Number(e.hours), kind: e.kind, date: e.date, note: hoursNote(tb.bot.secrets, e) }));

describe('logging supervision hours', () => {
  it('refuses hours that round to 0 and keeps nothing, in log and in hours fix', async () => {
    await tb.mem.command(anna, '/supervision log 0,004 grupowa');
    expect(tb.mem.lastPrivate(anna.id)).toContain('co najmniej 0,01');
    expect(tb.mem.lastPrivate(anna.id)).toContain('/supervision dziennik 1,5 grupowa 2026-03-02');
    expect(await tb.bot.db.select().from(supervisionHours)).toEqual([]);
    await tb.mem.command(anna, '/supervision log 0,005 grupowa');
    const [row] = await tb.bot.db.select().from(supervisionHours);
    expect(Number(row!.hours)).toBe(0.01);
    await tb.mem.command(anna, `/supervision hours fix ${row!.id} 0.004`);
    expect(tb.mem.lastPrivate(anna.id)).toContain('co najmniej 0,01');
    const [same] = await tb.bot.db.select().from(supervisionHours).where(eq(supervisionHours.id, row!.id));
    expect(Number(same!.hours)).toBe(0.01);
    await tb.bot.db.delete(supervisionHours);
  });

  it('reads the kind after the date as well as before it', async () => {
    await tb.mem.command(ben, '/supervision log 1.5 2026-03-01 group');
    await tb.mem.command(anna, '/supervision log 2 2026-02-27 grupowa omówienie przypadku');
    await tb.mem.command(anna, '/supervision log 1 indywidualna 2026-02-26');
    expect(await entries()).toEqual([
      { hours: 1.5, kind: 'group', date: '2026-03-01', note: null },
      { hours: 2, kind: 'group', date: '2026-02-27', note: 'omówienie przypadku' },
      { hours: 1, kind: 'individual', date: '2026-02-26', note: null },
    ]);
  });

  it('reads a date written the Polish way, day first with dots, and never takes it for a note', async () => {
    await tb.bot.db.delete(supervisionHours);
    await tb.mem.command(anna, '/supervision log 2 indywidualna 20.02.2026');
    await tb.mem.command(anna, '/supervision log 1 1.3.2026 grupowa');
    expect(await entries()).toEqual([
      { hours: 2, kind: 'individual', date: '2026-02-20', note: null },
      { hours: 1, kind: 'group', date: '2026-03-01', note: null },
    ]);
    // An impossible one is refused, not kept as a note under today's date.
    await tb.mem.command(anna, '/supervision log 1 31.02.2026');
    expect(tb.mem.lastPrivate(anna.id)).toContain('Nie umiem odczytać daty „31.02.2026”');
    expect(await entries()).toHaveLength(2);
  });
});
