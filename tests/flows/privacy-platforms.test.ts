// What the platforms' adapters keep themselves (Slack installations, Discord form drafts) is covered like the
// features' data: exported, erased with the member and purged when stale (re-sealing: privacy-rotate.test.ts).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMember, ensureTeam } from '../../src/core/teams.js';
import { discordFormDrafts, slackInstallations } from '../../src/db/schema/index.js';
import { deleteMember, exportMember } from '../../src/features/privacy/members.js';
import { runHousekeeping } from '../../src/features/privacy/housekeeping.js';
import { makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
}, 180_000);
afterAll(() => tb.close());

const draftOf = (member: string, id: string, text: string, minutesLeft = 10, guild = 'G1') => ({
  id,
  memberExternalId: member,
  teamExternalId: guild,
  sealed: tb.bot.secrets.encrypt(JSON.stringify({ form: { id: 'autocheck' }, values: { supervision: text }, step: 1 })),
  expiresAt: new Date(tb.clock.now().getTime() + minutesLeft * 60_000),
});

describe("the platforms' own tables and a member's rights", () => {
  it("exports and erases a Discord member's form in progress, and nobody else's", async () => {
    const guild = await ensureTeam(tb.bot.db, 'discord', 'G1');
    const ola = await ensureMember(tb.bot.db, guild.id, '111');
    await ensureMember(tb.bot.db, guild.id, '222');
    await tb.bot.db.insert(discordFormDrafts).values([draftOf('111', 'd-ola', 'the silence after the fee talk'), draftOf('222', 'd-other', 'not hers')]);

    const exported = await tb.bot.db.transaction((tx) => exportMember(tx, tb.bot, guild, ola));
    expect(exported.discord).toEqual([expect.objectContaining({ formInProgress: { supervision: 'the silence after the fee talk' } })]);
    expect(exported).not.toHaveProperty('slack');

    await deleteMember(tb.bot, guild, ola, 'unlink');
    expect((await tb.bot.db.select().from(discordFormDrafts)).map((d) => d.id)).toEqual(['d-other']);
  });

  it("leaves the member's form in progress in another Discord server out of this server's export and erasure", async () => {
    const here = await ensureTeam(tb.bot.db, 'discord', 'G2');
    const there = await ensureTeam(tb.bot.db, 'discord', 'G3');
    const ola = await ensureMember(tb.bot.db, here.id, '444');
    await ensureMember(tb.bot.db, there.id, '444');
    await tb.bot.db.insert(discordFormDrafts).values([draftOf('444', 'd-here', 'written here', 10, 'G2'), draftOf('444', 'd-there', 'written in the other server', 10, 'G3')]);

    const exported = await tb.bot.db.transaction((tx) => exportMember(tx, tb.bot, here, ola));
    expect(exported.discord).toEqual([expect.objectContaining({ formInProgress: { supervision: 'written here' } })]);

    await deleteMember(tb.bot, here, ola, 'unlink');
    const left = await tb.bot.db.select().from(discordFormDrafts).where(eq(discordFormDrafts.memberExternalId, '444'));
    expect(left.map((d) => d.id)).toEqual(['d-there']);
    await tb.bot.db.delete(discordFormDrafts).where(eq(discordFormDrafts.memberExternalId, '444'));
  });

  it('unlinks the member who installed the Slack app when they erase their data, and keeps the workspace working', async () => {
    const ws = await ensureTeam(tb.bot.db, 'slack', 'T77');
    const installer = await ensureMember(tb.bot.db, ws.id, 'U_INSTALLER');
    await tb.bot.db.insert(slackInstallations).values({ teamId: 'T77', botTokenEnc: tb.bot.secrets.encrypt('xoxb-T77'), botUserId: 'U0BOT', installerUserId: 'U_INSTALLER' });

    const exported = await tb.bot.db.transaction((tx) => exportMember(tx, tb.bot, ws, installer));
    expect(exported.slack).toEqual({ installedTheApp: expect.any(Date) });

    await deleteMember(tb.bot, ws, installer, 'unlink');
    const [row] = await tb.bot.db.select().from(slackInstallations).where(eq(slackInstallations.teamId, 'T77'));
    expect(row!.installerUserId).toBeNull();
    expect(tb.bot.secrets.decrypt(row!.botTokenEnc)).toBe('xoxb-T77');
  });

  it('purges form drafts nobody finished once they have expired', async () => {
    await tb.bot.db.insert(discordFormDrafts).values(draftOf('333', 'd-stale', 'left half-way', -1));
    const report = await tb.bot.db.transaction((tx) => runHousekeeping(tx, tb.bot, tb.clock.now()));
    expect(report.purged.discord).toBe(1);
    expect((await tb.bot.db.select().from(discordFormDrafts)).map((d) => d.id)).toEqual(['d-other']);
  });
});
