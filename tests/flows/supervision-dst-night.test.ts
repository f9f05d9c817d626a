// Sessions planned at 02:30 on the nights the clocks change: said plainly when the hour does not exist, and written
// to the calendar so that every reader puts them at the instant the bot reminds for.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSessions } from '../../src/db/schema/index.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
const said = (id: string) => (t.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');

beforeAll(async () => {
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

describe('02:30 on the nights the clocks change', () => {
  it('says that 02:30 does not exist the spring night and when the session really is', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-29 02:30 #supervision');
    expect(said(facilitator.id)).toContain('02:30 nie istnieje tej nocy');
    expect(said(facilitator.id)).toContain('03:30');
  });

  it('puts the autumn-night 02:30 in the .ics at the very instant it was planned for', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-10-25 02:30 #supervision');
    expect(said(facilitator.id)).not.toContain('nie istnieje');
    const sessions = await t.bot.db.select().from(supervisionSessions);
    const autumn = sessions.find((x) => x.startsAt.toISOString().startsWith('2026-10-25'))!;
    await t.mem.command(anna, '/supervision calendar');
    const file = t.mem.said.filter((x) => x.kind === 'file').at(-1)!;
    const text = new TextDecoder().decode(file.kind === 'file' ? file.file.bytes : new Uint8Array());
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const starts = events.map((e) => e.startDate.toJSDate().toISOString());
    expect(starts).toContain(autumn.startsAt.toISOString());
    expect(text).not.toContain('DTSTART;TZID=Europe/Warsaw:20261025T023000');
  });
});
