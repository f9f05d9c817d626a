// Retention for anonymous cases: case text after the team's period, drafts after a day, rate counters after two days,
// bans once they have ended.
import { and, eq, inArray, isNotNull, isNull, like, lt, lte, or } from 'drizzle-orm';
import { DEFAULTS, SETTINGS } from '../../core/settings.js';
import { setting } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { caseBans, caseCounters, caseDrafts, caseReports, cases, outbox, teams } from '../../db/schema/index.js';
import { localDate } from '../../schedule/occurrence.js';
import { DRAFT_TTL_MS } from './store.js';
import { replyKeyPrefix, reportKeyPrefix } from './close.js';

export interface PurgeReport {
  cases: number;
  drafts: number;
  counters: number;
  bans: number;
}

const DAY = 86_400_000;

/**
 * Delete what the bot no longer needs: the text of cases older than the team's `retention.cases` days (in the
 * case row, the stored post and its replies, report reasons), drafts older than a day, counters older than two days,
 * bans that have ended (a ban MAC outlives its member's erasure while the ban runs, and no longer).
 * The platform's own copy of a post is the team's; this only empties the bot's database. Run daily.
 */
export async function purgeCases(tx: Tx, now: Date): Promise<PurgeReport> {
  const report: PurgeReport = { cases: 0, drafts: 0, counters: 0, bans: 0 };
  for (const team of await tx.select().from(teams)) {
    const days = setting(team, SETTINGS.retentionCases, DEFAULTS.retentionCases);
    const cutoff = localDate(new Date(now.getTime() - days * DAY), 'UTC');
    const old = await tx
      .update(cases)
      .set({ title: null, body: null, question: null, tags: [], textDeletedOn: localDate(now, 'UTC') })
      .where(and(eq(cases.teamId, team.id), lt(cases.createdOn, cutoff), isNull(cases.textDeletedOn)))
      .returning({ id: cases.id, postKey: cases.postKey });
    report.cases += old.length;
    if (!old.length) continue;
    const ids = old.map((c) => c.id);
    // Replies and reports still waiting go with the text (a reply or a reason can repeat it), never out blank.
    const around = ids.flatMap((id) => [like(outbox.key, `${replyKeyPrefix(id)}%`), like(outbox.key, `${reportKeyPrefix(id)}%`)]);
    await tx.update(outbox).set({ status: 'cancelled' }).where(and(eq(outbox.status, 'pending'), or(...around)));
    await tx
      .update(outbox)
      .set({ message: { blocks: [] } })
      .where(or(inArray(outbox.key, old.map((c) => c.postKey)), ...around));
  }
  // Report reasons go with the text: of the cases just purged, and of any whose text went earlier but kept a reason
  // (purges before reasons were cleared here, a report that raced a withdrawal). Reports stay, without their words.
  await tx
    .update(caseReports)
    .set({ reason: null })
    .where(and(isNotNull(caseReports.reason), inArray(caseReports.caseId, tx.select({ id: cases.id }).from(cases).where(isNotNull(cases.textDeletedOn)))));
  report.drafts = (await tx.delete(caseDrafts).where(lt(caseDrafts.createdAt, new Date(now.getTime() - DRAFT_TTL_MS))).returning({ t: caseDrafts.token })).length;
  const counterCutoff = localDate(new Date(now.getTime() - 2 * DAY), 'UTC');
  report.counters = (await tx.delete(caseCounters).where(lt(caseCounters.day, counterCutoff)).returning({ m: caseCounters.mac })).length;
  report.bans = (await tx.delete(caseBans).where(lte(caseBans.until, now)).returning({ id: caseBans.id })).length;
  return report;
}
