import { describe, expect, it } from 'vitest';
import { coerce, matchSubcommand, parseOptions, tokenize } from '../../src/core/args.js';
import { UserError } from '../../src/core/errors.js';
import { command } from '../../src/core/registry.js';

const d = { pl: 'x', en: 'x' };
const cmd = command({
  name: 'reflect',
  description: d,
  subcommands: {
    schedule: {
      description: d,
      options: {
        channel: { kind: 'channel', required: true, description: d },
        weekday: { kind: 'string', required: true, description: d },
        time: { kind: 'string', required: true, description: d },
        every: { kind: 'int', named: true, min: 1, max: 8, units: ['weeks', 'week', 'tygodnie'], description: d },
        tz: { kind: 'string', named: true, description: d },
        themes: { kind: 'text', description: d },
      },
      run: async () => {},
    },
    'team language': { description: d, options: { lang: { kind: 'string', required: true, choices: [{ value: 'pl', name: d }, { value: 'en', name: d }], description: d } }, run: async () => {} },
  },
});

describe('typed arguments from slash-command text', () => {
  it('reads a Slack channel, named "every N weeks", a tz: option and the rest as themes', () => {
    const m = matchSubcommand(cmd, tokenize('schedule <#C0123ABC|refleksja> friday 09:00 every 2 weeks tz:Europe/Warsaw goals repair'))!;
    expect(m.path).toBe('schedule');
    expect(parseOptions(m.sub, m.rest)).toEqual({ channel: 'C0123ABC', weekday: 'friday', time: '09:00', every: 2, tz: 'Europe/Warsaw', themes: 'goals repair' });
  });
  it('matches a two-word subcommand before a one-word one', () => {
    const m = matchSubcommand(cmd, tokenize('team language EN'))!;
    expect(m.path).toBe('team language');
    expect(parseOptions(m.sub, m.rest)).toEqual({ lang: 'en' });
  });
  it('refuses an out-of-range number with the option named', () => {
    const m = matchSubcommand(cmd, tokenize('schedule #ref friday 09:00 every 12'))!;
    expect(() => parseOptions(m.sub, m.rest)).toThrowError(UserError);
    try {
      parseOptions(m.sub, m.rest);
    } catch (e) {
      expect((e as UserError).code).toBe('args.badNumber');
      // Named as the member reads it (the option's description), never by its code name.
      expect((e as UserError).params.option).toEqual(cmd.subcommands['schedule']!.options!['every']!.description);
    }
  });
  it('refuses a whole number beyond the database’s integer even where no maximum was declared', () => {
    const spec = { kind: 'int' as const, min: 1, description: { pl: 'numer', en: 'number' } };
    expect(coerce(spec, '2147483647')).toBe(2147483647);
    try {
      coerce(spec, '2147483648');
      expect.unreachable();
    } catch (e) {
      // Refused, but without naming the database's bound: no member thinks of 2147483647.
      expect((e as UserError).code).toBe('args.badNumberFrom');
      expect((e as UserError).params).toMatchObject({ min: 1, got: '2147483648' });
      expect((e as UserError).params.max).toBeUndefined();
    }
  });
  it('says what is missing', () => {
    const m = matchSubcommand(cmd, tokenize('schedule #ref'))!;
    expect(() => parseOptions(m.sub, m.rest)).toThrowError(/args.missing/);
  });
  it('keeps quoted phrases together', () => {
    expect(tokenize('topic "a long one" x')).toEqual(['topic', 'a long one', 'x']);
  });
});
