// Read-side queries over supervision sessions shared by the other supervision modules (no side effects).
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { supervisionRsvps, supervisionSessions } from '../../db/schema/index.js';

export type Session = typeof supervisionSessions.$inferSelect;
export type Answer = 'coming' | 'not' | 'maybe';
export const ANSWERS: readonly Answer[] = ['coming', 'not', 'maybe'];

/**
 * The team's next session that is still planned and has not started yet. With `share`, the session is locked until the
 * transaction ends, for a write that joins it (a topic): a cancellation meanwhile waits for that write and then takes
 * it along, and one that came first is waited for, and the next session is the answer.
 */
export async function nextSession(tx: Tx, teamId: number, now: Date, o: { share?: boolean } = {}): Promise<Session | undefined> {
  const next = () =>
    tx
      .select()
      .from(supervisionSessions)
      .where(and(eq(supervisionSessions.teamId, teamId), eq(supervisionSessions.status, 'scheduled'), gt(supervisionSessions.startsAt, now)))
      .orderBy(asc(supervisionSessions.startsAt))
      .limit(1);
  if (!o.share) return (await next())[0];
  for (let tries = 0; ; tries++) {
    const [s] = await next().for('share');
    if (s || tries === 2) return s;
    // The one that was next vanished while its lock was awaited (cancelled): the next one, if there is one now.
    if (!(await next()).length) return undefined;
  }
}

/** Planned sessions that have not started, soonest first. */
export async function upcomingSessions(tx: Tx, teamId: number, now: Date, limit = 20): Promise<Session[]> {
  return tx
    .select()
    .from(supervisionSessions)
    .where(and(eq(supervisionSessions.teamId, teamId), eq(supervisionSessions.status, 'scheduled'), gt(supervisionSessions.startsAt, now)))
    .orderBy(asc(supervisionSessions.startsAt))
    .limit(limit);
}

/**
 * A session by its row id: what buttons, payloads and other rows carry (never what a member typed). With `share`,
 * locked until the transaction ends (see nextSession): a cancellation under way is waited for, and its status read.
 */
export async function sessionById(tx: Tx, teamId: number, id: number, o: { share?: boolean } = {}): Promise<Session | undefined> {
  const q = tx.select().from(supervisionSessions).where(and(eq(supervisionSessions.teamId, teamId), eq(supervisionSessions.id, id)));
  const [s] = o.share ? await q.for('share') : await q;
  return s;
}

/** A session by the number a member typed (`/supervision list`): this team's only. */
export async function sessionByNumber(tx: Tx, teamId: number, number: number): Promise<Session | undefined> {
  const [s] = await tx.select().from(supervisionSessions).where(and(eq(supervisionSessions.teamId, teamId), eq(supervisionSessions.number, number)));
  return s;
}

/** How many members gave each answer for a session. */
export async function rsvpCounts(tx: Tx, sessionId: number): Promise<Record<Answer, number>> {
  const rows = await tx
    .select({ answer: supervisionRsvps.answer, n: sql<number>`count(*)::int` })
    .from(supervisionRsvps)
    .where(eq(supervisionRsvps.sessionId, sessionId))
    .groupBy(supervisionRsvps.answer);
  const out: Record<Answer, number> = { coming: 0, not: 0, maybe: 0 };
  for (const r of rows) if (r.answer in out) out[r.answer as Answer] = Number(r.n);
  return out;
}
