// Changing the time of one's personal prompt: the new time counts from the next week when this week's has come.
import { renderMessage as renderSlack } from '../../adapters/slack/render/blocks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  await tb.mem.command(anna, '/sojusz help');
});
afterAll(() => tb.close());

async function at(iso: string) {
  tb.clock.set(iso);
  await tb.bot.runDueWork();
}

describe('moving one’s personal prompt to another time', () => {
  it('does not send a second prompt the same week when moved later the same day, and says when the next comes', async () => {
    expect(await tb.mem.ask(anna, '/reflect ja piątek 08:00')).toContain('pt., 6 marca 2026, 08:00');
    await at('2026-03-06T07:01:00Z');
    expect(tb.mem.dms(anna.id)).toHaveLength(1);
    // Its notification says what it is, not a bare theme name ("Cele").
    expect(renderSlack(tb.mem.dms(anna.id)[0]!.message).text).toMatch(/^Twoje pytanie do refleksji na ten tydzień · \S/);
    expect(await tb.mem.ask(anna, '/reflect ja piątek 18:00')).toContain('pt., 13 marca 2026, 18:00');
    await at('2026-03-06T17:01:00Z');
    expect(tb.mem.dms(anna.id)).toHaveLength(1);
    await at('2026-03-13T17:01:00Z');
    expect(tb.mem.dms(anna.id)).toHaveLength(2);
  });

  it('starts this week when this week’s prompt has not come yet', async () => {
    tb.clock.set('2026-03-16T08:00:00Z');
    expect(await tb.mem.ask(anna, '/reflect ja piątek 10:00')).toContain('pt., 20 marca 2026, 10:00');
    expect(await tb.mem.ask(anna, '/reflect ja czwartek 10:00')).toContain('czw., 19 marca 2026, 10:00');
    await at('2026-03-19T09:01:00Z');
    expect(tb.mem.dms(anna.id)).toHaveLength(3);
  });

  it('does not send a second prompt the same week when moved from Monday to a later day of that week', async () => {
    const ben = { id: 'U_BEN_P', locale: 'pl-PL' };
    tb.clock.set('2026-03-22T08:00:00Z'); // Sunday
    expect(await tb.mem.ask(ben, '/reflect ja poniedziałek 08:00')).toContain('pon., 23 marca 2026, 08:00');
    await at('2026-03-23T07:01:00Z');
    expect(tb.mem.dms(ben.id)).toHaveLength(1);
    tb.clock.set('2026-03-24T09:00:00Z'); // Tuesday: this week's came on Monday
    expect(await tb.mem.ask(ben, '/reflect ja piątek 08:00')).toContain('pt., 3 kwietnia 2026, 08:00');
    // Moved once more the same week: still next week, not this Thursday.
    expect(await tb.mem.ask(ben, '/reflect ja czwartek 08:00')).toContain('czw., 2 kwietnia 2026, 08:00');
    await at('2026-03-27T07:01:00Z');
    expect(tb.mem.dms(ben.id)).toHaveLength(1);
  });

  it('does not send a second prompt the same week when turned off and on again', async () => {
    const cyryl = { id: 'U_CYRYL_P', locale: 'pl-PL' };
    tb.clock.set('2026-03-29T08:00:00Z'); // Sunday
    await tb.mem.ask(cyryl, '/reflect ja poniedziałek 08:00');
    await at('2026-03-30T06:01:00Z'); // Monday 08:01 in Warsaw (summer time)
    expect(tb.mem.dms(cyryl.id)).toHaveLength(1);
    expect(await tb.mem.ask(cyryl, '/reflect ja wyłącz')).toBeTruthy();
    expect(await tb.mem.ask(cyryl, '/reflect ja wtorek 08:00')).toContain('wt., 7 kwietnia 2026, 08:00');
    await at('2026-03-31T06:01:00Z');
    expect(tb.mem.dms(cyryl.id)).toHaveLength(1);
    await at('2026-04-07T06:01:00Z');
    expect(tb.mem.dms(cyryl.id)).toHaveLength(2);
  });

  it('sends nothing while turned off, and says there is nothing to turn off twice', async () => {
    const dorota = { id: 'U_DOROTA_P', locale: 'en-GB' };
    tb.clock.set('2026-04-12T08:00:00Z'); // Sunday
    await tb.mem.ask(dorota, '/reflect me monday 08:00');
    expect(await tb.mem.ask(dorota, '/reflect me off')).toBeTruthy();
    await at('2026-04-13T06:01:00Z');
    await at('2026-04-20T06:01:00Z');
    expect(tb.mem.dms(dorota.id)).toHaveLength(0);
    const again = await tb.mem.ask(dorota, '/reflect me off');
    expect(again).toBe(await tb.mem.ask(dorota, '/reflect me off'));
    expect(again).not.toBe('');
  });
});
