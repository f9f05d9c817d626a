// The hours log: supervision hours members record for certification, totals, corrections and a CSV export.
// A note on an entry is the member's own words (only they read it): it is sealed at rest, see sealed.ts.
import { and, asc, eq } from 'drizzle-orm';
import { UserError } from '../../core/errors.js';
import type { Secrets } from '../../core/secrets.js';
import { fold, looksLikeDate, parseDate } from '../../core/parse.js';
import type { Tx } from '../../db/client.js';
import { supervisionHours } from '../../db/schema/index.js';
import { tx as txt, type Lang } from '../../i18n/index.js';
import { localDate } from '../../schedule/occurrence.js';
import { comingMemberIds } from './rsvp.js';
import type { Session } from './store.js';
import { hoursNote, sealText } from './sealed.js';

export type HoursKind = 'individual' | 'group';
/** An entry as its member sees it: the note opened. */
export type HoursEntry = Omit<typeof supervisionHours.$inferSelect, 'noteSealed'>;
export const MAX_HOURS = 24;

const KIND_WORDS: Record<string, HoursKind> = {
  individual: 'individual', ind: 'individual', indywidualna: 'individual', indywidualnie: 'individual', indywidualne: 'individual',
  group: 'group', grupowa: 'group', grupowo: 'group', grupowe: 'group', grupa: 'group',
};

/** The smallest entry: two decimals are kept, so anything less would be stored as 0 hours. */
export const MIN_HOURS = 0.01;

/** "1,5", "1.5", "2" → hours, to two decimals; at least 0.01 and at most 24 per entry. */
export function parseHours(s: string): number {
  const t = s.trim().replace(',', '.');
  const n = /^\d+(\.\d+)?$/.test(t) ? Math.round(Number(t) * 100) / 100 : NaN;
  // Checked after rounding: "0,004" would otherwise pass as more than 0 and be kept as 0, an entry nobody can fix.
  if (!Number.isFinite(n) || n < MIN_HOURS || n > MAX_HOURS) throw new UserError('supervision.badHours', { got: s, max: MAX_HOURS });
  return n;
}

const isDate = (w: string | undefined) => w !== undefined && looksLikeDate(w);

/**
 * The words after the hours: `[individual|group] [YYYY-MM-DD] [note…]`, each optional. The kind and the date may
 * come in either order ("1.5 2026-03-01 group" is as natural as "1.5 group 2026-03-01"); the rest is the note.
 */
export function parseLogDetails(words: string[], today: string): { kind: HoursKind; date: string; note?: string } {
  let i = 0;
  let kind: HoursKind | undefined;
  let date: string | undefined;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const k = kind ? undefined : KIND_WORDS[fold(w)];
    if (k) kind = k;
    else if (!date && isDate(w)) {
      date = parseDate(w);
      if (date > today) throw new UserError('supervision.futureLog', { got: date });
    } else break;
  }
  const note = words.slice(i).join(' ').trim();
  return { kind: kind ?? 'individual', date: date ?? today, note: note || undefined };
}

export async function logHours(
  tx: Tx,
  secrets: Pick<Secrets, 'encrypt'>,
  teamId: number,
  memberId: number,
  e: { hours: number; kind: HoursKind; date: string; note?: string },
  now: Date,
): Promise<HoursEntry> {
  const [{ noteSealed: _, ...row }] = await tx
    .insert(supervisionHours)
    .values({ teamId, memberId, date: e.date, hours: String(e.hours), kind: e.kind, noteSealed: e.note ? sealText(secrets, e.note) : null, createdAt: now })
    .returning();
  return { ...row, note: e.note ?? null };
}

/** Correct one of the member's own entries. */
export async function fixHours(tx: Tx, memberId: number, entryId: number, hours: number): Promise<void> {
  const [row] = await tx
    .update(supervisionHours)
    .set({ hours: String(hours) })
    .where(and(eq(supervisionHours.id, entryId), eq(supervisionHours.memberId, memberId)))
    .returning({ id: supervisionHours.id });
  if (!row) throw new UserError('supervision.notYourEntry', { id: entryId });
}

/** The member's entries, oldest first, notes opened. */
export async function memberEntries(tx: Tx, secrets: Pick<Secrets, 'decrypt'>, memberId: number): Promise<HoursEntry[]> {
  const rows = await tx.select().from(supervisionHours).where(eq(supervisionHours.memberId, memberId)).orderBy(asc(supervisionHours.date), asc(supervisionHours.id));
  return rows.map(({ noteSealed, ...e }) => ({ ...e, note: hoursNote(secrets, { note: e.note, noteSealed }) }));
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

/** Mark a session held: group hours for everyone who said "coming", once per member (a second call adds none). */
export async function logHeld(tx: Tx, session: Session, now: Date): Promise<number> {
  const hours = Math.round((session.durationMinutes / 60) * 100) / 100;
  const date = localDate(session.startsAt, session.zone);
  let added = 0;
  for (const memberId of await comingMemberIds(tx, session.id)) {
    const rows = await tx
      .insert(supervisionHours)
      .values({ teamId: session.teamId, memberId, date, hours: String(hours), kind: 'group', sessionId: session.id, createdAt: now })
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
  const body = entries.map((e) => [e.date, txt(lang, `supervision.kind.${e.kind as HoursKind}`), number(Number(e.hours)), e.note ?? '', String(e.id)]);
  return '\uFEFF' + toCsv([header, ...body], sep);
}
