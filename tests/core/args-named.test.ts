// Named options in a typed line, against the real commands: `where:` ends where another option begins, and an option
// given twice is refused rather than silently taking the last.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { matchSubcommand, parseOptions, tokenize } from '../../src/core/args.js';
import { UserError } from '../../src/core/errors.js';
import { findCommand } from '../../src/core/registry.js';

const registry = buildRegistry();

/** What a member's `/name text` line parses to, as the bot parses it (the text after the command name). */
function parse(line: string): Record<string, unknown> {
  const [, name, text] = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
  const m = matchSubcommand(findCommand(registry, name!)!, tokenize(text!))!;
  return parseOptions(m.sub, m.rest);
}
function refusal(line: string): UserError {
  try {
    parse(line);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error(`accepted: ${line}`);
}

describe('a place after `where:` ends where another option of the command begins', () => {
  it.each([
    [
      'a zone after a link (the README example)',
      '/supervision schedule #supervision monday 18:00 every 2 weeks duration 90m where: https://meet.example.org/abc tz:America/New_York',
      { where: 'https://meet.example.org/abc', tz: 'America/New_York', duration: '90m', every: 2 },
    ],
    ['a duration after a room', '/supervision add 2026-04-10 18:00 where: room 3 duration 2h', { where: 'room 3', duration: '2h' }],
    ['Polish names, a place of several words', '/supervision dodaj 2026-04-10 18:00 gdzie: sala 12 piętro 2 czas 2h strefa:Europe/Warsaw', { where: 'sala 12 piętro 2', duration: '2h', tz: 'Europe/Warsaw' }],
    ['a comma before the next option', '/supervision dodaj 2026-04-10 18:00 gdzie: sala 3, czas 2h', { where: 'sala 3', duration: '2h' }],
    ['a zone with a space after its colon', '/supervision add 2026-04-10 18:00 where: room 3 tz: America/New_York duration 2h', { where: 'room 3', tz: 'America/New_York', duration: '2h' }],
    ['the rhythm after the place', '/supervision zaplanuj #superwizja poniedziałek 18:00 gdzie: sala 3 co 2 tygodnie', { where: 'sala 3', every: 2 }],
  ])('%s', (_name, line, opts) => {
    expect(parse(line)).toMatchObject(opts);
  });

  it.each([
    ['a room of several words', '/supervision add 2026-04-10 18:00 where: room 3', 'room 3'],
    ['a floor and a room', '/supervision dodaj 2026-04-10 18:00 gdzie: sala 12 piętro 2', 'sala 12 piętro 2'],
    ['a link with a password', '/supervision add 2026-04-10 18:00 where: https://zoom.us/j/123?pwd=Ab_Cd-x1 zoom pwd=Ab_Cd', 'https://zoom.us/j/123?pwd=Ab_Cd-x1 zoom pwd=Ab_Cd'],
    ['a label with a colon', '/supervision add 2026-04-10 18:00 where: Zoom: https://meet.example.org/abc', 'Zoom: https://meet.example.org/abc'],
    ['an option’s word followed by no value of it', '/supervision dodaj 2026-04-10 18:00 gdzie: strefa relaksu, czas dojazdu 10 min', 'strefa relaksu, czas dojazdu 10 min'],
  ])('keeps %s whole', (_name, line, where) => {
    expect(parse(line).where).toBe(where);
  });
});

describe('an option given twice', () => {
  it.each([
    ['/reflect schedule #other friday 09:00 tz:Europe/Warsaw tz:Europe/Berlin', 'tz:Europe/Warsaw', 'tz:Europe/Berlin'],
    ['/reflect zaplanuj #other piątek 9:00 co 2 tygodnie co 3 tygodnie', 'co 2 tygodnie', 'co 3 tygodnie'],
    ['/reflect schedule #other friday 09:00 bond tz:Europe/Warsaw repair tz:Europe/Berlin', 'tz:Europe/Warsaw', 'tz:Europe/Berlin'],
    ['/supervision add 2026-04-10 18:00 duration 2h where: room 3 duration 3h', 'duration 2h', 'duration 3h'],
    ['/supervision dodaj 2026-04-10 18:00 gdzie: sala 3 strefa:Europe/Warsaw tz:Europe/Berlin', 'strefa:Europe/Warsaw', 'tz:Europe/Berlin'],
  ])('is refused, quoting both: %s', (line, first, got) => {
    const e = refusal(line);
    expect(e.code).toBe('args.repeated');
    expect(e.params).toMatchObject({ first, got });
  });

  it('still reads words that only look like an option inside a reply as its text', () => {
    expect(parse('/case reply 3 Call this number: 555, number: 556.')).toEqual({ number: 3, text: 'Call this number: 555, number: 556.' });
  });
});
