// Recurrence rules as data and the next-occurrence maths, in the rule's IANA zone (DST-correct, via luxon).
import { DateTime } from 'luxon';

export type Rule =
  /** Every `every` weeks on `weekday` (1 = Monday … 7 = Sunday) at local `time`, counted from `anchor`. */
  | { type: 'weekly'; weekday: number; time: string; every: number; anchor: string; skip?: string[] }
  /** Once, at a local date and time. */
  | { type: 'once'; date: string; time: string }
  /** Every day at a local time (housekeeping jobs). */
  | { type: 'daily'; time: string };

function hm(time: string): { hour: number; minute: number } {
  const [h, m] = time.split(':').map(Number);
  return { hour: h!, minute: m! };
}

const MEMO_MAX = 4096;

/** A pure function's answer by key, kept in `memo` (emptied when it reaches MEMO_MAX entries). */
function remembered<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  let v = memo.get(key);
  if (v === undefined) {
    v = compute();
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/**
 * Wall time → instant, remembered: a Monday fan-out asks the same (date, time, zone) for thousands of
 * schedules, and each luxon zone conversion formats dates through Intl. Pure, so a bounded memo is safe.
 */
const instants = new Map<string, number>();

/** The local wall time on a date, as a UTC instant. A time inside a DST gap moves forward, as clocks do. */
export function localToInstant(date: string, time: string, zone: string): Date {
  const ms = remembered(instants, `${date}T${time}@${zone}`, () => {
    const [year, month, day] = date.split('-').map(Number);
    return DateTime.fromObject({ year, month, day, ...hm(time) }, { zone }).toMillis();
  });
  return new Date(ms);
}

// Calendar dates as day numbers (days since 1970-01-01): date arithmetic with no zone involved.
const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
};
const isoOfDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
const weekdayOfDay = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;

/** The first occurrence strictly after `after`, or null when there is none. */
export function nextOccurrence(rule: Rule, zone: string, after: Date): Date | null {
  const afterMs = after.getTime();
  if (rule.type === 'once') {
    const at = localToInstant(rule.date, rule.time, zone);
    return at.getTime() > afterMs ? at : null;
  }
  const start = dayNumber(localDate(after, zone));
  if (rule.type === 'daily') {
    for (let day = start; day < start + 3; day++) {
      const at = localToInstant(isoOfDay(day), rule.time, zone);
      if (at.getTime() > afterMs) return at;
    }
    return null;
  }
  const anchor = dayNumber(rule.anchor);
  const skip = new Set(rule.skip ?? []);
  // From the first matching weekday on, week by week; bounded (60 periods) so a rule of skips cannot spin.
  const first = start + ((rule.weekday - weekdayOfDay(start) + 7) % 7);
  for (let day = first; day < start + 7 * rule.every * 60; day += 7) {
    const weeks = Math.round((day - anchor) / 7);
    if (((weeks % rule.every) + rule.every) % rule.every !== 0) continue;
    const iso = isoOfDay(day);
    if (skip.has(iso)) continue;
    const at = localToInstant(iso, rule.time, zone);
    if (at.getTime() > afterMs) return at;
  }
  return null;
}

export type WeeklyRule = Extract<Rule, { type: 'weekly' }>;

/** A one-off rule for an instant, as its zone's local date and time (what a one-off schedule row stores). */
export function onceRule(at: Date, zone: string): Extract<Rule, { type: 'once' }> {
  const local = DateTime.fromJSDate(at, { zone });
  return { type: 'once', date: local.toISODate()!, time: local.toFormat('HH:mm') };
}

/** The day on `weekday` in the same week as `anchor` (an ISO date): "every 2 weeks" keeps its weeks when its day moves. */
export function sameWeekOn(anchor: string, weekday: number): string {
  return DateTime.fromISO(anchor).startOf('week').plus({ days: weekday - 1 }).toISODate()!;
}

/** A weekly rule anchored on the local date of its first occurrence, so "every 2 weeks" counts from there. */
export function weeklyRule(weekday: number, time: string, every: number, zone: string, now: Date): { rule: WeeklyRule; first: Date } {
  const probe: WeeklyRule = { type: 'weekly', weekday, time, every: 1, anchor: localDate(now, zone) };
  const first = nextOccurrence(probe, zone, now)!;
  return { rule: { type: 'weekly', weekday, time, every, anchor: localDate(first, zone) }, first };
}

const dates = new Map<string, string>();

/** The local date (YYYY-MM-DD) of an instant in a zone (remembered, like localToInstant: a tick asks often). */
export function localDate(at: Date, zone: string): string {
  return remembered(dates, `${at.getTime()}@${zone}`, () => DateTime.fromJSDate(at, { zone }).toISODate()!);
}

/** A human date-time in the zone, for messages: "pt., 13 marca 2026, 09:00" / "Fri, 13 Mar 2026, 09:00". */
export function formatLocal(at: Date, zone: string, lang: 'pl' | 'en'): string {
  // Polish names the month in full, in the genitive ("4 maja"): the short form of May is "maj", which reads as
  // a mistake after a day number.
  return DateTime.fromJSDate(at, { zone }).setLocale(lang === 'pl' ? 'pl' : 'en-GB').toFormat(lang === 'pl' ? 'ccc, d MMMM yyyy, HH:mm' : 'ccc, d LLL yyyy, HH:mm');
}
