// Who can see a Discord channel — the count an anonymous case's minimum is checked against — from the REST API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { DiscordPort } from '../../../adapters/discord/port.js';
import { makeRest } from '../../../adapters/discord/rest.js';
import { FAKE_APPLICATION_ID, FAKE_BOT_USER, startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.js';
import { makeBot, type TestBot } from '../../helpers/bot.js';

const GUILD = '1200000000000000001';
const OPEN = '1200000000000000010';
const PRIVATE = '1200000000000000011';
const TEAM_ROLE = '1200000000000000020';
const ADMIN_ROLE = '1200000000000000021';
const user = (n: number) => `13000000000000000${String(n).padStart(2, '0')}`;
const VIEW = String(PermissionFlagsBits.ViewChannel);

let fake: FakeDiscord;
let tb: TestBot;
let port: DiscordPort;
beforeAll(async () => {
  fake = await startFakeDiscord({
    token: 'fake-token',
    guilds: [
      {
        id: GUILD,
        owner_id: user(1),
        roles: [
          { id: TEAM_ROLE, permissions: '0' },
          { id: ADMIN_ROLE, permissions: String(PermissionFlagsBits.Administrator) },
        ],
        channels: [
          { id: OPEN, type: 0, name: 'cases-open' },
          {
            id: PRIVATE,
            type: 0,
            name: 'cases-private',
            permission_overwrites: [
              { id: GUILD, type: 0, allow: '0', deny: VIEW }, // @everyone: hidden
              { id: TEAM_ROLE, type: 0, allow: VIEW, deny: '0' }, // the team's role: shown
              { id: user(4), type: 1, allow: VIEW, deny: '0' }, // one guest by name
              { id: user(5), type: 1, allow: '0', deny: VIEW }, // one team member kept out by name
            ],
          },
        ],
        members: [
          { user: { id: user(1), username: 'owner' } },
          { user: { id: user(2), username: 'in-team' }, roles: [TEAM_ROLE] },
          { user: { id: user(3), username: 'outsider' } },
          { user: { id: user(4), username: 'guest' } },
          { user: { id: user(5), username: 'kept-out' }, roles: [TEAM_ROLE] },
          { user: { id: user(6), username: 'admin' }, roles: [ADMIN_ROLE] },
          { user: { id: user(7), username: 'other-bot', bot: true } },
        ],
      },
    ],
  });
  tb = await makeBot();
  port = new DiscordPort(makeRest('fake-token', fake.apiUrl), FAKE_APPLICATION_ID, tb.bot);
});
afterAll(async () => {
  await tb?.close();
  await fake?.close();
});

describe('channel visibility on Discord', () => {
  it('counts everyone in an open channel, and no bot', async () => {
    const seen = await port.channelMembers(GUILD, OPEN);
    expect(seen?.sort()).toEqual([user(1), user(2), user(3), user(4), user(5), user(6)].sort());
    expect(seen).not.toContain(String(FAKE_BOT_USER.id));
  });

  it('counts only who can see a private channel: owner, administrators, allowed roles and people, minus who is kept out', async () => {
    const seen = await port.channelMembers(GUILD, PRIVATE);
    expect(seen?.sort()).toEqual([user(1), user(2), user(4), user(6)].sort());
  });
});
