// "/supervision held <date>" after a session that ran past midnight: the new date finds it too.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSessions } from '../../src/db/schema/index.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
const said = (id: string) => (t.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');

beforeAll(async () => {
  t = await makeBot({ start: '2026-12-20T08:00:00Z' });
  for (const m of [facilitator, anna]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

describe('held after a session that ran past midnight', () => {
  it('logs the New Year’s Eve session when told the next day’s date half an hour after midnight', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-12-31 23:00 #supervision duration 2h');
    // The answer names the session's number; its RSVP buttons carry the row id.
    const number = Number(/(\d+)/.exec(said(facilitator.id).replace(/.*Zaplanowane spotkanie/, ''))![1]);
    const [{ id }] = await t.bot.db.select({ id: supervisionSessions.id }).from(supervisionSessions).where(eq(supervisionSessions.number, number));
    await t.mem.click(anna, 'supervision.rsvp', `${id}:coming`);
    // 00:30 on 1 January in Warsaw.
    t.clock.set('2026-12-31T23:30:00Z');
    await t.mem.command(facilitator, '/supervision odbyła się 2027-01-01');
    expect(said(facilitator.id)).toContain('czw., 31 grudnia 2026, 23:00');
    expect(said(facilitator.id)).toContain('dla 1 osoby');
  });

  it('still finds it by the date it began', async () => {
    await t.mem.command(facilitator, '/supervision held 2026-12-31');
    expect(said(facilitator.id)).not.toMatch(/Nie znajduję|No session/);
  });
});
