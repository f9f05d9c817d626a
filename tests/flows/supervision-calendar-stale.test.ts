// The .ics after a series changes: each date keeps one UID, and a stopped series' dates come back as cancelled, so a
// calendar that imported the file drops them instead of keeping sessions that will not happen.
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from '../../src/db/schema/index.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
const said = (id: string) => (t.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');

beforeAll(async () => {
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

type Ev = { uid: string; start: string; status: string; sequence: number };

async function calendar(): Promise<Ev[]> {
  await t.mem.command(anna, '/supervision calendar');
  const file = t.mem.said.filter((x) => x.kind === 'file').at(-1)!;
  const text = new TextDecoder().decode(file.kind === 'file' ? file.file.bytes : new Uint8Array());
  return new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((c) => ({ uid: String(c.getFirstPropertyValue('uid')), start: new ICAL.Event(c).startDate.toJSDate().toISOString(), status: String(c.getFirstPropertyValue('status')), sequence: Number(c.getFirstPropertyValue('sequence')) }));
}

describe('the calendar after a series changes', () => {
  /** "S1" as the facilitator reads it; UIDs carry the series' row id, which never changes (a new number would duplicate). */
  let series = '';
  let uidSeries = 0;
  let before: Ev[] = [];

  it('names each series date by the series and its local date, near or months ahead', async () => {
    await t.mem.command(facilitator, '/supervision schedule #supervision monday 18:00');
    series = /S(\d+)/.exec(said(facilitator.id))![1]!;
    const [row] = await t.bot.db.select().from(schedules).where(and(eq(schedules.kind, 'supervision'), eq(schedules.number, Number(series))));
    uidSeries = row!.id;
    before = await calendar();
    const near = before.find((e) => e.start === '2026-03-09T17:00:00.000Z')!;
    const far = before.find((e) => e.start === '2026-05-04T16:00:00.000Z')!;
    expect(near.uid).toMatch(new RegExp(`-S${uidSeries}-2026-03-09@sojusz$`));
    expect(far.uid).toMatch(new RegExp(`-S${uidSeries}-2026-05-04@sojusz$`));
  });

  it('keeps the same UID for a date once the series has planned it', async () => {
    t.clock.set('2026-04-21T08:00:00Z');
    await t.bot.runDueWork();
    const now = await calendar();
    expect(now.find((e) => e.start === '2026-05-04T16:00:00.000Z')!.uid).toBe(before.find((e) => e.start === '2026-05-04T16:00:00.000Z')!.uid);
  });

  it('lists every date of a cancelled series as cancelled, also those beyond the planning horizon, each with a higher SEQUENCE', async () => {
    await t.mem.command(facilitator, '/supervision cancel 2026-05-04');
    const one = await calendar();
    const may4 = one.find((x) => x.start === '2026-05-04T16:00:00.000Z')!;
    expect(may4.status).toBe('CANCELLED');
    await t.mem.command(facilitator, `/supervision cancel S${series}`);
    const after = await calendar();
    // Each change is newer than the last for clients that apply updates by SEQUENCE.
    expect(after.find((x) => x.start === '2026-05-04T16:00:00.000Z')!.sequence).toBeGreaterThan(may4.sequence);
    expect(after.find((x) => x.start === '2026-06-29T16:00:00.000Z')!.sequence).toBeGreaterThan(before.find((x) => x.start === '2026-06-29T16:00:00.000Z')!.sequence);
    for (const start of ['2026-04-27T16:00:00.000Z', '2026-05-04T16:00:00.000Z', '2026-06-29T16:00:00.000Z']) {
      const e = after.find((x) => x.start === start);
      expect(e, start).toBeDefined();
      expect(e!.status).toBe('CANCELLED');
      expect(e!.uid).toMatch(new RegExp(`-S${uidSeries}-`));
    }
    expect(after.filter((e) => e.status !== 'CANCELLED' && e.start > '2026-04-21')).toEqual([]);
  });
});
