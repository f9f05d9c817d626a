// Dates as people type them: ISO, or day first with dots as Polish calendars write it; impossible dates refused.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { looksLikeDate, parseDate, parseDuration } from '../../src/core/parse.js';

describe('reading a typed date', () => {
  it.each([
    ['2026-12-04', '2026-12-04'],
    ['2026-1-4', '2026-01-04'],
    ['4.12.2026', '2026-12-04'],
    ['04.12.2026', '2026-12-04'],
    [' 29.02.2028 ', '2028-02-29'],
  ])('reads %s as %s', (typed, iso) => {
    expect(looksLikeDate(typed)).toBe(true);
    expect(parseDate(typed)).toBe(iso);
  });

  it.each(['2026-02-30', '31.04.2026', '29.02.2026', '12/04/2026', '4.12', 'jutro', '2026-13-01', '00.01.2026'])('refuses %s with the words that show both forms', (typed) => {
    const e = (() => {
      try {
        parseDate(typed);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).code).toBe('parse.date');
  });

  it('does not take a note or a number for a date', () => {
    for (const w of ['grupa', '1.5', '20.11', '2026']) expect(looksLikeDate(w)).toBe(false);
  });
});

describe('reading a session’s length', () => {
  const code = (typed: string) => {
    try {
      parseDuration(typed);
      return 'ok';
    } catch (e) {
      return (e as UserError).code;
    }
  };
  it('tells a length it cannot read from one outside 5 minutes – 24 hours', () => {
    expect(parseDuration('1h30m')).toBe(90);
    expect(code('półtorej godziny')).toBe('parse.duration');
    expect(code('3m')).toBe('parse.durationRange');
    expect(code('25h')).toBe('parse.durationRange');
  });
});
