// Closing a case (withdrawn by its author, hidden by moderators, withdrawn by its author's erasure): its text gone from
// everything the bot keeps, and what the platform still shows listed for the clean-up.
import { and, eq, like } from 'drizzle-orm';
import type { Message } from '../../core/message.js';
import type { Tx } from '../../db/client.js';
import { caseReports, cases, outbox } from '../../db/schema/index.js';
import { findByKey } from '../../schedule/outbox.js';
// Only a type: the clean-up module calls this one (closeForErasure), never the other way round at run time.
import type { Cleanup } from '../privacy/cleanup-later.js';
import { closedPost, reportClosedPost } from './post.js';
import type { CaseRow } from './store.js';

export const isClosed = (row: Pick<CaseRow, 'status'>) => row.status === 'withdrawn' || row.status === 'hidden';

type SentRef = { channel: string; id: string; thread?: string };

/** What of a closed case is on the platform: its post (to replace by `closed`) and its anonymous replies (to remove). */
export interface ClosedOnPlatform {
  post?: SentRef;
  replies: SentRef[];
  closed: Message;
  /** Reports already in the moderation channel: rewritten without their reason (it may quote the case). */
  reports?: SentRef[];
  reportClosed?: Message;
}

/**
 * Close a case in the database: its text gone everywhere the bot keeps it (case row, post, replies, report
 * reasons) and what has not gone out cancelled. Returns what is on the platform, for replaceClosed.
 */
export async function closeCaseRow(tx: Tx, row: CaseRow, why: 'withdrawn' | 'hidden', lang: 'pl' | 'en', day: string): Promise<ClosedOnPlatform> {
  await tx
    .update(cases)
    .set({ status: why, title: null, body: null, question: null, tags: [], textDeletedOn: day })
    .where(eq(cases.id, row.id));
  await tx.update(caseReports).set({ reason: null }).where(eq(caseReports.caseId, row.id));
  const post = await findByKey(tx, row.postKey);
  const closed = closedPost(lang, row.number, why);
  await tx
    .update(outbox)
    .set({ message: closed, ...(post?.status === 'pending' ? { status: 'cancelled' } : {}) })
    .where(eq(outbox.key, row.postKey));
  await tx.update(outbox).set({ status: 'cancelled' }).where(and(like(outbox.key, `${replyKeyPrefix(row.id)}%`), eq(outbox.status, 'pending')));
  const replies = await tx
    .update(outbox)
    .set({ message: { blocks: [] } })
    .where(like(outbox.key, `${replyKeyPrefix(row.id)}%`))
    .returning({ status: outbox.status, ref: outbox.sentRef });
  // Reports: one still waiting is not sent (its reason may quote the case); one already sent loses its reason.
  const reportClosed = reportClosedPost(lang, row.number);
  await tx.update(outbox).set({ status: 'cancelled' }).where(and(like(outbox.key, `${reportKeyPrefix(row.id)}%`), eq(outbox.status, 'pending')));
  const reports = await tx
    .update(outbox)
    .set({ message: reportClosed })
    .where(like(outbox.key, `${reportKeyPrefix(row.id)}%`))
    .returning({ status: outbox.status, ref: outbox.sentRef });
  return {
    ...(post?.status === 'sent' && post.sentRef ? { post: post.sentRef } : {}),
    replies: replies.flatMap((r) => (r.status === 'sent' && r.ref ? [r.ref] : [])),
    closed,
    reports: reports.flatMap((r) => (r.status === 'sent' && r.ref ? [r.ref] : [])),
    reportClosed,
  };
}

/** What a closed case still owes the platform: its post becomes the closed notice, reports lose their reason, and
 *  the anonymous replies leave the thread (a reply can repeat what made the case a problem). */
export const cleanupOf = (c: ClosedOnPlatform): Cleanup => ({
  edits: [...(c.post ? [{ ref: c.post, message: c.closed }] : []), ...(c.reports ?? []).map((ref) => ({ ref, message: c.reportClosed! }))],
  removals: c.replies,
});

export const replyKeyPrefix = (caseId: number) => `case-reply:${caseId}:`;
export const reportKeyPrefix = (caseId: number) => `case-report:${caseId}:`;

/**
 * The close an erasure owes a case whose post is in the channel, done by that case's own clean-up piece
 * (cleanup-later.ts) at its random moment, in the piece's transaction. Until then the case is open to everyone, like
 * any other: closing several at the moment of the erasure would tell the group which cases had one author. Nothing
 * when the case is gone or already closed (moderators hid it meanwhile: that close did the clean-up).
 */
export async function closeForErasure(tx: Tx, caseId: number, lang: 'pl' | 'en', day: string): Promise<Cleanup> {
  // Locked like a withdrawal: a report waiting on the row sees the case closed and keeps no reason.
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!row || isClosed(row)) return { edits: [], removals: [] };
  return cleanupOf(await closeCaseRow(tx, row, 'withdrawn', lang, day));
}
