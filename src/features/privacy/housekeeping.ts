// The daily housekeeping job: retention purges, old delivery records, and teams that left 30 days ago.
import { and, eq, inArray, isNotNull, lt, notExists, notInArray, or, sql } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import type { Tx } from '../../db/client.js';
import { cases, outbox, processedEvents, promptPosts, schedules, teams } from '../../db/schema/index.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import type { Rule } from '../../schedule/occurrence.js';
import { scheduleKindName } from '../../schedule/payload.js';

const DAY = 24 * 60 * 60 * 1000;
/** The one housekeeping schedule carries nothing (its payload is the column's default, {}). */
export const HOUSEKEEPING = scheduleKindName<Record<string, never>>()('housekeeping');
/** One team row stands for the deployment, so the single housekeeping schedule has a team to hang off. */
export const SYSTEM_TEAM = { platform: 'system', externalId: 'system' } as const;
export const OFFBOARDING_DAYS = 30;
const PROCESSED_EVENTS_DAYS = 2;
/** Finished messages (sent, failed, cancelled) may quote member text; a month covers every retry and thread lookup. */
const FINISHED_OUTBOX_DAYS = 30;

export interface HousekeepingReport {
  purged: Record<string, number>;
  processedEvents: number;
  finishedOutbox: number;
  teamsDeleted: number;
}

export async function runHousekeeping(tx: Tx, bot: Bot, now: Date): Promise<HousekeepingReport> {
  const purged: Record<string, number> = {};
  for (const c of bot.registry.privacy) if (c.purge) purged[c.area] = await c.purge(tx, bot, now);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const report: HousekeepingReport = {
    purged,
    processedEvents: (await tx.delete(processedEvents).where(lt(processedEvents.at, ago(PROCESSED_EVENTS_DAYS))).returning({ k: processedEvents.key })).length,
    finishedOutbox: (
      await tx
        .delete(outbox)
        .where(
          or(
            and(
              eq(outbox.status, 'sent'),
              lt(outbox.sentAt, ago(FINISHED_OUTBOX_DAYS)),
              // A thread's opening message stays as long as what it opened: a prompt's as long as its prompt_posts
              // row, a case post's as long as its case row. It is where the thread is found, so an anonymous answer
              // to a months-old prompt or case can still land in it (and a named one still be counted). A sent row
              // keeps only the platform's reference (or a closed case's notice), never a member's words.
              notExists(tx.select({ one: promptPosts.id }).from(promptPosts).where(eq(promptPosts.outboxKey, outbox.key))),
              notExists(tx.select({ one: cases.id }).from(cases).where(eq(cases.postKey, outbox.key))),
              // An open case's anonymous replies and reports stay findable too: withdrawing or hiding it removes the
              // replies from the thread and the reasons from the moderation channel, however long it has been open.
              notExists(
                tx
                  .select({ one: cases.id })
                  .from(cases)
                  .where(
                    and(
                      sql`${cases.id} = case when ${outbox.key} ~ '^case-(reply|report):[0-9]+:' then split_part(${outbox.key}, ':', 2)::bigint end`,
                      notInArray(cases.status, ['withdrawn', 'hidden']),
                    ),
                  ),
              ),
              // An anonymous prompt reply likewise, while its prompt post lives: an erasure that withdraws the
              // member's anonymous posts finds it by the pseudonym's letter in its key.
              notExists(
                tx
                  .select({ one: promptPosts.id })
                  .from(promptPosts)
                  .where(sql`${promptPosts.id} = case when ${outbox.key} ~ '^prompt-reply:[0-9]+:p[0-9]+:' then split_part(${outbox.key}, ':', 2)::int end`),
              ),
            ),
            // Never sent: a failed DM can hold a reflection, a cancelled reminder a member's topic.
            and(inArray(outbox.status, ['failed', 'cancelled']), lt(outbox.createdAt, ago(FINISHED_OUTBOX_DAYS))),
            // Queued a month ago, due, and still not sent (its platform is served by no replica any more, which hands
            // it back again and again): it never will be, and its text must not outlive the others'.
            and(eq(outbox.status, 'pending'), lt(outbox.createdAt, ago(FINISHED_OUTBOX_DAYS)), lt(outbox.notBefore, new Date(now.getTime() + DAY))),
          ),
        )
        .returning({ id: outbox.id })
    ).length,
    // Deleting the team row cascades to everything the team owns.
    teamsDeleted: (await tx.delete(teams).where(and(isNotNull(teams.uninstalledAt), lt(teams.uninstalledAt, ago(OFFBOARDING_DAYS)))).returning({ id: teams.id })).length,
  };
  // Counts only: never what was deleted.
  bot.log.info({ housekeeping: report }, 'housekeeping done');
  return report;
}

export const housekeepingKind: ScheduleKind = {
  kind: HOUSEKEEPING,
  // A late run is still worth doing; there is nothing to send, only to delete.
  graceMs: 7 * DAY,
  async fire(o) {
    await runHousekeeping(o.tx, o.bot, o.now);
  },
  async skipped(o) {
    await runHousekeeping(o.tx, o.bot, o.now);
  },
};

/** Create the system team and its one housekeeping schedule if missing (idempotent; safe on every replica). */
export async function ensureHousekeeping(bot: Bot): Promise<void> {
  const { ensureTeam } = await import('../../core/teams.js');
  const { nextOccurrence } = await import('../../schedule/occurrence.js');
  await bot.db.transaction(async (tx) => {
    const team = await ensureTeam(tx, SYSTEM_TEAM.platform, SYSTEM_TEAM.externalId);
    // Serialize replicas starting together: the team row lock makes the existence check and insert atomic.
    await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, team.id)).for('update');
    const [found] = await tx.select({ id: schedules.id }).from(schedules).where(and(eq(schedules.teamId, team.id), eq(schedules.kind, HOUSEKEEPING)));
    if (found) return;
    const rule: Rule = { type: 'daily', time: '03:30' };
    await tx.insert(schedules).values({ teamId: team.id, kind: HOUSEKEEPING, zone: 'UTC', rule, nextDueAt: nextOccurrence(rule, 'UTC', bot.clock.now()) });
  });
}
