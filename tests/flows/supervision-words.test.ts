// What facilitators read when they mistype a session or an offset, and the "held" summary for one hour
// and one person — in Polish and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSessions } from '../../src/db/schema/index.js';
import { ensureTeam } from '../../src/core/teams.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
const englishFacilitator = { id: 'U_FAC_EN', name: 'Fac EN', isAdmin: true, locale: 'en-GB' };
const said = (id: string) => (t.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');

beforeAll(async () => {
  // Tuesday 10 March 2026, 09:00 in Warsaw.
  t = await makeBot({ start: '2026-03-10T08:00:00Z' });
  for (const m of [facilitator, englishFacilitator, anna, ben]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

describe('a session that cannot be found', () => {
  it('offers an example for cancel with a date a week ahead', async () => {
    await t.mem.command(facilitator, '/supervision cancel 999');
    expect(said(facilitator.id)).toMatch(/Nie znajduję spotkania „999”.*\/supervision odwołaj 2026-03-17/);
    await t.mem.command(englishFacilitator, '/supervision cancel S99999999999');
    expect(said(englishFacilitator.id)).toMatch(/can’t find a session “S99999999999”.*\/supervision cancel 2026-03-17/);
  });

  it('offers an example for held with today’s date, not a cancel', async () => {
    await t.mem.command(facilitator, '/supervision held 7');
    expect(said(facilitator.id)).toMatch(/Nie znajduję spotkania „7”.*\/supervision odbyła się 2026-03-10/);
    expect(said(facilitator.id)).not.toMatch(/cancel|odwołaj/);
    t.clock.set('2026-04-02T08:00:00Z');
    await t.mem.command(englishFacilitator, '/supervision held 2026-01-05');
    expect(said(englishFacilitator.id)).toMatch(/“2026-01-05”.*\/supervision held 2026-04-02/);
  });
});

describe('reminder offsets out of range', () => {
  it('says the allowed range for 20 days and keeps the reminders as they were', async () => {
    const before = (await ensureTeam(t.bot.db, 'memory', 'T1')).settings;
    await t.mem.command(facilitator, '/supervision remind 48h,20d');
    expect(said(facilitator.id)).toContain('„20d” wychodzi poza zakres: przypomnienie może przyjść najwcześniej 14 dni, a najpóźniej 5 minut przed spotkaniem');
    await t.mem.command(englishFacilitator, '/supervision remind 2m');
    expect(said(englishFacilitator.id)).toContain('“2m” is out of range: a reminder can go out at most 14 days and at least 5 minutes before the session');
    expect((await ensureTeam(t.bot.db, 'memory', 'T1')).settings).toEqual(before);
  });

  it('still takes 14 days and 5 minutes, the ends of the range', async () => {
    await t.mem.command(facilitator, '/supervision remind 14d,5m');
    expect(said(facilitator.id)).toContain('Przypomnienia przyjdą na 14 dni oraz na 5 minut przed każdym spotkaniem');
  });
});

describe('marking a one-hour session held for one person', () => {
  it('reads correctly in Polish and in English', async () => {
    t.clock.set('2026-04-02T08:00:00Z');
    await t.mem.command(facilitator, '/supervision add 2026-04-06 18:00 #supervision duration 1h');
    const [s] = (await t.bot.db.select().from(supervisionSessions)).filter((x) => x.startsAt.toISOString() === '2026-04-06T16:00:00.000Z');
    await t.mem.click(anna, 'supervision.rsvp', `${s!.id}:coming`);
    t.clock.set('2026-04-06T18:00:00Z');
    await t.mem.command(facilitator, '/supervision held 2026-04-06');
    expect(said(facilitator.id)).toContain('Spotkanie z pon., 6 kwietnia 2026, 18:00 oznaczone jako odbyte. Zapisane: 1 godzina superwizji grupowej dla 1 osoby, która zapowiedziała obecność.');
    expect(said(facilitator.id)).not.toMatch(/Każdy|godzina superwizji grupowej zapisane/);
    await t.mem.command(englishFacilitator, `/supervision held ${s!.number}`);
    expect(said(englishFacilitator.id)).toMatch(/The session on .* is marked as held: 1 hour of group supervision logged for 0 people/);
  });
});

describe('Polish words of the supervision answers', () => {
  it('name the Polish subcommands inside Polish sentences', async () => {
    const { supervision: pl } = await import('../../src/i18n/pl/supervision.js');
    const commands = Object.values(pl)
      .flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))
      .flatMap((s) => [...s.matchAll(/`\/supervision ([^`]*)`/g)].map((m) => m[1]!));
    expect(commands.length).toBeGreaterThan(10);
    // "agenda" is a Polish word as well, and the subcommand's Polish name.
    const english = /^(schedule|add|list|cancel|remind|who|topic|topics|log|hours|held|calendar)\b|^dm off|\b(remove|private|export|fix)\b/;
    expect(commands.filter((c) => english.test(c))).toEqual([]);
  });

  it('suggest a Polish command to a Polish facilitator who mistyped a session', async () => {
    t.clock.set('2026-03-10T08:00:00Z');
    await t.mem.command(facilitator, '/supervision odwołaj 999');
    expect(said(facilitator.id)).toContain('/supervision odwołaj 2026-03-17');
  });

  it('name each reminder offset as its own moment, never as one sum', async () => {
    await t.mem.command(facilitator, '/supervision remind 2d,2h');
    expect(said(facilitator.id)).toContain('Przypomnienia przyjdą na 2 dni oraz na 2 godziny przed każdym spotkaniem.');
    await t.mem.command(englishFacilitator, '/supervision remind 2d,2h,30m');
    expect(said(englishFacilitator.id)).toContain('Reminders will go out 2 days before, 2 hours before and again 30 minutes before each session.');
    await t.mem.command(englishFacilitator, '/supervision remind 2d,2h');
    expect(said(englishFacilitator.id)).toContain('Reminders will go out 2 days before and again 2 hours before each session.');
    await t.mem.command(facilitator, '/supervision remind 24h');
    expect(said(facilitator.id)).toContain('Przypomnienia przyjdą na 24 godziny przed każdym spotkaniem.');
  });

  it('title the agenda in a reminder naturally', async () => {
    t.clock.set('2026-04-10T08:00:00Z');
    await t.mem.command(facilitator, '/supervision remind 24h');
    await t.mem.command(facilitator, '/supervision add 2026-04-14 18:00 #supervision');
    t.clock.set('2026-04-13T16:00:30Z');
    await t.bot.runDueWork();
    const post = t.mem.posts('supervision').at(-1)!.text;
    expect(post).toContain('Aktualna agenda');
    expect(post).not.toContain('Agenda na teraz');
  });
});
