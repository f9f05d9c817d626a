// /supervision log as people type it: "hrs", "godz.", "yesterday", "wczoraj" and a short date (01.03) among the kind
// are read, not dropped into the note with the kind and date silently left at "individual, today"; a second kind or an
// unreadable date is refused and nothing is logged. And /supervision held, missing its session, asks in its own words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionHours } from '../../src/db/schema/index.js';
import { hoursNote } from '../../src/features/supervision/sealed.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
const emily = { id: 'U_EMILY_H', name: 'Emily', isAdmin: true, locale: 'en-GB' };
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [anna, ben, facilitator, emily]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

const entries = async () =>
  (await tb.bot.db.select().from(supervisionHours).orderBy(supervisionHours.id)).map((e) => ({ hours: Number(e.hours), kind: e.kind, date: e.date, note: hoursNote(tb.bot.secrets, e) }));
const ask = (who: { id: string }, line: string) => tb.mem.ask(who as typeof anna, line);

describe('the words after the hours', () => {
  it('reads units, yesterday and a short date among the kind, and keeps the rest as the note', async () => {
    await tb.bot.db.delete(supervisionHours);
    expect(await ask(ben, '/supervision log 1.5 hrs group')).toContain('Logged 1.5 hours of group supervision on 2026-03-02');
    expect(await ask(ben, '/supervision log 2 group yesterday')).toContain('group supervision on 2026-03-01');
    expect(await ask(ben, '/supervision log 1 group 27.02')).toContain('group supervision on 2026-02-27');
    expect(await ask(anna, '/supervision dziennik 1,5 godz. superwizji grupowej wczoraj omówienie przypadku')).toContain('superwizja grupowa, 2026-03-01');
    expect(await ask(anna, '/supervision dziennik 2h indywidualna dzisiaj')).toContain('Zapisane: 2 godziny, superwizja indywidualna, 2026-03-02');
    expect(await ask(ben, '/supervision log 1 hour of group supervision yesterday')).toContain('1 hour of group supervision on 2026-03-01');
    expect(await entries()).toEqual([
      { hours: 1.5, kind: 'group', date: '2026-03-02', note: null },
      { hours: 2, kind: 'group', date: '2026-03-01', note: null },
      { hours: 1, kind: 'group', date: '2026-02-27', note: null },
      { hours: 1.5, kind: 'group', date: '2026-03-01', note: 'omówienie przypadku' },
      { hours: 2, kind: 'individual', date: '2026-03-02', note: null },
      { hours: 1, kind: 'group', date: '2026-03-01', note: null },
    ]);
  });

  it('refuses a second kind or date, and a date it cannot read, logging nothing', async () => {
    await tb.bot.db.delete(supervisionHours);
    const twoKinds = await ask(facilitator, '/supervision dziennik 1,5 indywidualna grupowa');
    expect(twoKinds).toContain('„indywidualna” i „grupowa”');
    expect(twoKinds).toContain('/supervision dziennik 1 grupowa');
    expect(await ask(emily, '/supervision log 1 group yesterday 2026-02-20')).toContain('I read two: “yesterday” and “2026-02-20”');
    expect(await ask(emily, '/supervision log 1 group 31.02')).toContain('“31.02” is not a date I can read');
    expect(await ask(emily, '/supervision log 1 group 3/1/2026')).toContain('“3/1/2026” is not a date I can read');
    // This year's 5 March is still ahead: refused, not taken for last year's.
    expect(await ask(emily, '/supervision log 1 group 05.03')).toContain('2026-03-05 is still ahead');
    expect(await entries()).toEqual([]);
  });

  it('keeps kind words that come after the note has begun in the note', async () => {
    await tb.bot.db.delete(supervisionHours);
    await ask(ben, '/supervision log 1 group yesterday case about a group');
    expect(await entries()).toEqual([{ hours: 1, kind: 'group', date: '2026-03-01', note: 'case about a group' }]);
  });
});

describe('/supervision held without a session', () => {
  it('asks for a session that took place, saying nothing of cancelling a series', async () => {
    const pl = await ask(facilitator, '/supervision odbyła się');
    expect(pl).toContain('Brakuje jeszcze: numer lub data (RRRR-MM-DD) spotkania, które się odbyło.');
    expect(pl).not.toContain('odwołaniu');
    const en = await ask(emily, '/supervision held');
    expect(en).toContain('Still missing: Number or date (YYYY-MM-DD) of the session that took place.');
    expect(en).not.toContain('cancel');
  });
});
