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

/** The local wall time on a date, as a UTC instant. A time inside a DST gap moves forward, as clocks do. */
export function localToInstant(date: string, time: string, zone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return DateTime.fromObject({ year, month, day, ...hm(time) }, { zone }).toJSDate();
}

/** The first occurrence strictly after `after`, or null when there is none. */
export function nextOccurrence(rule: Rule, zone: string, after: Date): Date | null {
  const afterMs = after.getTime();
  if (rule.type === 'once') {
    const at = localToInstant(rule.date, rule.time, zone);
    return at.getTime() > afterMs ? at : null;
  }
  let day = DateTime.fromJSDate(after, { zone }).startOf('day');
  if (rule.type === 'daily') {
    for (let i = 0; i < 3; i++, day = day.plus({ days: 1 })) {
      const at = localToInstant(day.toISODate()!, rule.time, zone);
      if (at.getTime() > afterMs) return at;
    }
    return null;
  }
  const anchor = DateTime.fromISO(rule.anchor, { zone }).startOf('day');
  const skip = new Set(rule.skip ?? []);
  // Walk days: at most every*7 days to the next matching weekday, plus skipped ones; bounded.
  for (let i = 0; i < 7 * rule.every * 60; i++, day = day.plus({ days: 1 })) {
    if (day.weekday !== rule.weekday) continue;
    const weeks = Math.round(day.diff(anchor.startOf('day'), 'days').days / 7);
    if (((weeks % rule.every) + rule.every) % rule.every !== 0) continue;
    const iso = day.toISODate()!;
    if (skip.has(iso)) continue;
    const at = localToInstant(iso, rule.time, zone);
    if (at.getTime() > afterMs) return at;
  }
  return null;
}

export type WeeklyRule = Extract<Rule, { type: 'weekly' }>;

/** A weekly rule anchored on the local date of its first occurrence, so "every 2 weeks" counts from there. */
export function weeklyRule(weekday: number, time: string, every: number, zone: string, now: Date): { rule: WeeklyRule; first: Date } {
  const probe: WeeklyRule = { type: 'weekly', weekday, time, every: 1, anchor: localDate(now, zone) };
  const first = nextOccurrence(probe, zone, now)!;
  return { rule: { type: 'weekly', weekday, time, every, anchor: localDate(first, zone) }, first };
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}

/** A human date-time in the zone, for messages: "pt., 13.03.2026, 09:00" / "Fri, 13 Mar 2026, 09:00". */
export function formatLocal(at: Date, zone: string, lang: 'pl' | 'en'): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(lang === 'pl' ? 'pl' : 'en-GB').toFormat('ccc, d LLL yyyy, HH:mm');
}
