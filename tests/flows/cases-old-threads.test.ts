// Case threads over time: an anonymous reply to a case posted months ago still lands in its thread after the
// nightly housekeeping, and a case whose opening message is gone all the same refuses the reply, never "on its way".
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { ensureTeam } from '../../src/core/teams.js';
import { cases, outbox } from '../../src/db/schema/index.js';
import { replyKeyPrefix } from '../../src/features/cases/flow.js';
import { runHousekeeping } from '../../src/features/privacy/housekeeping.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { publishedCase as published } from '../helpers/cases.js';

const MIN = 60_000;
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
const dan = { id: 'U_DAN', name: 'Dan', locale: 'en-GB' };
type Member = typeof anna;

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben, carol, dan]) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
  tb.mem.channels.set('cases', [facilitator, anna, ben, carol, dan].map((m) => m.id));
});
afterAll(() => tb.close());

/** Post a case and let the clock run past the delay; returns its number. */
const publishedCase = (member: Member, title: string) =>
  published(tb, member, { title, body: 'The client went quiet after I named the silence.', question: 'How do I come back to it?', tags: ['rupture'] });
const postOf = (n: number) => tb.mem.posts('cases').find((p) => p.text.startsWith(`Przypadek #${n}\n`))!;
const threadReplies = (n: number) => tb.mem.posts('cases').filter((p) => p.place.thread === postOf(n).ref.id);
const caseRow = async (n: number) => (await tb.bot.db.select().from(cases).where(eq(cases.number, n)))[0]!;

describe('an anonymous reply to an old case', () => {
  it('still lands in the thread two months later, after housekeeping cleared other old messages', async () => {
    const n = await publishedCase(carol, 'Silence announced');
    expect(postOf(n)).toBeDefined();
    // Some other message sent as long ago: housekeeping still clears it.
    const team = await ensureTeam(tb.bot.db, 'memory', 'T1');
    const long = tb.clock.now();
    await tb.bot.db.insert(outbox).values({ teamId: team.id, key: 'other:old', target: { kind: 'channel', channel: 'general' }, message: { blocks: [] }, status: 'sent', sentAt: long, notBefore: long, createdAt: long });

    tb.clock.set('2026-05-06T10:00:00Z');
    await tb.bot.db.transaction((tx) => runHousekeeping(tx, tb.bot, tb.clock.now()));
    expect(await tb.bot.db.select().from(outbox).where(eq(outbox.key, 'other:old'))).toEqual([]);
    expect(await tb.bot.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.key, (await caseRow(n)).postKey))).toEqual([{ status: 'sent' }]);

    await tb.mem.command(ben, `/case reply ${n} Coming back to this after a while.`);
    expect(tb.mem.lastPrivate(ben.id)).toContain(`reply to case #${n} is on its way`);
    await tb.bot.runDueWork();
    expect(threadReplies(n).map((p) => [p.message.persona, p.text.split('\n')[1]])).toEqual([['Osoba A', 'Coming back to this after a while.']]);
  });

  it('is refused with a clear word, never "on its way", when the case’s opening message is gone', async () => {
    const n = await publishedCase(dan, 'A late cancellation');
    // Purged meanwhile (as housekeeping did before it kept case posts).
    const row = await caseRow(n);
    await tb.bot.db.delete(outbox).where(eq(outbox.key, row.postKey));

    await tb.mem.command(ben, `/case reply ${n} This should not vanish quietly.`);
    expect(tb.mem.lastPrivate(ben.id)).toBe(`Case #${n} is no longer open for replies.`);
    await tb.mem.command(anna, `/case odpowiedz ${n} To nie powinno zginąć po cichu.`);
    expect(tb.mem.lastPrivate(anna.id)).toBe(`Przypadek #${n} nie przyjmuje już odpowiedzi.`);
    expect(await tb.bot.db.select().from(outbox).where(like(outbox.key, `${replyKeyPrefix(row.id)}%`))).toEqual([]);
    await tb.bot.runDueWork();
    expect(tb.mem.posts('cases').filter((p) => p.text.includes('vanish') || p.text.includes('zginąć'))).toEqual([]);
  });

  it('is refused when the case’s post never reached the channel (the platform refused it for good)', async () => {
    const n = await publishedCase(dan, 'A post that failed');
    const row = await caseRow(n);
    await tb.bot.db.update(outbox).set({ status: 'failed' }).where(eq(outbox.key, row.postKey));

    await tb.mem.command(ben, `/case reply ${n} Is anyone there?`);
    expect(tb.mem.lastPrivate(ben.id)).toBe(`Case #${n} is no longer open for replies.`);
    expect(await tb.bot.db.select().from(outbox).where(like(outbox.key, `${replyKeyPrefix(row.id)}%`))).toEqual([]);
  });
});

describe('closing an old case', () => {
  it('a withdrawal months later still takes the anonymous replies out of the thread', async () => {
    const n = await publishedCase(carol, 'Withdrawn much later');
    await tb.mem.command(ben, `/case reply ${n} An early thought.`);
    await tb.bot.runDueWork();
    const replies = threadReplies(n);
    expect(replies).toHaveLength(1);
    tb.clock.advance(40 * 24 * 60 * MIN);
    await tb.bot.db.transaction((tx) => runHousekeeping(tx, tb.bot, tb.clock.now()));
    await tb.mem.command(carol, `/case withdraw ${n}`);
    const removed = tb.mem.said.filter((s): s is Extract<Said, { kind: 'remove' }> => s.kind === 'remove').map((s) => s.ref.id);
    expect(removed).toContain(replies[0]!.ref.id);
  });

  it('never hands a letter out again after the retention purge unlinked the thread’s pseudonyms', async () => {
    const n = await publishedCase(carol, 'Letters that outlive retention');
    await tb.mem.command(ben, `/case reply ${n} First voice.`);
    await tb.bot.runDueWork();
    tb.clock.advance(181 * 24 * 60 * MIN);
    await tb.bot.db.transaction((tx) => runHousekeeping(tx, tb.bot, tb.clock.now()));
    await tb.mem.command(dan, `/case reply ${n} Second voice, much later.`);
    await tb.bot.runDueWork();
    expect(threadReplies(n).map((p) => [p.message.persona, p.text.split('\n')[1]])).toEqual([
      ['Osoba A', 'First voice.'],
      ['Osoba B', 'Second voice, much later.'],
    ]);
  });
});
