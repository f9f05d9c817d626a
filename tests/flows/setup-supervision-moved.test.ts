// /sojusz setup moving the supervision to another day or hour: a session in the same week is the old one moved, not
// a cancellation — answers, topics and the reminder members have follow it, and the summary says where it went.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { supervisionSessions } from '../../src/db/schema/index.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  // Tuesday 3 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-03T08:00:00Z' });
  tb.mem.channels.set('superwizja', [facilitator.id, anna.id, ben.id]);
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

const step1 = { lang: 'pl', zone: 'Europe/Warsaw' };
const step2 = { supChannel: '#superwizja', supRhythm: 'poniedziałek 18:00', reminders: '24h,1h' };

async function setup(two: Record<string, string> = {}): Promise<string> {
  await tb.mem.command(facilitator, '/sojusz setup');
  const next = await tb.mem.fill(facilitator, step1);
  const form2 = (next as { form: { id: string; state?: string } }).form;
  expect((await tb.mem.submit(facilitator, form2.id, { ...step2, ...two }, form2.state)).kind).toBe('close');
  return (tb.mem.lastPrivate(facilitator.id) ?? '').replace(/\n/g, ' ');
}

const sessionAt = async (iso: string) => (await tb.bot.db.select().from(supervisionSessions).where(and(eq(supervisionSessions.startsAt, new Date(iso)), eq(supervisionSessions.status, 'scheduled'))))[0]!;
const lastUpdateOf = (ref: { id: string }) => [...tb.mem.said].reverse().find((s): s is Extract<Said, { kind: 'update' }> => s.kind === 'update' && s.ref.id === ref.id);
const said = (id: string) => (tb.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');

describe('/sojusz setup moving the supervision day', () => {
  let reminderRef: { id: string };

  it('moves the session of that week, with its answers and topics, and names the move in the summary', async () => {
    await setup();
    await tb.mem.command(anna, '/supervision dm on');
    tb.clock.set('2026-03-08T17:00:20Z');
    await tb.bot.runDueWork();
    const monday = await sessionAt('2026-03-09T17:00:00Z');
    const reminder = tb.mem.posts('superwizja').find((p) => p.key === `sup-rem:${monday.id}:1440`)!;
    reminderRef = reminder.ref;
    await tb.mem.click(anna, 'supervision.rsvp', `${monday.id}:coming`, reminder.ref);
    await tb.mem.command(ben, '/supervision topic a rupture I did not see coming');

    const summary = await setup({ supRhythm: 'wtorek 19:00' });
    expect(summary).toContain('rytm superwizji');
    expect(summary).toContain('pon., 9 marca 2026, 18:00');
    expect(summary).toContain('wt., 10 marca 2026, 19:00');

    const tuesday = await sessionAt('2026-03-10T18:00:00Z');
    await tb.mem.command(facilitator, '/supervision who');
    expect(said(facilitator.id)).toContain('wt., 10 marca 2026, 19:00');
    expect(said(facilitator.id)).toContain(`Będą (1): ${anna.id}`);
    await tb.mem.command(anna, '/supervision agenda');
    expect(said(anna.id)).toContain('a rupture I did not see coming');
    expect(tuesday.id).not.toBe(monday.id);
  });

  it('rewrites the reminder members already have to the new time, with working buttons, not as cancelled', async () => {
    const tuesday = await sessionAt('2026-03-10T18:00:00Z');
    const update = lastUpdateOf(reminderRef)!;
    expect(update.text).not.toContain('odwołane');
    expect(update.text).toContain('wt., 10 marca 2026, 19:00');
    expect(update.text).toContain('Będą: 1');
    expect(JSON.stringify(update.message)).toContain(`"${tuesday.id}:coming"`);
    const annasDm = tb.mem.dms(anna.id).find((d) => d.text.includes('Superwizja za'))!;
    expect(lastUpdateOf(annasDm.ref)!.text).toContain('wt., 10 marca 2026, 19:00');
  });

  it('still sends the moved session’s own 24-hour reminder, at its new time, and its 1-hour one counts the answers', async () => {
    const tuesday = await sessionAt('2026-03-10T18:00:00Z');
    tb.clock.set('2026-03-09T18:00:20Z');
    await tb.bot.runDueWork();
    const day = tb.mem.posts('superwizja').filter((p) => p.key === `sup-rem:${tuesday.id}:1440`);
    expect(day).toHaveLength(1);
    expect(day[0]!.text).toContain('Superwizja za 24 godziny');
    expect(day[0]!.text).toContain('a rupture I did not see coming');
    tb.clock.set('2026-03-10T17:00:20Z');
    await tb.bot.runDueWork();
    const hour = tb.mem.posts('superwizja').find((p) => p.key === `sup-rem:${tuesday.id}:60`)!;
    expect(hour.text).toContain('Będą: 1');
  });
});
