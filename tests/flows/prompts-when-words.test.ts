// When a schedule comes, as people type it: the rhythm in words ("co tydzień", "co drugi tydzień", "every other week",
// "weekly") in /reflect and /supervision alike, the fillers of /reflect schedule in /supervision schedule, and an
// answer that names the word that is wrong (an hour with PM, a second hour or day, "March 13") instead of calling it
// an unknown theme. And /reflect add says the limit its label says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customPrompts, schedules } from '../../src/db/schema/index.js';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
const emily = { id: 'U_EMILY_W', name: 'Emily', isAdmin: true, locale: 'en-GB' };
const ask = (who: typeof facilitator, line: string) => tb.mem.ask(who, line);
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, emily]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

const rows = () => tb.bot.db.select().from(schedules).orderBy(schedules.id);

describe('the rhythm in words', () => {
  it('reads “co tydzień”, “co drugi tydzień”, “co dwa tygodnie” and English ones in /reflect schedule', async () => {
    expect(await ask(facilitator, '/reflect zaplanuj #refleksja piątek 9:00 co tydzień')).toContain('pytanie na #refleksja co tydzień (piątek, 09:00)');
    expect(await ask(facilitator, '/reflect zaplanuj #r2 piątek 9:00 co drugi tydzień więź')).toContain('co 2 tyg. (piątek, 09:00)');
    expect(await ask(facilitator, '/reflect zaplanuj #r3 co drugą środę o 9:00')).toContain('co 2 tyg. (środa, 09:00)');
    expect(await ask(facilitator, '/reflect zaplanuj #r4 piątek 9:00 co dwa tygodnie')).toContain('co 2 tyg. (piątek, 09:00)');
    expect(await ask(emily, '/reflect schedule #r5 friday 09:00 every week')).toContain('every Friday at 09:00');
    expect(await ask(emily, '/reflect schedule #r6 friday 09:00 every other week bond')).toContain('every 2 weeks on Friday at 09:00');
    expect(await ask(emily, '/reflect schedule #r7 friday 09:00 weekly')).toContain('every Friday at 09:00');
    expect(await ask(emily, '/reflect schedule #r8 friday 09:00 biweekly')).toContain('every 2 weeks on Friday at 09:00');
    expect((await rows()).map((r) => (r.rule as { every: number }).every)).toEqual([1, 2, 2, 2, 1, 2, 1, 2]);
  });

  it('reads the same words in /reflect edit', async () => {
    expect(await ask(facilitator, '/reflect zmień 1 co trzeci tydzień')).toContain('co 3 tyg.');
  });

  it('takes the fillers of /reflect schedule in /supervision schedule', async () => {
    expect(await ask(facilitator, '/supervision zaplanuj #superwizja w poniedziałek o 18:00')).toContain('Zaplanowany cykl S1: poniedziałek 18:00 (Europe/Warsaw) · co tydzień');
  });

  it('reads the same words in /supervision schedule', async () => {
    expect(await ask(facilitator, '/supervision zaplanuj #superwizja2 poniedziałek 18:00 co drugi tydzień')).toContain('· co 2 tygodnie');
    expect(await ask(facilitator, '/supervision zaplanuj #superwizja3 wtorek 18:00 co tydzień')).toContain('· co tydzień');
    expect(await ask(emily, '/supervision schedule #supervision4 on monday at 18:00 every other week')).toContain('· every 2 weeks');
  });
});

describe('an answer that names the word that is wrong', () => {
  it('answers an hour with am/pm, a second hour or a second day as such, and changes nothing', async () => {
    const before = await rows();
    const am = await ask(emily, '/reflect edit 1 thursday 9am');
    expect(am).toContain('“9am” is not a time on the 24-hour clock');
    expect(am).not.toContain('is not a theme');
    expect(await ask(emily, '/reflect edit 1 10:00 11:00')).toContain('A schedule has one hour, and I read two: “10:00” and “11:00”. Keep only the one you mean, for example 11:00.');
    expect(await ask(facilitator, '/reflect zmień 1 poniedziałek czwartek 9:00')).toContain('a tu widzę dwa: „poniedziałek” i „czwartek”');
    const pm = await ask(emily, '/reflect schedule #r9 wed 9:30 PM');
    expect(pm).toContain('“9:30 PM” is not a time on the 24-hour clock');
    expect(pm).not.toContain('is not a theme');
    expect(await ask(emily, '/reflect schedule #r9 wed 9:30 10:00 bond')).toContain('“9:30” and “10:00”');
    expect(await ask(facilitator, '/reflect zaplanuj #r9 środa 9:30 czwartek')).toContain('„środa” i „czwartek”');
    expect(await rows()).toEqual(before);
  });

  it('reads the whole date of /reflect skip, so “March 13” is named as a date not understood', async () => {
    const a = await ask(emily, '/reflect skip 1 March 13');
    expect(a).toContain('“March 13” is not a date I can read');
    expect(a).not.toContain('didn’t understand “13”');
  });

  it('refuses a team question over 280 characters with the limit its label names', async () => {
    const a = await ask(facilitator, `/reflect dodaj ${'ą'.repeat(2500)}`);
    expect(a).toContain('Pytanie, do 280 znaków: tekst jest za długi (2500/280 znaków).');
    expect(a).not.toContain('2000');
    expect(await tb.bot.db.select().from(customPrompts)).toEqual([]);
  });
});
