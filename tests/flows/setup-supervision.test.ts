// /sojusz setup changing supervision: a new channel or zone keeps the sessions members answered; a new rhythm lets a
// session at the same moment go on with its answers, topics and reminder, and the summary names only what changed.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { supervisionSessions } from '../../src/db/schema/index.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  // Tuesday 3 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-03T08:00:00Z' });
  for (const c of ['superwizja', 'superwizja2']) tb.mem.channels.set(c, [facilitator.id, anna.id, ben.id]);
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

const step1 = { lang: 'pl', zone: 'Europe/Warsaw' };
const step2 = { supChannel: '#superwizja', supRhythm: 'poniedziałek 18:00', reminders: '24h' };

/** Both pages of setup; what the facilitator is told. */
async function setup(one: Record<string, string> = {}, two: Record<string, string> = {}): Promise<string> {
  await tb.mem.command(facilitator, '/sojusz setup');
  const next = await tb.mem.fill(facilitator, { ...step1, ...one });
  const form2 = (next as { form: { id: string; state?: string } }).form;
  expect((await tb.mem.submit(facilitator, form2.id, { ...step2, ...two }, form2.state)).kind).toBe('close');
  return tb.mem.lastPrivate(facilitator.id)!;
}

/** Sessions still ahead and planned, soonest first. */
const planned = async () =>
  (await tb.bot.db.select().from(supervisionSessions).where(eq(supervisionSessions.status, 'scheduled')).orderBy(supervisionSessions.startsAt)).filter((s) => s.startsAt > tb.clock.now());
const sessionAt = async (iso: string) => (await tb.bot.db.select().from(supervisionSessions).where(and(eq(supervisionSessions.startsAt, new Date(iso)), eq(supervisionSessions.status, 'scheduled'))))[0]!;
const reminderIn = (channel: string, sessionId: number) => tb.mem.posts(channel).find((p) => p.key?.startsWith(`sup-rem:${sessionId}:`))!;
const lastUpdateOf = (ref: { id: string }) => [...tb.mem.said].reverse().find((s): s is Extract<Said, { kind: 'update' }> => s.kind === 'update' && s.ref.id === ref.id);
const said = (id: string) => (tb.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');

describe('/sojusz setup changing supervision', () => {
  it('moves the series to another channel in place: answers, topics and the sent reminder’s buttons still count, and only the channel is named', async () => {
    await setup();
    tb.clock.set('2026-03-08T17:00:20Z');
    await tb.bot.runDueWork();
    const before = await planned();
    expect(before.map((s) => s.startsAt.toISOString())).toEqual(['2026-03-09T17:00:00.000Z', '2026-03-16T17:00:00.000Z', '2026-03-23T17:00:00.000Z']);
    const reminder = reminderIn('superwizja', before[0]!.id);
    await tb.mem.click(anna, 'supervision.rsvp', `${before[0]!.id}:coming`, reminder.ref);
    await tb.mem.command(ben, '/supervision topic a client who keeps cancelling');

    const summary = await setup({}, { supChannel: '#superwizja2' });
    expect(summary).toContain('kanał superwizji');
    expect(summary).not.toContain('rytm superwizji');
    const after = await planned();
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after.every((s) => s.channel === 'superwizja2')).toBe(true);

    // The reminder already in the old channel is still a live one.
    await tb.mem.click(ben, 'supervision.rsvp', `${before[0]!.id}:maybe`, reminder.ref);
    expect(said(ben.id)).toContain('Zapisane: może');
    await tb.mem.command(facilitator, '/supervision who');
    expect(said(facilitator.id)).toContain(`Będą (1): ${anna.id}`);
    await tb.mem.command(anna, '/supervision agenda');
    expect(said(anna.id)).toContain('a client who keeps cancelling');

    // The next session's reminder goes to the new channel.
    tb.clock.set('2026-03-15T17:00:20Z');
    await tb.bot.runDueWork();
    expect(reminderIn('superwizja2', before[1]!.id)).toBeDefined();
  });

  it('lets a session at the same moment go on when the rhythm changes: its answers, topics, hours and reminder carry over', async () => {
    const monday = await sessionAt('2026-03-16T17:00:00Z');
    const reminder = reminderIn('superwizja2', monday.id);
    await tb.mem.click(anna, 'supervision.rsvp', `${monday.id}:coming`, reminder.ref);
    await tb.mem.command(ben, '/supervision topic a rupture I did not see coming');

    const summary = await setup({}, { supChannel: '#superwizja2', supRhythm: 'poniedziałek 18:00 co 2 tygodnie' });
    expect(summary).toContain('rytm superwizji');
    expect(summary).not.toContain('kanał superwizji');
    // Every other Monday from the 16th: the 23rd is gone, the 16th and the 30th go on.
    expect((await planned()).map((s) => s.startsAt.toISOString())).toEqual(['2026-03-16T17:00:00.000Z', '2026-03-30T16:00:00.000Z']);
    const goesOn = await sessionAt('2026-03-16T17:00:00Z');

    // The reminder members have now speaks for the session that goes on, with its answers and working buttons.
    const update = lastUpdateOf(reminder.ref)!;
    expect(update.text).toContain('Będą: 1');
    expect(update.text).not.toContain('odwołane');
    expect(JSON.stringify(update.message)).toContain(`"${goesOn.id}:coming"`);
    await tb.mem.click(ben, 'supervision.rsvp', `${goesOn.id}:coming`, reminder.ref);
    expect(said(ben.id)).toContain('Zapisane: będziesz');

    await tb.mem.command(anna, '/supervision agenda');
    expect(said(anna.id)).toContain('Agenda na pon., 16 marca 2026, 18:00');
    expect(said(anna.id)).toContain('a rupture I did not see coming');
    tb.clock.set('2026-03-16T19:00:00Z');
    await tb.mem.command(facilitator, '/supervision held 2026-03-16');
    expect(said(facilitator.id)).toContain('dla 2 osób');
  });

  it('keeps the sessions when the team moves to another zone, at the same hour there, naming only the zone', async () => {
    const before = await planned();
    const summary = await setup({ zone: 'Europe/London' }, { supChannel: '#superwizja2', supRhythm: 'poniedziałek 18:00 co 2 tygodnie' });
    expect(summary).toContain('strefa czasowa zespołu');
    expect(summary).not.toContain('rytm superwizji');
    const after = await planned();
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    // 18:00 in London on 30 March (summer time): 17:00 UTC.
    expect(after.map((s) => [s.startsAt.toISOString(), s.zone])).toEqual([['2026-03-30T17:00:00.000Z', 'Europe/London']]);
  });

  it('keeps a fortnightly series on its own weeks when only its hour changes', async () => {
    await setup({}, { supRhythm: 'poniedziałek 18:00 co 2 tygodnie' });
    const [first] = await planned();
    // The day after the first session: the next Monday is an off week; the one after, the series' own.
    tb.clock.set(new Date(first!.startsAt.getTime() + 24 * 3600_000).toISOString());
    await tb.bot.runDueWork();
    await setup({}, { supRhythm: 'poniedziałek 19:00 co 2 tygodnie' });
    const [next] = await planned();
    expect(next!.startsAt.toISOString()).toBe(new Date(first!.startsAt.getTime() + 14 * 24 * 3600_000 + 3600_000).toISOString());
  });
});
