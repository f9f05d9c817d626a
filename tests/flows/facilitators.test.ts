// Who facilitates: nobody removes their own role (the group is never left without one), a removed platform admin can
// be given the role back, and only people the bot knows can be added — never a name typed after @.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTeam } from '../../src/core/teams.js';
import { members } from '../../src/db/schema/index.js';
import { facilitatorsToTell } from '../../src/features/onboarding/facilitators.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  // Anna and Ben have used the bot before; the facilitator is a workspace admin.
  await tb.mem.command(anna, '/sojusz pomoc');
  await tb.mem.command(ben, '/sojusz help');
});
afterAll(() => tb.close());

const ONLY_FACILITATORS = 'To mogą zrobić tylko osoby prowadzące';
const canFacilitate = async (who: typeof anna) => !(await tb.mem.ask(who, '/sojusz team retention 200')).includes(ONLY_FACILITATORS);
const memberRow = async (id: string) => (await tb.bot.db.select().from(members).where(and(eq(members.externalId, id))))[0];

describe('removing a facilitator', () => {
  it('refuses to let a facilitator remove themselves, kindly, and changes nothing', async () => {
    const said = await tb.mem.ask(facilitator, `/sojusz zespół prowadzący usuń <@${facilitator.id}>`);
    expect(said).toContain('Roli osoby prowadzącej nie można odebrać sobie');
    expect(said).toContain('poproś o to inną osobę prowadzącą');
    expect(said).not.toContain('już nie prowadzi');
    expect(await canFacilitate(facilitator)).toBe(true);

    expect(await tb.mem.ask(facilitator, `/sojusz zespół prowadzący dodaj <@${anna.id}>`)).toContain('prowadzi teraz');
    expect(await tb.mem.ask(anna, `/sojusz zespół prowadzący usuń @${anna.id}`)).toContain('nie można odebrać sobie');
    expect(await canFacilitate(anna)).toBe(true);
  });

  it('lets another facilitator remove a workspace admin, and give the role back the same way', async () => {
    const removed = await tb.mem.ask(anna, `/sojusz zespół prowadzący usuń <@${facilitator.id}>`);
    expect(removed).toContain('już nie prowadzi');
    expect(removed).toContain('/sojusz zespół prowadzący dodaj');
    expect(await canFacilitate(facilitator)).toBe(false);
    // The way back for a workspace admin whose role was taken: any facilitator adds them again.
    expect(await tb.mem.ask(anna, `/sojusz zespół prowadzący dodaj <@${facilitator.id}>`)).toContain('prowadzi teraz');
    expect(await canFacilitate(facilitator)).toBe(true);
  });
});

describe('adding a facilitator', () => {
  it('refuses a name typed after @ that is nobody the bot knows, and says how to pick the person', async () => {
    const said = await tb.mem.ask(facilitator, '/sojusz zespół prowadzący dodaj @Tomasz');
    expect(said).toContain('Nie znam jeszcze osoby @Tomasz');
    expect(said).toContain('po wpisaniu @');
    expect(said).toContain('/sojusz pomoc');
    expect(said).not.toContain('prowadzi teraz');
    expect(await memberRow('Tomasz')).toBeUndefined();
    expect(await tb.mem.ask(facilitator, '/sojusz zespół prowadzący')).not.toContain('Tomasz');
    // A name in capitals looks like a Slack id only at a glance: Slack's ids carry digits.
    expect(await tb.mem.ask(facilitator, '/sojusz zespół prowadzący dodaj @WOJCIECH')).toContain('Nie znam jeszcze osoby @WOJCIECH');
    expect(await memberRow('WOJCIECH')).toBeUndefined();
  });

  it('says the same in English to an English-speaking facilitator', async () => {
    await tb.mem.command(facilitator, `/sojusz team facilitator add <@${ben.id}>`);
    const said = await tb.mem.ask(ben, '/sojusz team facilitator add @Tomasz');
    expect(said).toContain('I don’t know @Tomasz yet');
    expect(said).toContain('as you type @');
    expect(said).toContain('/sojusz help');
  });

  it('adds someone who has not used the bot yet when the platform itself names them', async () => {
    // An id only the platform writes (a mention picked from Slack's list, a Discord user option).
    expect(await tb.mem.ask(facilitator, '/sojusz team facilitator add <@U0NEWPERSON1|ewa>')).toContain('prowadzi teraz');
    expect((await memberRow('U0NEWPERSON1'))?.facilitator).toBe(true);
    // A member the platform lists in the channel where the command was typed (the playground's people).
    tb.mem.channels.set('general', [facilitator.id, anna.id, 'kasia']);
    expect(await tb.mem.ask(facilitator, '/sojusz team facilitator add @kasia')).toContain('prowadzi teraz');
    expect(await canFacilitate({ id: 'kasia', name: 'Kasia', locale: 'pl-PL' })).toBe(true);
  });
});

describe('who hears that a channel refuses what a facilitator planned', () => {
  it('tells the planner while they may, and else every facilitator added by name, for prompts and supervision alike', async () => {
    const team = await ensureTeam(tb.bot.db, 'memory', 'T1');
    const told = async (creator?: string) => (await facilitatorsToTell(tb.bot.db, team.id, creator)).map((m) => m.externalId).sort();
    const added = (await tb.bot.db.select().from(members).where(and(eq(members.teamId, team.id), eq(members.facilitator, true), eq(members.facilitatorRevoked, false))))
      .map((m) => m.externalId)
      .sort();
    expect(added.length).toBeGreaterThan(0);
    expect(await told(ben.id)).toEqual([ben.id]);
    // Nobody planned it, or the planner is unknown here (left, deleted their data): the facilitators added by name.
    expect(await told(undefined)).toEqual(added);
    expect(await told('U_GONE')).toEqual(added);
  });
});
