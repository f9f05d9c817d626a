// What people type into the setup form: a supervision rhythm read whole (a word it cannot place is answered with an
// example, never dropped), an hour in any shape answered by the time's own words, and page 2 saying that page 1 is
// saved only with it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { schedules } from '../../src/db/schema/index.js';
import { parseRhythm } from '../../src/features/onboarding/rhythm.js';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

type Page = { id: string; state?: string; intro?: string; fields: { id: string; initial?: unknown }[] };
type Out = { kind: string; form?: Page; errors?: Record<string, string> };
const page1 = { lang: 'pl', zone: 'Europe/Warsaw', promptChannel: '#refleksja', promptDay: '5', promptTime: '09:00' };
const page2 = { supChannel: '#superwizja', supRhythm: 'poniedziałek 18:00', reminders: '24h,1h' };

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const c of ['refleksja', 'superwizja']) tb.mem.channels.set(c, ['U_FAC', 'U_X']);
});
afterAll(() => tb.close());

/** Setup with these page-1 and page-2 values; returns page 1's outcome, or page 2's once page 1 went through. */
async function setup(one: Record<string, string>, two: Record<string, string> = {}): Promise<Out> {
  await tb.mem.command(facilitator, '/sojusz setup');
  const out = (await tb.mem.fill(facilitator, one)) as Out;
  if (out.kind !== 'next') return out;
  return (await tb.mem.submit(facilitator, out.form!.id, two, out.form!.state)) as Out;
}
const series = async () => (await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'supervision'))).filter((s) => !s.paused);

describe('the supervision rhythm field', () => {
  it('answers a rhythm it cannot read whole with an example, and saves nothing', async () => {
    for (const rhythm of ['poniedziałek 18:00 co 2 miesiące', 'poniedziałek 18:00 co 2 tygodnie co 3 tygodnie', 'poniedziałek 18:00 raz w miesiącu']) {
      const out = await setup(page1, { ...page2, supRhythm: rhythm });
      expect(out.kind, rhythm).toBe('errors');
      expect(out.errors!.supRhythm, rhythm).toBe(`Nie umiem odczytać rytmu „${rhythm}”. Wpisz np. „poniedziałek 18:00” albo „poniedziałek 18:00 co 2 tygodnie”.`);
    }
    expect(await tb.bot.db.select().from(schedules)).toHaveLength(0);
    expect(tb.mem.privateTo(facilitator.id).join('\n')).not.toContain('rytm superwizji');
  });

  it('says how far apart sessions may be when the rhythm is read but too sparse', async () => {
    const out = await setup(page1, { ...page2, supRhythm: 'poniedziałek 18:00 co 10 tygodni' });
    expect(out.errors!.supRhythm).toBe('„poniedziałek 18:00 co 10 tygodni”: superwizja może się powtarzać co tydzień, najrzadziej co 8 tygodni. Wpisz np. „poniedziałek 18:00 co 4 tygodnie”.');
  });

  it('saves “co drugi tydzień” as every two weeks, and names the rhythm as changed only when it did', async () => {
    expect((await setup(page1, { ...page2, supRhythm: 'poniedziałek 18:00 co drugi tydzień' })).kind).toBe('close');
    expect((await series()).map((s) => s.rule)).toMatchObject([{ weekday: 1, time: '18:00', every: 2 }]);
    // Shown again as the form writes it, and saved as shown: nothing changed.
    await tb.mem.command(facilitator, '/sojusz setup');
    const two = (await tb.mem.fill(facilitator, page1)) as Out;
    const shown = Object.fromEntries(two.form!.fields.map((f) => [f.id, f.initial as string | undefined]));
    expect(shown.supRhythm).toBe('poniedziałek 18:00 co 2 tygodnie');
    await tb.mem.submit(facilitator, two.form!.id, shown, two.form!.state);
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('Nic nie wymagało zmiany');
  });

  it.each([
    ['poniedziałek 18:00', 1],
    ['poniedziałek 18:00 co tydzień', 1],
    ['poniedziałek 18:00 co drugi tydzień', 2],
    ['poniedziałek 18:00 co 2 tygodnie', 2],
    ['poniedziałek 18:00 co 5 tygodni', 5],
    ['w poniedziałek o 18:00 co dwa tygodnie', 2],
    ['co drugi poniedziałek 18:00', 2],
    ['monday 18:00 every week', 1],
    ['monday 18:00 every other week', 2],
    ['monday 18:00 every 2 weeks', 2],
    ['Monday 18:00 every 3 weeks', 3],
    ['every other monday at 18:00', 2],
  ])('reads “%s” as every %i week(s)', (text, every) => {
    expect(parseRhythm(text)).toEqual({ weekday: 1, time: '18:00', every });
  });

  it.each(['poniedziałek 18:00 co 2 miesiące', 'poniedziałek 18:00 co 2 tygodnie co 3 tygodnie', 'co drugi poniedziałek 18:00 co 3 tygodnie', 'poniedziałek co 2 tygodnie', 'poniedziałek'])(
    'refuses “%s” rather than read part of it',
    (text) => {
      expect(() => parseRhythm(text)).toThrow(expect.objectContaining({ code: 'onboarding.setup.badRhythm' }) as UserError);
    },
  );
});

describe('the prompt hour field', () => {
  it('answers an hour with am/pm by the 24-hour example, not by its length', async () => {
    for (const typed of ['9:30am', '09:30 p.m.']) {
      const out = await setup({ ...page1, promptTime: typed });
      expect(out.kind, typed).toBe('errors');
      expect(out.errors!.promptTime, typed).toBe(`„${typed}” to nie godzina w zapisie 24-godzinnym. Wpisz np. 09:00 albo 18:30.`);
    }
  });
});

describe('page 2', () => {
  it('says that nothing from page 1 is saved until it is sent, in both languages', async () => {
    await tb.mem.command(facilitator, '/sojusz setup');
    const pl = (await tb.mem.fill(facilitator, page1)) as Out;
    expect(pl.form!.intro).toContain('Zmiany z części 1 zapiszą się dopiero po wysłaniu tej części.');
    const emily = { id: 'U_EMILY_FAC', locale: 'en-GB', isAdmin: true };
    await tb.mem.command(emily, '/sojusz language en');
    await tb.mem.command(emily, '/sojusz setup');
    const en = (await tb.mem.fill(emily, page1)) as Out;
    expect(en.form!.intro).toContain('Nothing from part 1 is saved until you send this part.');
  });
});
