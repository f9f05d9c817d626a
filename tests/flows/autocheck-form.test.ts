// The autocheck form reads in the order one thinks, each variant speaks only of its own fields, optional fields
// say so once, and the member's history shows them their own words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VARIANTS } from '../../src/features/autocheck/forms.js';
import { anna, ben, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T17:00:00Z' });
});
afterAll(() => tb.close());

const LONG_TOPIC = `Jak wrócić do przerwanego kontraktu, gdy klient ${'bardzo długo '.repeat(20)}milczy`;

describe('the autocheck form', () => {
  it('asks what to take to supervision before where it should go', async () => {
    await tb.mem.command(ben, '/autocheck');
    expect(tb.mem.lastForm(ben.id)!.fields.map((f) => f.id)).toEqual(['curiosity', 'flexibility', 'judging', 'alliance', 'supervision', 'destination']);
    await tb.mem.command(anna, '/autocheck full');
    expect(tb.mem.lastForm(anna.id)!.fields.map((f) => f.id)).toEqual(['curiosity', 'flexibility', 'judging', 'goal', 'task', 'bond', 'supervision', 'destination', 'note']);
  });

  it('speaks of the quick check’s three taps only, not of a note or a topic it does not have', async () => {
    for (const member of [anna, ben]) {
      await tb.mem.command(member, '/autocheck quick');
      const form = tb.mem.lastForm(member.id)!;
      expect(form.intro).not.toMatch(/topic|note|temat|notatk/i);
      await tb.mem.fill(member, { curiosity: '3', flexibility: '3', judging: 'no' });
      expect(tb.mem.lastPrivate(member.id)).not.toMatch(/note|notatk/i);
    }
    expect(tb.mem.lastPrivate(ben.id)).toContain('Only you can see your answers');
  });

  it('leaves “optional” to the form itself: no label or hint says it again', async () => {
    for (const member of [anna, ben]) {
      for (const variant of VARIANTS) {
        await tb.mem.command(member, `/autocheck ${variant === 'standard' ? '' : variant}`.trim());
        for (const f of tb.mem.lastForm(member.id)!.fields) {
          expect(`${f.label} ${'hint' in f ? (f.hint ?? '') : ''}`).not.toMatch(/optional|opcjonaln|nieobowiązk/i);
        }
      }
    }
  });
});

describe('/autocheck history', () => {
  it('shows the member their own topic and note, shortened visibly when long', async () => {
    await tb.mem.command(anna, '/autocheck full');
    await tb.mem.fill(anna, { curiosity: '3', flexibility: '3', judging: 'no', goal: '4', task: '4', bond: '4', supervision: LONG_TOPIC, destination: 'keep', note: 'Zapytać o sen' });
    const reply = await tb.mem.ask(anna, '/autocheck history');
    expect(reply).toContain('Zapytać o sen');
    expect(reply).toContain('Jak wrócić do przerwanego kontraktu');
    expect(reply).not.toContain(LONG_TOPIC);
    expect(reply).toMatch(/(bardzo|długo)…/);
    expect(reply).toContain('Widzisz to tylko Ty.');
  });
});
