// The playground's time control: moves its clock forward through every event in between, so nothing is skipped.
import { and, eq, isNotNull, max, min, notInArray, sql } from 'drizzle-orm';
import type { Bot } from '../../src/core/bot.js';
import type { TeamPlatform } from '../../src/core/port.js';
import { updateSettings, type Team } from '../../src/core/teams.js';
import type { Tx } from '../../src/db/client.js';
import { outbox, schedules, teams, webMessages } from '../../src/db/schema/index.js';
import { HOUR, DAY, type OffsetClock } from '../../src/schedule/clock.js';
import { TEAM } from './workspace.js';

export type TimeStep = 'hour' | 'day' | 'next';

/** The playground team's setting that keeps how far its clock runs ahead of real time, across restarts. */
export const CLOCK_OFFSET = 'playground.clockOffsetMs';

/** The playground's own team, and the deployment's row that carries the daily housekeeping (SYSTEM_TEAM in
 *  src/features/privacy/housekeeping.ts, which an adapter may not import). */
const OURS: TeamPlatform[] = ['web', 'system'];

/**
 * Platforms other than the playground with teams in this database. Their schedules would fire on the playground's
 * shifted clock, so the playground refuses to start beside them and its time control refuses to move while they
 * exist.
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

/**
 * The team's next due schedule or queued message (case publication, reminder), whichever comes first. `shown`:
 * only those a member could see coming — not the kinds held hidden for a member's privacy (ScheduleKind.hidden),
 * whose timing is nobody's to jump to; they still run on time when the clock passes them.
 */
export async function nextEventAt(bot: Bot, teamId: number, o: { shown?: boolean } = {}): Promise<Date | undefined> {
  const hidden = o.shown ? bot.registry.scheduleKinds.filter((k) => k.hidden).map((k) => k.kind) : [];
  const [s] = await bot.db
    // A failing occurrence backing off is due again only when its back-off ends (src/schedule/scheduler.ts).
    .select({ at: sql<Date | string | null>`min(greatest(${schedules.nextDueAt}, case when ${schedules.nextDueAt} = ${schedules.retryOf} then ${schedules.retryAt} end))` })
    .from(schedules)
    .where(and(eq(schedules.teamId, teamId), eq(schedules.paused, false), isNotNull(schedules.nextDueAt), hidden.length ? notInArray(schedules.kind, hidden) : undefined));
  const [q] = await bot.db
    .select({ at: min(outbox.notBefore) })
    .from(outbox)
    .where(and(eq(outbox.teamId, teamId), eq(outbox.status, 'pending')));
  const times = [s?.at, q?.at].filter((x): x is Date => Boolean(x)).map((x) => new Date(x));
  if (!times.length) return undefined;
  return new Date(Math.min(...times.map((t) => t.getTime())));
}

/** The newest message in the playground, to tell whether moving the clock made anything appear. */
async function newestMessage(bot: Bot): Promise<number> {
  const [r] = await bot.db.select({ id: max(webMessages.id) }).from(webMessages).where(eq(webMessages.team, TEAM));
  return r?.id ?? 0;
}

/** Run due work until nothing more fires or goes out (a fired prompt may queue a thread reply, …). */
async function settle(bot: Bot): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const r = await bot.runDueWork();
    if (!r.tick.fired && !r.tick.skipped && !r.delivery.claimed) return;
  }
}

/**
 * Some events show nothing when they happen: the supervision series plans each session 15 days ahead in silence.
 * "Next" goes on past those, up to this many, so a press always ends where something appeared (or nothing is left).
 */
const SILENT_EVENTS = 20;

/**
 * Move the clock by one step. Stops at each event on the way and runs it on time, as a real day would,
 * instead of jumping past it (which the scheduler would record as missed). "next" goes to the next event a member
 * will see — a message appearing — running the silent ones on the way. Returns false when "next" has nothing to go to.
 */
export async function advance(bot: Bot, clock: OffsetClock, teamId: number, step: TimeStep): Promise<boolean> {
  if (step !== 'next') {
    await runTo(bot, clock, teamId, clock.now().getTime() + (step === 'hour' ? HOUR : DAY));
    return true;
  }
  const seen = await newestMessage(bot);
  let reached = clock.now().getTime();
  for (let i = 0; i < SILENT_EVENTS; i++) {
    const next = await nextEventAt(bot, teamId, { shown: true });
    if (!next) return i > 0;
    // Still the same moment: a message that cannot go out yet (retry later) must not spin the clock in place.
    if (i > 0 && next.getTime() <= reached) break;
    reached = Math.max(clock.now().getTime(), next.getTime());
    await runTo(bot, clock, teamId, reached);
    if ((await newestMessage(bot)) > seen) break;
  }
  return true;
}

/** Run every event up to `target` on its own time, then leave the clock at `target`. */
async function runTo(bot: Bot, clock: OffsetClock, teamId: number, target: number): Promise<void> {
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
}
