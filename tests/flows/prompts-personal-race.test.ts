// /reflect me at the same moment as something else: sent twice at once it makes one personal schedule (which
// /reflect me off then stops), and a new hour set while this week's prompt is being sent does not bring a second one
// the same week. Only PostgreSQL runs transactions side by side (PGlite takes one at a time), so these run there: a
// third connection holds a table lock to stop one transaction at the exact moment of its write while the other goes.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from '../../src/db/schema/index.js';
import { PERSONAL_KIND } from '../../src/features/prompts/schedules.js';
import { makeBot, type TestBot } from '../helpers/bot.js';
import { onPostgres } from '../helpers/db.js';
import { lockHolder, until, type Locks } from '../helpers/pg-locks.js';

let tb: TestBot;
let locks: Locks | undefined;
beforeAll(async () => {
  if (!onPostgres()) return;
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  locks = lockHolder(tb.database.url!);
});
afterAll(async () => {
  await locks?.end();
  await tb?.close();
});


const personalRows = (memberRow: number) =>
  tb.bot.db
    .select()
    .from(schedules)
    .where(and(eq(schedules.kind, PERSONAL_KIND), sql`(${schedules.payload}->>'memberId')::int = ${memberRow}`));
const memberRowOf = async (externalId: string) => {
  const [row] = (await tb.bot.db.execute(sql`select id from members where external_id = ${externalId}`)) as unknown as { id: number }[];
  return row!.id;
};

describe.skipIf(!onPostgres())('/reflect me at the same moment as something else (PostgreSQL)', () => {
  it('makes one personal schedule when sent twice at once, and off stops it', async () => {
    const ola = { id: 'U_OLA_RACE', locale: 'pl-PL' };
    await tb.mem.command(ola, '/sojusz pomoc');
    // The first is stopped at its insert, after its look for an existing schedule; the second arrives meanwhile.
    const lock = await locks!.holdTable('schedules');
    const first = tb.mem.command(ola, '/reflect ja piątek 08:00');
    await until(async () => (await locks!.waiting()) >= 1);
    const second = tb.mem.command(ola, '/reflect ja sobota 09:00');
    await until(async () => (await locks!.waiting()) >= 2);
    await lock.release();
    await Promise.all([first, second]);

    const rows = await personalRows(await memberRowOf(ola.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.rule).toMatchObject({ weekday: 6, time: '09:00' });
    await tb.mem.command(ola, '/reflect ja wyłącz');
    expect((await personalRows(await memberRowOf(ola.id))).every((r) => r.paused)).toBe(true);
    // Nothing comes on Friday or Saturday.
    for (const at of ['2026-03-06T07:01:00Z', '2026-03-07T08:01:00Z']) {
      tb.clock.set(at);
      await tb.bot.runDueWork();
    }
    expect(tb.mem.dms(ola.id)).toHaveLength(0);
  });

  it('sends no second prompt that week when the hour is changed while this week’s is being sent', async () => {
    const piotr = { id: 'U_PIOTR_RACE', locale: 'pl-PL' };
    tb.clock.set('2026-03-09T08:00:00Z'); // Monday
    await tb.mem.command(piotr, '/reflect ja środa 08:00');
    tb.clock.set('2026-03-11T07:00:00Z'); // Wednesday 08:00 in Warsaw: it is due
    // The tick is stopped after claiming the schedule, at its record of the occurrence; the new hour arrives meanwhile.
    const lock = await locks!.holdTable('occurrences');
    const ticking = tb.bot.runDueWork();
    await until(async () => (await locks!.waiting()) >= 1);
    const moving = tb.mem.command(piotr, '/reflect ja środa 18:00');
    await until(async () => (await locks!.waiting()) >= 2);
    await lock.release();
    await Promise.all([ticking, moving]);

    expect(tb.mem.dms(piotr.id)).toHaveLength(1);
    // The new hour starts next week, and says so.
    expect(tb.mem.lastPrivate(piotr.id)).toContain('śr., 18 marca 2026, 18:00');
    tb.clock.set('2026-03-11T17:01:00Z'); // 18:01 the same Wednesday
    await tb.bot.runDueWork();
    expect(tb.mem.dms(piotr.id)).toHaveLength(1);
    tb.clock.set('2026-03-18T17:01:00Z');
    await tb.bot.runDueWork();
    expect(tb.mem.dms(piotr.id)).toHaveLength(2);
  });
});
