// A bot token reset or revoked in the Developer Portal: Discord answers 401 to everything sent with it. Nothing queued is
// lost (it waits for a restart with the new token), the log says once what to do, and the adapter reports unhealthy.
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../../src/db/schema/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';
import { testRegistry } from './registry.js';

const json = (x: unknown) => JSON.stringify(x);

describe.each(['http', 'gateway'] as const)('a bot token Discord refuses (%s mode)', (mode) => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness({ mode, registry: testRegistry() });
  }, 120_000);
  afterAll(() => h?.close());

  const echoes = () => h.bot.db.select().from(outbox).where(like(outbox.key, 'echo:%'));

  it('keeps every queued message, pausing all sends, after Discord refused the token (401)', async () => {
    await h.answers(await h.slash(h.anna, 'probe', { text: 'pierwsza' }, { path: ['echo'] }));
    await h.answers(await h.slash(h.ben, 'probe', { text: 'druga wiadomość' }, { path: ['echo'] }));
    expect(await h.adapter.healthy()).toBe(true);

    h.fake.resetToken('a-new-token');
    // Far more rounds than the outbox's 8 attempts, an hour apart.
    for (let i = 0; i < 12; i++) {
      await h.bot.runDueWork();
      h.clock.advance(60 * 60_000);
    }
    const rows = await echoes();
    expect(rows).toHaveLength(2);
    // Not one attempt counted: a refused token is no fault of the message.
    for (const row of rows) expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(rows.map((r) => r.lastError)).toContain('unauthorized');
    expect(h.fake.messagesIn(h.channel)).toHaveLength(0);
    // The refused token is not sent again and again (Discord bans an address that keeps trying a bad token).
    expect(h.fake.calls.filter((c) => c.status === 401)).toHaveLength(1);
  });

  it('says so once in the log, naming DISCORD_TOKEN, and reports the adapter unhealthy', async () => {
    const said = h.logs.filter((l) => l.includes('DISCORD_TOKEN'));
    expect(said).toHaveLength(1);
    expect(JSON.parse(said[0]!)).toMatchObject({ level: 50, adapter: 'discord', code: 'unauthorized' });
    expect(h.logs.filter((l) => l.includes('"code":"Error"'))).toEqual([]);
    expect(await h.adapter.healthy()).toBe(false);
  });

  it('still answers members privately meanwhile (interaction answers need no bot token)', async () => {
    expect(json(await h.answers(await h.slash(h.anna, 'probe', { text: 'trzecia' }, { path: ['echo'] })))).toContain('ok');
    expect(await echoes()).toHaveLength(3);
  });

  it('answers a command that must look at the server with the apology and its reference, not “try again in a minute”', async () => {
    // Scheduling checks that the bot may post in the channel: that lookup needs the refused token.
    const said = json(await h.answers(await h.slash(h.owner, 'reflect', { channel: h.channel, weekday: 'friday', time: '09:00' }, { path: ['schedule'] })));
    expect(said).toMatch(/Przepraszam — coś poszło nie tak po naszej stronie.*[0-9A-F]{8}/);
    expect(said).not.toContain('Spróbuj proszę za minutę');
  });
});
