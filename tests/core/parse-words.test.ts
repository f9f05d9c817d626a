// Weekdays and time zones as people type them: Polish cases and plurals, any letter case, a city for a zone.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { parseWeekday, parseZone } from '../../src/core/parse.js';

function refusal(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('reading a weekday', () => {
  it.each([
    // "w środę", "w sobotę", "w niedzielę": the accusative, with and without Polish letters.
    ['środę', 3], ['srode', 3], ['Środę', 3], ['sobotę', 6], ['sobote', 6], ['niedzielę', 7], ['niedziele', 7],
    // A rhythm in the plural: "w środy", "poniedziałki", "fridays".
    ['poniedziałki', 1], ['poniedzialki', 1], ['wtorki', 2], ['środy', 3], ['srody', 3], ['czwartki', 4], ['piątki', 5], ['piatki', 5], ['soboty', 6],
    ['mondays', 1], ['tuesdays', 2], ['wednesdays', 3], ['thursdays', 4], ['fridays', 5], ['saturdays', 6], ['sundays', 7],
    ['weds', 3], ['Weds.', 3],
    // What was read before still is.
    ['środa', 3], ['piątek', 5], ['friday', 5], ['pt', 5], ['niedziela', 7],
  ])('reads %s as day %i', (typed, day) => {
    expect(parseWeekday(typed)).toBe(day);
  });

  it.each(['środek', 'sobo', 'weekend', 'dzisiaj'])('still refuses %s', (typed) => {
    expect(refusal(() => parseWeekday(typed)).code).toBe('parse.weekday');
  });
});

describe('reading a time zone', () => {
  it.each([
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['Europe/warsaw', 'Europe/Warsaw'],
    ['europe/WARSAW', 'Europe/Warsaw'],
    ['america/new_york', 'America/New_York'],
  ])('takes %s, spelt as the zone database spells it: %s', (typed, zone) => {
    expect(parseZone(typed)).toBe(zone);
  });

  it.each([
    ['Warsaw', 'Europe/Warsaw'],
    ['warsaw', 'Europe/Warsaw'],
    ['New_York', 'America/New_York'],
    ['Europe/Warsw', 'Europe/Warsaw'],
    ['Warszawa', 'Europe/Warsaw'],
  ])('suggests the zone for %s', (typed, guess) => {
    const e = refusal(() => parseZone(typed));
    expect(e.code).toBe('parse.zoneGuess');
    expect(e.params).toMatchObject({ got: typed, guess });
  });

  it.each(['Mars', 'Asia', 'Nowhere/Land', 'Europe', '+02:00', 'CET'])('refuses %s without a guess', (typed) => {
    expect(refusal(() => parseZone(typed)).code).toBe('parse.zone');
  });
});
