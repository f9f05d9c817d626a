// Options typed into Discord's fields: a whole example line in the first field is read as the line it is.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { checkOptions } from '../../src/core/args.js';
import { UserError } from '../../src/core/errors.js';
import { findCommand } from '../../src/core/registry.js';

const reg = buildRegistry();
const sub = (cmd: string, path: string) => findCommand(reg, cmd)!.subcommands[path]!;

describe('options that arrived typed in fields', () => {
  it('reads a whole line typed into the first field as Slack reads it: hours and details', () => {
    expect(checkOptions(sub('supervision', 'log'), { hours: '1.5 group 2026-03-02' })).toEqual({ hours: '1.5', details: 'group 2026-03-02' });
  });

  it('reads “piątek 08:30” typed as the weekday as the weekday and the hour', () => {
    expect(checkOptions(sub('reflect', 'me'), { weekday: 'piątek 08:30' })).toMatchObject({ weekday: 'piątek', time: '08:30' });
  });

  it('keeps fields as typed when more than one was filled, or the one filled is a free text', () => {
    expect(checkOptions(sub('supervision', 'log'), { hours: '1.5 h', details: 'group' })).toEqual({ hours: '1.5 h', details: 'group' });
    expect(checkOptions(sub('case', 'reply'), { number: 3, text: 'I see it too' })).toMatchObject({ text: 'I see it too' });
  });

  it('drops the option’s own name typed at the start of its field, “where: room 3” or “gdzie: sala 3”', () => {
    const schedule = sub('supervision', 'add');
    expect(checkOptions(schedule, { date: '2026-05-04', time: '18:00', where: 'where: https://meet.example.org/abc-defg' })).toMatchObject({ where: 'https://meet.example.org/abc-defg' });
    expect(checkOptions(schedule, { date: '2026-05-04', time: '18:00', where: 'Gdzie: sala 3' })).toMatchObject({ where: 'sala 3' });
    expect(checkOptions(schedule, { date: '2026-05-04', time: '18:00', where: 'room 3: the big one' })).toMatchObject({ where: 'room 3: the big one' });
  });

  it('keeps the field as typed when the line does not read either, so the answer names what was wrong', () => {
    expect(() => checkOptions(sub('reflect', 'me'), { weekday: 'soon maybe later perhaps' })).not.toThrow(UserError);
    expect(checkOptions(sub('reflect', 'me'), { weekday: 'soon maybe later perhaps' })).toMatchObject({ weekday: 'soon maybe later perhaps' });
  });
});
