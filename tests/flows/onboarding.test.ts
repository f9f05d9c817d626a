import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTeam, updateSettings } from '../../src/core/teams.js';
import { makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
});
afterAll(() => tb.close());

describe('first contact', () => {
  it('welcomes the person who installed the bot, in the workspace’s language, with one next step', async () => {
    await tb.bot.handle({ kind: 'installed', platform: 'memory', team: 'T1', installer: 'U_INSTALLER', locale: 'en-US' });
    await tb.bot.runDueWork();
    const dms = tb.mem.dms('U_INSTALLER');
    expect(dms).toHaveLength(1);
    expect(dms[0]!.text).toContain('/sojusz setup');
    expect(dms[0]!.text).toContain('Sojusz is here');
  });

  it('greets the server’s system channel when nobody is named as installer', async () => {
    await tb.bot.handle({ kind: 'installed', platform: 'memory', team: 'T2', systemChannel: 'C_SYS', locale: 'pl' });
    await tb.bot.runDueWork();
    const posts = tb.mem.posts('C_SYS');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('tu Sojusz');
  });

  it('introduces itself once in a channel it was invited to, with how to give the channel a role', async () => {
    await tb.bot.handle({ kind: 'joinedChannel', platform: 'memory', team: 'T1', channel: 'C_NEW' });
    await tb.bot.handle({ kind: 'joinedChannel', platform: 'memory', team: 'T1', channel: 'C_NEW' });
    await tb.bot.runDueWork();
    const posts = tb.mem.posts('C_NEW');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toMatch(/\/sojusz setup/);
  });

  it('introduces itself in the language it welcomed the workspace in, until a facilitator chooses the team’s', async () => {
    await tb.bot.handle({ kind: 'installed', platform: 'memory', team: 'T3', installer: 'U_EN', locale: 'en-GB' });
    await tb.bot.handle({ kind: 'joinedChannel', platform: 'memory', team: 'T3', channel: 'C_EN' });
    await tb.bot.runDueWork();
    expect(tb.mem.dms('U_EN')[0]!.text).toContain('Sojusz is here');
    expect(tb.mem.posts('C_EN')[0]!.text).toContain('Hi, I’m Sojusz');
  });

  it('introduces itself in the team’s language once a facilitator has chosen it', async () => {
    const chosen = await ensureTeam(tb.bot.db, 'memory', 'T3');
    await updateSettings(tb.bot.db, chosen.id, { langSet: true }); // the team's language stays Polish, as chosen
    await tb.bot.handle({ kind: 'joinedChannel', platform: 'memory', team: 'T3', channel: 'C_PL' });
    await tb.bot.runDueWork();
    expect(tb.mem.posts('C_PL')[0]!.text).toContain('Cześć, jestem Sojusz');
  });
});
