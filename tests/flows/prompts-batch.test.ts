// Many prompt threads due in the same minute are opened as one batch: still one post per occurrence,
// still no repeated question inside a team's rotation, and each team's own order.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptPosts, schedules } from '../../src/db/schema/index.js';
import { ensureTeam } from '../../src/core/teams.js';
import { makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-06T07:00:00Z' });
});
afterAll(() => tb.close());

const friday9 = { type: 'weekly' as const, weekday: 5, time: '09:00', every: 1, anchor: '2026-03-06' };

describe('a fan-out of prompt threads', () => {
  it('opens one thread per schedule and never the same question twice in one team, even in one batch', async () => {
    const a = await ensureTeam(tb.bot.db, 'memory', 'T1');
    const b = await ensureTeam(tb.bot.db, 'memory', 'T-other');
    const rows = [
      ...[1, 2, 3].map((n) => ({ teamId: a.id, channel: `a${n}` })),
      { teamId: b.id, channel: 'b1' },
    ];
    for (const r of rows) {
      await tb.bot.db.insert(schedules).values({
        teamId: r.teamId,
        kind: 'prompt',
        zone: 'Europe/Warsaw',
        rule: friday9,
        nextDueAt: new Date('2026-03-06T08:00:00Z'),
        payload: { channel: r.channel, themes: ['repair'], creator: 'U_FAC' },
      });
    }
    tb.clock.set('2026-03-06T08:00:10Z');
    const { tick } = await tb.bot.runDueWork();
    expect(tick.fired).toBe(4);
    for (const c of ['a1', 'a2', 'a3']) expect(tb.mem.posts(c)).toHaveLength(1);
    const teamA = await tb.bot.db.select().from(promptPosts).where(eq(promptPosts.teamId, a.id));
    expect(new Set(teamA.map((p) => p.promptId)).size).toBe(3);
    // Each post's button carries its own post id, so anonymous replies land in the right thread.
    const buttonValue = (c: string) => tb.mem.posts(c)[0]!.message.blocks.flatMap((x) => (x.type === 'actions' ? x.buttons.map((y) => y.value) : []))[0];
    const values = ['a1', 'a2', 'a3'].map(buttonValue);
    expect(new Set(values).size).toBe(3);
  });
});
