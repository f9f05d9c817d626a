// An anonymous agenda topic comes and goes at a random moment of its own, never when its author acts: not on the
// agenda, nor in a reminder some other member's action rewrites, the minute it was typed or removed; and the anonymous
// topics of a member who erases their data and withdraws leave one by one, not with their named ones.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { schedules, supervisionSessions, supervisionTopics } from '../../src/db/schema/index.js';
import { ANON_TOPIC } from '../../src/features/supervision/anon-later.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

const MIN = 60_000;
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };

let t: TestBot;
let sessionId: number;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw; the session is on Monday 9 March at 18:00 (17:00 UTC).
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben, carol]) await t.mem.command(m, '/sojusz help');
  await t.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');
  sessionId = (await t.bot.db.select().from(supervisionSessions))[0]!.id;
  // The 24-hour reminder is in the channel: what the group reads, and what every answer rewrites.
  t.clock.set('2026-03-08T17:00:30Z');
  await t.bot.runDueWork();
});
afterAll(() => t.close());

const said = (id: string) => (t.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');
async function agenda(): Promise<string> {
  await t.mem.command(anna, '/supervision agenda');
  return said(anna.id);
}
/** The latest text of the channel reminder (its post, or its last edit). */
function channelReminder(): string {
  const post = t.mem.posts('supervision').find((p) => p.key?.startsWith(`sup-rem:${sessionId}:`))!;
  const edits = t.mem.said.filter((s): s is Extract<Said, { kind: 'update' }> => s.kind === 'update' && s.ref.id === post.ref.id);
  return edits.length ? edits.at(-1)!.text : post.text;
}
const answer = (m: { id: string }, a: 'coming' | 'not' | 'maybe') => t.mem.click(m, 'supervision.rsvp', `${sessionId}:${a}`);
const topicNumber = async (m: { id: string }, text: string) => {
  await t.mem.command(m, '/supervision topics');
  return /`?(\d+)`? \(/.exec(t.mem.lastPrivate(m.id)!.split('\n').find((l) => l.includes(text))!)![1]!;
};

describe('an anonymous topic from /supervision topic anon', () => {
  it('joins the agenda minutes later, however the agenda is read meanwhile', async () => {
    t.clock.set('2026-03-08T18:00:00Z');
    await t.mem.command(ben, '/supervision topic anon feeling stuck with a long-term client');
    expect(said(ben.id)).toContain('will join the agenda for Mon, 9 Mar 2026, 18:00 anonymously in a few minutes');
    // Polling the agenda, a named topic that rewrites the reminder, an answer that rewrites it: none shows it yet.
    expect(await agenda()).not.toContain('feeling stuck');
    await t.mem.command(anna, '/supervision topic klient, który odwołuje sesje');
    expect(channelReminder()).toContain('klient, który odwołuje sesje');
    expect(channelReminder()).not.toContain('feeling stuck');
    await answer(carol, 'coming');
    expect(channelReminder()).toContain('Będą: 1');
    expect(channelReminder()).not.toContain('feeling stuck');

    t.clock.advance(20 * MIN);
    await t.bot.runDueWork();
    expect(await agenda()).toContain('feeling stuck with a long-term client — anonimowo');
    expect(channelReminder()).toContain('feeling stuck with a long-term client');
    expect(await topicNumber(ben, 'feeling stuck')).toMatch(/^\d+$/);
  });

  it('leaves the agenda minutes after its author removes it, and is no longer theirs at once', async () => {
    const n = await topicNumber(ben, 'feeling stuck');
    await t.mem.command(ben, `/supervision topic remove ${n}`);
    expect(said(ben.id)).toContain(`topic ${n} leaves the agenda in a few minutes`);
    await t.mem.command(ben, '/supervision topics');
    expect(said(ben.id)).not.toContain('feeling stuck');
    expect(await agenda()).toContain('feeling stuck');
    await answer(anna, 'maybe');
    expect(channelReminder()).toContain('feeling stuck');

    t.clock.advance(20 * MIN);
    await t.bot.runDueWork();
    expect(await agenda()).not.toContain('feeling stuck');
    expect(channelReminder()).not.toContain('feeling stuck');
  });
});

describe('a member who erases their data and withdraws their anonymous posts', () => {
  it('takes the named topics off at once and each anonymous one later, at a moment of its own', async () => {
    await t.mem.command(carol, '/supervision topic a rupture I did not see coming');
    await t.mem.command(carol, '/supervision topic anon first worry without a name');
    await t.mem.command(carol, '/supervision topic anon second worry without a name');
    t.clock.advance(20 * MIN);
    await t.bot.runDueWork();
    expect(await agenda()).toContain('first worry without a name');

    await t.mem.command(carol, '/sojusz mydata delete');
    await t.mem.click(carol, 'privacy.delete', 'withdraw');
    const erasedAt = t.clock.now().getTime();
    // Right after: the named topic is gone, the anonymous ones are still there — nothing shows which were hers.
    const now = await agenda();
    expect(now).not.toContain('a rupture I did not see coming');
    expect(now).toContain('first worry without a name');
    expect(now).toContain('second worry without a name');
    const anonymous = await t.bot.db.select().from(supervisionTopics).where(sql`${supervisionTopics.text} like '%worry without a name'`);
    expect(anonymous.map((r) => r.authorHmac)).toEqual([null, null]);

    // Each waits in a piece of its own, due at its own moment within six hours and before the session.
    const pieces = (await t.bot.db.select().from(schedules).where(eq(schedules.kind, ANON_TOPIC))).sort((a, b) => a.nextDueAt!.getTime() - b.nextDueAt!.getTime());
    expect(pieces.map((p) => p.payload.remove).sort()).toEqual(anonymous.map((r) => r.id).sort());
    for (const p of pieces) {
      expect(p.nextDueAt!.getTime()).toBeGreaterThanOrEqual(erasedAt + 5 * MIN);
      expect(p.nextDueAt!.getTime()).toBeLessThanOrEqual(erasedAt + 6 * 60 * MIN);
    }
    expect(pieces[0]!.nextDueAt!.getTime()).not.toBe(pieces[1]!.nextDueAt!.getTime());
    const [first, second] = pieces.map((p) => anonymous.find((r) => r.id === p.payload.remove)!.text!);

    // At the first one's moment, only that one leaves (the agenda and the reminder alike).
    t.clock.set(pieces[0]!.nextDueAt!);
    await t.bot.runDueWork();
    expect(await agenda()).not.toContain(first);
    expect(await agenda()).toContain(second);
    expect(channelReminder()).not.toContain(first);
    expect(channelReminder()).toContain(second);

    t.clock.set(pieces[1]!.nextDueAt!);
    await t.bot.runDueWork();
    expect(await agenda()).not.toContain(second);
    expect(channelReminder()).not.toContain(second);
    expect(await t.bot.db.select().from(schedules).where(eq(schedules.kind, ANON_TOPIC))).toEqual([]);
  });
});
