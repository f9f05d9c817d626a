// A reminder caught up after downtime says the time really left, never more: 100 minutes are not "2 hours".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(ben, '/sojusz language en');
  await tb.mem.command(ben, '/supervision dm on');
  await tb.mem.command(facilitator, '/supervision remind 3h');
  await tb.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');
});
afterAll(() => tb.close());

describe('a reminder sent late', () => {
  it('says "in 100 minutes" when 100 minutes are left, in Polish and in English', async () => {
    // Down from before 14:00 (the 3-hour reminder) until 15:20 UTC, 100 minutes before the 17:00 UTC start.
    tb.clock.set('2026-03-09T15:20:00Z');
    await tb.bot.runDueWork();
    expect(tb.mem.posts('supervision').at(-1)!.text.split('\n')[0]).toBe('Superwizja za 100 minut');
    expect(tb.mem.dms(ben.id).at(-1)!.text.split('\n')[0]).toBe('Supervision in 100 minutes');
  });
});
