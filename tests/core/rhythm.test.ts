// The rhythm as members say it ("co tydzień", "co drugi tydzień", "every other week", "weekly"), read alike by
// /reflect schedule and edit, /supervision schedule and (through readRhythm) /sojusz setup.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { matchSubcommand, parseOptions, tokenize } from '../../src/core/args.js';
import { UserError } from '../../src/core/errors.js';
import { findCommand } from '../../src/core/registry.js';
import { readRhythm, rhythmAt } from '../../src/core/rhythm.js';

const registry = buildRegistry();
function parse(line: string): Record<string, unknown> {
  const [, name, text] = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
  const m = matchSubcommand(findCommand(registry, name!)!, tokenize(text!))!;
  return parseOptions(m.sub, m.rest);
}

describe('a rhythm in words', () => {
  it.each([
    ['co tydzień', 1],
    ['Co tydzien', 1],
    ['every week', 1],
    ['weekly', 1],
    ['co drugi tydzień', 2],
    ['co dwa tygodnie', 2],
    ['co 2 tygodnie', 2],
    ['co 2 tyg.', 2],
    ['co 2. tydzień', 2],
    ['every other week', 2],
    ['every second week', 2],
    ['every 2nd week', 2],
    ['every 2 weeks', 2],
    ['every 2', 2],
    ['biweekly', 2],
    ['fortnightly', 2],
    ['every fortnight', 2],
    ['co trzy tygodnie', 3],
    ['co trzeci tydzień', 3],
    ['co pięć tygodni', 5],
    ['raz w tygodniu', 1],
    ['raz na dwa tygodnie', 2],
    ['once a week', 1],
  ])('reads “%s” as every %i week(s)', (text, weeks) => {
    expect(readRhythm(text)).toBe(weeks);
  });

  it.each(['co 2 miesiące', 'co piątek', 'every friday', 'every month', 'co', 'raz na', 'co 2 tygodnie co 3 tygodnie', ''])('reads no rhythm in “%s”', (text) => {
    expect(readRhythm(text)).toBeUndefined();
  });

  it('takes “co drugi” before a day and leaves the day', () => {
    expect(rhythmAt(['co', 'drugą', 'środę'], 0)).toEqual({ weeks: 2, used: 2 });
    expect(rhythmAt(['every', 'other', 'friday'], 0)).toEqual({ weeks: 2, used: 2 });
  });
});

describe('the commands read the rhythm in words', () => {
  it.each([
    ['/reflect zaplanuj #refleksja piątek 9:00 co tydzień', { weekday: 'piątek', time: '9:00', every: 1 }],
    ['/reflect zaplanuj #refleksja piątek 9:00 co drugi tydzień więź', { every: 2, themes: 'więź' }],
    ['/reflect zaplanuj #refleksja piątek 9:00 co dwa tygodnie', { every: 2 }],
    ['/reflect schedule #reflection friday 09:00 every week', { every: 1 }],
    ['/reflect schedule #reflection friday 09:00 every other week bond', { every: 2, themes: 'bond' }],
    ['/reflect schedule #reflection friday 09:00 biweekly', { every: 2 }],
    ['/reflect schedule #reflection weekly friday 09:00', { weekday: 'friday', every: 1 }],
    ['/reflect zaplanuj #refleksja co drugą środę o 9:00', { weekday: 'środę', time: '9:00', every: 2 }],
    ['/reflect zmień 3 co drugi tydzień', { id: 3, every: 2 }],
    ['/supervision zaplanuj #superwizja poniedziałek 18:00 co tydzień', { every: 1 }],
    ['/supervision zaplanuj #superwizja w poniedziałek o 18:00 co drugi tydzień czas 90m', { weekday: 'poniedziałek', time: '18:00', every: 2, duration: '90m' }],
    ['/supervision schedule #supervision monday 18:00 weekly', { every: 1 }],
    ['/supervision zaplanuj #superwizja poniedziałek 18:00 gdzie: sala 3 co drugi tydzień', { where: 'sala 3', every: 2 }],
  ])('%s', (line, opts) => {
    expect(parse(line)).toMatchObject(opts);
  });

  it('refuses a rhythm given twice, naming both', () => {
    try {
      parse('/reflect zaplanuj #refleksja piątek 9:00 co tydzień co drugi tydzień');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).code).toBe('args.repeated');
      expect((e as UserError).params).toMatchObject({ first: 'co tydzień', got: 'co drugi tydzień' });
    }
  });

  it('refuses more weeks than the option allows, naming the number', () => {
    try {
      parse('/supervision schedule #supervision monday 18:00 every 12 weeks');
      throw new Error('accepted');
    } catch (e) {
      expect((e as UserError).code).toBe('args.badNumber');
      expect((e as UserError).params).toMatchObject({ got: '12', max: 8 });
    }
  });
});
