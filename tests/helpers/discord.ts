// A whole bot on a local fake Discord for protocol tests, by gateway or HTTP interactions.
//
// Usage (one flow test per feature):
//   const h = await startDiscordHarness({ mode: 'gateway' });          // or 'http'; registry?: Registry
//   const r = await h.slash(h.anna, 'autocheck', {}, { path: ['quick'] });
//   r.initial            // the first answer: { type: 9, data: modal } | { type: 5, ... } | ...
//   await h.answers(r)   // private (ephemeral) answers the member saw: a type 4 first answer, then edits and follow-ups
//   const s = await h.submitModal(h.anna, r.initial.data.custom_id, { feeling: '3' });
//   await h.clickButton(h.anna, 'action|value');
//   await h.bot.runDueWork(); h.fake.messagesIn(channelId)   // what the outbox posted
//   await h.close();
// Members: h.owner (admin: Manage Server), h.anna (pl), h.ben (en). The channel is FAKE_CHANNEL_ID (#general).
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { buildRegistry } from '../../commands/index.js';
import { withPlatforms } from '../../platforms.js';
import { startDiscord } from '../../adapters/discord/index.js';
import type { App, RunningAdapter } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { Bot } from '../../src/core/bot.js';
import type { Registry } from '../../src/core/registry.js';
import { Secrets } from '../../src/core/secrets.js';
import { HttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import { ManualClock } from '../../src/schedule/clock.js';
import { Runner } from '../../src/schedule/runner.js';
import {
  FAKE_APPLICATION_ID, FAKE_CHANNEL_ID, FAKE_GUILD_ID, FAKE_OWNER_ID, PERMISSIONS, MEMBER_PERMISSIONS,
  buttonInteraction, chatInputInteraction, makeDiscordKeys, modalSubmitInteraction, startFakeDiscord,
  type ApiObject, type FakeCall, type FakeDiscord, type FakeDiscordOptions,
} from '../fakes/discord/index.js';
import { testDatabase } from './db.js';
import { TEST_SECRET } from './bot.js';

export interface DiscordUser {
  id: string;
  username: string;
  locale: string;
  admin?: boolean;
}

/** The first answer to an interaction and the payload that caused it. */
export interface Interacted {
  payload: ApiObject;
  /** Interaction response: {type: 1|4|5|6|9, data?}. */
  initial: { type: number; data?: ApiObject };
}

export interface DiscordHarness {
  mode: 'gateway' | 'http';
  fake: FakeDiscord;
  app: App;
  bot: Bot;
  clock: ManualClock;
  adapter: RunningAdapter;
  logs: string[];
  /** HTTP mode: the bot's /discord/interactions URL and the signing keys. */
  interactionsUrl?: string;
  keys?: ReturnType<typeof makeDiscordKeys>;
  owner: DiscordUser;
  anna: DiscordUser;
  ben: DiscordUser;
  channel: string;
  guild: string;
  slash(user: DiscordUser, name: string, options?: Record<string, string | number | boolean>, o?: { path?: string[]; channelId?: string }): Promise<Interacted>;
  submitModal(user: DiscordUser, customId: string, fields: Record<string, string>, o?: { message?: ApiObject }): Promise<Interacted>;
  clickButton(user: DiscordUser, customId: string, o?: { message?: ApiObject }): Promise<Interacted>;
  /** Send any raw interaction payload (gateway dispatch or signed POST). */
  send(payload: ApiObject): Promise<Interacted>;
  /** Everything the member was told privately for this interaction (a type 4 first answer, edits of @original, follow-ups), once at least `atLeast` arrived. */
  answers(i: Interacted, atLeast?: number): Promise<ApiObject[]>;
  close(): Promise<void>;
}

export async function startDiscordHarness(o: { mode: 'gateway' | 'http'; registry?: Registry; start?: string; fake?: FakeDiscordOptions; deferAfterMs?: number; maxInFlight?: number; restBoundMs?: number }): Promise<DiscordHarness> {
  const fake = await startFakeDiscord({ token: 'fake-token', ...o.fake });
  const database = await testDatabase();
  const clock = new ManualClock(o.start ?? '2026-03-02T08:00:00Z');
  const logs: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (logs.push(String(c)), cb()) });
  const bot = new Bot({ database, clock, secrets: new Secrets(TEST_SECRET), log: createLogger('debug', sink), registry: o.registry ?? withPlatforms(buildRegistry()), maxInFlight: o.maxInFlight });
  const http = new HttpServer(bot);
  const runner = new Runner(bot);
  const app: App = {
    bot, http, runner, database, adapters: [],
    async stop() {
      for (const a of app.adapters) await a.stop().catch(() => undefined);
      await http.close();
    },
  };
  const keys = o.mode === 'http' ? makeDiscordKeys() : undefined;
  const config = {
    DISCORD_TOKEN: 'fake-token',
    DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_PUBLIC_KEY: keys?.publicKeyHex,
    discordEnabled: true,
  } as Config;
  const adapter = await startDiscord(app, config, { deferAfterMs: o.deferAfterMs, restBoundMs: o.restBoundMs });
  app.adapters.push(adapter);
  let interactionsUrl: string | undefined;
  if (keys) {
    await http.listen(0, '127.0.0.1');
    interactionsUrl = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}/discord/interactions`;
  }

  const scene = (u: DiscordUser, channelId?: string) => ({
    user: { id: u.id, username: u.username },
    locale: u.locale,
    channelId: channelId ?? FAKE_CHANNEL_ID,
    memberPermissions: u.admin ? (BigInt(MEMBER_PERMISSIONS) | PERMISSIONS.ManageGuild).toString() : MEMBER_PERMISSIONS,
  });

  async function send(payload: ApiObject): Promise<Interacted> {
    if (keys) {
      const res = await fake.sendInteraction(interactionsUrl!, keys, payload);
      if (res.status !== 200) throw new Error(`interaction answered ${res.status}`);
      return { payload, initial: res.body as Interacted['initial'] };
    }
    fake.dispatch('INTERACTION_CREATE', payload);
    const cb = await fake.waitFor('POST', new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`));
    return { payload, initial: cb.body as Interacted['initial'] };
  }

  const isAnswer = (token: string) => (c: FakeCall) =>
    c.status < 400 && c.path.includes(`/webhooks/${FAKE_APPLICATION_ID}/${token}`) && (c.method === 'POST' || (c.method === 'PATCH' && decodeURIComponent(c.path).endsWith('/@original')));

  return {
    mode: o.mode, fake, app, bot, clock, adapter, logs, interactionsUrl, keys,
    owner: { id: FAKE_OWNER_ID, username: 'owner', locale: 'pl', admin: true },
    anna: { id: '1100000000000000401', username: 'anna', locale: 'pl' },
    ben: { id: '1100000000000000402', username: 'ben', locale: 'en-GB' },
    channel: FAKE_CHANNEL_ID,
    guild: FAKE_GUILD_ID,
    send,
    slash(user, name, options = {}, so = {}) {
      let opts: ApiObject[] = Object.entries(options).map(([n, value]) => ({ name: n, type: typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : typeof value === 'boolean' ? 5 : 3, value }));
      const path = so.path ?? [];
      for (let i = path.length - 1; i >= 0; i--) opts = [{ name: path[i], type: i === path.length - 1 ? 1 : 2, options: opts }];
      return send(chatInputInteraction({ ...scene(user, so.channelId), name, options: opts }));
    },
    submitModal(user, customId, fields, mo = {}) {
      return send(modalSubmitInteraction({ ...scene(user), custom_id: customId, fields, ...(mo.message ? { message: mo.message } : {}) }));
    },
    clickButton(user, customId, bo = {}) {
      return send(buttonInteraction({ ...scene(user), custom_id: customId, ...(bo.message ? { message: bo.message } : {}) }));
    },
    async answers(i, atLeast = 1) {
      const wanted = isAnswer(i.payload.token);
      const first = i.initial.type === 4 ? [i.initial.data ?? {}] : [];
      const all = () => [...first, ...fake.calls.filter(wanted).map((c) => c.body ?? {})];
      const deadline = Date.now() + 5000;
      while (all().length < atLeast && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return all();
    },
    async close() {
      await app.stop();
      await fake.close();
      await database.close();
    },
  };
}
