// What members type about supervision hours — the amount, the kind, the date, a note — read alike by `log` and `hours fix`.
import { DateTime } from 'luxon';
import { UserError } from '../../core/errors.js';
import { fold, looksLikeDate, parseDate } from '../../core/parse.js';

export type HoursKind = 'individual' | 'group';
export const MAX_HOURS = 24;
/** The smallest entry: two decimals are kept, so anything less would be stored as 0 hours. */
export const MIN_HOURS = 0.01;

/** The kind in the forms people write it ("superwizja grupowa", "1,5 godziny superwizji grupowej"), folded. */
const KIND_WORDS: Record<string, HoursKind> = {
  individual: 'individual', individually: 'individual', ind: 'individual',
  indywidualna: 'individual', indywidualnie: 'individual', indywidualne: 'individual', indywidualnej: 'individual',
  group: 'group', grupowa: 'group', grupowo: 'group', grupowe: 'group', grupa: 'group', grupowej: 'group',
};

/** Words that say only what is already known — hours of supervision — and may stand among the kind and the date
 *  ("1.5 hours of group supervision"). */
const SAID_ANYWAY = new Set(['h', 'hr', 'hrs', 'hour', 'hours', 'of', 'godz', 'godzina', 'godziny', 'godzin', 'godzine', 'supervision', 'superwizja', 'superwizji', 'superwizje']);

/** Days said by name, as days before today. Days ahead are named too, so that they are refused as a date still ahead
 *  rather than taken for the first word of a note ("hours fix 3 jutro"). */
const DAYS_AGO: Record<string, number> = { today: 0, dzis: 0, dzisiaj: 0, yesterday: 1, wczoraj: 1, przedwczoraj: 2, tomorrow: -1, jutro: -1, pojutrze: -2 };

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

/**
 * Hours among other words (`hours fix 3 2 individual`), where a date may stand too: a number, with a decimal point or
 * comma and a unit or not ("2", "1,5", "1.5h") — unless it is written as a day and month are: a day with a leading
 * zero, a month of two digits or a closing dot ("01.03", "1.03", "27.02."). Nobody logs 1.03 hours; "1.5" and
 * "1.25" stay hours, as in `log`.
 */
const HOURS_WORD = /^\d+(?:[.,]\d+)?(?:h|hrs?|hours?|godz\.?|godzin[ay]?)?$/i;
const DAY_AND_MONTH = /^(?:0\d\.\d{1,2}|\d{1,2}\.(?:0\d|1[0-2]))\.?$|^\d{1,2}\.\d{1,2}\.$/;

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

/** What an entry's words said, each as read and as typed (for the answer when one is said twice). */
interface Read {
  hours?: { value: number; typed: string };
  kind?: { value: HoursKind; typed: string };
  date?: { value: string; typed: string };
  /** Where the words that are none of these begin. */
  rest: number;
}

/**
 * The kind, the date (and, for a fix, the hours) and words that only repeat "hours" or "supervision", in any order,
 * up to the first other word. One said twice differently is `twice(first, got)`'s error: half kept, the other half
 * would silently go into the note or be lost. A date still ahead is `ahead(date)`'s.
 */
function readWords(
  words: string[],
  today: string,
  o: { hours: boolean; twice: (first: string, got: string, what: 'kind' | 'date' | 'hours') => UserError; ahead: (date: string) => UserError },
): Read {
  const r: Read = { rest: words.length };
  const once = <T>(was: { value: T; typed: string } | undefined, value: T, typed: string, what: 'kind' | 'date' | 'hours') => {
    if (was && was.value !== value) throw o.twice(was.typed, typed, what);
    return was ?? { value, typed };
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const k = KIND_WORDS[key(w)];
    if (k) {
      r.kind = once(r.kind, k, w, 'kind');
      continue;
    }
    if (SAID_ANYWAY.has(key(w))) continue;
    const bare = w.replace(/[,;:]+$/, '');
    if (o.hours && HOURS_WORD.test(bare) && !DAY_AND_MONTH.test(bare)) {
      r.hours = once(r.hours, parseHours(bare), w, 'hours');
      continue;
    }
    const d = dateOf(w, today);
    if (d === undefined) {
      r.rest = i;
      break;
    }
    if (d > today) throw o.ahead(d);
    r.date = once(r.date, d, w, 'date');
  }
  return r;
}

/**
 * The words after the hours in `log`: the kind, the date and words that only repeat "hours" or "supervision", in any
 * order ("1.5 hrs group yesterday", "1,5 godz. superwizji grupowej 01.03"); from the first other word on, the note. A
 * kind or a date given twice (two different ones) is refused rather than half kept: the other half would be read as
 * the note, silently.
 */
export function parseLogDetails(words: string[], today: string): { kind: HoursKind; date: string; note?: string } {
  const r = readWords(words, today, {
    hours: false,
    twice: (first, got, what) => new UserError(what === 'kind' ? 'supervision.logTwoKinds' : 'supervision.logTwoDates', { first, got }),
    ahead: (got) => new UserError('supervision.futureLog', { got }),
  });
  const note = words.slice(r.rest).join(' ').trim();
  return { kind: r.kind?.value ?? 'individual', date: r.date?.value ?? today, note: note || undefined };
}

/** What a fix changes: only what was given. */
export interface EntryChange {
  hours?: number;
  kind?: HoursKind;
  date?: string;
  /** The new note; null takes the note off. */
  note?: string | null;
}

/** A note of only a dash takes the entry's note off: one character on any keyboard, in either language (a phone may
 *  have made it an en or em dash). */
const NO_NOTE = /^[-–—]$/;

/**
 * The words after the entry's number in `hours fix`: any of the hours, the kind and the date, in any order and with the
 * words `log` reads among them ("2 individual 2026-03-01", "1,5 godz. grupowa wczoraj"); from the first other word on,
 * a new note, as in `log` ("2 case consultation"), or a lone "-" that takes the note off. The answer shows the entry as
 * it now is, note included, so a word the member meant as something else is seen at once. `number` is the entry's,
 * for the examples in the answers.
 */
export function parseFixDetails(words: string[], today: string, number: number): EntryChange {
  const r = readWords(words, today, {
    hours: true,
    twice: (first, got) => new UserError('supervision.fixTwice', { first, got, id: number }),
    ahead: (got) => new UserError('supervision.futureFix', { got, id: number, today }),
  });
  const note = words.slice(r.rest).join(' ').trim();
  return { hours: r.hours?.value, kind: r.kind?.value, date: r.date?.value, note: !note ? undefined : NO_NOTE.test(note) ? null : note };
}
