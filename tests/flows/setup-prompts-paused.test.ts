// /sojusz setup and the prompt schedule's state: a paused one is shown and stays paused, "no reflection prompts"
// pauses a running one, and a fortnightly one keeps its weeks when its day moves.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from '../../src/db/schema/index.js';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

type Page = { id: string; state?: string; intro?: string; fields: { id: string; initial?: unknown; options?: { value: string; label: string }[] }[] };
const initial = (form: Page) => Object.fromEntries(form.fields.map((f) => [f.id, f.initial as string | undefined]));

/** Opens setup, changes page 1 and page 2 by these values (the rest as shown), saves; returns page 1 as shown. */
async function runSetup(tb: TestBot, change1: Record<string, string | undefined> = {}, change2: Record<string, string> = {}) {
  await tb.mem.command(facilitator, '/sojusz setup');
  const form1 = tb.mem.lastForm(facilitator.id)! as Page;
  const two = await tb.mem.fill(facilitator, { ...initial(form1), ...change1 });
  expect(two, JSON.stringify(two)).toMatchObject({ kind: 'next' });
  const form2 = (two as { form: Page }).form;
  const saved = await tb.mem.submit(facilitator, form2.id, { ...initial(form2), ...change2 }, form2.state);
  expect(saved, JSON.stringify(saved)).toMatchObject({ kind: 'close' });
  return { form1, said: tb.mem.lastPrivate(facilitator.id)! };
}

const prompts = (tb: TestBot) => tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'prompt'));
/** The prompt threads posted in a channel (a thread carries the answer buttons; a channel introduction does not). */
const threads = (tb: TestBot, channel: string) => tb.mem.posts(channel).filter((p) => p.message.blocks.some((b) => b.type === 'actions'));
async function at(tb: TestBot, iso: string) {
  tb.clock.set(iso);
  await tb.bot.runDueWork();
}

/** Monday 2 March 2026, 08:00 UTC: a Polish team that set up Friday 09:00 prompts in #refleksja. */
async function teamWithFridayPrompts(): Promise<TestBot> {
  const tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  tb.mem.channels.set('refleksja', ['U_FAC', 'U_ANNA', 'U_BEN', 'U_X']);
  await runSetup(tb, { lang: 'pl', zone: 'Europe/Warsaw', promptChannel: '#refleksja', promptDay: '5', promptTime: '09:00' });
  return tb;
}

