// RFC 5545 calendar feed for supervision sessions, with wall-clock times in each session's own time zone.
//
// Hand-written rather than taken from `ics` (no TZID or VTIMEZONE at all) or `ical-generator` (needs a
// separate VTIMEZONE generator package with its own copy of the zone database). We derive VTIMEZONE
// from luxon, the same zone data the scheduler uses, so the feed and the reminders cannot disagree.

import { DateTime } from 'luxon';

export interface CalendarEvent {
  /** Stable across updates, so calendar apps replace the event instead of duplicating it. */
  uid: string;
  /** The UTC instant the session starts. */
  start: Date;
  durationMinutes: number;
  /** IANA zone the session is planned in; DTSTART/DTEND are written as wall-clock times there. */
  zone: string;
  summary: string;
  description?: string;
  location?: string;
  status?: 'CONFIRMED' | 'CANCELLED';
  /** Bump on every change so clients accept the update (RFC 5546). */
  sequence?: number;
}

export interface CalendarOptions {
  name: string;
  events: readonly CalendarEvent[];
  /** Written as DTSTAMP; injected so output is reproducible. */
  now: Date;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** A whole VCALENDAR document, CRLF-terminated, lines folded at 75 octets. */
export function buildCalendar(opts: CalendarOptions): string {
  const zones = zonesInOrder(opts.events);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Sojusz//Supervision//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.name)}`,
    // Non-standard but read by Google and Apple as the calendar's default zone: the most used one.
    `X-WR-TIMEZONE:${mostUsedZone(opts.events) ?? 'UTC'}`,
  ];
  for (const zone of zones) {
    const years = opts.events
      .filter((e) => e.zone === zone)
      .flatMap((e) => [e.start, endOf(e)].map((d) => DateTime.fromJSDate(d, { zone }).year));
    lines.push(...vtimezone(zone, Math.min(...years), Math.max(...years)));
  }
  const stamp = utcStamp(opts.now);
  for (const event of opts.events) lines.push(...vevent(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function vevent(event: CalendarEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    dateTime('DTSTART', event.start, event.zone),
    dateTime('DTEND', endOf(event), event.zone),
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location !== undefined) lines.push(`LOCATION:${escapeText(event.location)}`);
  lines.push(`STATUS:${event.status ?? 'CONFIRMED'}`);
  lines.push(`SEQUENCE:${event.sequence ?? 0}`);
  lines.push('END:VEVENT');
  return lines;
}

function endOf(event: CalendarEvent): Date {
  // Duration is elapsed time: a 90-minute session across a DST change still lasts 90 minutes.
  return new Date(event.start.getTime() + event.durationMinutes * 60_000);
}

function zonesInOrder(events: readonly CalendarEvent[]): string[] {
  const zones = [...new Set(events.map((e) => e.zone))];
  for (const zone of zones) {
    if (!DateTime.now().setZone(zone).isValid) throw new Error(`Unknown IANA time zone: ${zone}`);
  }
  return zones;
}

function mostUsedZone(events: readonly CalendarEvent[]): string | undefined {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.zone, (counts.get(e.zone) ?? 0) + 1);
  let best: string | undefined;
  for (const [zone, count] of counts) if (best === undefined || count > counts.get(best)!) best = zone;
  return best;
}

/**
 * A VTIMEZONE listing every offset change luxon knows from 1 January of `fromYear` to the end of
 * `toYear + 1`, each as its own STANDARD or DAYLIGHT block (no RRULE: explicit changes stay right
 * even when a country changes its rules). The first block pins the offset in force at the start of
 * the range, so times before the first listed change are not left to the reader's guess.
 */
function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const start = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone });
  const end = DateTime.fromObject({ year: toYear + 2, month: 1, day: 1 }, { zone });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  lines.push(...observance(start, start.offset, start.offset));
  for (const change of offsetChanges(zone, start.toMillis(), end.toMillis())) {
    lines.push(...observance(change.at, change.from, change.at.offset));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function observance(at: DateTime, fromMinutes: number, toMinutes: number): string[] {
  const kind = at.isInDST ? 'DAYLIGHT' : 'STANDARD';
  // RFC 5545: DTSTART of an observance is the local time under the offset in force *before* it.
  const localBefore = at.toUTC().plus({ minutes: fromMinutes });
  const lines = [
    `BEGIN:${kind}`,
    `DTSTART:${localBefore.toFormat("yyyyMMdd'T'HHmmss")}`,
    `TZOFFSETFROM:${formatOffset(fromMinutes)}`,
    `TZOFFSETTO:${formatOffset(toMinutes)}`,
  ];
  const name = abbreviation(at);
  if (name !== undefined) lines.push(`TZNAME:${name}`);
  lines.push(`END:${kind}`);
  return lines;
}

/** Offset changes in [fromMs, toMs): a daily scan, then a binary search to the exact minute. */
function offsetChanges(zone: string, fromMs: number, toMs: number): { at: DateTime; from: number }[] {
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  const day = 86_400_000;
  const minute = 60_000;
  const changes: { at: DateTime; from: number }[] = [];
  for (let t = fromMs; t < toMs; t += day) {
    const next = Math.min(t + day, toMs);
    if (offsetAt(t) === offsetAt(next)) continue;
    let lo = t; // offset as before
    let hi = next; // offset as after
    while (hi - lo > minute) {
      const mid = lo + Math.floor((hi - lo) / 2 / minute) * minute;
      if (offsetAt(mid) === offsetAt(lo)) lo = mid;
      else hi = mid;
    }
    changes.push({ at: DateTime.fromMillis(hi, { zone }), from: offsetAt(lo) });
  }
  return changes;
}

function abbreviation(at: DateTime): string | undefined {
  // Intl gives "CEST" in en-GB but "GMT+2" in en-US, and the reverse for American zones; TZNAME is
  // optional, so we write it only when some locale has a real abbreviation.
  for (const locale of ['en-GB', 'en-US']) {
    const name = at.setLocale(locale).offsetNameShort;
    if (name !== null && /^[A-Z]{2,6}$/.test(name)) return name;
  }
  return undefined;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function utcStamp(date: Date): string {
  return DateTime.fromJSDate(date, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
}

function localStamp(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toFormat("yyyyMMdd'T'HHmmss");
}

/**
 * DTSTART or DTEND: the wall-clock time in the zone, unless that time happens twice (the night the clocks go back).
 * RFC 5545 §3.3.5 reads an ambiguous local time as its first occurrence, and readers do not all follow it, so either
 * occurrence is written in UTC instead, which every reader takes as it is.
 */
function dateTime(name: string, date: Date, zone: string): string {
  const wall = localStamp(date, zone);
  const twice = [-120, -60, -30, 30, 60, 120].some((m) => localStamp(new Date(date.getTime() + m * 60_000), zone) === wall);
  return twice ? `${name}:${utcStamp(date)}` : `${name};TZID=${zone}:${wall}`;
}

/** TEXT value escaping (RFC 5545 §3.3.11); other control characters are not allowed in TEXT. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * Splits a content line into lines of at most 75 octets (RFC 5545 §3.1), each continuation starting
 * with one space. Never splits inside a UTF-8 character, so Polish letters survive the fold.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
    }
    current += char;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
