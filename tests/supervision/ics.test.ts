import { describe, it, expect } from 'vitest';
import ICAL from 'ical.js';
import { buildCalendar, type CalendarEvent } from '../../src/features/supervision/ics.js';

const now = new Date('2026-03-01T09:15:00Z');

function event(overrides: Partial<CalendarEvent> & Pick<CalendarEvent, 'uid' | 'start'>): CalendarEvent {
  return { durationMinutes: 90, zone: 'Europe/Warsaw', summary: 'Superwizja', ...overrides };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { calendar, events };
}

describe('buildCalendar', () => {
  // Warsaw moves to CEST on 2026-03-29 and back to CET on 2026-10-25.
  const sessions: CalendarEvent[] = [
    event({ uid: 'winter@sojusz', start: new Date('2026-03-23T17:00:00Z') }), // 18:00 CET
    event({ uid: 'after-spring@sojusz', start: new Date('2026-03-30T16:00:00Z') }), // 18:00 CEST
    event({ uid: 'before-autumn@sojusz', start: new Date('2026-10-19T16:00:00Z') }), // 18:00 CEST
    event({ uid: 'after-autumn@sojusz', start: new Date('2026-10-26T17:00:00Z') }), // 18:00 CET
    event({ uid: 'utc@sojusz', start: new Date('2026-07-01T08:30:00Z'), zone: 'UTC', durationMinutes: 60 }),
    event({ uid: 'ny@sojusz', start: new Date('2026-11-02T23:00:00Z'), zone: 'America/New_York' }),
  ];

  it('gives every event back at the same UTC instant when read by a real iCalendar parser', () => {
    const { events } = parse(buildCalendar({ name: 'Zespół', events: sessions, now }));
    expect(events.map((e) => e.uid)).toEqual(sessions.map((s) => s.uid));
    events.forEach((parsed, i) => {
      expect(parsed.startDate.toJSDate().toISOString()).toBe(sessions[i].start.toISOString());
      const end = sessions[i].start.getTime() + sessions[i].durationMinutes * 60_000;
      expect(parsed.endDate.toJSDate().getTime()).toBe(end);
    });
  });

  it('keeps the wall-clock time at 18:00 Warsaw time on both sides of each DST change', () => {
    const text = buildCalendar({ name: 'Zespół', events: sessions.slice(0, 4), now });
    expect(text).toContain('DTSTART;TZID=Europe/Warsaw:20260323T180000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Warsaw:20260330T180000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Warsaw:20261019T180000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Warsaw:20261026T180000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Warsaw:20261026T193000\r\n');
  });

  it('resolves each TZID from a VTIMEZONE inside the file, one per zone used', () => {
    const { calendar, events } = parse(buildCalendar({ name: 'Zespół', events: sessions, now }));
    const tzids = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(tzids).toEqual(['Europe/Warsaw', 'UTC', 'America/New_York']);
    for (const parsed of events) expect(parsed.startDate.zone?.component).toBeTruthy();
  });

  it('describes Warsaw with CET/CEST changes at the right local times', () => {
    const { calendar } = parse(buildCalendar({ name: 'Zespół', events: sessions.slice(0, 1), now }));
    const warsaw = calendar.getFirstSubcomponent('vtimezone')!;
    const observances = warsaw.getAllSubcomponents().map((o) => [
      o.name,
      String(o.getFirstPropertyValue('dtstart')),
      o.getFirstProperty('tzoffsetto')!.toICALString(),
    ]);
    expect(observances).toContainEqual(['daylight', '2026-03-29T02:00:00', 'TZOFFSETTO:+0200']);
    expect(observances).toContainEqual(['standard', '2026-10-25T03:00:00', 'TZOFFSETTO:+0100']);
  });

  it('writes the calendar header and stamps events with the given time', () => {
    const text = buildCalendar({ name: 'Zespół A', events: sessions.slice(0, 1), now });
    const lines = text.split('\r\n');
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//Sojusz//Supervision//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Zespół A',
      'X-WR-TIMEZONE:Europe/Warsaw',
    ]);
    expect(lines).toContain('DTSTAMP:20260301T091500Z');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('ends every line with CRLF and never with a bare LF', () => {
    const text = buildCalendar({ name: 'Zespół', events: sessions, now });
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('round-trips commas, semicolons, backslashes and newlines in summary, description and location', () => {
    const summary = 'Superwizja: przypadki, ruptury; naprawa';
    const description = 'Agenda:\n1. Pani K., przerwa; \\ powrót\r\n2. Sojusz, cele';
    const location = 'Sala 3; ul. Długa 5, Kraków';
    const text = buildCalendar({
      name: 'Zespół, grupa; wtorek',
      events: [event({ uid: 'e@sojusz', start: new Date('2026-05-05T16:00:00Z'), summary, description, location })],
      now,
    });
    expect(text).toContain('SUMMARY:Superwizja: przypadki\\, ruptury\\; naprawa\r\n');
    const { events } = parse(text);
    expect(events[0].summary).toBe(summary);
    expect(events[0].description).toBe(description.replace('\r\n', '\n'));
    expect(events[0].location).toBe(location);
    // ical.js leaves X- properties raw; Google and Apple read X-WR-CALNAME as escaped TEXT.
    expect(text).toContain('X-WR-CALNAME:Zespół\\, grupa\\; wtorek\r\n');
  });

  it('folds long lines to at most 75 octets without breaking Polish letters', () => {
    const description = 'Zażółć gęślą jaźń — omówienie przymierza terapeutycznego. '.repeat(8);
    const text = buildCalendar({
      name: 'Zespół',
      events: [event({ uid: 'long@sojusz', start: new Date('2026-05-05T16:00:00Z'), description })],
      now,
    });
    const lines = text.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    expect(parse(text).events[0].description).toBe(description);
  });

  it('marks cancelled sessions and carries the sequence number so clients apply updates', () => {
    const text = buildCalendar({
      name: 'Zespół',
      events: [event({ uid: 'c@sojusz', start: new Date('2026-05-05T16:00:00Z'), status: 'CANCELLED', sequence: 3 })],
      now,
    });
    const vevent = parse(text).calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
  });

  it('produces a valid empty calendar when there are no sessions', () => {
    const { calendar, events } = parse(buildCalendar({ name: 'Zespół', events: [], now }));
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('UTC');
  });

  it('rejects an unknown time zone instead of writing a calendar clients would misread', () => {
    expect(() =>
      buildCalendar({ name: 'Zespół', events: [event({ uid: 'x', start: now, zone: 'Europe/Atlantis' })], now }),
    ).toThrow(/Europe\/Atlantis/);
  });
});
