// The tick: claims due schedules in the database, runs each occurrence exactly once, advances next_due_at.
import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Bot } from '../core/bot.js';
import { recordset, rowsOf } from '../db/bulk.js';
import type { Tx } from '../db/client.js';
import { occurrences, schedules, teams } from '../db/schema/index.js';
import { HOUR, MINUTE } from './clock.js';
import type { Occurrence, ScheduleKind, ScheduleRow } from './kinds.js';
import { nextOccurrence } from './occurrence.js';
import { safeError } from '../log.js';

export const DEFAULT_GRACE_MS = 6 * HOUR;
/** The NOTIFY channel on which a tick says "new messages are queued" to every replica. */
export const OUTBOX_READY = 'sojusz_outbox_ready';
const BATCH = 200;
/** Safety bound on catching up one schedule after a long downtime. */
const MAX_CATCH_UP = 500;

/** How long a failed occurrence waits before its next try: 1, 2, 4 … minutes, at most an hour (a bug is not fixed by
 *  retrying every minute, and an error line a minute for hours buries everything else in the log). */
export function retryDelayMs(failures: number): number {
  return Math.min(2 ** Math.max(0, failures - 1) * MINUTE, HOUR);
}

/** Failures in a row of this very occurrence, counting this one (another occurrence starts again at one). */
function failuresAfter(o: Occurrence): number {
  return (o.schedule.retryOf?.getTime() === o.dueAt.getTime() ? o.schedule.failures : 0) + 1;
}

export interface TickReport {
  fired: number;
  skipped: number;
  excluded: number;
  /** Occurrences whose handler threw: rolled back alone, tried again at the next tick (within their grace window). */
  failed: number;
}

/**
 * Claim due schedules with FOR UPDATE SKIP LOCKED (so replicas split the work), record each occurrence
 * once (a unique key on schedule + instant makes a second claim a no-op) and move next_due_at on.
 */
