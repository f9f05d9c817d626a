// /sojusz setup moving a session later in its week, after its 24-hour reminder went out: the reminder members have
// shows the new date without a countdown from the old one, and the moved session still gets its own reminders.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import type { MessageRef } from '../../src/core/port.js';
import { supervisionSessions } from '../../src/db/schema/index.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  // Tuesday 3 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-03T08:00:00Z' });
  tb.mem.channels.set('superwizja', [facilitator.id, anna.id]);
  for (const m of [facilitator, anna]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

async function setup(supRhythm: string): Promise<void> {
  await tb.mem.command(facilitator, '/sojusz setup');
  const next = await tb.mem.fill(facilitator, { lang: 'pl', zone: 'Europe/Warsaw' });
  const form2 = (next as { form: { id: string; state?: string } }).form;
  expect((await tb.mem.submit(facilitator, form2.id, { supChannel: '#superwizja', supRhythm, reminders: '24h,1h' }, form2.state)).kind).toBe('close');
}

const sessionAt = async (iso: string) => (await tb.bot.db.select().from(supervisionSessions).where(and(eq(supervisionSessions.startsAt, new Date(iso)), eq(supervisionSessions.status, 'scheduled'))))[0]!;
const lastUpdateOf = (ref: { id: string }) => [...tb.mem.said].reverse().find((s): s is Extract<Said, { kind: 'update' }> => s.kind === 'update' && s.ref.id === ref.id);

describe('/sojusz setup moving a session later in its week', () => {
  let reminderRef: MessageRef;
  let dmRef: MessageRef;

  it('rewrites the reminder already sent with the new date and no countdown counted from the old one', async () => {
    await setup('poniedziałek 18:00');
    await tb.mem.command(anna, '/supervision dm on');
    tb.clock.set('2026-03-08T17:00:20Z');
    await tb.bot.runDueWork();
    const monday = await sessionAt('2026-03-09T17:00:00Z');
    reminderRef = tb.mem.posts('superwizja').find((p) => p.key === `sup-rem:${monday.id}:1440`)!.ref;
    dmRef = tb.mem.dms(anna.id).find((d) => d.text.includes('Superwizja za 24 godziny'))!.ref;

    await setup('niedziela 18:00');
    for (const ref of [reminderRef, dmRef]) {
      const text = lastUpdateOf(ref)!.text;
      expect(text).toContain('Superwizja w nowym terminie');
      expect(text).toContain('15 marca 2026, 18:00');
      expect(text).not.toContain('Superwizja za');
      expect(text).not.toContain('odwołane');
    }
  });

  it('posts the moved session’s own 24-hour reminder the day before its new date, in the channel and by DM', async () => {
    const sunday = await sessionAt('2026-03-15T17:00:00Z');
    tb.clock.set('2026-03-14T17:00:20Z');
    await tb.bot.runDueWork();
    const day = tb.mem.posts('superwizja').filter((p) => p.key === `sup-rem:${sunday.id}:1440`);
    expect(day).toHaveLength(1);
    expect(day[0]!.text).toContain('Superwizja za 24 godziny');
    expect(tb.mem.dms(anna.id).filter((d) => d.text.includes('Superwizja za 24 godziny'))).toHaveLength(2);
  });

  it('keeps the rewritten reminder free of a countdown when someone answers on it', async () => {
    const sunday = await sessionAt('2026-03-15T17:00:00Z');
    await tb.mem.click(anna, 'supervision.rsvp', `${sunday.id}:coming`, reminderRef);
    const text = lastUpdateOf(reminderRef)!.text;
    expect(text).toContain('Superwizja w nowym terminie');
    expect(text).toContain('Będą: 1');
  });
});
