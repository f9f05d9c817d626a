// What a reminder's title announces, and which offsets a facilitator may set.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { offsetLabel, readOffsets, titleMinutes } from '../../src/features/supervision/reminders.js';

const start = new Date('2026-03-09T17:00:00Z');
const caught = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
};
const at = (minutesBefore: number, secondsLate = 0) => new Date(start.getTime() - minutesBefore * 60_000 + secondsLate * 1000);

describe('the time a reminder announces', () => {
  const cases: [string, number, Date, string][] = [
    ['on the minute', 60, at(60), '1 godzinę'],
    ['a tick late', 60, at(60, 50), '1 godzinę'],
    ['twenty minutes late', 60, at(40), '40 minut'],
    ['a day-ahead reminder five hours late', 1440, at(19 * 60), '19 godzin'],
    ['a long wait, in hours', 2880, at(35 * 60 + 20), '35 godzin'],
    ['several days, in days', 14 * 1440, at(10 * 1440 + 300), '10 dni'],
    ['seconds before the start', 60, at(0, -20), '1 minutę'],
  ];
  for (const [name, offset, queuedAt, words] of cases) {
    it(`says "${words}" ${name}`, () => {
      expect(offsetLabel('pl', titleMinutes(offset, start, queuedAt))).toBe(words);
    });
  }
});

describe('reminder offsets a facilitator types', () => {
  it('reads offsets within 5 minutes and 14 days, largest first', () => {
    expect(readOffsets('5m, 14d,2h')).toEqual([14 * 1440, 120, 5]);
  });
  for (const got of ['20d', '4m', '15d', '400h']) {
    it(`tells the allowed range for ${got}, not that it is unreadable`, () => {
      expect(caught(() => readOffsets(`48h,${got}`))).toEqual(new UserError('supervision.offsetOutOfRange', { got }));
      expect((caught(() => readOffsets(`48h,${got}`)) as UserError).params).toEqual({ got });
    });
  }
  it('still says "not an offset I can read" for words', () => {
    expect((caught(() => readOffsets('yesterday')) as UserError).code).toBe('parse.offsets');
  });
});
