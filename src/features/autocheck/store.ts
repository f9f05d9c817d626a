// Sealed storage of autochecks: the answers are encrypted as one JSON blob; only the time and variant show.
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Secrets } from '../../core/secrets.js';
import type { Tx } from '../../db/client.js';
import { autochecks } from '../../db/schema/index.js';
import type { Answers, Variant } from './forms.js';

export interface Entry {
  id: number;
  variant: Variant;
  createdAt: Date;
  answers: Answers;
}

/** Seal answers for storage: AES-256-GCM of their JSON, so not even the numbers are readable at rest. */
export function seal(secrets: Pick<Secrets, 'encrypt'>, answers: Answers): string {
  return secrets.encrypt(JSON.stringify(answers));
}

export function unseal(secrets: Pick<Secrets, 'decrypt'>, sealed: string): Answers {
  return JSON.parse(secrets.decrypt(sealed)) as Answers;
}

export async function saveAutocheck(
  tx: Tx,
  secrets: Pick<Secrets, 'encrypt'>,
  o: { teamId: number; memberId: number; variant: Variant; answers: Answers; now: Date },
): Promise<{ id: number }> {
  const [row] = await tx
    .insert(autochecks)
    .values({ teamId: o.teamId, memberId: o.memberId, variant: o.variant, createdAt: o.now, sealed: seal(secrets, o.answers) })
    .returning({ id: autochecks.id });
  return row!;
}

/** The member's checks, newest first: at most `limit`, and not older than `since` when given. */
export async function listAutochecks(
  tx: Tx,
  secrets: Pick<Secrets, 'decrypt'>,
  o: { memberId: number; limit?: number; since?: Date },
): Promise<Entry[]> {
  const where = o.since ? and(eq(autochecks.memberId, o.memberId), gte(autochecks.createdAt, o.since)) : eq(autochecks.memberId, o.memberId);
  const q = tx.select().from(autochecks).where(where).orderBy(desc(autochecks.createdAt), desc(autochecks.id));
  const rows = o.limit ? await q.limit(o.limit) : await q;
  return rows.map((r) => ({ id: r.id, variant: r.variant as Variant, createdAt: r.createdAt, answers: unseal(secrets, r.sealed) }));
}

/** One of the member's checks, locked for the decision about its held topic; undefined when it is not theirs (or gone). */
export async function lockAutocheck(tx: Tx, secrets: Pick<Secrets, 'decrypt'>, o: { memberId: number; id: number }): Promise<Entry | undefined> {
  const [r] = await tx
    .select()
    .from(autochecks)
    .where(and(eq(autochecks.id, o.id), eq(autochecks.memberId, o.memberId)))
    .for('update');
  return r && { id: r.id, variant: r.variant as Variant, createdAt: r.createdAt, answers: unseal(secrets, r.sealed) };
}

/** Seal the check's answers again after its held topic was edited or decided on. */
export async function updateAnswers(tx: Tx, secrets: Pick<Secrets, 'encrypt'>, id: number, answers: Answers): Promise<void> {
  await tx.update(autochecks).set({ sealed: seal(secrets, answers) }).where(eq(autochecks.id, id));
}
