// Prompt threads over time: an anonymous answer to an old thread still lands after housekeeping, a thread
// that is gone is refused before anything is said to be posted, and follow-ups obey the setting of the day
// they are due, not of the day the prompt went out.
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryMember, Said } from '../../adapters/memory/index.js';
import { ensureTeam } from '../../src/core/teams.js';
import { outbox, promptPosts } from '../../src/db/schema/index.js';
import { runHousekeeping } from '../../src/features/privacy/housekeeping.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

type Post = Extract<Said, { kind: 'post' }>;

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

const ask = (member: MemoryMember | { id: string; locale?: string }, line: string) => tb.mem.ask(member, line);
async function at(iso: string) {
  tb.clock.set(iso);
  return tb.bot.runDueWork();
}
const anonButton = (p: Post) => p.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.action === 'prompts.anonReply')!;
const starters = (channel: string) => tb.mem.posts(channel).filter((p) => !p.place.thread);
const inThread = (channel: string, starter: Post) => tb.mem.posts(channel).filter((p) => p.place.thread === (starter.ref.thread ?? starter.ref.id));

describe('an anonymous answer to an old prompt thread', () => {
  it('still lands in the thread two months later, after housekeeping cleared other old messages', async () => {
    await ask(facilitator, '/reflect now #reflection');
    await tb.bot.runDueWork();
    const starter = starters('reflection')[0]!;
    // Some other message, sent as long ago: housekeeping still clears it.
    const team = await ensureTeam(tb.bot.db, 'memory', 'T1');
    const long = new Date('2026-03-02T08:00:00Z');
    await tb.bot.db.insert(outbox).values({ teamId: team.id, key: 'other:old', target: { kind: 'channel', channel: 'general' }, message: { blocks: [] }, status: 'sent', sentAt: long, notBefore: long, createdAt: long });

    tb.clock.set('2026-05-06T10:00:00Z');
    await tb.bot.db.transaction((tx) => runHousekeeping(tx, tb.bot, tb.clock.now()));
    expect(await tb.bot.db.select().from(outbox).where(eq(outbox.key, 'other:old'))).toEqual([]);

    await tb.mem.click(anna, 'prompts.anonReply', anonButton(starter).value);
    await tb.mem.fill(anna, { text: 'Wracam do tego pytania po czasie.' });
    expect(tb.mem.lastPrivate(anna.id)).toContain('Osoba A');
    await tb.bot.runDueWork();
    const replies = inThread('reflection', starter);
    expect(replies.map((r) => r.text)).toEqual([expect.stringContaining('Wracam do tego pytania po czasie.')]);
    expect(replies[0]!.message.persona).toBe('Osoba A');
  });

  it('is refused with a clear word, never "posted", when the thread’s opening message is gone', async () => {
    await ask(facilitator, '/reflect now #reflection');
    await tb.bot.runDueWork();
    const starter = starters('reflection')[1]!;
    await tb.mem.click(anna, 'prompts.anonReply', anonButton(starter).value);
    // Purged meanwhile (as housekeeping did before it kept prompt threads).
    const [post] = await tb.bot.db.select().from(promptPosts).where(eq(promptPosts.id, Number(anonButton(starter).value)));
    await tb.bot.db.delete(outbox).where(eq(outbox.key, post!.outboxKey));

    await tb.mem.fill(anna, { text: 'To nie powinno zginąć po cichu.' });
    expect(tb.mem.lastPrivate(anna.id)).toContain('nie mogę opublikować w nim odpowiedzi');
    expect(tb.mem.lastPrivate(anna.id)).not.toContain('Osoba');
    expect(await tb.bot.db.select().from(outbox).where(like(outbox.key, `prompt-reply:${post!.id}:%`))).toEqual([]);

    // And the button says so at once, before anyone writes anything.
    const forms = tb.mem.said.filter((s) => s.kind === 'form').length;
    await tb.mem.click(anna, 'prompts.anonReply', anonButton(starter).value);
    expect(tb.mem.said.filter((s) => s.kind === 'form')).toHaveLength(forms);
    expect(tb.mem.lastPrivate(anna.id)).toContain('Ten wątek z pytaniem nie jest już dostępny');
  });
});

describe('follow-ups already planned', () => {
  it('are not posted after /reflect followup off', async () => {
    await at('2026-06-01T08:00:00Z');
    await ask(facilitator, '/reflect followup 2');
    await ask(facilitator, '/reflect now #circle');
    await tb.bot.runDueWork();
    const starter = starters('circle')[0]!;
    await tb.mem.threadReply(anna.id, 'circle', starter.ref.thread ?? starter.ref.id);
    expect(await ask(facilitator, '/reflect followup off')).toContain('bez przypomnień');
    await at('2026-06-03T08:00:30Z');
    await at('2026-06-04T08:00:30Z');
    expect(inThread('circle', starter)).toHaveLength(0);
  });

  it('come after the new number of days when it grew, once', async () => {
    await at('2026-06-08T08:00:00Z');
    await ask(facilitator, '/reflect followup 2');
    await ask(facilitator, '/reflect now #circle');
    await tb.bot.runDueWork();
    const starter = starters('circle')[1]!;
    expect(await ask(facilitator, '/reflect followup 4')).toContain('4 dni');
    await at('2026-06-10T08:00:30Z');
    expect(inThread('circle', starter)).toHaveLength(0);
    await at('2026-06-12T07:59:00Z');
    expect(inThread('circle', starter)).toHaveLength(0);
    await at('2026-06-12T08:00:30Z');
    await at('2026-06-13T08:00:30Z');
    expect(inThread('circle', starter).map((p) => p.text)).toEqual([expect.stringContaining('wciąż')]);
  });
});
