import { count, eq } from 'drizzle-orm';
import { parseTheme, themeWords } from '../../src/features/prompts/library.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryMember } from '../../adapters/memory/index.js';
import { ensureTeam } from '../../src/core/teams.js';
import { customPrompts, schedules } from '../../src/db/schema/index.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
let id: number;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  await tb.mem.command(facilitator, '/reflect schedule #reflection friday 09:00');
  id = Number(/#(\d+)/.exec(tb.mem.privateTo(facilitator.id).join('\n'))![1]);
});
afterAll(() => tb.close());

const ask = (member: MemoryMember | { id: string; locale?: string }, line: string) => tb.mem.ask(member, line);
async function scheduleRows() {
  return tb.bot.db.select().from(schedules).orderBy(schedules.id);
}

describe('/reflect answers bad input clearly and changes nothing', () => {
  it('names a missing hour inside the Polish sentence in lower case, and as a label in English', async () => {
    expect(await ask(anna, '/reflect ja piątek')).toContain('Brakuje jeszcze: godzina w zapisie 24-godzinnym, np. 09:00.');
    expect(await ask(ben, '/reflect me friday')).toContain('Still missing: Local time on the 24-hour clock');
  });

  it('lists themes as words a member can type, in their language', () => {
    const { pl, en } = themeWords();
    for (const word of [...pl.split(', '), ...en.split(', ')]) expect(parseTheme(word), word).toBeDefined();
    expect(pl).not.toMatch(/goals|tasks/);
  });

  it.each([
    ['an unknown weekday', '/reflect schedule #reflection funday 09:00', '„funday” to nie dzień tygodnia'],
    ['25:00', '/reflect schedule #reflection friday 25:00', '„25:00” to nie godzina'],
    ['an unknown zone', '/reflect schedule #reflection friday 09:00 tz:Mars/Olympus', '„Mars/Olympus” to nie strefa czasowa'],
    ['an unknown theme, listing the themes', '/reflect schedule #reflection friday 09:00 zodiak', 'Nie znam tematu „zodiak”. Tematy: cele, zadania, więź'],
    ['every 0 weeks', '/reflect schedule #reflection friday 09:00 every 0 weeks', 'Co ile tygodni'],
  ])('rejects %s with an example', async (_what, line, expected) => {
    const before = await scheduleRows();
    const answer = await ask(facilitator, line);
    expect(answer).toContain(expected);
    expect(answer).toContain('Użycie: /reflect zaplanuj <kanał> <dzień> <godzina>');
    expect(answer).toContain('Na przykład: /reflect zaplanuj #refleksja piątek 09:00 co 2 tygodnie');
    expect(await scheduleRows()).toEqual(before);
  });

  it('names a channel the bot cannot post in and says how to invite it', async () => {
    tb.mem.closedChannels.add('private-room');
    const before = await scheduleRows();
    const answer = await ask(facilitator, '/reflect schedule #private-room friday 09:00');
    expect(answer).toContain('Nie mogę pisać na #private-room');
    expect(answer).toContain('/invite');
    // The channel is a link the platform renders, and the answer still shows how the command goes.
    const said = tb.mem.said.filter((s) => s.kind === 'private' && s.member === facilitator.id).at(-1)!;
    expect(said.kind === 'private' && said.message.blocks[0]).toMatchObject({ type: 'text', text: expect.arrayContaining([{ text: '#private-room', channel: 'private-room' }]) });
    expect(answer).toContain('Użycie: /reflect zaplanuj <kanał> <dzień> <godzina>');
    expect(answer).toContain('Na przykład: /reflect zaplanuj #refleksja piątek 09:00');
    expect(await ask(facilitator, '/reflect now #private-room')).toContain('#private-room');
    expect(await scheduleRows()).toEqual(before);
  });

  it('answers in English for an English speaker', async () => {
    const answer = await ask({ ...ben, isAdmin: true }, '/reflect schedule #reflection friday 25:00');
    expect(answer).toContain('“25:00” is not a time on the 24-hour clock');
    expect(answer).toContain('For example: /reflect schedule');
  });

  it('treats an unknown schedule and another team’s schedule alike, without touching either', async () => {
    const other = await ensureTeam(tb.bot.db, 'memory', 'T-OTHER');
    const [foreign] = await tb.bot.db
      .insert(schedules)
      // Its #2, a number this team does not have (its only schedule is #1).
      .values({ teamId: other.id, kind: 'prompt', number: 2, zone: 'Europe/Warsaw', rule: { type: 'weekly', weekday: 5, time: '09:00', every: 1, anchor: '2026-03-06' }, nextDueAt: new Date('2026-03-06T08:00:00Z'), payload: { channel: 'x', themes: [] } })
      .returning();
    // Neither its number nor its row id (what an old version showed) reaches it.
    for (const n of [999, foreign!.number!, foreign!.id]) {
      const answer = await ask(facilitator, `/reflect pause ${n}`);
      expect(answer).toContain(`nie ma harmonogramu pytań #${n}`);
      expect(answer).toContain('/reflect pauza 3');
    }
    const [still] = await tb.bot.db.select().from(schedules).where(eq(schedules.id, foreign!.id));
    expect(still!.paused).toBe(false);
  });

  it('refuses to skip a date that is not an occurrence and lists the dates that are', async () => {
    const before = await scheduleRows();
    const answer = await ask(facilitator, `/reflect skip ${id} 2026-03-07`);
    expect(answer).toContain(`2026-03-07 nie jest terminem harmonogramu #${id}`);
    expect(answer).toContain('2026-03-06, 2026-03-13, 2026-03-20, 2026-03-27');
    expect(await ask(facilitator, `/reflect skip ${id} 2026-13-40`)).toContain('2026-13-40');
    expect(await scheduleRows()).toEqual(before);
  });

  it('says a date of today whose time has passed has passed, offers a date that can be skipped, and never a holiday', async () => {
    expect(await ask(facilitator, '/reflect wolne dodaj 2026-03-13')).toContain('2026-03-13');
    const before = await scheduleRows();
    // Friday 6 March, 11:00 in Warsaw: today's 09:00 prompt is behind us.
    tb.clock.set('2026-03-06T10:00:00Z');
    const answer = await ask(facilitator, `/reflect pomiń ${id} 2026-03-06`);
    expect(answer).not.toContain('nie jest terminem');
    expect(answer).toContain(`Termin 2026-03-06 w harmonogramie #${id} już minął`);
    expect(answer).toContain(`/reflect pomiń ${id} 2026-03-20`);
    expect(answer).toContain('2026-03-20, 2026-03-27, 2026-04-03, 2026-04-10');
    // Not an occurrence at all: the dates offered leave the holiday out too.
    const notOne = await ask(facilitator, `/reflect skip ${id} 2026-03-07`);
    expect(notOne).toContain(`2026-03-07 nie jest terminem harmonogramu #${id}`);
    expect(notOne).toContain('2026-03-20, 2026-03-27, 2026-04-03, 2026-04-10');
    expect(await ask({ ...ben, isAdmin: true }, `/reflect skip ${id} 2026-03-06`)).toContain(`has already passed`);
    expect(await scheduleRows()).toEqual(before);
    // The date offered is one that can be skipped.
    expect(await ask(facilitator, `/reflect pomiń ${id} 2026-03-20`)).toContain(`harmonogram #${id} nie wyśle pytania`);
    expect(await ask(facilitator, '/reflect wolne usuń 2026-03-13')).toContain('2026-03-13');
  });

  it('lets only facilitators schedule, pause or add prompts', async () => {
    const before = await scheduleRows();
    for (const line of ['/reflect schedule #reflection friday 09:00', `/reflect pause ${id}`, '/reflect add Co dziś?', '/reflect followup 3']) {
      expect(await ask(anna, line)).toContain('tylko osoby prowadzące');
    }
    expect(await scheduleRows()).toEqual(before);
  });

  it('keeps the team’s own prompts within 280 characters and removes only existing ones', async () => {
    const long = 'a'.repeat(281);
    const tooLong = await ask(facilitator, `/reflect add ${long}`);
    expect(tooLong).toContain('Pytanie, do 280 znaków: tekst jest za długi (281/280 znaków)');
    // The example is in the member's language, question and all.
    expect(tooLong).toContain('Na przykład: /reflect dodaj Co w tym tygodniu pomogło Ci zachować ciekawość?');
    const [{ n }] = (await tb.bot.db.select({ n: count() }).from(customPrompts)) as [{ n: number }];
    expect(Number(n)).toBe(0);
    expect(await ask(facilitator, `/reflect dodaj ${'b'.repeat(280)}`)).toContain('Dodano pytanie zespołu');
    expect(await ask(facilitator, '/reflect remove 77')).toContain('Nie ma pytania zespołu #77');
  });

  it('rejects a follow-up that is neither days nor off', async () => {
    expect(await ask(facilitator, '/reflect followup soon')).toContain('„soon” to nie liczba dni');
    expect(await ask(facilitator, '/reflect followup 15')).toContain('„15”');
  });

  it('rejects a personal prompt at 25:00 and creates none', async () => {
    expect(await ask(anna, '/reflect ja piątek 25:00')).toContain('„25:00”');
    expect(await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'personal-prompt'))).toHaveLength(0);
  });

  it('browses prompts by theme in the member’s language, and pages the full list visibly', async () => {
    const bond = await ask(ben, '/reflect prompts bond');
    expect(bond).toContain('Prompts — Bond');
    const all = await ask(anna, '/reflect pytania');
    expect(all).toMatch(/Pozycje 1–15 z 79/);
    expect(all).toContain('/reflect pytania strona 2'); // in the words she reads, and it works as typed
    const page2 = await ask(anna, '/reflect pytania strona 2');
    expect(page2).toMatch(/Pozycje 16–30 z 79/);
    const page6 = await ask(anna, '/reflect pytania page 6');
    expect(page6).toContain('Własne pytania zespołu');
    expect(await ask(anna, '/reflect pytania strona 99')).toContain('Tu jest tylko 6 stron — strony 99 nie ma. Zacznij od /reflect pytania.');
    expect(await ask(ben, '/reflect prompts bond page 9')).toContain('There is only 1 page here, so no page 9.');
    expect(await ask(anna, '/reflect pytania zodiak')).toContain('Nie znam tematu „zodiak”');
  });
});
