// The outbox: every outgoing message is a row first, so nothing is lost in a crash and nothing is sent twice.
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Message } from '../core/message.js';
import type { Tx } from '../db/client.js';
import { recordset } from '../db/bulk.js';
import { outbox, teams, type OutboxTarget } from '../db/schema/index.js';
import type { Platform } from '../core/port.js';

export interface Outgoing {
  teamId: number;
  /** Unique per logical message (e.g. `prompt:12:2026-03-27T08:00:00.000Z`). */
  key: string;
  target: OutboxTarget;
  message: Message;
  notBefore?: Date;
}

/** Queue a message; a second call with the same key does nothing. Returns whether it was queued now. */
export async function enqueue(tx: Tx, now: Date, m: Outgoing): Promise<boolean> {
  const rows = await tx
    .insert(outbox)
    .values({ teamId: m.teamId, key: m.key, target: m.target, message: m.message, notBefore: m.notBefore ?? now, createdAt: now })
    .onConflictDoNothing({ target: outbox.key })
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Queue many messages in one statement (a fan-out); keys already queued are skipped. */
export async function enqueueMany(tx: Tx, now: Date, ms: Outgoing[]): Promise<void> {
  for (let i = 0; i < ms.length; i += 1000) {
    const chunk = ms.slice(i, i + 1000).map((m) => ({ team_id: m.teamId, key: m.key, target: m.target, message: m.message, not_before: m.notBefore ?? now, created_at: now }));
    await tx.execute(sql`
      insert into ${outbox} (team_id, key, target, message, not_before, created_at)
      select team_id, key, target, message, not_before, created_at
      from ${recordset(chunk, { team_id: 'int', key: 'text', target: 'jsonb', message: 'jsonb', not_before: 'timestamptz', created_at: 'timestamptz' })}
      on conflict (key) do nothing`);
  }
}

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Lease up to `limit` ready rows of teams on `platforms` (the ones this process serves) to this process; a lease that
 * expired (crashed owner) is taken over. Rows of other platforms stay for the replicas that serve them: taken here,
 * they could only be put back, later.
 */
export async function claimReady(tx: Tx, owner: string, now: Date, leaseMs: number, limit: number, platforms: Platform[]): Promise<OutboxRow[]> {
  const served = tx.select({ id: teams.id }).from(teams).where(inArray(teams.platform, platforms));
  const ready = tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        lte(outbox.notBefore, now),
        or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, now)),
        inArray(outbox.teamId, served),
      ),
    )
    .orderBy(outbox.notBefore, outbox.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await tx
    .update(outbox)
    .set({
      leaseOwner: owner,
      leaseUntil: new Date(now.getTime() + leaseMs),
      attempts: sql`${outbox.attempts} + 1`,
      firstAttemptAt: sql`coalesce(${outbox.firstAttemptAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(inArray(outbox.id, ready))
    .returning();
  // UPDATE … RETURNING keeps no order; a channel's messages must go out in the order they were queued.
  return rows.sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || a.id - b.id);
}

export async function findByKey(tx: Tx, key: string): Promise<OutboxRow | undefined> {
  const [row] = await tx.select().from(outbox).where(eq(outbox.key, key));
  return row;
}

/**
 * What /metrics shows of the outbox: rows due and still waiting, and how late the oldest is. Only due rows: a
 * case's post waits, dated, for its random delay, and counting it would show anyone polling /metrics the moment
 * it was submitted.
 */
export async function outboxBacklog(db: Tx, now: Date): Promise<{ due: number; oldestDueSeconds: number }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<Date | null>`min(${outbox.notBefore})` })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.notBefore, now)));
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : undefined;
  return { due: Number(row?.n ?? 0), oldestDueSeconds: oldest ? Math.max(0, (now.getTime() - oldest) / 1000) : 0 };
}
