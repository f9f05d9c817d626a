// /sojusz setup in a team first set up by commands: it shows and edits those schedules, never adds twins.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from '../../src/db/schema/index.js';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const c of ['refleksja', 'superwizja']) tb.mem.channels.set(c, ['U_FAC', 'U_ANNA', 'U_BEN', 'U_X']);
  await tb.mem.command(facilitator, '/reflect schedule #refleksja friday 09:00');
  await tb.mem.command(facilitator, '/supervision schedule #superwizja monday 18:00 every 2 weeks');
});
afterAll(() => tb.close());

const active = async (kind: string) => (await tb.bot.db.select().from(schedules).where(eq(schedules.kind, kind))).filter((s) => !s.paused);

describe('/sojusz setup after commands', () => {
  it('shows the schedules made by commands, and saving them unchanged adds nothing', async () => {
    const before = { prompt: await active('prompt'), supervision: await active('supervision') };
    expect(before.prompt).toHaveLength(1);
    expect(before.supervision).toHaveLength(1);
    await tb.mem.command(facilitator, '/sojusz setup');
    const form1 = tb.mem.lastForm(facilitator.id)!;
    const initial1 = Object.fromEntries(form1.fields.map((f) => [f.id, (f as { initial?: unknown }).initial]));
    expect(initial1).toMatchObject({ promptDay: '5', promptTime: '09:00' });
    const two = await tb.mem.fill(facilitator, { ...initial1, promptChannel: '#refleksja' });
    expect(two.kind).toBe('next');
    const form2 = (two as { form: { id: string; state?: string; fields: { id: string; initial?: unknown }[] } }).form;
    const initial2 = Object.fromEntries(form2.fields.map((f) => [f.id, f.initial]));
    expect(String(initial2.supRhythm)).toMatch(/18:00/);
    await tb.mem.submit(facilitator, form2.id, { ...initial2, supChannel: '#superwizja' }, form2.state);
    expect((await active('prompt')).map((s) => s.id)).toEqual(before.prompt.map((s) => s.id));
    expect((await active('supervision')).map((s) => s.id)).toEqual(before.supervision.map((s) => s.id));
  });

  it('moves the prompt made by a command instead of adding a second one', async () => {
    await tb.mem.command(facilitator, '/sojusz setup');
    const form1 = tb.mem.lastForm(facilitator.id)!;
    const initial1 = Object.fromEntries(form1.fields.map((f) => [f.id, (f as { initial?: unknown }).initial]));
    const two = await tb.mem.fill(facilitator, { ...initial1, promptChannel: '#refleksja', promptTime: '10:00' });
    const form2 = (two as { form: { id: string; state?: string; fields: { id: string; initial?: unknown }[] } }).form;
    await tb.mem.submit(facilitator, form2.id, Object.fromEntries(form2.fields.map((f) => [f.id, f.initial as string | undefined])), form2.state);
    const prompts = await active('prompt');
    expect(prompts).toHaveLength(1);
    expect((prompts[0]!.rule as { time: string }).time).toBe('10:00');
  });
});

