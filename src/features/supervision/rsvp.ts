// RSVP: a member's answer to a session (coming / not this time / maybe) and who said what, for facilitators.
import { and, asc, eq } from 'drizzle-orm';
import { UserError } from '../../core/errors.js';
import type { Tx } from '../../db/client.js';
import { members, supervisionRsvps } from '../../db/schema/index.js';
import { ANSWERS, sessionById, type Answer, type Session } from './store.js';

/** "12:coming" → its parts; anything else is a stale or forged button. */
export function parseRsvpValue(value: string | undefined): { sessionId: number; answer: Answer } {
  const m = /^(\d+):(coming|not|maybe)$/.exec(value ?? '');
  if (!m) throw new UserError('supervision.rsvp.gone');
  return { sessionId: Number(m[1]), answer: m[2] as Answer };
}

/**
 * Record (or change) a member's answer; only for a session of their team that is still ahead. The session is read
 * locked: a cancellation under way is waited for (and the answer refused), and one that starts later waits for this.
 */
export async function answer(tx: Tx, teamId: number, memberId: number, sessionId: number, a: Answer, now: Date): Promise<Session> {
  const session = await sessionById(tx, teamId, sessionId, { share: true });
  if (!session || session.status !== 'scheduled' || session.startsAt <= now) throw new UserError('supervision.rsvp.gone');
  await tx
    .insert(supervisionRsvps)
    .values({ sessionId, memberId, answer: a, updatedAt: now })
    .onConflictDoUpdate({ target: [supervisionRsvps.sessionId, supervisionRsvps.memberId], set: { answer: a, updatedAt: now } });
  return session;
}

/** Platform ids of members by answer, in the order they answered. */
export async function whoAnswered(tx: Tx, sessionId: number): Promise<Record<Answer, string[]>> {
  const rows = await tx
    .select({ answer: supervisionRsvps.answer, externalId: members.externalId })
    .from(supervisionRsvps)
    .innerJoin(members, eq(members.id, supervisionRsvps.memberId))
    .where(eq(supervisionRsvps.sessionId, sessionId))
    .orderBy(asc(supervisionRsvps.updatedAt), asc(supervisionRsvps.id));
  const out = Object.fromEntries(ANSWERS.map((a) => [a, [] as string[]])) as Record<Answer, string[]>;
  for (const r of rows) out[r.answer as Answer]?.push(r.externalId);
  return out;
}

/** Internal member ids that said they were coming (for logging a held session's hours). */
export async function comingMemberIds(tx: Tx, sessionId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: supervisionRsvps.memberId })
    .from(supervisionRsvps)
    .where(and(eq(supervisionRsvps.sessionId, sessionId), eq(supervisionRsvps.answer, 'coming')));
  return rows.map((r) => r.id);
}
