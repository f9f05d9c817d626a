// Parsers for what members type (weekdays, times, zones, dates, durations, offsets): UserError on bad input.
import { DateTime, IANAZone } from 'luxon';
import { UserError } from './errors.js';
import { nearest } from './suggest.js';
import { foldWord } from '../i18n/lookup.js';

/** PostgreSQL's integer range, where every whole number the bot keeps (ids, counts, days) lives. */
export const INT_MAX = 2_147_483_647;
export const INT_MIN = -2_147_483_648;

/** A number as people write it: digits, a sign, a decimal point or comma ("1,5") — never "0x10", "1e1" or "". NaN otherwise. */
export function decimal(text: string): number {
  const s = text.trim();
  return /^[+-]?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : NaN;
}

/** A row number typed by a member or carried by a button ("3", "#3"): a whole number from 1 that can be an id. */
export function parseId(text: string | number | undefined): number | undefined {
  const n = decimal(String(text ?? '').trim().replace(/^#/, ''));
  return Number.isInteger(n) && n >= 1 && n <= INT_MAX ? n : undefined;
}

/** Day names, folded (see fold). Besides the name and its short forms: the Polish accusative a day is said in ("w środę",
 *  "w sobotę", "w niedzielę"; the masculine days say it as they are named) and the plural of a rhythm ("w środy",
 *  "poniedziałki", "fridays"). */
const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, mondays: 1, poniedzialek: 1, poniedzialki: 1, pon: 1, pn: 1,
  tuesday: 2, tue: 2, tues: 2, tuesdays: 2, wtorek: 2, wtorki: 2, wt: 2, wto: 2,
  wednesday: 3, wed: 3, weds: 3, wednesdays: 3, sroda: 3, srode: 3, srody: 3, sr: 3, sro: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, thursdays: 4, czwartek: 4, czwartki: 4, czw: 4,
  friday: 5, fri: 5, fridays: 5, piatek: 5, piatki: 5, pt: 5, pia: 5,
  saturday: 6, sat: 6, saturdays: 6, sobota: 6, sobote: 6, soboty: 6, sob: 6, so: 6,
  sunday: 7, sun: 7, sundays: 7, niedziela: 7, niedziele: 7, nd: 7, ndz: 7, nie: 7,
};

/** Lower-case without Polish diacritics, so "Środa" and "sroda" are the same word. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l');
}

export function parseWeekday(s: string): number {
  const d = WEEKDAYS[fold(s.trim()).replace(/[.,]$/, '')];
  if (!d) throw new UserError('parse.weekday', { got: s });
  return d;
}

/** "09:00", "9:00", "9.30" → "09:00". 24-hour clock only. */
export function parseTime(s: string): string {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(s.trim());
  if (!m) throw new UserError('parse.time', { got: s });
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) throw new UserError('parse.time', { got: s });
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

export function parseZone(s: string): string {
  const z = s.trim();
  // "utc" is UTC; other names without a slash ("EST", "Poland") are old aliases that mislead more than they help.
  if (z.toUpperCase() === 'UTC') return 'UTC';
  if (!z.includes('/') || !IANAZone.isValidZone(z)) {
    const guess = zoneGuess(z);
    throw guess ? new UserError('parse.zoneGuess', { got: s, guess }) : new UserError('parse.zone', { got: s });
  }
  // As the zone database spells it ("america/new_york" → "America/New_York"), so it is shown as people know it.
  return new Intl.DateTimeFormat('en-US', { timeZone: z }).resolvedOptions().timeZone;
}

/**
 * The zone a member probably meant: the only one named after a city typed alone ("Warsaw", "new_york"), else the
 * nearest to a slip ("Europe/Warsw"; a city alone, "Warszawa", against the zones' cities).
 */
function zoneGuess(typed: string): string | undefined {
  const zones = Intl.supportedValuesOf('timeZone');
  if (typed.includes('/')) return nearest(typed, zones.map((z) => ({ word: z, value: z })));
  const city = foldWord(typed);
  const named = zones.filter((z) => foldWord(z.slice(z.lastIndexOf('/') + 1)) === city);
  if (named.length === 1) return named[0];
  // A slip in a short word finds too many cities by chance ("Asia" is a letter from Apia).
  if (named.length || city.length < 5) return undefined;
  return nearest(typed, zones.map((z) => ({ word: z.slice(z.lastIndexOf('/') + 1), value: z })));
}

/** Looks like a date someone typed: 2026-12-04, or the Polish way, 4.12.2026 / 04.12.2026 (day first). */
export const looksLikeDate = (s: string): boolean => ISO_DATE.test(s.trim()) || DOTTED_DATE.test(s.trim());
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** A real calendar date as YYYY-MM-DD, typed as 2026-12-04 or day first with dots (4.12.2026, 04.12.2026). */
export function parseDate(s: string): string {
  const t = s.trim();
  const iso = ISO_DATE.exec(t);
  const dotted = DOTTED_DATE.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  const out = y ? `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` : '';
  if (!out || !DateTime.fromISO(out).isValid) throw new UserError('parse.date', { got: s });
  return out;
}

/** "90m", "1h30m", "1.5h", "2h" → minutes. */
export function parseDuration(s: string): number {
  const t = fold(s.trim()).replace(/\s+/g, '');
  const m = /^(?:(\d+(?:[.,]\d+)?)h)?(?:(\d+)(?:m|min))?$/.exec(t);
  if (!m || (!m[1] && !m[2])) throw new UserError('parse.duration', { got: s });
  const minutes = Math.round(Number((m[1] ?? '0').replace(',', '.')) * 60 + Number(m[2] ?? 0));
  if (minutes < 5 || minutes > 24 * 60) throw new UserError('parse.durationRange', { got: s });
  return minutes;
}

/** "48h,2h", "1d, 30m" → offsets in minutes, largest first. */
export function parseOffsets(s: string): number[] {
  const parts = s.split(/[,\s]+/).filter(Boolean);
  if (!parts.length) throw new UserError('parse.offsets', { got: s });
  const out = parts.map((p) => {
    const m = /^(\d+)(d|h|m|min)$/.exec(fold(p));
    if (!m) throw new UserError('parse.offsets', { got: p });
    const n = Number(m[1]);
    const minutes = m[2] === 'd' ? n * 1440 : m[2] === 'h' ? n * 60 : n;
    if (minutes < 5 || minutes > 14 * 1440) throw new UserError('parse.offsets', { got: p });
    return minutes;
  });
  return [...new Set(out)].sort((a, b) => b - a);
}
