// An anonymous topic from /autocheck shortly before a session still reaches that session's agenda, before it starts.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSessions, supervisionTopics } from '../../src/db/schema/index.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' }); // 09:00 in Warsaw
  for (const m of [facilitator, anna]) await tb.mem.command(m, '/sojusz help');
  tb.mem.channels.set('supervision', [facilitator.id, anna.id]);
  await tb.mem.command(facilitator, '/supervision add 2026-03-02 09:05 #supervision');
  await tb.mem.command(facilitator, '/supervision add 2026-03-09 09:05 #supervision');
});
afterAll(() => tb.close());

describe('an anonymous topic shortly before a session', () => {
  it('joins the session the member was told, a minute before it starts', async () => {
    await tb.mem.command(anna, '/autocheck');
    await tb.mem.fill(anna, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination: 'anonymous', supervision: 'Just before we meet' });
    expect(tb.mem.lastPrivate(anna.id)).toContain('2 marca');
    tb.clock.advance(4 * 60_000); // 09:04
    await tb.bot.runDueWork();
    const [topic] = await tb.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.text, 'Just before we meet'));
    const [first] = await tb.bot.db.select().from(supervisionSessions).where(eq(supervisionSessions.id, topic!.sessionId!));
    expect(first!.startsAt.toISOString()).toBe('2026-03-02T08:05:00.000Z');
  });
});
