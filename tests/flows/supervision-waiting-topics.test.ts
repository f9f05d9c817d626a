// Topics left waiting by a cancellation go to the next session in time: when a sooner session is planned after a
// far one took them in, they move to the sooner one; topics members added for the far one stay with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
const said = (id: string) => (tb.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

describe('topics waiting after a cancellation', () => {
  it('reach the agenda of a weekly series planned sooner than a far one-off made first', async () => {
    await tb.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');
    await tb.mem.command(anna, '/supervision topic a client who keeps cancelling');
    await tb.mem.command(facilitator, '/supervision cancel 2026-03-09');
    expect(said(facilitator.id)).toMatch(/poczeka/);

    tb.clock.set('2026-03-02T09:00:00Z');
    await tb.mem.command(facilitator, '/supervision add 2026-04-20 18:00 #supervision');
    // Added for the far session, and told so: this one stays there.
    tb.clock.set('2026-03-02T10:00:00Z');
    await tb.mem.command(ben, '/supervision topic a rupture I did not see coming');
    expect(said(ben.id)).toContain('20 Apr 2026');

    await tb.mem.command(facilitator, '/supervision schedule #supervision friday 10:00');
    await tb.mem.command(anna, '/supervision agenda');
    expect(said(anna.id)).toContain('Agenda na pt., 6 marca 2026, 10:00');
    expect(said(anna.id)).toContain('a client who keeps cancelling');
    expect(said(anna.id)).not.toContain('a rupture I did not see coming');
  });
});
