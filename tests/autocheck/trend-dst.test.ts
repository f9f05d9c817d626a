// The trend's weeks are the member's weeks: across a change to summer time each still starts on the same weekday.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { computeTrend, windowStart } from '../../src/features/autocheck/trend.js';

const check = (iso: string) => ({ id: 1, variant: 'quick' as const, createdAt: new Date(iso), answers: { curiosity: 3, flexibility: 3, judging: 'no' as const } });

describe('autocheck trend across a DST week', () => {
  it('labels every week by the same weekday in Warsaw after clocks went forward, and files a check in its local week', () => {
    const now = new Date('2026-04-05T22:30:00Z'); // Monday 6 April, 00:30 in Warsaw (summer time since 29 March)
    const view = computeTrend([check('2026-03-29T21:50:00Z'), check('2026-03-30T00:10:00Z')], now, 8, 'Europe/Warsaw');
    expect(view.weekStarts).toEqual(['2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    for (const d of view.weekStarts) expect(DateTime.fromISO(d).weekday).toBe(1);
    // Sunday 29 March 23:50 local is the week of 23 March; Monday 30 March 02:10 local is the last week.
    const curiosity = view.items.find((i) => i.item === 'curiosity')!.values;
    expect(curiosity.slice(6)).toEqual([3, 3]);
    expect(windowStart(now, 8, 'Europe/Warsaw').toISOString()).toBe('2026-02-08T23:30:00.000Z'); // Monday 9 Feb, 00:30 CET
  });
});
