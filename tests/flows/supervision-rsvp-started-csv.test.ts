// Small things members meet: an RSVP pressed once the session has begun, and the hours CSV in English.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSessions } from '../../src/db/schema/index.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
const said = (id: string) => (t.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');

beforeAll(async () => {
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

describe('an RSVP during the session, and the English hours CSV', () => {
  it('says the session has already started when a button is pressed ten minutes in', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');
    // The answer names the session's number; its RSVP buttons carry the row id.
    const number = Number(/(\d+)/.exec(said(facilitator.id).replace(/.*Zaplanowane spotkanie/, ''))![1]);
    const [{ id }] = await t.bot.db.select({ id: supervisionSessions.id }).from(supervisionSessions).where(eq(supervisionSessions.number, number));
    t.clock.set('2026-03-09T17:10:00Z');
    await t.mem.click(anna, 'supervision.rsvp', `${id}:coming`);
    expect(said(anna.id)).toContain('już się zaczęło');
    await t.mem.click(ben, 'supervision.rsvp', `${id}:coming`);
    expect(said(ben.id)).toContain('already started');
  });

  it('exports English hours with a byte order mark, commas between cells and a decimal point', async () => {
    await t.mem.command(ben, '/supervision log 1.5 group 2026-03-02');
    await t.mem.command(ben, '/supervision hours export');
    const file = t.mem.said.filter((s) => s.kind === 'file').at(-1)!;
    const bytes = file.kind === 'file' ? file.file.bytes : new Uint8Array();
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(csv.split('\r\n')[1]).toMatch(/^2026-03-02,group,1\.5,,\d+$/);
  });
});
