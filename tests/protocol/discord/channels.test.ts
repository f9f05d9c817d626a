// Choosing a channel on Discord: one the bot can see but not write in, or a category of the same name, is refused up front.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_GUILD_ID, PERMISSIONS, snowflake } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
const readOnly = snowflake();
const category = snowflake();
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http', start: '2026-03-04T08:00:00Z' });
  const guild = h.fake.store.guilds.get(FAKE_GUILD_ID)!;
  // #announcements: everyone (the bot too) may read it, nobody may write in it.
  const deny = (PERMISSIONS.SendMessages | PERMISSIONS.SendMessagesInThreads | PERMISSIONS.CreatePublicThreads).toString();
  for (const c of [
    { id: readOnly, type: 0, name: 'announcements', guild_id: FAKE_GUILD_ID, permission_overwrites: [{ id: FAKE_GUILD_ID, type: 0, allow: '0', deny }] },
    { id: category, type: 4, name: 'reflection', guild_id: FAKE_GUILD_ID, permission_overwrites: [] },
  ]) {
    guild.channels.push(c);
    h.fake.store.channels.set(c.id, c);
  }
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);

describe('channels the bot cannot post in, on Discord', () => {
  it('refuses a prompt schedule in a channel the bot can read but not write in, and plans nothing', async () => {
    await h.answers(await h.slash(h.owner, 'sojusz', {}, { path: ['help'] }));
    const r = await h.slash(h.owner, 'reflect', { channel: readOnly, weekday: 'friday', time: '09:00' }, { path: ['schedule'] });
    const said = json(await h.answers(r));
    expect(said).toMatch(/Nie mogę pisać na/);
    const list = json(await h.answers(await h.slash(h.owner, 'reflect', {}, { path: ['list'] })));
    expect(list).not.toContain(readOnly);
  });

  it('accepts the ordinary text channel the bot can write in', async () => {
    const r = await h.slash(h.owner, 'reflect', { channel: h.channel, weekday: 'friday', time: '09:00' }, { path: ['schedule'] });
    const said = json(await h.answers(r));
    expect(said).not.toMatch(/Nie mogę pisać na/);
  });

  it('does not take a category for the text channel of the same name when setup is typed by name', async () => {
    expect(await h.bot.ports.get('discord')!.resolveChannel!(FAKE_GUILD_ID, '#reflection')).toBeUndefined();
    expect(await h.bot.ports.get('discord')!.resolveChannel!(FAKE_GUILD_ID, '#general')).toBe(h.channel);
    expect(await h.bot.ports.get('discord')!.canPost!(FAKE_GUILD_ID, category)).toBe(false);
  });
});
