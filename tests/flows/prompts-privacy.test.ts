// Prompts and a member's data: the schedules a facilitator created, the missed-prompt notice, a personal rotation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTeamAndMember } from '../../src/core/teams.js';
import { promptRotations } from '../../src/db/schema/index.js';
import { exportMember } from '../../src/features/privacy/members.js';
import { makeBot, type TestBot } from '../helpers/bot.js';
import { findInDatabase } from '../helpers/dbsearch.js';

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
});
afterAll(() => tb.close());

// Three facilitators (platform admins) and a member; ids that do not contain one another.
const kasia = { id: 'U_KASIA', isAdmin: true, locale: 'pl-PL' };
const tomek = { id: 'U_TOMEK', isAdmin: true, locale: 'pl-PL' };
const ewa = { id: 'U_EWA', isAdmin: true, locale: 'pl-PL' };
const ola = { id: 'U_OLA', locale: 'pl-PL' };

async function exported(id: string) {
  const { team, member } = await ensureTeamAndMember(tb.bot.db, 'memory', 'T1', id);
  return (await tb.bot.db.transaction((tx) => exportMember(tx, tb.bot, team, member))) as { prompts: Record<string, unknown> };
}
async function deleteMyData(member: { id: string; locale?: string }) {
  await tb.mem.command(member, '/sojusz mydata delete');
  await tb.mem.click(member, 'privacy.delete', 'unlink');
}
const personalScopes = async () => (await tb.bot.db.select().from(promptRotations)).map((r) => r.scope).filter((s) => s.startsWith('member:'));

describe('prompt schedules and the facilitator who created them', () => {
  it('lists the schedules a facilitator created in their own data export', async () => {
    await tb.mem.command(kasia, '/reflect schedule #reflection friday 09:00');
    await tb.mem.command(tomek, '/reflect schedule #circle friday 10:00 więź');
    await tb.mem.command(ewa, '/reflect schedule #third friday 11:00');
    const mine = (await exported(kasia.id)).prompts.schedulesCreated as { channel: string; themes: string[] }[];
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ channel: 'reflection', themes: [] });
    expect((await exported(tomek.id)).prompts.schedulesCreated).toMatchObject([{ channel: 'circle', themes: ['bond'] }]);
    expect((await exported(ola.id)).prompts.schedulesCreated).toEqual([]);
  });

  it('keeps the schedule but not the id of a facilitator who deleted their data', async () => {
    expect(await findInDatabase(tb.bot.db, kasia.id)).toContain('schedules.payload');
    await deleteMyData(kasia);
    expect(await findInDatabase(tb.bot.db, kasia.id)).toEqual([]);
    expect(await tb.mem.ask(ola, '/reflect lista')).toContain('#reflection');
  });

  it('tells only a creator who is still a facilitator about a missed prompt', async () => {
    expect(await tb.mem.ask(ewa, `/sojusz team facilitator remove @${tomek.id}`)).toContain(tomek.id);
    tb.mem.clear();
    // The bot is down from Thursday until Friday 13 March, 21:00 Warsaw time: every Friday prompt is missed.
    tb.clock.set('2026-03-13T20:00:00Z');
    await tb.bot.runDueWork();
    expect(tb.mem.posts()).toHaveLength(0);
    expect(tb.mem.dms(kasia.id)).toHaveLength(0);
    expect(tb.mem.dms(tomek.id)).toHaveLength(0);
    const told = tb.mem.dms(ewa.id);
    expect(told.length).toBeGreaterThan(0);
    expect(told.at(-1)!.text).toContain('bot nie działał');
    // The channel is named as a link the platform renders.
    expect(told.at(-1)!.message.blocks[0]).toMatchObject({ type: 'text', text: expect.arrayContaining([{ text: '#third', channel: 'third' }]) });
  });
});

describe('a member’s personal prompts', () => {
  it('puts what their rotation has sent in their export and deletes it with their data', async () => {
    tb.clock.set('2026-03-16T08:00:00Z');
    await tb.mem.command(ola, '/reflect ja piątek 08:00');
    tb.clock.set('2026-03-20T07:00:30Z');
    await tb.bot.runDueWork();
    const dm = tb.mem.dms(ola.id);
    expect(dm).toHaveLength(1);
    const rotation = (await exported(ola.id)).prompts.personalRotation as { cycle: number; sent: string[] };
    expect(rotation.sent).toHaveLength(1);
    expect(await personalScopes()).toHaveLength(1);
    await deleteMyData(ola);
    expect(await personalScopes()).toEqual([]);
    expect(await findInDatabase(tb.bot.db, ola.id)).toEqual([]);
  });
});
