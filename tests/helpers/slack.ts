// A whole bot on a fake Slack, for protocol tests: real signed HTTP requests into the running Bolt app.
//
// Usage (one Slack flow test per feature):
//
//   const h = await startSlackHarness();                  // fake Slack + the bot, PGlite (or TEST_DATABASE_URL)
//   await h.command('U_ANNA', '/sojusz help', { channel: 'C_GENERAL' });   // signed slash command, acked
//   const answer = await h.fake.waitFor('response_url');   // private answer (ephemeral via response_url)
//   const open = await h.fake.waitFor('views.open');       // a form opened as a modal
//   const ack = await h.submitView('U_ANNA', open.args.view, { field_id: 'value' });  // → ack JSON (errors/update) or undefined
//   await h.clickButton('U_ANNA', 'action:id', 'value', { channel: 'C1', ts: '1700000000.000100' });
//   await h.event({ type: 'app_home_opened', user: 'U_ANNA', tab: 'home' });
//   h.clock.advance(...); await h.bot.runDueWork();       // scheduled work and the outbox
//   h.fake.callsTo('chat.postMessage')                    // what the bot said, as Slack received it
//   await h.close();
//
// Members are plain Slack ids; make one an admin (facilitator) or Polish with
// `h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' })` before their first action (cached 5 minutes).
// Handling happens after the ack, so wait on `h.fake.waitFor(method, predicate)` rather than sleeping.
import type { AddressInfo } from 'node:net';
import { buildRegistry } from '../../commands/index.js';
import { withPlatforms } from '../../platforms.js';
import { startSlack, type RunningSlack } from '../../adapters/slack/index.js';
import { createApp, type App } from '../../src/app.js';
import type { Bot } from '../../src/core/bot.js';
import type { Registry } from '../../src/core/registry.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { ManualClock } from '../../src/schedule/clock.js';
import {
  eventBody,
  FORM_CONTENT_TYPE,
  interactionBody,
  JSON_CONTENT_TYPE,
  postSigned,
  slashCommandBody,
  startFakeSlack,
  type FakeSlack,
  type FakeSlackOptions,
  type RecordedCall,
  type SignedResponse,
} from '../fakes/slack/index.js';
import { captureLogs, TEST_SECRET } from './bot.js';
import { testDatabase } from './db.js';

export const SIGNING_SECRET = 'test-signing-secret-slack';

export interface SlackHarnessOptions {
  registry?: Registry;
  /** ManualClock start (ISO). */
  start?: string;
  /** Multi-workspace OAuth instead of one bot token. */
  oauth?: boolean;
  /** Socket Mode (the fake's WebSocket) instead of HTTP. */
  socket?: boolean;
  fake?: FakeSlackOptions;
  /** SOJUSZ_MAX_IN_FLIGHT: commands handled at once before new ones are answered busy. */
  maxInFlight?: number;
}

export interface SlackHarness {
  fake: FakeSlack;
  app: App;
  bot: Bot;
  slack: RunningSlack;
  clock: ManualClock;
  /** The running bot's base URL, e.g. http://127.0.0.1:PORT */
  base: string;
  /** POST URL of /slack/events. */
  url: string;
  team: string;
  logs: string[];
  /** A signed slash command, e.g. ('U1', '/sojusz help', { channel: 'C1' }). */
  command(user: string, line: string, o?: { channel?: string }): Promise<SignedResponse>;
  /** Submit a modal as it was opened (`views.open` args.view) with values by field id; returns the ack body. */
  submitView(user: string, view: unknown, values: Record<string, string | string[]>): Promise<unknown>;
  /** Click a button (action_id as rendered) on a message. */
  clickButton(user: string, actionId: string, value?: string, message?: { channel: string; ts: string; thread_ts?: string }): Promise<SignedResponse>;
  /**
   * The first private answer containing `text` — through the command's response_url or chat.postEphemeral (to `user`,
   * when given), whichever the bot chose — already sent or still to come.
   */
  privately(text: string, user?: string, timeoutMs?: number): Promise<RecordedCall>;
  /** Wait until no call has come for `ms`, then forget the calls: a test then sees only what its own request caused. */
  quiet(ms?: number): Promise<void>;
  /** Deliver an Events API event; `retryNum` sends it as Slack's retry. */
  event(evt: Record<string, unknown>, o?: { eventId?: string; retryNum?: number }): Promise<SignedResponse>;
  close(): Promise<void>;
}

