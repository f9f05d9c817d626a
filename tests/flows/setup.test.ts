import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules, teams } from '../../src/db/schema/index.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 08:00 UTC.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const c of ['refleksja', 'przypadki', 'moderacja', 'superwizja']) tb.mem.channels.set(c, ['U_FAC', 'U_ANNA', 'U_BEN', 'U_X']);
});
afterAll(() => tb.close());

const step1 = { lang: 'pl', zone: 'Europe/Warsaw', promptChannel: '#refleksja', promptDay: '5', promptTime: '09:00' };
const step2 = { caseChannel: '#przypadki', modChannel: '#moderacja', supChannel: '#superwizja', supRhythm: 'poniedziałek 18:00 co 2 tygodnie', reminders: '24h,1h' };

describe('/sojusz setup', () => {
  it('is for facilitators only', async () => {
    await tb.mem.command(anna, '/sojusz setup');
    expect(tb.mem.lastForm(anna.id)).toBeUndefined();
    expect(tb.mem.privateTo(anna.id).join('\n')).toContain('tylko osoby prowadzące');
  });

  it('catches bad input in the form, field by field, and changes nothing', async () => {
    await tb.mem.command(facilitator, '/sojusz setup');
    expect(tb.mem.lastForm(facilitator.id)!.fields.length).toBeLessThanOrEqual(5);
    tb.mem.closedChannels.add('zamkniety');
    const out = await tb.mem.fill(facilitator, { ...step1, zone: 'Mars/Base', promptTime: '7pm', promptChannel: '#zamkniety' });
    expect(out.kind).toBe('errors');
    const errors = (out as { errors: Record<string, string> }).errors;
    expect(errors.zone).toMatch(/strefa czasowa/);
    expect(errors.promptTime).toMatch(/24-godzinnym/);
    expect(errors.promptChannel).toMatch(/Nie mogę pisać/);
    const two = await tb.mem.fill(facilitator, step1);
    expect(two.kind).toBe('next');
    const form2 = (two as { form: { id: string; state?: string } }).form;
    const same = await tb.mem.submit(facilitator, form2.id, { ...step2, modChannel: '#przypadki' }, form2.state);
    expect((same as { errors: Record<string, string> }).errors.modChannel).toMatch(/inny kanał/);
    expect(await tb.bot.db.select().from(schedules)).toHaveLength(0);
  });

  it('creates the schedules and settings in one go and introduces itself in each chosen channel', async () => {
    await tb.mem.command(facilitator, '/sojusz setup');
    const two = await tb.mem.fill(facilitator, step1);
    const form2 = (two as { form: { id: string; state?: string } }).form;
    expect((await tb.mem.submit(facilitator, form2.id, step2, form2.state)).kind).toBe('close');
    expect(tb.mem.lastPrivate(facilitator.id)).toMatch(/Zapisane/);
    const rows = await tb.bot.db.select().from(schedules);
    expect(rows.map((r) => r.kind).sort()).toEqual(expect.arrayContaining(['prompt', 'supervision']));
    await tb.bot.runDueWork();
    for (const c of ['refleksja', 'przypadki', 'moderacja', 'superwizja']) expect(tb.mem.posts(c).length, c).toBe(1);
    expect(tb.mem.posts('przypadki')[0]!.text).toContain('bez śladu autorstwa');
    // Plain Polish, and nobody assumed to be a man: "osoba", never "autor" or "prowadzący".
    const intros = ['refleksja', 'przypadki', 'moderacja', 'superwizja'].map((c) => tb.mem.posts(c)[0]!.text).join('\n');
    expect(intros).not.toMatch(/mieszkają|autor\(ka\)|autora|prowadzący/);
    expect(tb.mem.posts('refleksja')[0]!.text).toMatch(/^Na tym kanale będą pytania do refleksji\./);
  });

  it('refuses the case channel for moderation when the case field is left blank, and the other way round', async () => {
    const settingsNow = async () => JSON.stringify((await tb.bot.db.select().from(teams))[0]!.settings);
    const before = await settingsNow();
    for (const [change, field] of [
      [{ caseChannel: '', modChannel: '#przypadki' }, 'modChannel'],
      [{ caseChannel: '#moderacja', modChannel: '' }, 'caseChannel'],
    ] as const) {
      await tb.mem.command(facilitator, '/sojusz setup');
      const two = await tb.mem.fill(facilitator, step1);
      const form2 = (two as { form: { id: string; state?: string } }).form;
      const out = await tb.mem.submit(facilitator, form2.id, { ...step2, ...change }, form2.state);
      expect(out.kind, field).toBe('errors');
      expect((out as { errors: Record<string, string> }).errors[field], field).toMatch(/inny kanał/);
    }
    expect(await settingsNow()).toBe(before);
  });

  it('the prompt it scheduled fires on Friday at 09:00 Warsaw time', async () => {
    tb.clock.set('2026-03-06T08:00:30Z');
    await tb.bot.runDueWork();
    const threads = tb.mem.posts('refleksja').filter((p) => p.message.blocks.some((b) => b.type === 'actions'));
    expect(threads).toHaveLength(1);
  });

  it('running it again shows the current values and changes only what was changed', async () => {
    await tb.mem.command(facilitator, '/sojusz setup');
    const form1 = tb.mem.lastForm(facilitator.id)!;
    const initial = Object.fromEntries(form1.fields.map((f) => [f.id, (f as { initial?: unknown }).initial]));
    expect(initial).toMatchObject({ lang: 'pl', zone: 'Europe/Warsaw', promptChannel: 'refleksja', promptDay: '5', promptTime: '09:00' });
    const before = await tb.bot.db.select().from(schedules);
    const two = await tb.mem.fill(facilitator, { ...step1, promptTime: '10:00' });
    const form2 = (two as { form: { id: string; state?: string; fields: { id: string; initial?: unknown }[] } }).form;
    // The reminders as they were typed and as their titles say them: "24h", not "1d".
    expect(form2.fields.find((f) => f.id === 'reminders')!.initial).toBe('24h,1h');
    await tb.mem.submit(facilitator, form2.id, step2, form2.state);
    expect(tb.mem.lastPrivate(facilitator.id)).toMatch(/harmonogram pytań do refleksji #1: co tydzień \(piątek, 10:00\)/);
    expect(tb.mem.lastPrivate(facilitator.id)).not.toMatch(/rytm superwizji/);
    const after = await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'prompt'));
    expect(after).toHaveLength(1);
    expect((after[0]!.rule as { time: string }).time).toBe('10:00');
    // The same schedule, changed in place: this week's prompt came at 09:00, so 10:00 starts next Friday.
    expect(after[0]!.id).toBe(before.find((s) => s.kind === 'prompt')!.id);
    expect(after[0]!.nextDueAt!.toISOString()).toBe('2026-03-13T09:00:00.000Z');
    tb.clock.set('2026-03-06T09:00:30Z');
    await tb.bot.runDueWork();
    expect(tb.mem.posts('refleksja').filter((p) => p.message.blocks.some((b) => b.type === 'actions'))).toHaveLength(1);
    const series = (await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'supervision'))).filter((s) => !s.paused);
    expect(series.map((s) => s.id)).toEqual(before.filter((s) => s.kind === 'supervision' && !s.paused).map((s) => s.id));
  });
});

