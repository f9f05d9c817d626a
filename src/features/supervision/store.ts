// Read-side queries over supervision sessions shared by the other supervision modules (no side effects).
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { supervisionRsvps, supervisionSessions } from '../../db/schema/index.js';

export type Session = typeof supervisionSessions.$inferSelect;
export type Answer = 'coming' | 'not' | 'maybe';
export const ANSWERS: readonly Answer[] = ['coming', 'not', 'maybe'];

/** The team's next session that is still planned and has not started yet. */
export async function nextSession(tx: Tx, teamId: number, now: Date): Promise<Session | undefined> {
  const [s] = await tx
    .select()
    .from(supervisionSessions)
    .where(and(eq(supervisionSessions.teamId, teamId), eq(supervisionSessions.status, 'scheduled'), gt(supervisionSessions.startsAt, now)))
    .orderBy(asc(supervisionSessions.startsAt))
    .limit(1);
  return s;
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

export async function sessionById(tx: Tx, teamId: number, id: number): Promise<Session | undefined> {
  const [s] = await tx.select().from(supervisionSessions).where(and(eq(supervisionSessions.teamId, teamId), eq(supervisionSessions.id, id)));
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
