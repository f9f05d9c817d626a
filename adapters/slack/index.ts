// The Slack adapter: a Bolt app over HTTP on the shared server, or over Socket Mode, bound to the core.
import { App as Bolt, HTTPModuleFunctions, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { App, RunningAdapter } from '../../src/app.js';
import { ConfigError, type Config } from '../../src/config.js';
import type { Bot } from '../../src/core/bot.js';
import { Clients, webClientOptions } from './clients.js';
import { answerUnread, guardAuthorize, isLookupFailed, refuseEventOverHttp } from './install/lookup.js';
import { oauthOptions } from './install/oauth.js';
import { DbInstallationStore } from './install/store.js';
import { SlackPort } from './port.js';
import { registerCommands } from './receive/commands.js';
import { registerEvents } from './receive/events.js';
import { slackListener } from './receive/http.js';
import { registerInteractions } from './receive/interactions.js';
import { OwedAcks } from './receive/acks.js';
import { Members } from './receive/members.js';
import { safeError } from '../../src/log.js';

export { SlackPort } from './port.js';
export { SLACK_LIMITS } from './render/limits.js';

export interface RunningSlack extends RunningAdapter {
  port: SlackPort;
  bolt: Bolt;
}

/** Bolt's warning when an installation lookup threw (App.processEvent). */
const AUTHORIZATION_FAILED = 'Authorization of incoming event did not succeed';

/** Bolt's log lines go to the bot's JSON log, without payloads (they may carry member text). */
function boltLogger(bot: Bot): BoltLogger {
  const log = bot.log.child({ adapter: 'slack' });
  let level = LogLevel.WARN;
  return {
    debug: () => {},
    info: () => {},
    warn: (...m: unknown[]) => {
      // Said for every request whose installation could not be read, which the error handler sees too (and during a
      // database outage must not log per request).
      if (String(m[0]).startsWith(AUTHORIZATION_FAILED)) return;
      log.warn({ bolt: String(m[0]).slice(0, 200) }, 'bolt warning');
    },
    error: (...m: unknown[]) => log.error({ error: m[0] instanceof Error ? safeError(m[0]) : { message: String(m[0]).slice(0, 200) } }, 'bolt error'),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}

/** Why a start-up call to Slack failed, for a one-line ConfigError: Slack's error code, or the network's. */
function slackFailure(e: unknown): { refused: boolean; code: string } {
  const err = e as { code?: string; data?: { error?: string }; original?: { code?: string; cause?: { code?: string }; message?: string }; statusCode?: number };
  if (err.code === webApi.ErrorCode.PlatformError) return { refused: true, code: err.data?.error ?? 'error' };
  if (err.code === webApi.ErrorCode.HTTPError) return { refused: false, code: `HTTP ${err.statusCode}` };
  return { refused: false, code: err.original?.code ?? err.original?.cause?.code ?? err.original?.message ?? err.code ?? String((e as Error).message) };
}

/** One line naming the variable at fault: the token Slack refused, or where Slack did not answer. */
function slackStartError(variable: string, again: string, e: unknown, config: Config): ConfigError {
  const { refused, code } = slackFailure(e);
  if (refused) return new ConfigError(variable, `Slack refused it (${code}): ${again}`);
  if (config.SLACK_API_URL) return new ConfigError('SLACK_API_URL', `Slack did not answer at ${config.SLACK_API_URL} (${code}): check the URL and the network`);
  return new ConfigError(variable, `could not be checked: Slack did not answer (${code}); check the network and start again`);
}

/**
 * The bot token, checked before Bolt sees it: Bolt's own check (auth.test in its constructor) is awaited by nobody,
 * so a revoked token crashed the bot with a stack trace after "sojusz is running".
 */
async function checkBotToken(config: Config): Promise<{ botId?: string; botUserId?: string }> {
  try {
    const who = await new webApi.WebClient(config.SLACK_BOT_TOKEN, webClientOptions(config.SLACK_API_URL)).auth.test();
    return { botId: who.bot_id, botUserId: who.user_id };
  } catch (e) {
    throw slackStartError('SLACK_BOT_TOKEN', 'copy the Bot User OAuth Token (OAuth & Permissions) again', e, config);
  }
}

export async function startSlack(app: App, config: Config): Promise<RunningSlack> {
  const { bot } = app;
  const slackApiUrl = config.SLACK_API_URL;
  const oauth = Boolean(config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET && config.SLACK_STATE_SECRET);
  const store = oauth ? new DbInstallationStore(bot) : undefined;
  const clients = new Clients({ slackApiUrl, botToken: oauth ? undefined : config.SLACK_BOT_TOKEN, store });
  const port = new SlackPort(clients, bot.clock, (code) =>
    bot.log.error(
      { adapter: 'slack', code },
      'Slack refused the bot token: SLACK_BOT_TOKEN was revoked or reinstalled. Nothing is sent until the bot restarts with the current Bot User OAuth Token; then what waited goes out, except supervision reminders for sessions that have begun meanwhile (called off by design)',
    ),
  );
  const members = new Members(clients);
  const logger = boltLogger(bot);
  const clientOptions = webClientOptions(slackApiUrl);
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  // With the token already checked, Bolt is given its answer instead of asking again unawaited.
  const single = oauth ? {} : { token: config.SLACK_BOT_TOKEN, ...(await checkBotToken(config)), tokenVerificationEnabled: false };
  const auth = oauth
    ? oauthOptions({ bot, store: store!, clients, clientId: config.SLACK_CLIENT_ID!, clientSecret: config.SLACK_CLIENT_SECRET!, stateSecret: config.SLACK_STATE_SECRET!, slackApiUrl, publicUrl: config.PUBLIC_URL })
    : undefined;

  let receiver: HTTPReceiver | undefined;
  let socket: SocketModeReceiver | undefined;
  if (socketMode) {
    socket = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN!,
      logger,
      // One workspace only: config.ts refuses Socket Mode with the OAuth install, so there is no installation to read.
      installerOptions: { clientOptions: slackApiUrl ? { slackApiUrl } : {} },
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET ?? '',
      logger,
      ...(auth ?? {}),
      processEventErrorHandler: refuseEventOverHttp(HTTPModuleFunctions.defaultProcessEventErrorHandler),
    });
  }
  // With OAuth, each request's installation is read from the database first: a failure there is answered, not silent
  // (install/lookup.ts). Bolt reads the installer's authorize when it is built, so it is wrapped before.
  const installer = (receiver ?? socket)?.installer;
  if (installer) installer.authorize = guardAuthorize(bot, installer.authorize);
  // No conversation state is kept in Bolt: the core's is in the database.
  const bolt = new Bolt({ receiver: (receiver ?? socket)!, ...single, clientOptions, logger, convoStore: false });
  bolt.error(async (e) => {
    // Handed back to the receiver, which refuses the event so that Slack sends it again.
    if (isLookupFailed(e)) throw e;
    bot.log.error({ adapter: 'slack', error: safeError(e) }, 'slack handler failed');
  });
  // Every command, submission, button press and event is accepted work until its handler is done: a stop waits for
  // it (over HTTP it joins the request it came in, see slackListener).
  bolt.use(({ next }) => bot.admission.track(next));
  // Only with OAuth is there an installation to read (and fail to read) before the listeners.
  if (installer) bolt.use(answerUnread(bot));
  const acks = new OwedAcks();

  bot.attach(port);
  registerCommands(bolt, bot, members);
  registerInteractions(bolt, bot, members, port, acks);
  registerEvents(bolt, bot, members, clients, store);

  // Over HTTP, Slack reaches us whenever we listen; over Socket Mode only while the WebSocket is up, so /healthz
  // follows it (a replica that cannot reconnect is taken out of rotation instead of silently missing commands).
  let connected = !socket;
  let stopping = false;
  if (socket) {
    socket.client.on('connected', () => void (connected = true));
    for (const state of ['disconnected', 'reconnecting']) socket.client.on(state, () => void (connected = false));
  }
  if (receiver) {
    const listener = slackListener(receiver, (work) => bot.admission.track(work), () => bot.stopping);
    // Commands and interactions reaching a stopping replica are answered with our words (receive/commands.ts and
    // interactions.ts), not a 503 that Slack shows as its own error; slackListener still turns events away.
    app.http.mount('/slack/events', listener, { duringStop: true });
    for (const path of ['/slack/install', '/slack/oauth_redirect']) app.http.mount(path, listener);
  } else {
    try {
      await bolt.start();
    } catch (e) {
      await bolt.stop().catch(() => {});
      // The bot token passed above, so what Slack refused here is the app-level token.
      throw slackStartError('SLACK_APP_TOKEN', 'copy the app-level token (Basic Information → App-Level Tokens, with connections:write) again', e, config);
    }
  }
  // Over HTTP the shared server turns new requests away (HttpServer.refuseNew). Socket Mode disconnects, so that Slack
  // sends new events to another connection; answers go by the Web API and response_url, which need no socket, but a
  // form submission still deciding its acknowledgement (within Slack's 3 s) needs it, so that one is sent first.
  let stopped: Promise<void> | undefined;
  const stopTaking = () =>
    (stopped ??= (async () => {
      stopping = true;
      if (!socketMode) return;
      await acks.paid();
      await bolt.stop().catch(() => {});
    })());
  return {
    name: socketMode ? 'slack (socket mode)' : 'slack',
    port,
    bolt,
    // A refused token: unhealthy, so that whoever watches /healthz sees it.
    healthy: () => connected && !stopping && !port.tokenRefused,
    stopTaking,
    stop: stopTaking,
  };
}
