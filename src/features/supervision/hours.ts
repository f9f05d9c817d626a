// The hours log: supervision hours members record for certification, each their own entry N; totals, corrections,
// removal and a CSV export. What members type about hours is read in hours-words.ts.
// A note on an entry is the member's own words (only they read it): it is sealed at rest, see sealed.ts.
// A removed entry is marked, not deleted (see `removedAt` in the schema): everything here but the numbering and
// `held` reads only the entries that stand.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../core/errors.js';
import type { Secrets } from '../../core/secrets.js';
import type { Tx } from '../../db/client.js';
import { nextMemberNumber } from '../../db/numbers.js';
import { supervisionHours } from '../../db/schema/index.js';
import { l10n, tx as txt, type Lang, type Params } from '../../i18n/index.js';
import { localDate } from '../../schedule/occurrence.js';
import { comingMemberIds } from './rsvp.js';
import type { Session } from './store.js';
import { hoursNote, sealText } from './sealed.js';
import type { EntryChange, HoursKind } from './hours-words.js';

export type { HoursKind } from './hours-words.js';
/** An entry as its member sees it: the note opened. */
export type HoursEntry = Omit<typeof supervisionHours.$inferSelect, 'noteSealed'>;
/** The entries that count: not removed by their member. */
const standing = isNull(supervisionHours.removedAt);
/** How many of their latest entries `/supervision hours` shows a member (with their numbers, to fix or remove one). */
export const RECENT_ENTRIES = 10;

/** Log an entry under the member's next number; in the caller's transaction, which the number's lock lasts for. */
export async function logHours(
  tx: Tx,
  secrets: Pick<Secrets, 'encrypt'>,
  teamId: number,
  memberId: number,
  e: { hours: number; kind: HoursKind; date: string; note?: string },
  now: Date,
): Promise<HoursEntry> {
  const number = await nextMemberNumber(tx, supervisionHours, memberId);
  const [{ noteSealed: _, ...row }] = await tx
    .insert(supervisionHours)
    .values({ teamId, memberId, number, date: e.date, hours: String(e.hours), kind: e.kind, noteSealed: e.note ? sealText(secrets, e.note) : null, createdAt: now })
    .returning();
  return { ...row, note: e.note ?? null };
}

const opened = (secrets: Pick<Secrets, 'decrypt'>, { noteSealed, ...e }: typeof supervisionHours.$inferSelect): HoursEntry => ({ ...e, note: hoursNote(secrets, { note: e.note, noteSealed }) });

/**
 * One of the member's own standing entries by the number they were shown; anyone else's is "no entry of yours", one
 * they removed is said to be removed (its number stays unused: they may be looking at it on paper).
 */
export async function entryByNumber(tx: Tx, secrets: Pick<Secrets, 'decrypt'>, memberId: number, number: number): Promise<HoursEntry> {
  const [row] = await tx.select().from(supervisionHours).where(and(eq(supervisionHours.memberId, memberId), eq(supervisionHours.number, number)));
  if (!row) throw new UserError('supervision.notYourEntry', { id: number });
  if (row.removedAt) throw new UserError('supervision.entryRemoved', { id: number });
  return opened(secrets, row);
}

/** Correct one of the member's own entries: only what `change` gives (hours, kind, date, note), whoever logged it. */
export async function fixHours(tx: Tx, secrets: Pick<Secrets, 'encrypt' | 'decrypt'>, memberId: number, number: number, change: EntryChange): Promise<HoursEntry> {
  const set = {
    ...(change.hours !== undefined ? { hours: String(change.hours) } : {}),
    ...(change.kind ? { kind: change.kind } : {}),
    ...(change.date ? { date: change.date } : {}),
    // A plain note from before sealing goes too: the new one (or none) replaces it.
    ...(change.note !== undefined ? { note: null, noteSealed: change.note === null ? null : sealText(secrets, change.note) } : {}),
  };
  if (!Object.keys(set).length) throw new Error('fixHours: nothing to change');
  const e = await entryByNumber(tx, secrets, memberId, number);
  const [row] = await tx
    .update(supervisionHours)
    .set(set)
    .where(and(eq(supervisionHours.id, e.id), standing))
    .returning();
  // Removed between the two statements (two replicas): said as if removed before.
  if (!row) throw new UserError('supervision.entryRemoved', { id: number });
  return opened(secrets, row);
}

/**
 * Remove one of the member's own entries by its serial id (what the question's button carries, so that a question
 * pressed by someone else removes nothing of theirs). The entry is marked, its note taken off; undefined when it is
 * already removed, or not theirs.
 */
export async function removeEntry(tx: Tx, secrets: Pick<Secrets, 'decrypt'>, memberId: number, entryId: number, now: Date): Promise<HoursEntry | undefined> {
  // One statement: of two presses at once (two replicas), the second finds it removed and says so.
  const [row] = await tx
    .update(supervisionHours)
    .set({ removedAt: now, note: null, noteSealed: null })
    .where(and(eq(supervisionHours.id, entryId), eq(supervisionHours.memberId, memberId), standing))
    .returning();
  return row && opened(secrets, row);
}

