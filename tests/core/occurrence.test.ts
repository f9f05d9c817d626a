import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { nextOccurrence, type Rule } from '../../src/schedule/occurrence.js';

const friday9: Rule = { type: 'weekly', weekday: 5, time: '09:00', every: 1, anchor: '2026-01-02' };
const sunday9: Rule = { type: 'weekly', weekday: 7, time: '09:00', every: 1, anchor: '2026-01-04' };

describe('next occurrence in Europe/Warsaw', () => {
  it('is 09:00 local (08:00 UTC) on the Friday before the spring DST change', () => {
    expect(nextOccurrence(friday9, 'Europe/Warsaw', new Date('2026-03-23T00:00:00Z'))!.toISOString()).toBe('2026-03-27T08:00:00.000Z');
  });
  it('is 09:00 local (07:00 UTC) on the Friday after the clocks go forward on 29 March 2026', () => {
    expect(nextOccurrence(friday9, 'Europe/Warsaw', new Date('2026-03-27T08:00:00Z'))!.toISOString()).toBe('2026-04-03T07:00:00.000Z');
  });
  it('stays at 09:00 local on the very Sunday of each DST change', () => {
    expect(nextOccurrence(sunday9, 'Europe/Warsaw', new Date('2026-03-28T12:00:00Z'))!.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(nextOccurrence(sunday9, 'Europe/Warsaw', new Date('2026-10-24T12:00:00Z'))!.toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });
  it('moves back to 08:00 UTC after the clocks go back on 25 October 2026', () => {
    expect(nextOccurrence(friday9, 'Europe/Warsaw', new Date('2026-10-23T07:00:00Z'))!.toISOString()).toBe('2026-10-30T08:00:00.000Z');
  });
  it('a 02:30 time on the spring-forward night happens at 03:30 local, once', () => {
    const r: Rule = { type: 'weekly', weekday: 7, time: '02:30', every: 1, anchor: '2026-03-01' };
    const at = nextOccurrence(r, 'Europe/Warsaw', new Date('2026-03-28T12:00:00Z'))!;
    expect(at.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(nextOccurrence(r, 'Europe/Warsaw', at)!.toISOString()).toBe('2026-04-05T00:30:00.000Z');
  });
  it('every 2 weeks keeps the rhythm from its anchor', () => {
    const r: Rule = { type: 'weekly', weekday: 5, time: '09:00', every: 2, anchor: '2026-03-06' };
    const a = nextOccurrence(r, 'Europe/Warsaw', new Date('2026-03-06T09:00:00Z'))!;
    expect(a.toISOString()).toBe('2026-03-20T08:00:00.000Z');
    expect(nextOccurrence(r, 'Europe/Warsaw', a)!.toISOString()).toBe('2026-04-03T07:00:00.000Z');
  });
  it('skips listed dates', () => {
    const r: Rule = { ...friday9, skip: ['2026-03-27'] } as Rule;
    expect(nextOccurrence(r, 'Europe/Warsaw', new Date('2026-03-23T00:00:00Z'))!.toISOString()).toBe('2026-04-03T07:00:00.000Z');
  });
  it('a one-off session happens once and then never again', () => {
    const r: Rule = { type: 'once', date: '2026-11-05', time: '18:00' };
    const at = nextOccurrence(r, 'America/New_York', new Date('2026-11-01T00:00:00Z'))!;
    expect(at.toISOString()).toBe('2026-11-05T23:00:00.000Z');
    expect(nextOccurrence(r, 'America/New_York', at)).toBeNull();
  });
});

describe('next occurrence, fast path against the day-by-day definition', () => {
  // The definition, written plainly with luxon: walk every local day, keep the first matching one after `after`.
  function byDefinition(rule: Extract<Rule, { type: 'weekly' }>, zone: string, after: Date): Date | null {
    const anchor = DateTime.fromISO(rule.anchor, { zone }).startOf('day');
    let day = DateTime.fromJSDate(after, { zone }).startOf('day');
    for (let i = 0; i < 7 * rule.every * 60; i++, day = day.plus({ days: 1 })) {
      if (day.weekday !== rule.weekday) continue;
      const weeks = Math.round(day.diff(anchor, 'days').days / 7);
      if (weeks % rule.every !== 0) continue;
      if (rule.skip?.includes(day.toISODate()!)) continue;
      const [hour, minute] = rule.time.split(':').map(Number);
      const at = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone }).toJSDate();
      if (at > after) return at;
    }
    return null;
  }

  it('agrees on 3,000 weekly rules across zones, DST weeks, rhythms and skipped dates', () => {
    const zones = ['Europe/Warsaw', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'America/St_Johns', 'UTC'];
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 3000; i++) {
      const zone = zones[rand(zones.length)]!;
      const anchorDay = DateTime.fromMillis(start + rand(400) * 86_400_000, { zone });
      const every = 1 + rand(4);
      const time = `${String(rand(24)).padStart(2, '0')}:${['00', '30', '45'][rand(3)]}`;
      const after = new Date(start + rand(700 * 24) * 3_600_000 + rand(60) * 60_000);
      const skip = rand(3) === 0 ? [DateTime.fromJSDate(after, { zone }).plus({ days: rand(21) }).toISODate()!] : undefined;
      const rule = { type: 'weekly' as const, weekday: 1 + rand(7), time, every, anchor: anchorDay.toISODate()!, ...(skip ? { skip } : {}) };
      expect(nextOccurrence(rule, zone, after)?.toISOString(), JSON.stringify({ rule, zone, after })).toBe(byDefinition(rule, zone, after)?.toISOString());
    }
  });
});