// A team whose schedules carry what the setup form has no field for: a zone of their own, a two-week rhythm,
// themes, a session length and a place. Setup shows their channels and keeps all of that.
describe('/sojusz setup after commands with their own zone, rhythm and themes', () => {
  let t2: TestBot;
  beforeAll(async () => {
    t2 = await makeBot({ start: '2026-03-02T08:00:00Z' });
    for (const c of ['refleksja', 'superwizja']) t2.mem.channels.set(c, ['U_FAC', 'U_ANNA', 'U_BEN', 'U_X']);
    await t2.mem.command(facilitator, '/reflect schedule #refleksja friday 09:00 every 2 weeks bond repair tz:Europe/London');
    await t2.mem.command(facilitator, '/supervision schedule #superwizja monday 18:00 duration 60m where: https://meet.example.org/abc');
  });
  afterAll(() => t2.close());

  const rows = async () =>
    (await t2.bot.db.select().from(schedules))
      .filter((s) => (s.kind === 'prompt' || s.kind === 'supervision') && !s.paused)
      .map((s) => ({ id: s.id, kind: s.kind, zone: s.zone, rule: s.rule, payload: s.payload }))
      .sort((a, b) => a.kind.localeCompare(b.kind));
  type Page = { id: string; state?: string; fields: { id: string; initial?: unknown }[] };
  const initial = (form: Page) => Object.fromEntries(form.fields.map((f) => [f.id, f.initial as string | undefined]));

  /** Opens setup, changes page 1 and page 2 by these values, saves; returns what each page showed first. */
  async function runSetup(change1: Record<string, string> = {}, change2: Record<string, string> = {}) {
    await t2.mem.command(facilitator, '/sojusz setup');
    const form1 = t2.mem.lastForm(facilitator.id)! as Page;
    const shown1 = initial(form1);
    const two = await t2.mem.fill(facilitator, { ...shown1, ...change1 });
    expect(two, JSON.stringify(two)).toMatchObject({ kind: 'next' });
    const form2 = (two as { form: Page }).form;
    const shown2 = initial(form2);
    const saved = await t2.mem.submit(facilitator, form2.id, { ...shown2, ...change2 }, form2.state);
    expect(saved, JSON.stringify(saved)).toMatchObject({ kind: 'close' });
    return { shown1, shown2 };
  }

  it('shows the channels the schedules post in, and saving the form untouched changes nothing', async () => {
    const before = await rows();
    const { shown1, shown2 } = await runSetup();
    expect(shown1).toMatchObject({ promptChannel: 'refleksja', promptDay: '5', promptTime: '09:00' });
    expect(shown2).toMatchObject({ supChannel: 'superwizja' });
    expect(t2.mem.lastPrivate(facilitator.id)).toMatch(/Nic nie wymagało zmiany/);
    expect(await rows()).toEqual(before);
    await t2.bot.runDueWork();
    // The channels already had their roles: no introduction arrives out of the blue.
    expect(t2.mem.posts('refleksja')).toHaveLength(0);
  });

  it('moving the hour and the weekday keeps the zone, the two-week rhythm, the themes, the length and the place', async () => {
    await runSetup({ promptTime: '10:00' }, { supRhythm: 'wtorek 18:00' });
    const [prompt, series] = await rows();
    expect(prompt).toMatchObject({ zone: 'Europe/London', rule: { weekday: 5, time: '10:00', every: 2 }, payload: { channel: 'refleksja', themes: ['bond', 'repair'] } });
    expect(series).toMatchObject({ zone: 'Europe/Warsaw', rule: { weekday: 2, time: '18:00', every: 1 }, payload: { channel: 'superwizja', durationMinutes: 60, where: 'https://meet.example.org/abc' } });
    const said = t2.mem.lastPrivate(facilitator.id)!;
    // Named by its own rhythm: every two weeks, never "weekly".
    expect(said).toMatch(/harmonogram pytań do refleksji #\d+: co 2 tyg\. \(piątek, 10:00\) \(Europe\/London\)/);
    expect(said).not.toMatch(/cotygodniow/);
    expect(said).toMatch(/rytm superwizji/);
    expect(said).not.toMatch(/strefa czasowa zespołu/);
  });

  it('a new team zone moves the schedules that lived by the team’s zone and leaves one with a zone of its own', async () => {
    await runSetup({ zone: 'Europe/Berlin' });
    const [prompt, series] = await rows();
    expect(prompt).toMatchObject({ zone: 'Europe/London', rule: { time: '10:00', every: 2 } });
    expect(series).toMatchObject({ zone: 'Europe/Berlin', rule: { weekday: 2, time: '18:00' }, payload: { durationMinutes: 60 } });
    const said = t2.mem.lastPrivate(facilitator.id)!;
    // The series follows the zone in place: its rhythm did not change, so the summary names only the zone.
    expect(said).toMatch(/strefa czasowa zespołu/);
    expect(said).not.toMatch(/rytm superwizji/);
    expect(said).not.toMatch(/harmonogram pytań/);
  });
});
