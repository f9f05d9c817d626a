// An anonymous topic from /autocheck that was due just before its session, written only after a downtime that ran
// into the session: it joins the next session's agenda, not the one already under way (whose agenda nobody sees).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSessions, supervisionTopics } from '../../src/db/schema/index.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna]) await tb.mem.command(m, '/sojusz help');
  for (const d of ['2026-03-10', '2026-03-17']) await tb.mem.command(facilitator, `/supervision add ${d} 18:00 #supervision`);
});
afterAll(() => tb.close());

describe('an anonymous topic written after a downtime', () => {
  it('goes to the next session when the one its author was told has started meanwhile', async () => {
    // 17:50 in Warsaw, ten minutes before the session: the topic is due by 17:59.
    tb.clock.set('2026-03-10T16:50:00Z');
    await tb.mem.command(anna, '/autocheck');
    await tb.mem.fill(anna, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination: 'anonymous', supervision: 'stuck with a silent client' });
    // The bot is down until 18:30, when the session is under way.
    tb.clock.set('2026-03-10T17:30:00Z');
    await tb.bot.runDueWork();
    const [topic] = await tb.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.text, 'stuck with a silent client'));
    const [next] = await tb.bot.db.select().from(supervisionSessions).where(eq(supervisionSessions.startsAt, new Date('2026-03-17T17:00:00Z')));
    expect(topic!.sessionId).toBe(next!.id);
    await tb.mem.command(anna, '/supervision agenda');
    expect(tb.mem.lastPrivate(anna.id)).toContain('stuck with a silent client');
  });
});