/** The member's standing entries, oldest first, notes opened. */
export async function memberEntries(tx: Tx, secrets: Pick<Secrets, 'decrypt'>, memberId: number): Promise<HoursEntry[]> {
  const rows = await tx
    .select()
    .from(supervisionHours)
    .where(and(eq(supervisionHours.memberId, memberId), standing))
    .orderBy(asc(supervisionHours.date), asc(supervisionHours.id));
  return rows.map((r) => opened(secrets, r));
}

/** The latest of them (by the date of the supervision, then the order logged), newest first. */
export function recentEntries(entries: HoursEntry[], count = RECENT_ENTRIES): HoursEntry[] {
  return [...entries].sort((a, b) => b.date.localeCompare(a.date) || b.number - a.number).slice(0, count);
}

/** An entry in an answer, in both languages: "entry 3: 1.5 hours of group supervision on 2026-03-02". */
export function entryParams(e: Pick<HoursEntry, 'number' | 'hours' | 'kind' | 'date'>): Params {
  const hours = Number(e.hours);
  return {
    id: e.number,
    hours: { pl: hoursLabel('pl', hours), en: hoursLabel('en', hours) },
    kind: l10n(`supervision.kind.${e.kind as HoursKind}`),
    date: e.date,
  };
}

export interface Totals {
  all: Record<HoursKind, number>;
  byYear: { year: string; individual: number; group: number }[];
}

export function totals(entries: HoursEntry[]): Totals {
  const all = { individual: 0, group: 0 };
  const years = new Map<string, { individual: number; group: number }>();
  for (const e of entries) {
    const h = Number(e.hours);
    const kind = e.kind as HoursKind;
    all[kind] += h;
    const y = e.date.slice(0, 4);
    const row = years.get(y) ?? { individual: 0, group: 0 };
    row[kind] += h;
    years.set(y, row);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    all: { individual: round(all.individual), group: round(all.group) },
    byYear: [...years.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([year, v]) => ({ year, individual: round(v.individual), group: round(v.group) })),
  };
}

/** "1 godzina", "2 godziny", "5 godzin", "1,5 godziny" / "1 hour", "1.5 hours". */
export function hoursLabel(lang: Lang, n: number): string {
  const shown = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 2 }).format(n);
  return txt(lang, 'supervision.hoursCount', { count: n, n: shown });
}

/**
 * Mark a session held: group hours for everyone who said "coming", once per member — a second call adds none, and an
 * entry its member removed stays removed (the removed row still holds the session, so the insert meets it).
 */
export async function logHeld(tx: Tx, session: Session, now: Date): Promise<number> {
  const hours = Math.round((session.durationMinutes / 60) * 100) / 100;
  const date = localDate(session.startsAt, session.zone);
  let added = 0;
  // In one order for every call: two sessions marked held at once take their members' numbering locks alike.
  for (const memberId of (await comingMemberIds(tx, session.id)).sort((a, b) => a - b)) {
    const number = await nextMemberNumber(tx, supervisionHours, memberId);
    const rows = await tx
      .insert(supervisionHours)
      .values({ teamId: session.teamId, memberId, number, date, hours: String(hours), kind: 'group', sessionId: session.id, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: supervisionHours.id });
    added += rows.length;
  }
  return added;
}

// ——— CSV (RFC 4180), safe to open in a spreadsheet ———

/** A cell a spreadsheet will not run as a formula, quoted when it contains a separator, quote or line break. */
export function csvCell(value: string, sep = ','): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return v.includes(sep) || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: string[][], sep = ','): string {
  return rows.map((r) => r.map((c) => csvCell(c, sep)).join(sep)).join('\r\n') + '\r\n';
}

/**
 * The member's hours as a spreadsheet opens them by a double click: a UTF-8 byte order mark (else Excel reads
 * "grupowa" and notes as another code page), and in Polish the separator and decimal comma a Polish Excel expects
 * ("1,5" in cells split by ";"); in English "," and "1.5".
 */
export function hoursCsv(lang: Lang, entries: HoursEntry[]): string {
  const sep = lang === 'pl' ? ';' : ',';
  const number = (n: number) => (lang === 'pl' ? String(n).replace('.', ',') : String(n));
  const header = ['date', 'kind', 'hours', 'note', 'id'].map((c) => txt(lang, `supervision.csv.${c}` as 'supervision.csv.date'));
  const body = entries.map((e) => [e.date, txt(lang, `supervision.kind.${e.kind as HoursKind}`), number(Number(e.hours)), e.note ?? '', String(e.number)]);
  return '\uFEFF' + toCsv([header, ...body], sep);
}