export async function tick(bot: Bot): Promise<TickReport> {
  const now = bot.clock.now();
  const report: TickReport = { fired: 0, skipped: 0, excluded: 0, failed: 0 };
  const kinds = new Map(bot.registry.scheduleKinds.map((k) => [k.kind, k]));
  for (;;) {
    // Shutting down: claim no further batch (a large fan-out would keep the process busy past its stop).
    if (bot.stopping) return report;
    const later: (() => Promise<void>)[] = [];
    const afterCommit = (task: () => Promise<void>) => void later.push(task);
    const handled = await bot.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(schedules)
        .where(
          and(
            eq(schedules.paused, false),
            isNotNull(schedules.nextDueAt),
            lte(schedules.nextDueAt, now),
            or(isNull(schedules.retryAt), lte(schedules.retryAt, now), sql`${schedules.nextDueAt} is distinct from ${schedules.retryOf}`),
          ),
        )
        .orderBy(asc(schedules.nextDueAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      const teamIds = [...new Set(due.map((r) => r.teamId))];
      const teamById = new Map((teamIds.length ? await tx.select().from(teams).where(inArray(teams.id, teamIds)) : []).map((t) => [t.id, t]));
      const advanced: { id: number; at: Date | null; failures: number; retry_at: Date | null; retry_of: Date | null }[] = [];
      type Pending = { kind: ScheduleKind; o: Occurrence; outcome: 'fired' | 'skipped' | 'excluded' };
      const pending: Pending[] = [];
      for (const row of due) {
        const kind = kinds.get(row.kind);
        if (!kind) {
          bot.log.error({ schedule: row.id, kind: row.kind }, 'no handler for schedule kind; pausing it');
          await tx.update(schedules).set({ paused: true }).where(eq(schedules.id, row.id));
          continue;
        }
        let at: Date | null = row.nextDueAt!;
        for (let n = 0; at && at <= now && n < MAX_CATCH_UP; n++) {
          const o: Occurrence = { bot, tx, schedule: row, team: teamById.get(row.teamId)!, dueAt: at, now, afterCommit };
          const outcome = (await kind.excluded?.(o))
            ? 'excluded'
            : now.getTime() - at.getTime() > (kind.graceMs ?? DEFAULT_GRACE_MS)
              ? 'skipped'
              : 'fired';
          pending.push({ kind, o, outcome });
          at = nextDue(kind, row, at);
        }
        advanced.push({ id: row.id, at, failures: 0, retry_at: null, retry_of: null });
      }
      // The exactly-once anchor: an occurrence row per (schedule, instant); only the fresh ones happen.
      const fresh = new Set<string>();
      for (let i = 0; i < pending.length; i += 1000) {
        const chunk = pending.slice(i, i + 1000).map((p) => ({ schedule_id: p.o.schedule.id, due_at: p.o.dueAt, outcome: p.outcome, at: now }));
        const rows = rowsOf<{ schedule_id: number; due_at: Date | string }>(
          await tx.execute(sql`
            insert into ${occurrences} (schedule_id, due_at, outcome, at)
            select schedule_id, due_at, outcome, at from ${recordset(chunk, { schedule_id: 'int', due_at: 'timestamptz', outcome: 'text', at: 'timestamptz' })}
            on conflict do nothing
            returning schedule_id, due_at`),
        );
        for (const r of rows) fresh.add(`${r.schedule_id}@${new Date(r.due_at).getTime()}`);
      }
      const happening = pending.filter((p) => fresh.has(`${p.o.schedule.id}@${p.o.dueAt.getTime()}`));
      /**
       * Run occurrences in a savepoint: one that throws (a bug, a bad payload) is rolled back alone and the rest of
       * the batch — every other team's prompts and reminders — goes on. Its after-commit work goes with it.
       */
      const inSavepoint = async (os: Occurrence[], run: (os: Occurrence[]) => Promise<void>): Promise<unknown> => {
        const queued = later.length;
        try {
          await tx.transaction((sp) => run(os.map((o) => ({ ...o, tx: sp as unknown as Tx }))));
          return undefined;
        } catch (e) {
          // The database gone, not this occurrence: the whole tick fails (nothing of it commits) and runs again once
          // the database answers, instead of an error line and a back-off for every occurrence of the batch.
          if (bot.outages.noticed(e)) throw e;
          later.length = queued;
          return e ?? new Error('occurrence failed');
        }
      };
      const failed: Occurrence[] = [];
      const oneByOne = async (os: Occurrence[], outcome: 'fired' | 'skipped', run: (o: Occurrence) => Promise<void>) => {
        for (const o of os) {
          const e = await inSavepoint([o], ([x]) => run(x!));
          if (!e) continue;
          // A missed occurrence's report (a DM to the facilitator) that fails stays missed: it is not fired late.
          if (outcome === 'skipped') {
            bot.log.error({ schedule: o.schedule.id, kind: o.schedule.kind, outcome, error: safeError(e) }, 'reporting a missed occurrence failed');
            continue;
          }
          failed.push(o);
          const failures = failuresAfter(o);
          const retryAt = new Date(now.getTime() + retryDelayMs(failures));
          bot.log.error(
            { schedule: o.schedule.id, kind: o.schedule.kind, outcome, failures, retryAt: retryAt.toISOString(), error: safeError(e) },
            'a scheduled occurrence failed; trying it again later',
          );
        }
      };
      const firedByKind = new Map<ScheduleKind, Occurrence[]>();
      for (const p of happening) {
        report[p.outcome]++;
        if (p.outcome === 'fired') {
          const list = firedByKind.get(p.kind);
          if (list) list.push(p.o);
          else firedByKind.set(p.kind, [p.o]);
        } else if (p.outcome === 'skipped' && p.kind.skipped) await oneByOne([p.o], 'skipped', (o) => p.kind.skipped!(o));
      }
      for (const [kind, os] of firedByKind) {
        // A batch that fails is done again one by one, to find the one that fails.
        if (kind.fireMany && !(await inSavepoint(os, (x) => kind.fireMany!(x)))) continue;
        await oneByOne(os, 'fired', (o) => kind.fire(o));
      }
      // A failed occurrence did not happen: its anchor goes, and its schedule is due again at that very instant, so
      // a later tick (after a back-off) tries the same occurrence (same keys) while every later one of it that did
      // happen keeps its anchor and is not done twice. Past its grace window it becomes a skipped one, like any late
      // occurrence.
      for (const o of failed) {
        report.failed++;
        report.fired--;
        await tx.delete(occurrences).where(and(eq(occurrences.scheduleId, o.schedule.id), eq(occurrences.dueAt, o.dueAt)));
        const row = advanced.find((a) => a.id === o.schedule.id);
        if (!row) continue;
        if (!row.at || o.dueAt < row.at) row.at = o.dueAt;
        row.failures = failuresAfter(o);
        row.retry_at = new Date(now.getTime() + retryDelayMs(row.failures));
        row.retry_of = row.at;
      }
      // Wake every replica's delivery on commit (NOTIFY is transactional), not only this one's.
      if (firedByKind.size) await tx.execute(sql`select pg_notify(${OUTBOX_READY}, '')`);
      // One statement moves every claimed schedule on (instead of one per row).
      if (advanced.length) {
        await tx.execute(
          sql`update ${schedules} set next_due_at = v.at, failures = v.failures, retry_at = v.retry_at, retry_of = v.retry_of
              from ${recordset(advanced, { id: 'int', at: 'timestamptz', failures: 'int', retry_at: 'timestamptz', retry_of: 'timestamptz' })} where ${schedules.id} = v.id`,
        );
      }
      return due.length;
    });
    // This batch's messages are committed: let delivery start on them while the next batch is claimed.
    if (handled) bot.onEnqueued?.();
    for (const task of later) {
      await task().catch((e) => bot.log.error({ error: safeError(e) }, 'work after a scheduled occurrence failed'));
    }
    if (handled < BATCH) return report;
  }
}

export function nextDue(kind: ScheduleKind, row: ScheduleRow, after: Date): Date | null {
  return kind.next ? kind.next(row, after) : nextOccurrence(row.rule, row.zone, after);
}
