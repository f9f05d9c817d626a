// Storage of cases with unlinkable authorship: salted author MACs, sealed ban handles, sealed drafts, keyed counters.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, gte, sql } from 'drizzle-orm';
import type { Secrets } from '../../core/secrets.js';
import type { Tx } from '../../db/client.js';
import { caseBans, caseCounters, caseDrafts, cases, teams } from '../../db/schema/index.js';

export type CaseRow = typeof cases.$inferSelect;

export const TAGS = [
  'rupture',
  'transference-countertransference',
  'dropout',
  'ethics-boundaries',
  'structure',
  'self-disclosure',
  'risk',
  'other',
] as const;
export type Tag = (typeof TAGS)[number];

export interface CaseText {
  title: string;
  body: string;
  question: string;
  tags: string[];
}

/** The thread name for pseudonyms: per case, so the same member is a different "Colleague" in each case. */
export const caseThread = (caseId: number) => `case:${caseId}`;

/** The author's MAC for one case: the random salt makes two cases of one author look unrelated. */
export function authorMac(secrets: Secrets, teamId: number, salt: string, memberExternalId: string): string {
  return secrets.hmac('case-author', teamId, salt, memberExternalId);
}


export function isAuthor(secrets: Secrets, row: CaseRow, memberExternalId: string): boolean {
  const a = Buffer.from(authorMac(secrets, row.teamId, row.authorSalt, memberExternalId), 'hex');
  const b = Buffer.from(row.authorMac, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The ban handle of a member in a team: the same for all their cases, so it is only ever stored sealed on a case. */
export function banMac(secrets: Secrets, teamId: number, memberExternalId: string): string {
  return secrets.hmac('case-ban', teamId, memberExternalId);
}

/**
 * `lock`: 'share' holds the row against a concurrent close (withdraw, hide) until this transaction ends, and sees its
 * outcome; 'update' is the close's own, so two closes take turns and the second sees the first.
 */
export async function findCase(tx: Tx, teamId: number, number: number, lock?: 'share' | 'update'): Promise<CaseRow | undefined> {
  const q = tx.select().from(cases).where(and(eq(cases.teamId, teamId), eq(cases.number, number)));
  const [row] = lock ? await q.for(lock) : await q;
  return row;
}

/** The next "Case #N" of a team; the team row is locked so two publishes never take the same number. */
export async function nextNumber(tx: Tx, teamId: number): Promise<number> {
  await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for('update');
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${cases.number}), 0) + 1` })
    .from(cases)
    .where(eq(cases.teamId, teamId))) as [{ next: number }];
  return Number(next);
}

// ——— drafts ———

export function draftOwnerMac(secrets: Secrets, teamId: number, token: string, memberExternalId: string): string {
  return secrets.hmac('case-author', teamId, 'draft', token, memberExternalId);
}

/**
 * A draft as kept: its text, and its revision — bumped each time the author rewrites it from "Edit", so the buttons
 * of an earlier preview (which carry the revision they showed) can never act on text they do not show.
 */
export interface Draft {
  text: CaseText;
  rev: number;
}

/** A preview button's value: the draft's token, and its revision when it is not the first. Tokens hold no dot. */
export const draftRef = (token: string, rev: number) => (rev ? `${token}.${rev}` : token);

/** The token and revision a button or form state names (a value without a revision names the first). */
export function parseDraftRef(value: string): { token: string; rev: number } {
  const [token = '', rev] = value.split('.');
  const n = Number(rev ?? 0);
  return { token, rev: Number.isInteger(n) && n >= 0 ? n : -1 };
}

/** The sealed JSON of a draft: the case text, with `rev` beside it once the draft was rewritten. */
export function openDraft(secrets: Secrets, sealed: string): Draft {
  const { rev, ...text } = JSON.parse(secrets.decrypt(sealed)) as CaseText & { rev?: number };
  return { text, rev: rev ?? 0 };
}

export async function saveDraft(tx: Tx, secrets: Secrets, teamId: number, memberExternalId: string, text: CaseText, now: Date, token?: string, rev = 0): Promise<string> {
  const t = token ?? randomBytes(18).toString('base64url');
  const row = { token: t, teamId, ownerMac: draftOwnerMac(secrets, teamId, t, memberExternalId), sealed: secrets.encrypt(JSON.stringify(rev ? { ...text, rev } : text)), createdAt: now };
  await tx.insert(caseDrafts).values(row).onConflictDoUpdate({ target: caseDrafts.token, set: { sealed: row.sealed, ownerMac: row.ownerMac } });
  return t;
}

/** The draft, if it exists, is younger than a day and belongs to this member; otherwise undefined. */
export async function loadDraft(tx: Tx, secrets: Secrets, teamId: number, memberExternalId: string, token: string, now: Date): Promise<Draft | undefined> {
  const [row] = await tx.select().from(caseDrafts).where(and(eq(caseDrafts.token, token), eq(caseDrafts.teamId, teamId)));
  if (!row) return undefined;
  if (row.ownerMac !== draftOwnerMac(secrets, teamId, token, memberExternalId)) return undefined;
  if (now.getTime() - row.createdAt.getTime() > DRAFT_TTL_MS) return undefined;
  return openDraft(secrets, row.sealed);
}

/**
 * Take the draft for publishing or cancelling: it is deleted and returned in one statement, so of two presses at
 * once only one gets it (the other waits on the row and then finds nothing). Inside a transaction that rolls back,
 * the draft comes back. Undefined, and nothing deleted, under the same conditions as loadDraft.
 */
export async function claimDraft(tx: Tx, secrets: Secrets, teamId: number, memberExternalId: string, token: string, now: Date): Promise<(Draft & { savedAt: Date }) | undefined> {
  const [row] = await tx
    .delete(caseDrafts)
    .where(keptRow(teamId, token, draftOwnerMac(secrets, teamId, token, memberExternalId), now))
    .returning({ sealed: caseDrafts.sealed, savedAt: caseDrafts.createdAt });
  return row ? { ...openDraft(secrets, row.sealed), savedAt: row.savedAt } : undefined;
}

/** The drafts-table row of this token under this owner MAC, while it is kept (a day from its `created_at`). */
const keptRow = (teamId: number, token: string, mac: string, now: Date) =>
  and(eq(caseDrafts.token, token), eq(caseDrafts.teamId, teamId), eq(caseDrafts.ownerMac, mac), gte(caseDrafts.createdAt, new Date(now.getTime() - DRAFT_TTL_MS)));

// ——— published and cancelled marks ———
// A published or cancelled draft leaves its own row behind, so that a second press on its old preview hears "already
// published" or "already cancelled" instead of "this draft is gone". The row holds no member id and no text: the
// draft's token, a MAC keyed like the case's own author MAC (so it links the member to the case no more than that MAC
// already does, and only for the holder of SOJUSZ_SECRET), and sealed, the case number or only that it was cancelled.
// Its time is never a new moment of the author's: a published draft's is the case's publication instant (public
// anyway; the moment the draft was saved or published would pair the case with when its author was at work), a
// cancelled draft's the moment the draft was saved (already on its row). It is kept a day from that time: a little
// longer than the draft would have been, or exactly as long.

/**
 * The MAC of a draft's mark, published or cancelled (the label is from when only publishing left one). Under another
 * label than the draft's owner MAC: a mark can never be loaded, published, edited or exported as a draft; erasure and
 * key rotation find both kinds by it.
 */
export function publishedMac(secrets: Secrets, teamId: number, token: string, memberExternalId: string): string {
  return secrets.hmac('case-author', teamId, 'published', token, memberExternalId);
}

export async function markPublished(tx: Tx, secrets: Secrets, teamId: number, memberExternalId: string, token: string, number: number, publishAt: Date): Promise<void> {
  await tx.insert(caseDrafts).values({ token, teamId, ownerMac: publishedMac(secrets, teamId, token, memberExternalId), sealed: secrets.encrypt(JSON.stringify({ published: number })), createdAt: publishAt });
}

/** Left by Cancel in the same transaction as the claim, so of two presses the second finds it. */
export async function markCancelled(tx: Tx, secrets: Secrets, teamId: number, memberExternalId: string, token: string, savedAt: Date): Promise<void> {
  await tx.insert(caseDrafts).values({ token, teamId, ownerMac: publishedMac(secrets, teamId, token, memberExternalId), sealed: secrets.encrypt(JSON.stringify({ cancelled: true })), createdAt: savedAt });
}

export type DraftMark = { published: number } | { cancelled: true };

/** What became of this member's draft (published as case N, or cancelled), while the mark is kept; otherwise undefined. */
export async function markOf(tx: Tx, secrets: Secrets, teamId: number, memberExternalId: string, token: string, now: Date): Promise<DraftMark | undefined> {
  const [row] = await tx
    .select({ sealed: caseDrafts.sealed })
    .from(caseDrafts)
    .where(keptRow(teamId, token, publishedMac(secrets, teamId, token, memberExternalId), now));
  if (!row) return undefined;
  const mark = JSON.parse(secrets.decrypt(row.sealed)) as { published?: unknown; cancelled?: unknown };
  if (typeof mark.published === 'number') return { published: mark.published };
  return mark.cancelled === true ? { cancelled: true } : undefined;
}

export const DRAFT_TTL_MS = 24 * 3600_000;

// ——— bans ———

export async function banUntil(tx: Tx, secrets: Secrets, teamId: number, memberExternalId: string, now: Date): Promise<Date | undefined> {
  const [row] = await tx
    .select({ until: caseBans.until })
    .from(caseBans)
    .where(and(eq(caseBans.teamId, teamId), eq(caseBans.banMac, banMac(secrets, teamId, memberExternalId)), gt(caseBans.until, now)));
  return row?.until;
}

/**
 * Ban the (unknown) author of a case: the sealed handle is opened only here, and nobody sees it. False when it
 * cannot be opened: the case was posted before a rotation of SOJUSZ_SECRET by a version that did not carry ban
 * handles over (rotation now re-seals them; one it could not open it replaces with a handle that opens under no key).
 */
export async function banAuthorOf(tx: Tx, secrets: Secrets, row: CaseRow, until: Date): Promise<boolean> {
  let mac: string;
  try {
    mac = secrets.decrypt(row.banSealed);
  } catch {
    return false;
  }
  await tx
    .insert(caseBans)
    .values({ teamId: row.teamId, banMac: mac, until })
    .onConflictDoUpdate({ target: [caseBans.teamId, caseBans.banMac], set: { until: sql`greatest(${caseBans.until}, excluded.until)` } });
  return true;
}

// ——— daily counters ———

export type CounterKind = 'case' | 'reply' | 'report';

function counterMac(secrets: Secrets, kind: CounterKind, teamId: number, memberExternalId: string, day: string): string {
  return secrets.hmac('rate-limit', kind, teamId, memberExternalId, day);
}

export async function countToday(tx: Tx, secrets: Secrets, kind: CounterKind, teamId: number, memberExternalId: string, day: string): Promise<number> {
  const [row] = await tx.select({ count: caseCounters.count }).from(caseCounters).where(eq(caseCounters.mac, counterMac(secrets, kind, teamId, memberExternalId, day)));
  return row?.count ?? 0;
}

/** Count one more; returns the new count (the caller refuses, inside its transaction, when it is over the limit). */
export async function bump(tx: Tx, secrets: Secrets, kind: CounterKind, teamId: number, memberExternalId: string, day: string): Promise<number> {
  const [row] = await tx
    .insert(caseCounters)
    .values({ mac: counterMac(secrets, kind, teamId, memberExternalId, day), day, count: 1 })
    .onConflictDoUpdate({ target: caseCounters.mac, set: { count: sql`${caseCounters.count} + 1` } })
    .returning({ count: caseCounters.count });
  return row!.count;
}
