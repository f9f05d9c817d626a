// The facilitator who planned supervision: their own export says which series and sessions they planned, and their
// erasure takes their platform id out of those schedules (which stay the team's), so the team's export no longer
// passes it on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { anna, makeBot, type TestBot } from '../helpers/bot.js';
import { findInDatabase } from '../helpers/dbsearch.js';

const planner = { id: 'U_PLANNER', name: 'Magda', isAdmin: true, locale: 'pl-PL' };
const other = { id: 'U_OTHER_FAC', name: 'Piotr', isAdmin: true, locale: 'pl-PL' };

let t: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [planner, other, anna]) await t.mem.command(m, '/sojusz help');
  await t.mem.command(planner, '/supervision schedule #supervision monday 18:00 every 2 weeks');
  await t.mem.command(planner, '/supervision add 2026-03-20 18:00 #supervision');
});
afterAll(() => t.close());

function lastFile(id: string): string {
  const f = [...t.mem.said].reverse().find((s): s is Extract<Said, { kind: 'file' }> => s.kind === 'file' && s.member === id);
  return f ? new TextDecoder().decode(f.file.bytes) : '';
}

describe('a facilitator who planned supervision', () => {
  it('finds the series and the one-off session they planned in their own export', async () => {
    await t.mem.command(planner, '/sojusz mydata export');
    const planned = (JSON.parse(lastFile(planner.id)) as { supervision: { planned: { series: { series: string; channel: string }[]; sessions: { startsAt: string; channel: string }[] } } }).supervision.planned;
    expect(planned.series).toEqual([expect.objectContaining({ series: 'S1', channel: 'supervision' })]);
    expect(planned.sessions).toEqual([expect.objectContaining({ startsAt: '2026-03-20T17:00:00.000Z', channel: 'supervision' })]);
    // Nobody else planned anything.
    await t.mem.command(anna, '/sojusz mydata export');
    expect((JSON.parse(lastFile(anna.id)) as { supervision: { planned: unknown } }).supervision.planned).toEqual({ series: [], sessions: [] });
  });

  it('is in no schedule once erased, and the team’s export no longer names them; the sessions stay planned', async () => {
    await t.mem.command(other, '/sojusz team export');
    expect(lastFile(other.id)).toContain(planner.id);

    await t.mem.command(planner, '/sojusz mydata delete');
    await t.mem.click(planner, 'privacy.delete', 'unlink');
    expect(await findInDatabase(t.bot.db, planner.id)).toEqual([]);
    await t.mem.command(other, '/sojusz team export');
    expect(lastFile(other.id)).not.toContain(planner.id);
    await t.mem.command(anna, '/supervision list');
    const list = t.mem.lastPrivate(anna.id)!;
    expect(list).toContain('S1');
    expect(list).toContain('pt., 20 marca 2026, 18:00');
  });
});
