// The examples in /supervision usage answers are Polish for a Polish member: Polish subcommand names and words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(ben, '/sojusz language en');
});
afterAll(() => tb.close());

describe('/supervision usage examples', () => {
  const polish: [typeof anna, string, string][] = [
    // Dates in examples are a week from the bot's today (2 March), never a stale past date.
    [facilitator, '/supervision odwołaj', '/supervision odwołaj 2026-03-09'],
    [facilitator, '/supervision przypomnienia', '/supervision przypomnienia 48h,2h'],
    [anna, '/supervision dm', '/supervision dm włącz'],
    [facilitator, '/supervision odbyła się', '/supervision odbyła się 2026-03-02'],
    [anna, '/supervision temat usuń', '/supervision temat usuń 12'],
    [anna, '/supervision godziny popraw', '/supervision godziny popraw 12'],
  ];
  for (const [who, typed, example] of polish) {
    it(`shows "${example}" to a Polish member who typed "${typed}"`, async () => {
      await tb.mem.command(who, typed);
      expect(tb.mem.lastPrivate(who.id)).toContain(`Na przykład: ${example}`);
    });
  }

  it('keeps the English words for an English member', async () => {
    await tb.mem.command(ben, '/supervision dm');
    expect(tb.mem.lastPrivate(ben.id)).toContain('For example: /supervision dm on');
    await tb.mem.command(ben, '/supervision topic remove');
    expect(tb.mem.lastPrivate(ben.id)).toContain('For example: /supervision topic remove 12');
  });
});
