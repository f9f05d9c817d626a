// A reminder the platform held back (rate limits, a paused platform, retries) past the session's start is not sent
// afterwards: "supervision in 24 hours" the morning after, with buttons that no longer work, would only confuse.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/core/errors.js';
import type { Place } from '../../src/core/port.js';
import { outbox } from '../../src/db/schema/index.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;

beforeAll(async () => {
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

async function tick(at: string): Promise<void> {
  t.clock.set(at);
  await t.bot.runDueWork();
}

describe('reminders held back by the platform', () => {
  it('never posts a reminder after its session has started, and cancels it instead', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');
    const real = t.mem.post.bind(t.mem);
    // The platform keeps saying "later" for the whole day of the session.
    t.mem.post = async (to: Place, m, o) => {
      if (to.channel === 'supervision' && t.clock.now() < new Date('2026-03-09T20:00:00Z')) throw new PlatformError('memory', 'ratelimited', undefined, 3600);
      return real(to, m, o);
    };
    try {
      await tick('2026-03-08T17:00:30Z');
      await tick('2026-03-09T16:00:30Z');
      await tick('2026-03-09T17:30:00Z');
      // The platform takes posts again, the day after.
      await tick('2026-03-10T08:00:00Z');
      await tick('2026-03-10T09:00:00Z');
    } finally {
      t.mem.post = real;
    }
    expect(t.mem.posts('supervision').filter((p) => p.text.includes('Superwizja za'))).toHaveLength(0);
    const rows = await t.bot.db.select().from(outbox).where(and(like(outbox.key, 'sup-rem:%'), eq(outbox.status, 'cancelled')));
    expect(rows.map((r) => r.key).sort()).toEqual([expect.stringMatching(/:1440$/), expect.stringMatching(/:60$/)]);
  });

  it('still sends a held-back reminder once the platform takes it before the session', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-16 18:00 #supervision');
    const before = t.mem.posts('supervision').length;
    const real = t.mem.post.bind(t.mem);
    t.mem.post = async (to: Place, m, o) => {
      if (to.channel === 'supervision' && t.clock.now() < new Date('2026-03-15T20:00:00Z')) throw new PlatformError('memory', 'ratelimited', undefined, 600);
      return real(to, m, o);
    };
    try {
      await tick('2026-03-15T17:00:30Z');
      await tick('2026-03-15T20:00:30Z');
    } finally {
      t.mem.post = real;
    }
    expect(t.mem.posts('supervision').slice(before).filter((p) => p.text.includes('Superwizja za 24 godziny'))).toHaveLength(1);
  });
});
