// The playground's time control: moves its clock forward through every event in between, so nothing is skipped.
import { and, eq, isNotNull, min, notInArray } from 'drizzle-orm';
import type { Bot } from '../../src/core/bot.js';
import { updateSettings, type Team } from '../../src/core/teams.js';
import type { Tx } from '../../src/db/client.js';
import { outbox, schedules, teams } from '../../src/db/schema/index.js';
import { HOUR, DAY, type OffsetClock } from '../../src/schedule/clock.js';

export type TimeStep = 'hour' | 'day' | 'next';

/** The playground team's setting that keeps how far its clock runs ahead of real time, across restarts. */
export const CLOCK_OFFSET = 'playground.clockOffsetMs';

/** The playground's own team, and the deployment's row that carries the daily housekeeping (SYSTEM_TEAM in
 *  src/features/privacy/housekeeping.ts, which an adapter may not import). */
const OURS = ['web', 'system'];

/**
 * Platforms other than the playground with teams in this database. Their schedules and queued messages would
 * run on the playground's shifted clock (and be claimed by a process that cannot deliver them), so the
 * playground refuses to start beside them and its time control refuses to move while they exist.
 */
export async function otherPlatforms(db: Tx): Promise<string[]> {
  const rows = await db.selectDistinct({ platform: teams.platform }).from(teams).where(notInArray(teams.platform, OURS));
  return rows.map((r) => r.platform).sort();
}

/** Put the clock where the playground left it: its saved offset, never backwards. */
export function restoreOffset(clock: OffsetClock, team: Team): void {
  const saved = Number(team.settings?.[CLOCK_OFFSET]);
  if (Number.isFinite(saved) && saved > clock.offsetMs) clock.offsetMs = saved;
}

/** The team's next due schedule or queued message (case publication, reminder), whichever comes first. */
export async function nextEventAt(bot: Bot, teamId: number): Promise<Date | undefined> {
  const [s] = await bot.db
    .select({ at: min(schedules.nextDueAt) })
    .from(schedules)
    .where(and(eq(schedules.teamId, teamId), eq(schedules.paused, false), isNotNull(schedules.nextDueAt)));
  const [o] = await bot.db
    .select({ at: min(outbox.notBefore) })
    .from(outbox)
    .where(and(eq(outbox.teamId, teamId), eq(outbox.status, 'pending')));
  const times = [s?.at, o?.at].filter((x): x is Date => Boolean(x)).map((x) => new Date(x));
  if (!times.length) return undefined;
  return new Date(Math.min(...times.map((t) => t.getTime())));
}

/** Run due work until nothing more fires or goes out (a fired prompt may queue a thread reply, …). */
async function settle(bot: Bot): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const r = await bot.runDueWork();
    if (!r.tick.fired && !r.tick.skipped && !r.delivery.claimed) return;
  }
}

/**
 * Move the clock by one step. Stops at each event on the way and runs it on time, as a real day would,
 * instead of jumping past it (which the scheduler would record as missed). Returns false when "next"
 * has nothing to go to.
 */
export async function advance(bot: Bot, clock: OffsetClock, teamId: number, step: TimeStep): Promise<boolean> {
  const now = clock.now().getTime();
  let target: number;
  if (step === 'next') {
    const next = await nextEventAt(bot, teamId);
    if (!next) return false;
    target = Math.max(now, next.getTime());
  } else {
    target = now + (step === 'hour' ? HOUR : DAY);
  }
  for (let i = 0; i < 100; i++) {
    const next = await nextEventAt(bot, teamId);
    if (!next || next.getTime() > target) break;
    if (next.getTime() > clock.now().getTime()) clock.advanceTo(next);
    await settle(bot);
    // A row that cannot go out yet (retry later) must not hold time still.
    const again = await nextEventAt(bot, teamId);
    if (again && again.getTime() <= clock.now().getTime()) break;
  }
  clock.advanceTo(new Date(target));
  await settle(bot);
  await updateSettings(bot.db, teamId, { [CLOCK_OFFSET]: clock.offsetMs });
  return true;
}