describe('/sojusz settings', () => {
  it('shows facilitators the whole team with buttons to change each part', async () => {
    await tb.mem.command(facilitator, '/sojusz settings');
    const last = tb.mem.lastPrivate(facilitator.id)!;
    expect(last).toContain('#przypadki');
    expect(last).toContain('Przechowywanie');
    expect(last).toContain('[Zmień w konfiguracji]');
    expect(last).toMatch(/Osoby prowadzące\nosoby administrujące platformą/);
    expect(last).not.toMatch(/Prowadzący|administratorzy/);
  });
  it('shows a member only what concerns them', async () => {
    // Everything said in answer (a member's first command ever also brings the one-time note on their data).
    const last = await tb.mem.ask(anna, '/sojusz settings');
    expect(last).toContain('Twój język');
    expect(last).not.toContain('Przechowywanie');
    expect(last).not.toContain('Zmień w konfiguracji');
    expect(last).toContain('widzą i zmieniają osoby prowadzące');
    expect(last).not.toMatch(/prowadzący|sama lub sam/);
  });
  it('keeps page 2 in the language of whoever fills it in, whatever the team’s language', async () => {
    const emily = { id: 'U_EMILY_FAC', locale: 'en-GB', isAdmin: true };
    await tb.mem.command(emily, '/sojusz language en');
    await tb.mem.command(emily, '/sojusz setup');
    expect(tb.mem.lastForm(emily.id)!.title).toContain('Setup');
    const two = await tb.mem.fill(emily, step1); // choosing Polish for the team
    expect((two as { form: { title: string; submitLabel: string } }).form).toMatchObject({ title: 'Setup 2/2: channels', submitLabel: 'Save' });
  });

  it('the setup button opens the form for a facilitator', async () => {
    await tb.mem.click(facilitator, 'onboarding.settings', 'setup');
    expect(tb.mem.lastForm(facilitator.id)!.id).toBe('onboarding.setup.1');
  });
});
