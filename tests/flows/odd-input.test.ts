// Every command and subcommand, given odd input by a facilitator and by a plain member, answers in words — never
// with the bug apology, never silently, never with an error in the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
  await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
}, 180_000);
afterAll(() => tb.close());

/** What members type by mistake, paste by accident or try on purpose. */
const ODD = [
  '',
  '0',
  '-1',
  '99999999999999999999',
  '#',
  '#nowhere',
  '<@U0NOBODY>',
  '@everyone <!channel>',
  'ąęłńóśźż '.repeat(250),
  '25:00',
  'monday 99:99',
  '2026-02-30',
  '9999-99-99',
  's99999999999',
  '#99999999999',
  '"\'\\%${x}',
  '1 2 3 4 5 6 7 8 9 10',
];
const BUG = ['something went wrong on our side', 'coś poszło nie tak po naszej stronie'];

describe('odd input to every command', () => {
  it('gets a worded answer from every subcommand, for a facilitator and for a member', async () => {
    const failures: string[] = [];
    for (const c of tb.bot.registry.commands) {
      for (const sub of Object.keys(c.subcommands)) {
        for (const arg of ODD) {
          for (const who of [facilitator, anna]) {
            const line = `/${c.name}${sub ? ` ${sub}` : ''}${arg ? ` ${arg}` : ''}`;
            const saidBefore = tb.mem.said.length;
            const logsBefore = tb.logs.length;
            await tb.mem.command(who, line);
            const said = tb.mem.said.slice(saidBefore);
            const text = JSON.stringify(said);
            const errors = tb.logs.slice(logsBefore).filter((l) => /"level":(50|60)/.test(l));
            if (!said.length) failures.push(`${who.id} ${line.slice(0, 60)}: no answer`);
            else if (BUG.some((b) => text.includes(b))) failures.push(`${who.id} ${line.slice(0, 60)}: the bug apology`);
            else if (errors.length) failures.push(`${who.id} ${line.slice(0, 60)}: ${errors[0]!.slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
