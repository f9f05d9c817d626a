// Stable per-thread pseudonyms ("Author", "Colleague A", "Colleague B"…) that reveal nobody.
import { and, eq, sql } from 'drizzle-orm';
import type { Secrets } from '../../core/secrets.js';
import type { Tx } from '../../db/client.js';
import { pseudonyms } from '../../db/schema/index.js';
import { tx as words, type Lang } from '../../i18n/index.js';

/** The keyed MAC that stands for a member inside one thread; useless without SOJUSZ_SECRET. */
export function memberMac(secrets: Secrets, teamId: number, thread: string, memberExternalId: string): string {
  return secrets.hmac('case-pseudonym', teamId, thread, memberExternalId);
}

/**
 * The ordinal of this member in this thread: 0 when they are its author, else the next free letter.
 * The author's row is created when the thread is created (`claimAuthor`).
 */
export async function pseudonymOrdinal(db: Tx, secrets: Secrets, teamId: number, thread: string, memberExternalId: string, now: Date): Promise<number> {
  const mac = memberMac(secrets, teamId, thread, memberExternalId);
  for (let attempt = 0; attempt < 5; attempt++) {
    const [found] = await db.select().from(pseudonyms).where(and(eq(pseudonyms.thread, thread), eq(pseudonyms.memberMac, mac)));
    if (found) return found.ordinal;
    const [{ next }] = (await db
      .select({ next: sql<number>`coalesce(max(${pseudonyms.ordinal}), 0) + 1` })
      .from(pseudonyms)
      .where(eq(pseudonyms.thread, thread))) as [{ next: number }];
    const inserted = await db
      .insert(pseudonyms)
      .values({ teamId, thread, memberMac: mac, ordinal: Number(next), createdAt: now })
      .onConflictDoNothing()
      .returning({ ordinal: pseudonyms.ordinal });
    if (inserted.length) return inserted[0]!.ordinal;
  }
  throw new Error('could not allocate a pseudonym');
}

/**
 * Where the anonymous replies of one pseudonym sit in the outbox: under the reply key prefix of their thread and
 * the pseudonym's letter (`p<ordinal>:`), which the thread shows anyway ("Osoba B"), so the key tells nobody more
 * than the post itself — but lets an erasure that withdraws a member's anonymous posts find their replies.
 * Keys from before carry no letter; those replies cannot be found again.
 */
export function pseudonymReplyPrefix(threadReplyPrefix: string, ordinal: number): string {
  return `${threadReplyPrefix}p${ordinal}:`;
}

/** The outbox prefix of a thread's anonymous replies ('case:12' → 'case-reply:12:'), or undefined for others. */
export function threadReplyPrefix(thread: string): string | undefined {
  const m = /^(case|prompt):(\d+)$/.exec(thread);
  return m ? `${m[1]}-reply:${m[2]}:` : undefined;
}

/** Mark the member as the author of a thread (ordinal 0). */
export async function claimAuthor(db: Tx, secrets: Secrets, teamId: number, thread: string, memberExternalId: string, now: Date): Promise<void> {
  await db
    .insert(pseudonyms)
    .values({ teamId, thread, memberMac: memberMac(secrets, teamId, thread, memberExternalId), ordinal: 0, createdAt: now })
    .onConflictDoNothing();
}

/** "Author" / "Autor(ka)", "Colleague A" / "Osoba A", … "Colleague AA" after Z. */
export function pseudonymLabel(ordinal: number, lang: Lang): string {
  if (ordinal === 0) return words(lang, 'anon.author');
  let n = ordinal;
  let letters = '';
  while (n > 0) {
    n -= 1;
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26);
  }
  return words(lang, 'anon.colleague', { letter: letters });
}
