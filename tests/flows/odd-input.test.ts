// Every command and subcommand, every form the commands open and every button, given odd input by a facilitator and
// by a plain member, answers in words — never with the bug apology, never silently, never with an error in the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryMember } from '../../adapters/memory/index.js';
import type { Field, RawValues } from '../../src/core/form.js';
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

/** Run one action; a failure line when it got no answer, the bug apology, or logged an error. */
async function check(who: MemoryMember, what: string, act: () => Promise<unknown>, failures: string[], answerExpected = true): Promise<void> {
  const saidBefore = tb.mem.said.length;
  const logsBefore = tb.logs.length;
  await act();
  const said = tb.mem.said.slice(saidBefore);
  const text = JSON.stringify(said);
  const errors = tb.logs.slice(logsBefore).filter((l) => /"level":(50|60)/.test(l));
  if (answerExpected && !said.length) failures.push(`${who.id} ${what.slice(0, 80)}: no answer`);
  else if (BUG.some((b) => text.includes(b))) failures.push(`${who.id} ${what.slice(0, 80)}: the bug apology`);
  else if (errors.length) failures.push(`${who.id} ${what.slice(0, 80)}: ${errors[0]!.slice(0, 200)}`);
}

/** Values a form's fields should refuse (or take as typed), field by field. */
function oddValues(fields: Field[], n: number): RawValues {
  const pick = <T>(xs: T[]) => xs[n % xs.length]!;
  const out: RawValues = {};
  for (const f of fields) {
    if (f.kind === 'scale') out[f.id] = pick(['', '-5', '999', 'seven', '5.5', String(f.max)]);
    else if (f.kind === 'choice') out[f.id] = pick([[], ['nope'], 'nope', f.options.map((o) => o.value), ['', '']]);
    else if (f.kind === 'channel') out[f.id] = pick(['', '#', '#nowhere', '<#C0NOPE>', '@everyone']);
    else out[f.id] = pick(['', ' ', '@everyone <!channel> <@U0NOBODY>', 'ą'.repeat(f.maxLength + 1), 'Jan Kowalski PESEL 44051401359', '\u0000']);
  }
  return out;
}

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

  it('refuses odd answers in every form the commands open, in words', async () => {
    const failures: string[] = [];
    const forms = new Set<string>();
    for (const c of tb.bot.registry.commands) {
      for (const sub of Object.keys(c.subcommands)) {
        for (const who of [facilitator, anna]) {
          const before = tb.mem.said.length;
          await tb.mem.command(who, `/${c.name}${sub ? ` ${sub}` : ''}`);
          const opened = tb.mem.said.slice(before).find((x) => x.kind === 'form' && x.member === who.id);
          if (!opened || opened.kind !== 'form') continue;
          forms.add(opened.form.id);
          for (let n = 0; n < 6; n++) {
            const values = oddValues(opened.form.fields, n);
            await check(who, `/${c.name} ${sub} form ${opened.form.id} #${n}`, () => tb.mem.submit(who, opened.form.id, values, opened.form.state), failures, false);
          }
        }
      }
    }
    expect([...forms].sort()).toEqual(expect.arrayContaining(['autocheck', 'case']));
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers every button pressed with a value it never sent, in words', async () => {
    const failures: string[] = [];
    for (const a of tb.bot.registry.actions) {
      for (const value of [undefined, '', 'x', '-1', '99999999999999999999', '1:maybe:extra', '@everyone']) {
        for (const who of [facilitator, anna]) {
          await check(who, `button ${a.id} ${String(value)}`, () => tb.mem.click(who, a.id, value), failures, false);
        }
      }
    }
    // Buttons and forms of an older version of the bot, whose handlers are gone.
    await check(anna, 'button of a removed feature', () => tb.mem.click(anna, 'removed.feature', '1'), failures);
    await check(anna, 'form of a removed feature', () => tb.mem.submit(anna, 'removed-form', { a: 'b' }), failures);
    expect(tb.mem.lastPrivate(anna.id)).toContain('pochodzi ze starszej wersji Sojusza');
    expect(failures).toEqual([]);
  }, 300_000);
});
