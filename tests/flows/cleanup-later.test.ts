// An erasure's platform clean-up, done later by the scheduler: what the platform was too busy for is tried again,
// and a replica that does not serve the team's platform leaves the piece for one that does.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/core/errors.js';
import { ensureTeam } from '../../src/core/teams.js';
import { schedules } from '../../src/db/schema/index.js';
import { CLEANUP_LATER, CLEANUP_RETRY_MS, queueCleanup } from '../../src/features/privacy/cleanup-later.js';
import { makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-05-04T07:00:00Z' });
});
afterAll(() => tb.close());

const pieces = () => tb.bot.db.select().from(schedules).where(eq(schedules.kind, CLEANUP_LATER));
const removed = () => tb.mem.said.flatMap((s) => (s.kind === 'remove' ? [s.ref.id] : []));

describe('an erasure’s clean-up, later', () => {
  it('tries again what the platform was too busy for, and only that', async () => {
    const team = await ensureTeam(tb.bot.db, 'memory', 'T1');
    await tb.bot.db.transaction((tx) => queueCleanup(tx, team, tb.clock.now(), { edits: [], removals: [{ channel: 'cases', id: 'r-1' }, { channel: 'cases', id: 'r-2' }] }, 60_000));
    const real = tb.mem.remove.bind(tb.mem);
    let busy = 0;
    tb.mem.remove = async (ref) => {
      if (ref.id === 'r-2' && busy++ === 0) throw new PlatformError('memory', 'service_unavailable');
      return real(ref);
    };
    try {
      tb.clock.advance(60_000);
      await tb.bot.runDueWork();
      expect(removed()).toEqual(['r-1']);
      const [retry] = await pieces();
      expect(retry!.payload).toMatchObject({ removals: [{ id: 'r-2' }], attempt: 2 });
      tb.clock.advance(CLEANUP_RETRY_MS);
      await tb.bot.runDueWork();
      expect(removed()).toEqual(['r-1', 'r-2']);
      expect(await pieces()).toEqual([]);
    } finally {
      tb.mem.remove = real;
    }
  });

  it('leaves a piece for a replica that serves its platform, instead of dropping it', async () => {
    const other = await ensureTeam(tb.bot.db, 'slack', 'T-SLACK');
    await tb.bot.db.transaction((tx) => queueCleanup(tx, other, tb.clock.now(), { edits: [], removals: [{ channel: 'C1', id: '1.2' }] }, 60_000));
    tb.clock.advance(60_000);
    await tb.bot.runDueWork();
    const [waiting] = await pieces();
    expect(waiting).toMatchObject({ teamId: other.id, payload: { removals: [{ id: '1.2' }], attempt: 1 } });
    expect(waiting!.nextDueAt!.getTime()).toBe(tb.clock.now().getTime() + CLEANUP_RETRY_MS);
  });
});