export async function startSlackHarness(o: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack({ socketPingMs: 0, ...o.fake });
  const database = await testDatabase();
  const clock = new ManualClock(o.start ?? '2026-03-02T08:00:00Z');
  const { logs, sink } = captureLogs();
  const config = loadConfig({
    SOJUSZ_SECRET: TEST_SECRET,
    LOG_LEVEL: 'debug',
    SLACK_API_URL: fake.apiUrl,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    ...(o.oauth ? { SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret-0123456789' } : { SLACK_BOT_TOKEN: 'xoxb-test-token' }),
    ...(o.socket ? { SLACK_APP_TOKEN: 'xapp-test-token' } : {}),
    ...(o.maxInFlight ? { SOJUSZ_MAX_IN_FLIGHT: String(o.maxInFlight) } : {}),
  });
  const app = await createApp(config, createLogger('debug', sink), o.registry ?? withPlatforms(buildRegistry()), clock, database);
  const slack = await startSlack(app, config);
  app.adapters.push(slack);
  await app.http.listen(0, '127.0.0.1');
  const { port } = app.http.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const url = `${base}/slack/events`;
  const team = fake.workspace.teamId;
  if (o.socket) await fake.waitForSocket();

  const send = (body: string, type: string, headers: Record<string, string> = {}) => postSigned(url, SIGNING_SECRET, body, type, headers);

  return {
    fake,
    app,
    bot: app.bot,
    slack,
    clock,
    base,
    url,
    team,
    logs,
    async quiet(ms = 300) {
      let n = -1;
      while (n !== fake.calls.length) {
        n = fake.calls.length;
        await new Promise((r) => setTimeout(r, ms));
      }
      fake.clear();
    },
    privately(text, user, timeoutMs = 15_000) {
      const mine = (c: RecordedCall) => c.method === 'response_url' || user === undefined || c.args.user === user;
      return fake.waitFor(['response_url', 'chat.postEphemeral'], (c) => mine(c) && JSON.stringify(c.args).includes(text), timeoutMs);
    },
    command(user, line, { channel = 'C_GENERAL' } = {}) {
      const [command, ...rest] = line.trim().split(/\s+/);
      const body = slashCommandBody({ command: command!, text: rest.join(' '), user_id: user, team_id: team, channel_id: channel, response_url: fake.responseUrl() });
      return send(body, FORM_CONTENT_TYPE);
    },
    async submitView(user, view, values) {
      const v = view as { blocks?: { block_id?: string; element?: { type: string; options?: { value: string }[] } }[] };
      const state: Record<string, Record<string, unknown>> = {};
      for (const b of v.blocks ?? []) {
        if (!b.block_id || !b.element) continue;
        const given = values[b.block_id];
        const e = b.element;
        const pick = (x: string) => e.options?.find((op) => op.value === x) ?? { value: x };
        if (e.type === 'plain_text_input') state[b.block_id] = { v: { type: e.type, value: given === undefined ? null : String(given) } };
        else if (e.type === 'conversations_select' || e.type === 'channels_select') state[b.block_id] = { v: { type: e.type, selected_conversation: given === undefined ? null : String(given) } };
        else if (e.type === 'checkboxes' || e.type === 'multi_static_select') state[b.block_id] = { v: { type: e.type, selected_options: ([] as string[]).concat(given ?? []).map(pick) } };
        else state[b.block_id] = { v: { type: e.type, selected_option: given === undefined ? null : pick(String(given)) } };
      }
      const payload = {
        type: 'view_submission',
        team: { id: team, domain: fake.workspace.teamDomain },
        user: { id: user, team_id: team },
        api_app_id: fake.workspace.appId,
        trigger_id: `${Date.now()}.1.abc`,
        view: { id: 'V_TEST', team_id: team, type: 'modal', ...(view as object), state: { values: state }, hash: 'h', app_id: fake.workspace.appId },
      };
      const res = await send(interactionBody(payload), FORM_CONTENT_TYPE);
      return res.json;
    },
    clickButton(user, actionId, value, message = { channel: 'C_GENERAL', ts: '1700000000.000100' }) {
      const payload = {
        type: 'block_actions',
        team: { id: team, domain: fake.workspace.teamDomain },
        user: { id: user, team_id: team },
        api_app_id: fake.workspace.appId,
        trigger_id: `${Date.now()}.1.abc`,
        response_url: fake.responseUrl(),
        channel: { id: message.channel },
        container: { type: 'message', message_ts: message.ts, channel_id: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) },
        message: { type: 'message', ts: message.ts, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) },
        actions: [{ type: 'button', action_id: actionId, block_id: 'b', ...(value !== undefined ? { value } : {}), action_ts: '1' }],
      };
      return send(interactionBody(payload), FORM_CONTENT_TYPE);
    },
    event(evt, { eventId, retryNum } = {}) {
      const body = eventBody(evt, { team_id: team, event_id: eventId, bot_user_id: fake.workspace.botUserId });
      return send(body, JSON_CONTENT_TYPE, retryNum ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {});
    },
    async close() {
      await app.stop();
      await database.close();
      await fake.close();
    },
  };
}
