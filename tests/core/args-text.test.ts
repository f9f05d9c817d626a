// Typed text against the real commands: a free text arrives as typed, numbers may carry '#', units follow positional numbers.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { matchSubcommand, parseOptions, tokenize } from '../../src/core/args.js';
import { UserError } from '../../src/core/errors.js';
import { findCommand } from '../../src/core/registry.js';

const registry = buildRegistry();

/** What a member's `/name text` line parses to, as the bot parses it (the text after the command name). */
function parse(line: string): { path: string; opts: Record<string, unknown> } {
  const [, name, text] = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
  const cmd = findCommand(registry, name!)!;
  const m = matchSubcommand(cmd, tokenize(text!))!;
  return { path: m.path, opts: parseOptions(m.sub, m.rest) };
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

describe('a free text is the rest of the line as the member typed it', () => {
  it.each([
    [
      'pl, straight quotes and a second paragraph',
      '/case odpowiedz 3 Klientka powiedziała "już nie wrócę" i wyszła.\nDrugi akapit:   ważne.',
      'Klientka powiedziała "już nie wrócę" i wyszła.\nDrugi akapit:   ważne.',
    ],
    [
      'en, curly quotes and a blank line',
      '/case reply 3 She said “I won’t be back” and left.\n\nSecond paragraph:  important.',
      'She said “I won’t be back” and left.\n\nSecond paragraph:  important.',
    ],
    ['pl, Polish quotation marks', '/case odpowiedz #3 „Nie wrócę” — powiedziała.', '„Nie wrócę” — powiedziała.'],
    ['a text that opens with a quotation', '/case reply 3 "Never again," she said.', '"Never again," she said.'],
  ])('replies to a case: %s', (_name, line, text) => {
    expect(parse(line)).toEqual({ path: 'reply', opts: { number: 3, text } });
  });

  it('trims the text at both ends only', () => {
    expect(parse('/case reply 3   \n  Two  spaces inside.  \n ').opts.text).toBe('Two  spaces inside.');
  });

  it('keeps words that look like options inside a reply: "number: 555" is text, not another case', () => {
    expect(parse('/case reply 3 Call this number: 555, text: anything.').opts).toEqual({ number: 3, text: 'Call this number: 555, text: anything.' });
    expect(parse('/case odpowiedz 3 Mój numer: 12, text:ok').opts).toEqual({ number: 3, text: 'Mój numer: 12, text:ok' });
  });

  it.each([
    ['a supervision topic (pl)', '/supervision temat klient mówi "nie wiem",\npotem milknie', 'topic', 'klient mówi "nie wiem",\npotem milknie'],
    ['an anonymous topic (en)', '/supervision topic anon a client who says “fine”   and means it', 'topic anon', 'a client who says “fine”   and means it'],
    ['a private topic (pl)', '/supervision temat prywatny "granice" w pracy zdalnej', 'topic private', '"granice" w pracy zdalnej'],
    ['a custom prompt (pl)', '/reflect dodaj Co znaczy dla Ciebie "bezpieczna relacja"?', 'add', 'Co znaczy dla Ciebie "bezpieczna relacja"?'],
    ['a custom prompt (en)', '/reflect add What does “enough” mean\nto you this week?', 'add', 'What does “enough” mean\nto you this week?'],
  ])('keeps %s as typed', (_name, line, path, text) => {
    expect(parse(line)).toEqual({ path, opts: { text } });
  });

  it('takes `where:` to the end of the line as typed', () => {
    const { opts } = parse('/supervision add 2026-05-04 18:00 #supervision duration 2h where: sala "Niebieska",  II piętro');
    expect(opts).toMatchObject({ date: '2026-05-04', time: '18:00', channel: 'supervision', duration: '2h', where: 'sala "Niebieska",  II piętro' });
  });

  it('still reads options that are only ever named after the themes of a schedule', () => {
    expect(parse('/reflect schedule #reflection friday 09:00 every 2 weeks bond repair tz:Europe/Warsaw').opts).toEqual({
      channel: 'reflection',
      weekday: 'friday',
      time: '09:00',
      every: 2,
      themes: 'bond repair',
      tz: 'Europe/Warsaw',
    });
    expect(parse('/reflect schedule #refleksja piątek 09:00 sojusz tz:Europe/Warsaw naprawa').opts).toMatchObject({ themes: 'sojusz naprawa', tz: 'Europe/Warsaw' });
  });

  it('keeps a quoted phrase together for an option that is not a free text', () => {
    expect(parse('/supervision schedule #supervision monday 18:00 duration "1h 30m"').opts).toMatchObject({ duration: '1h 30m' });
    expect(parse('/supervision add 2026-05-04 18:00 #supervision where “Sala Niebieska” duration 2h').opts).toMatchObject({ where: 'Sala Niebieska', duration: '2h' });
  });

  it('joins words with single spaces when their source is unknown', () => {
    const cmd = findCommand(registry, 'case')!;
    expect(parseOptions(cmd.subcommands['reply']!, ['3', 'a', 'b'])).toEqual({ number: 3, text: 'a b' });
  });
});

describe('a whole number may carry the "#" posts show', () => {
  it.each([
    ['/case withdraw #3', 'withdraw', { number: 3 }],
    ['/case wycofaj #3', 'withdraw', { number: 3 }],
    ['/case ukryj #12', 'hide', { number: 12 }],
    ['/case ban #3 14', 'ban', { number: 3, days: 14 }],
    ['/supervision topic remove #7', 'topic remove', { id: 7 }],
    ['/reflect pause #2', 'pause', { id: 2 }],
  ])('%s', (line, path, opts) => {
    expect(parse(line)).toEqual({ path, opts });
  });

  it.each(['#', '#x', '##3', '#-3', '3#', '#3.5'])('refuses %s, quoting it', (got) => {
    const e = refusal(`/case withdraw ${got}`);
    expect(e.code).toBe('args.badNumberFrom');
    expect(e.params).toMatchObject({ got, min: 1 });
  });

  it('still refuses a number out of range with the sign', () => {
    expect(refusal('/case withdraw #0').params).toMatchObject({ got: '#0', min: 1 });
    expect(refusal('/case ban 3 #400').params).toMatchObject({ got: '#400', min: 1, max: 365 });
  });
});

describe('a declared unit may follow a number given by position', () => {
  it.each([
    ['/case ban 3 14 dni', 14],
    ['/case zbanuj #3 14 DNI', 14],
    ['/case ban 3 14 days', 14],
    ['/case ban 3 1 d', 1],
  ])('%s', (line, days) => {
    expect(parse(line)).toEqual({ path: 'ban', opts: { number: 3, days } });
  });

  it('reads a retention in days, in both languages', () => {
    expect(parse('/sojusz team retention 90 days').opts).toEqual({ days: 90 });
    expect(parse('/sojusz zespół retencja 90 dni').opts).toEqual({ days: 90 });
    expect(parse('/sojusz team retention autochecks 365 dzień').opts).toEqual({ days: 365 });
  });

  it('takes the unit once and only after its number', () => {
    expect(refusal('/case ban 3 14 dni dni')).toMatchObject({ code: 'args.unexpected', params: { got: 'dni' } });
    expect(refusal('/case ban 3 dni')).toMatchObject({ code: 'args.badNumber', params: { got: 'dni' } });
    // A unit of another option, or none declared, is still not understood.
    expect(refusal('/case ban 3 14 tygodni')).toMatchObject({ code: 'args.unexpected', params: { got: 'tygodni' } });
    expect(refusal('/case withdraw 3 dni')).toMatchObject({ code: 'args.unexpected', params: { got: 'dni' } });
  });

  it('still reads a unit after a named number', () => {
    expect(parse('/supervision schedule #supervision monday 18:00 co 2 tygodnie').opts).toMatchObject({ every: 2 });
  });
});
