// Cancelling a far-ahead series date twice: the second time says it is already cancelled, not that it is unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  await tb.mem.command(facilitator, '/sojusz help');
  await tb.mem.command(facilitator, '/supervision schedule #supervision monday 18:00');
});
afterAll(() => tb.close());

describe('cancelling a date far ahead twice', () => {
  it('answers that the session is already cancelled the second time', async () => {
    await tb.mem.command(facilitator, '/supervision cancel 2026-04-27');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('jedno spotkanie');
    await tb.mem.command(facilitator, '/supervision cancel 2026-04-27');
    const answer = tb.mem.lastPrivate(facilitator.id)!;
    expect(answer).toContain('jest już za nami albo zostało odwołane');
    expect(answer).not.toContain('Nie znajduję spotkania');
  });
});
