// /sojusz setup open while another facilitator changes the team: saving it as shown keeps their change (and says
// nothing was changed), a field left as shown keeps what is there now, and a field both changed is refused with the
// value it has now — next to the field, or by name when page 1 is no longer on screen.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/core/settings.js';
import { schedules, teams } from '../../src/db/schema/index.js';
import { makeBot, type TestBot } from '../helpers/bot.js';

const piotr = { id: 'U_PIOTR', name: 'Piotr', isAdmin: true, locale: 'pl-PL' };
const magda = { id: 'U_MAGDA', name: 'Magda', isAdmin: true, locale: 'pl-PL' };
const emily = { id: 'U_EMILY', name: 'Emily', isAdmin: true, locale: 'en-GB' };

type Page = { id: string; state?: string; fields: { id: string; initial?: unknown }[] };
type Out = { kind: string; form?: Page; errors?: Record<string, string> };
const initial = (form: Page) => Object.fromEntries(form.fields.map((f) => [f.id, f.initial as string | undefined]));

/** Setup opened: page 1 as shown. */
async function open(tb: TestBot, who: typeof piotr): Promise<Page> {
  await tb.mem.command(who, '/sojusz setup');
  return tb.mem.lastForm(who.id)! as Page;
}
/** Page 1 sent as shown, with these changes. */
async function next(tb: TestBot, who: typeof piotr, page1: Page, change: Record<string, string> = {}): Promise<Out> {
  return (await tb.mem.submit(who, page1.id, { ...initial(page1), ...change }, page1.state)) as Out;
}
/** Page 2 sent as shown, with these changes. */
async function save(tb: TestBot, who: typeof piotr, page2: Page, change: Record<string, string> = {}): Promise<Out> {
  return (await tb.mem.submit(who, page2.id, { ...initial(page2), ...change }, page2.state)) as Out;
}

const prompt = async (tb: TestBot) => (await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'prompt')))[0]!;
const threads = (tb: TestBot) => tb.mem.posts('refleksja').filter((p) => p.message.blocks.some((b) => b.type === 'actions'));
const offsets = async (tb: TestBot) => (await tb.bot.db.select().from(teams))[0]!.settings?.[SETTINGS.reminderOffsets];

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw: Friday 09:00 prompts in #refleksja, Monday 18:00 supervision.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const c of ['refleksja', 'superwizja', 'przypadki', 'moderacja']) tb.mem.channels.set(c, ['U_PIOTR', 'U_MAGDA', 'U_EMILY', 'U_X']);
  const page1 = await open(tb, piotr);
  const two = await next(tb, piotr, page1, { lang: 'pl', zone: 'Europe/Warsaw', promptChannel: '#refleksja', promptDay: '5', promptTime: '09:00' });
  expect((await save(tb, piotr, two.form!, { supChannel: '#superwizja', supRhythm: 'poniedziałek 18:00', reminders: '24h,1h' })).kind).toBe('close');
  await tb.mem.command(emily, '/sojusz language en');
});
afterAll(() => tb.close());

