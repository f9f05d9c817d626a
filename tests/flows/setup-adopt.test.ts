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
