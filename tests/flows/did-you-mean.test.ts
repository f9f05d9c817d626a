// A typo in a command or subcommand is answered with what was probably meant, and a member is shown only what
// they may use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
});
afterAll(() => tb.close());

const emily = { id: 'U_EMILY', locale: 'en-GB' };
const ola = { id: 'U_OLA', locale: 'pl-PL' };

describe('a typo in a command', () => {
  it('suggests the subcommand a slip of the fingers missed, in the member’s language', async () => {
    expect(await tb.mem.ask(emily, '/sojusz halp')).toContain('did you mean /sojusz help?');
    expect(await tb.mem.ask(ola, '/sojusz pomc')).toContain('może chodziło o /sojusz pomoc?');
    // An English word typed in a Polish session is understood too, and suggested as the Polish member says it.
    expect(await tb.mem.ask(ola, '/sojusz halp')).toContain('może chodziło o /sojusz pomoc?');
  });

  it('answers “help” or “pomoc” after any command with that command’s help, in the member’s language', async () => {
    const en = await tb.mem.ask(emily, '/reflect help');
    expect(en).toContain('/reflect list');
    expect(en).not.toContain('has no');
    const pl = await tb.mem.ask(ola, '/autocheck pomoc');
    expect(pl).toContain('/autocheck historia');
    expect(pl).not.toContain('nie ma polecenia');
    expect(await tb.mem.ask(ola, '/reflect ?')).toContain('/reflect lista');
  });

  it('suggests the command itself when its name is misspelt', async () => {
    expect(await tb.mem.ask(emily, '/reflekt list')).toContain('did you mean /reflect?');
    expect(await tb.mem.ask(ola, '/autochek')).toContain('może chodziło o /autocheck?');
    expect(await tb.mem.ask(emily, '/xyz')).not.toContain('did you mean');
    // A command's Polish name, typed out of habit, leads to the command as the platform knows it.
    expect(await tb.mem.ask(ola, '/przypadek')).toContain('może chodziło o /case?');
    expect(await tb.mem.ask(ola, '/superwizja lista')).toContain('może chodziło o /supervision?');
  });

  it('lists only what a member may use, and everything for a facilitator', async () => {
    const member = await tb.mem.ask(emily, '/sojusz frobnicate');
    expect(member).toContain('help');
    expect(member).not.toContain('team retention');
    expect(await tb.mem.ask({ id: 'U_PL_MEMBER', locale: 'pl-PL' }, '/sojusz frobnicate')).not.toContain('zespół retencja');
    expect(await tb.mem.ask(facilitator, '/sojusz frobnicate')).toContain('zespół retencja');
  });

  it('compares a name of several words as a whole, and answers a slip in a group’s name with that group', async () => {
    expect(await tb.mem.ask(facilitator, '/sojusz teem retention 90')).toContain('/sojusz zespół retencja?');
    expect(await tb.mem.ask(facilitator, '/sojusz zespul retencja 90')).toContain('/sojusz zespół retencja?');
    expect(await tb.mem.ask(emily, '/sojusz mydat delete')).toContain('did you mean /sojusz mydata delete?');
    expect(await tb.mem.ask(emily, '/sojusz mydat')).toBe('/sojusz mydat — and then what? One of: /sojusz mydata export, /sojusz mydata delete.');
  });
});
