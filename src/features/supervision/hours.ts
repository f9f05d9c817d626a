// The hours log: supervision hours members record for certification, totals, corrections and a CSV export.
// A note on an entry is the member's own words (only they read it): it is sealed at rest, see sealed.ts.
import { and, asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
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

/** The kind in the forms people write it ("superwizja grupowa", "1,5 godziny superwizji grupowej"), folded. */
const KIND_WORDS: Record<string, HoursKind> = {
  individual: 'individual', individually: 'individual', ind: 'individual',
  indywidualna: 'individual', indywidualnie: 'individual', indywidualne: 'individual', indywidualnej: 'individual',
  group: 'group', grupowa: 'group', grupowo: 'group', grupowe: 'group', grupa: 'group', grupowej: 'group',
};

/** Words that say only what is already known — hours of supervision — and may stand among the kind and the date
 *  ("1.5 hours of group supervision"). */
const SAID_ANYWAY = new Set(['h', 'hr', 'hrs', 'hour', 'hours', 'of', 'godz', 'godzina', 'godziny', 'godzin', 'godzine', 'supervision', 'superwizja', 'superwizji', 'superwizje']);

/** Days said by name, as days before today. */
const DAYS_AGO: Record<string, number> = { today: 0, dzis: 0, dzisiaj: 0, yesterday: 1, wczoraj: 1, przedwczoraj: 2 };

/** The smallest entry: two decimals are kept, so anything less would be stored as 0 hours. */
export const MIN_HOURS = 0.01;

/** "1,5", "1.5", "2", "1.5h", "2 godz." → hours, to two decimals; at least 0.01 and at most 24 per entry. */
export function parseHours(s: string): number {
  const t = s.trim().replace(',', '.').replace(/(?<=\d)\s*(?:h|hrs?|hours?|godz\.?|godzin[ay]?)$/i, '');
  const n = /^\d+(\.\d+)?$/.test(t) ? Math.round(Number(t) * 100) / 100 : NaN;
  // Checked after rounding: "0,004" would otherwise pass as more than 0 and be kept as 0, an entry nobody can fix.
  if (!Number.isFinite(n) || n < MIN_HOURS || n > MAX_HOURS) throw new UserError('supervision.badHours', { got: s, max: MAX_HOURS });
  return n;
}

/** Anything written like a date ("01.03", "1/3/2026", "2026/03/01"): read when it can be, else refused, never a note. */
const DATE_SHAPE = /^\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\.?$/;
/** Day and month, the Polish way ("01.03", "1.03."): this year's. */
const SHORT_DATE = /^(\d{1,2})\.(\d{1,2})\.?$/;

/** A word as looked up: folded, without the punctuation that may follow it ("grupowa," "godz."). */
const key = (w: string) => fold(w).replace(/[.,;:]+$/, '');

/** The date a word says, as YYYY-MM-DD, or undefined when it says none; a date-shaped word that is no date is refused. */
function dateOf(w: string, today: string): string | undefined {
  const ago = DAYS_AGO[key(w)];
  if (ago !== undefined) return DateTime.fromISO(today).minus({ days: ago }).toISODate()!;
  const word = w.replace(/[,;:]+$/, '');
  if (looksLikeDate(word)) return parseDate(word);
  const short = SHORT_DATE.exec(word);
  if (short) {
    const date = DateTime.fromObject({ year: Number(today.slice(0, 4)), month: Number(short[2]), day: Number(short[1]) });
    if (!date.isValid) throw new UserError('parse.date', { got: word });
    return date.toISODate()!;
  }
  if (DATE_SHAPE.test(word)) throw new UserError('parse.date', { got: word });
  return undefined;
}

/**
 * The words after the hours: the kind, the date and words that only repeat "hours" or "supervision", in any order
 * ("1.5 hrs group yesterday", "1,5 godz. superwizji grupowej 01.03"); from the first other word on, the note. A kind
 * or a date given twice (two different ones) is refused rather than half kept: the other half would be read as the
 * note, silently.
 */
export function parseLogDetails(words: string[], today: string): { kind: HoursKind; date: string; note?: string } {
  let i = 0;
  let kind: { value: HoursKind; typed: string } | undefined;
  let date: { value: string; typed: string } | undefined;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const k = KIND_WORDS[key(w)];
    if (k) {
      if (kind && kind.value !== k) throw new UserError('supervision.logTwoKinds', { first: kind.typed, got: w });
      kind ??= { value: k, typed: w };
      continue;
    }
    if (SAID_ANYWAY.has(key(w))) continue;
    const d = dateOf(w, today);
    if (d === undefined) break;
    if (date && date.value !== d) throw new UserError('supervision.logTwoDates', { first: date.typed, got: w });
    if (d > today) throw new UserError('supervision.futureLog', { got: d });
    date ??= { value: d, typed: w };
  }
  const note = words.slice(i).join(' ').trim();
  return { kind: kind?.value ?? 'individual', date: date?.value ?? today, note: note || undefined };
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