describe('/sojusz setup saved after another facilitator’s change', () => {
  it('keeps the prompts another facilitator moved while the form was open, and says nothing was changed', async () => {
    const number = (await prompt(tb)).number;
    const page1 = await open(tb, piotr);
    expect(initial(page1)).toMatchObject({ promptDay: '5', promptTime: '09:00' });
    // Meanwhile Magda moves the prompts to Tuesday 10:00, and is told so.
    expect(await tb.mem.ask(magda, `/reflect edit ${number} tuesday 10:00`)).toMatch(/Zmienione \*?#\d+\*?: .*10:00/);
    // Piotr presses Next and Save without touching anything.
    const two = await next(tb, piotr, page1);
    expect(two.kind).toBe('next');
    expect((await save(tb, piotr, two.form!)).kind).toBe('close');
    const said = tb.mem.lastPrivate(piotr.id)!;
    expect(said).toContain('Nic nie wymagało zmiany');
    expect(said).not.toMatch(/harmonogram pytań/);
    expect((await prompt(tb)).rule).toMatchObject({ weekday: 2, time: '10:00' });
    // The prompts come on Tuesday at 10:00, and not on Friday.
    tb.clock.set('2026-03-03T09:00:30Z');
    await tb.bot.runDueWork();
    expect(threads(tb)).toHaveLength(1);
    tb.clock.set('2026-03-06T08:00:30Z');
    await tb.bot.runDueWork();
    expect(threads(tb)).toHaveLength(1);
  });

  it('applies what this facilitator changed and keeps what another changed in a field left as shown', async () => {
    const page1 = await open(tb, piotr);
    const two = await next(tb, piotr, page1);
    // Meanwhile Magda changes the reminder times.
    await tb.mem.command(magda, '/supervision remind 48h,2h');
    expect(await offsets(tb)).toEqual([2880, 120]);
    // Piotr changes only the supervision rhythm; the reminders field still shows 24h,1h.
    expect(initial(two.form!).reminders).toBe('24h,1h');
    expect((await save(tb, piotr, two.form!, { supRhythm: 'poniedziałek 18:00 co drugi tydzień' })).kind).toBe('close');
    const said = tb.mem.lastPrivate(piotr.id)!;
    expect(said).toContain('rytm superwizji');
    expect(said).not.toContain('pory przypomnień');
    expect(await offsets(tb)).toEqual([2880, 120]);
    const series = (await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'supervision'))).filter((s) => !s.paused);
    expect(series.map((s) => s.rule)).toMatchObject([{ weekday: 1, time: '18:00', every: 2 }]);
  });

  it('refuses an hour both changed, next to the field, naming the prompts as they are now', async () => {
    const number = (await prompt(tb)).number;
    const page1 = await open(tb, piotr);
    await tb.mem.command(magda, `/reflect edit ${number} thursday 08:00`);
    const out = await next(tb, piotr, page1, { promptTime: '11:00' });
    expect(out.kind).toBe('errors');
    expect(out.errors!.promptTime).toMatch(/^W międzyczasie ktoś to zmienił — teraz: czwartek 08:00\./);
    expect(out.errors!.promptTime).toContain('/sojusz konfiguracja');
    // Nothing changed: Magda's hour stays.
    expect((await prompt(tb)).rule).toMatchObject({ weekday: 4, time: '08:00' });
    // Set to what it is now, the field is no conflict, and nothing needs changing.
    const two = await next(tb, piotr, page1, { promptDay: '4', promptTime: '08:00' });
    expect(two.kind).toBe('next');
    await save(tb, piotr, two.form!);
    expect(tb.mem.lastPrivate(piotr.id)).toContain('Nic nie wymagało zmiany');
  });

  it('says the same in English to a facilitator who reads English', async () => {
    const number = (await prompt(tb)).number;
    const page1 = await open(tb, emily);
    await tb.mem.command(magda, `/reflect edit ${number} wednesday 07:30`);
    const out = await next(tb, emily, page1, { promptTime: '12:00' });
    expect(out.errors!.promptTime).toMatch(/^Changed meanwhile by someone else — now: Wednesday 07:30\./);
    expect(out.errors!.promptTime).toContain('/sojusz setup');
  });

  it('saves nothing and names the field when page 1’s change meets another facilitator’s after Next', async () => {
    const number = (await prompt(tb)).number;
    const before = await prompt(tb);
    const reminders = await offsets(tb);
    const page1 = await open(tb, piotr);
    const two = await next(tb, piotr, page1, { promptTime: '19:00', zone: 'Europe/London' });
    expect(two.kind).toBe('next');
    // Between Next and Save, Magda moves the prompts.
    await tb.mem.command(magda, `/reflect edit ${number} saturday 08:15`);
    const out = await save(tb, piotr, two.form!, { reminders: '24h' });
    expect(out.kind).toBe('close');
    expect(tb.mem.lastPrivate(piotr.id)).toBe(
      'Nic nie zostało zapisane: w międzyczasie ktoś zmienił pole „Pytania do refleksji” — teraz: sobota 08:15. Uruchom /sojusz konfiguracja jeszcze raz, żeby zacząć od tego, co jest teraz.',
    );
    // Not the zone, not the reminders either: one transaction.
    expect((await tb.bot.db.select().from(teams))[0]!.zone).toBe('Europe/Warsaw');
    expect(await offsets(tb)).toEqual(reminders);
    expect((await prompt(tb)).rule).toMatchObject({ weekday: 6, time: '08:15' });
    expect((await prompt(tb)).id).toBe(before.id);
  });
});