describe('/sojusz setup with paused prompts', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await teamWithFridayPrompts();
  });
  afterAll(() => tb.close());

  it('shows a paused schedule as paused, keeps it so when only the language changes, and adds no twin', async () => {
    const [row] = await prompts(tb);
    expect(await tb.mem.ask(facilitator, `/reflect pauza ${row!.number}`)).toContain('wstrzymany');
    const { form1, said } = await runSetup(tb, { lang: 'en' });
    expect(initial(form1)).toMatchObject({ promptChannel: 'refleksja', promptDay: 'off', promptTime: '09:00' });
    expect(form1.intro).toContain(`Pytania do refleksji #${row!.number} — co tydzień (piątek, 09:00) — są teraz wstrzymane`);
    // The summary is in the team's new language (the facilitator chose none of their own) and says it is paused.
    expect(said).toContain('team language and time zone');
    expect(said).toContain(`Reflection prompts #${row!.number} — every Friday at 09:00 — stay paused`);
    expect(said).toContain(`/reflect resume ${row!.number}`);
    const after = await prompts(tb);
    expect(after.map((s) => [s.id, s.paused])).toEqual([[row!.id, true]]);
    await at(tb, '2026-03-06T08:00:30Z');
    expect(threads(tb, 'refleksja')).toHaveLength(0);
  });

  it('brings the same schedule back when a day is ticked again', async () => {
    const [row] = await prompts(tb);
    const { said } = await runSetup(tb, { lang: 'pl', promptDay: '5' });
    expect(said).toContain(`pytania do refleksji #${row!.number} wznowione: co tydzień (piątek, 09:00)`);
    const after = await prompts(tb);
    expect(after.map((s) => [s.id, s.paused])).toEqual([[row!.id, false]]);
    await at(tb, '2026-03-13T08:00:30Z');
    expect(threads(tb, 'refleksja')).toHaveLength(1);
  });

  it('pauses running prompts when “no reflection prompts” is chosen, and says how to bring them back', async () => {
    const [row] = await prompts(tb);
    await tb.mem.command(facilitator, '/sojusz setup');
    const day = (tb.mem.lastForm(facilitator.id) as Page).fields.find((f) => f.id === 'promptDay')!;
    expect(day.options!.at(-1)).toEqual({ value: 'off', label: 'Bez pytań do refleksji' });
    const { said } = await runSetup(tb, { promptDay: 'off', promptChannel: '', promptTime: '' });
    expect(said).toContain(`pytania do refleksji #${row!.number} wstrzymane`);
    expect(said).toContain(`/reflect wznów ${row!.number}`);
    expect((await prompts(tb)).map((s) => [s.id, s.paused])).toEqual([[row!.id, true]]);
    await at(tb, '2026-03-20T08:00:30Z');
    expect(threads(tb, 'refleksja')).toHaveLength(1);
  });

  it('moves a paused schedule to a new team zone, so that resumed it comes at the hour the group knows', async () => {
    const [row] = await prompts(tb);
    expect(row!.paused).toBe(true);
    // Warsaw is UTC+1 in March until the 29th, London UTC+0: the group's 09:00 comes an hour later in UTC.
    await runSetup(tb, { zone: 'Europe/London', promptDay: 'off', promptChannel: '', promptTime: '' });
    expect((await prompts(tb)).map((s) => [s.id, s.paused, s.zone])).toEqual([[row!.id, true, 'Europe/London']]);
    await tb.mem.command(facilitator, `/reflect wznów ${row!.number}`);
    await at(tb, '2026-03-27T08:00:30Z');
    expect(threads(tb, 'refleksja')).toHaveLength(1);
    await at(tb, '2026-03-27T09:00:30Z');
    expect(threads(tb, 'refleksja')).toHaveLength(2);
    // Back to the group's zone and paused, as the tests below expect.
    await runSetup(tb, { zone: 'Europe/Warsaw', promptDay: 'off', promptChannel: '', promptTime: '' });
    expect((await prompts(tb)).map((s) => [s.paused, s.zone])).toEqual([[true, 'Europe/Warsaw']]);
  });

  it('says that running prompts go on, and how to pause them, when every prompt field is left empty', async () => {
    const [row] = await prompts(tb);
    await tb.mem.command(facilitator, `/reflect wznów ${row!.number}`);
    const { said } = await runSetup(tb, { promptDay: undefined, promptChannel: '', promptTime: '' });
    expect(said).toContain(`Pytania do refleksji #${row!.number} — co tydzień (piątek, 09:00) — idą dalej bez zmian`);
    expect(said).toContain('Bez pytań do refleksji');
    expect((await prompts(tb)).map((s) => [s.id, s.paused])).toEqual([[row!.id, false]]);
  });

  it('asks for the day, or “no reflection prompts”, when only part of the prompt fields is filled', async () => {
    await tb.mem.command(facilitator, '/sojusz setup');
    const form1 = tb.mem.lastForm(facilitator.id)! as Page;
    const out = await tb.mem.fill(facilitator, { ...initial(form1), promptChannel: '', promptTime: '' });
    expect(out.kind).toBe('errors');
    expect((out as { errors: Record<string, string> }).errors.promptChannel).toContain('„Bez pytań do refleksji”');
  });
});

describe('/sojusz setup when its own schedule is paused and another runs', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await teamWithFridayPrompts();
  });
  afterAll(() => tb.close());

  it('shows and keeps the running one, and never brings the paused one back beside it', async () => {
    const [own] = await prompts(tb);
    await tb.mem.command(facilitator, `/reflect pauza ${own!.number}`);
    await tb.mem.command(facilitator, '/reflect zaplanuj #refleksja poniedziałek 09:00');
    const { form1 } = await runSetup(tb, { promptTime: '10:00' });
    expect(initial(form1)).toMatchObject({ promptChannel: 'refleksja', promptDay: '1', promptTime: '09:00' });
    const rows = await prompts(tb);
    expect(rows.filter((r) => !r.paused)).toHaveLength(1);
    expect(rows.find((r) => r.id === own!.id)!.paused).toBe(true);
    expect(rows.find((r) => !r.paused)!.rule).toMatchObject({ weekday: 1, time: '10:00' });
  });
});

describe('/sojusz setup moving a fortnightly prompt to another day', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
    tb.mem.channels.set('refleksja', ['U_FAC', 'U_ANNA', 'U_BEN', 'U_X']);
    await tb.mem.command(facilitator, '/reflect schedule #refleksja friday 09:00 every 2 weeks');
  });
  afterAll(() => tb.close());

  it('keeps its own weeks when the day moves earlier in the week, and names its rhythm', async () => {
    await at(tb, '2026-03-06T08:00:30Z');
    expect(threads(tb, 'refleksja')).toHaveLength(1);
    tb.clock.set('2026-03-07T10:00:00Z');
    const { said } = await runSetup(tb, { lang: 'pl', zone: 'Europe/Warsaw', promptDay: '1' });
    // Three days after the last prompt would be too soon: the next is the Monday of its next fortnight.
    await at(tb, '2026-03-09T08:00:30Z');
    expect(threads(tb, 'refleksja')).toHaveLength(1);
    await at(tb, '2026-03-16T08:00:30Z');
    expect(threads(tb, 'refleksja')).toHaveLength(2);
    expect((await prompts(tb))[0]!.nextDueAt!.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(said).toMatch(/harmonogram pytań do refleksji #\d+: co 2 tyg\. \(poniedziałek, 09:00\)/);
    expect(said).not.toMatch(/cotygodniow/);
  });
});
