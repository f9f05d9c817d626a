// Stopping (SIGTERM) while a Discord interaction is under way: the deferred answer is still filled in before the stop
// ends, by HTTP interactions and by the gateway; what arrives after the stop began is not taken.
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startDiscord } from '../../../adapters/discord/index.js';
import { buildRegistry } from '../../../commands/index.js';
import { withPlatforms } from '../../../platforms.js';
import { createApp, STOP_DRAIN_MS, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { restartingText } from '../../../src/core/admission.js';
import { message, textBlock } from '../../../src/core/message.js';
import { command } from '../../../src/core/registry.js';
import { createLogger } from '../../../src/log.js';
import { ManualClock } from '../../../src/schedule/clock.js';
import { chatInputInteraction, FAKE_APPLICATION_ID, makeDiscordKeys, startFakeDiscord, type ApiObject, type FakeDiscord } from '../../fakes/discord/index.js';
import { captureLogs, TEST_SECRET } from '../../helpers/bot.js';
import { testDatabase } from '../../helpers/db.js';

const d = { en: 'Test probe', pl: 'Sonda testowa' };
/** /linger: answers after a second and a half, long after it was deferred. */
const linger = command({
  name: 'linger',
  description: d,
  subcommands: { '': { description: d, async run(ctx) { await new Promise((r) => setTimeout(r, 1_500)); await ctx.reply(message(textBlock('answered after all'))); } } },
});

interface Running {
  app: App;
  fake: FakeDiscord;
  keys?: ReturnType<typeof makeDiscordKeys>;
  url?: string;
  close(): Promise<void>;
}

/** The real createApp (so the real stop) with the Discord adapter against the fake. */
async function start(mode: 'http' | 'gateway'): Promise<Running> {
  const fake = await startFakeDiscord({ token: 'fake-token' });
  const database = await testDatabase();
  const keys = mode === 'http' ? makeDiscordKeys() : undefined;
  const config = loadConfig({
    SOJUSZ_SECRET: TEST_SECRET,
    DISCORD_TOKEN: 'fake-token',
    DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
    DISCORD_API_URL: fake.apiUrl,
    ...(keys ? { DISCORD_PUBLIC_KEY: keys.publicKeyHex } : {}),
  });
  const base = withPlatforms(buildRegistry());
  const registry = { ...base, commands: [...base.commands, linger] };
  const app = await createApp(config, createLogger('debug', captureLogs().sink), registry, new ManualClock('2026-03-02T08:00:00Z'), database);
  app.adapters.push(await startDiscord(app, config, { deferAfterMs: 200 }));
  await app.http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}/discord/interactions`;
  return {
    app,
    fake,
    keys,
    url,
    async close() {
      await app.stop();
      await fake.close();
      await database.close();
    },
  };
}

const slash = (name: string) => chatInputInteraction({ user: { id: '1100000000000000402', username: 'ben' }, locale: 'en-GB', name });
/** The deferred answer of this interaction, filled in through its webhook. */
const filledIn = (fake: FakeDiscord, i: ApiObject) => fake.calls.some((c) => c.status < 400 && c.path.includes(`/webhooks/${FAKE_APPLICATION_ID}/${i.token}`) && JSON.stringify(c.body).includes('answered after all'));

/** Whether a gateway client is still connected and identified (the fake refuses to dispatch to nobody). */
function canDispatch(fake: FakeDiscord): boolean {
  try {
    // An event no client handles: only whether anyone is there to receive it matters.
    fake.dispatch('SOJUSZ_PROBE', {});
    return true;
  } catch {
    return false;
  }
}

describe('stopping the Discord bot while an interaction is under way', () => {
  it('over HTTP interactions: fills in the deferred answer before the stop ends and answers a new command "restarting", doing nothing', async () => {
    const r = await start('http');
    try {
      const first = slash('linger');
      const res = await r.fake.sendInteraction(r.url!, r.keys!, first);
      expect(res.body).toMatchObject({ type: 5 }); // deferred: an answer is promised
      const started = Date.now();
      const stopping = r.app.stop();
      const late = slash('linger');
      // It reached this replica before the load balancer noticed: our words, privately, not Discord's "did not respond".
      const told = await r.fake.sendInteraction(r.url!, r.keys!, late);
      expect(told.status).toBe(200);
      expect(told.body).toMatchObject({ type: 4, data: { flags: 64, content: restartingText() } });
      expect(restartingText()).toContain('Sojusz is restarting');
      expect(restartingText()).toContain('Sojusz właśnie uruchamia się ponownie');
      expect((await fetch(`${r.url!.replace(/\/discord\/interactions$/, '')}/healthz`)).status).toBe(503);
      await stopping;
      expect(filledIn(r.fake, first)).toBe(true);
      expect(Date.now() - started).toBeLessThan(STOP_DRAIN_MS);
      // The one answered "restarting" was never handled.
      expect(r.fake.calls.some((c) => c.path.includes(late.token))).toBe(false);
    } finally {
      await r.close();
    }
  }, 60_000);

  it('by the gateway: disconnects first, then fills in the deferred answer before the stop ends', async () => {
    const r = await start('gateway');
    try {
      const first = slash('linger');
      r.fake.dispatch('INTERACTION_CREATE', first);
      const deferred = await r.fake.waitFor('POST', new RegExp(`^/interactions/${first.id}/${first.token}/callback$`));
      expect(deferred.body).toMatchObject({ type: 5 });
      const stopping = r.app.stop();
      // No new event is read once the stop began: the gateway session is closed (nobody left to dispatch to).
      await expect.poll(() => canDispatch(r.fake), { timeout: 2_000 }).toBe(false);
      expect(filledIn(r.fake, first)).toBe(false); // still under way
      await stopping;
      expect(filledIn(r.fake, first)).toBe(true);
    } finally {
      await r.close();
    }
  }, 60_000);
});
