// Starting and stopping the core: database, secret, bot, HTTP server and the scheduler, without any adapter.
import type { Logger } from 'pino';
import { ConfigError, type Config } from './config.js';
import { Bot } from './core/bot.js';
import { loadOrCreateSecret, Secrets } from './core/secrets.js';
import { openPglite, openPostgres, type Database } from './db/client.js';
import { HttpServer } from './http/server.js';
import { systemClock, type Clock } from './schedule/clock.js';
import { Runner } from './schedule/runner.js';
import type { Registry } from './core/registry.js';
import { outboxBacklog } from './schedule/outbox.js';
import { matchesKeyCheck } from './ops/key-check.js';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

/** How long a stop waits for the commands, form submissions and button presses already accepted (see App.stop). */
export const STOP_DRAIN_MS = 8_000;

/** What main.ts gets back from an adapter it started. */
export interface RunningAdapter {
  name: string;
  /** Connected and able to serve (for /healthz). */
  healthy(): boolean | Promise<boolean>;
  /** Read no new events (a Socket Mode or gateway connection disconnects); what was accepted still gets answered. */
  stopTaking?(): Promise<void>;
  /** Close the platform's clients: nothing is answered after this. */
  stop(): Promise<void>;
}

export interface App {
  bot: Bot;
  http: HttpServer;
  runner: Runner;
  database: Database;
  adapters: RunningAdapter[];
  /** Stop: within STOP_DRAIN_MS plus the closing (see stopApp). Called again, the same stop. */
  stop(): Promise<void>;
}

export async function openDatabase(config: Config): Promise<Database> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPglite(config.DATA_DIR);
}

/** One line for a secret that is not the data's, naming where the one in use came from. */
function secretMismatch(config: Config): ConfigError {
  const file = resolve(config.DATA_DIR, 'secret');
  const rotating = 'to change the secret, see docs/operations.md → Rotating SOJUSZ_SECRET';
  if (!config.SOJUSZ_SECRET) {
    return new ConfigError(file, `does not match the secret this database was made with (a restored pg/ backup needs the secret file saved with it, or set SOJUSZ_SECRET to that secret); ${rotating}`);
  }
  const where = !config.DATABASE_URL && existsSync(file) ? ` (it may be the one in ${file}: unset SOJUSZ_SECRET or set it to that)` : '';
  return new ConfigError('SOJUSZ_SECRET', `does not match the secret this database was made with${where}; ${rotating}`);
}

/** `database`: an already open one (tests); the caller then owns it and closes it. */
export async function createApp(config: Config, log: Logger, registry: Registry, clock: Clock = systemClock, given?: Database): Promise<App> {
  // The secret before the database: a bad secret file stops the start before anything is opened.
  const file = resolve(config.DATA_DIR, 'secret');
  const generated = !config.SOJUSZ_SECRET && !existsSync(file);
  const secrets = new Secrets(config.SOJUSZ_SECRET ?? loadOrCreateSecret(config.DATA_DIR));
  const database = given ?? (await openDatabase(config));
  try {
    // Another secret than the data's would open nothing sealed: every member would get only apologies.
    if (!(await database.db.transaction((tx) => matchesKeyCheck(tx, secrets)))) {
      // A secret made just now opens nothing here; left behind, the next start would take it for the right one.
      if (generated) rmSync(file, { force: true });
      throw secretMismatch(config);
    }
  } catch (e) {
    if (!given) await database.close();
    throw e;
  }
  const bot = new Bot({ database, clock, secrets, log, registry, maxInFlight: config.SOJUSZ_MAX_IN_FLIGHT });
  bot.refreshGauges = async () => {
    const { due, oldestDueSeconds } = await outboxBacklog(bot.db, clock.now());
    bot.metrics.outboxDepth.set(due);
    bot.metrics.outboxAge.set(oldestDueSeconds);
  };
  for (const h of registry.hooks) await h.onStart?.(bot);
  const http = new HttpServer(bot, { metricsToken: config.METRICS_TOKEN });
  const runner = new Runner(bot);
  let stopped: Promise<void> | undefined;
  const app: App = {
    bot,
    http,
    runner,
    database,
    adapters: [],
    stop: () => (stopped ??= stopApp(app, given === undefined)),
  };
  http.health.push(async () => (await Promise.all(app.adapters.map((a) => a.healthy()))).every(Boolean));
  // Liveness, apart from /healthz (readiness): the process runs and answers. A database outage fails /healthz, so a
  // load balancer stops sending it traffic, but not this: restarting the bot would not bring PostgreSQL back.
  http.mount('/livez', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
  });
  return app;
}

/**
 * The order matters: a member whose command was acknowledged has been promised an answer, and SIGTERM must not
 * swallow it (README: stopped within 10 s, nothing left half-sent).
 * 1. Take nothing new: HTTP requests get 503 (/healthz too, so the load balancer takes the replica out; Slack resends
 *    events elsewhere) — except the platforms' endpoints, which answer a command or a press "restarting" (a 503 would
 *    show the platform's own error) and still take form submissions —, Socket Mode and the gateway disconnect so new
 *    events go to another connection, the scheduler claims nothing more.
 * 2. Wait, at most STOP_DRAIN_MS from the start, for the commands, submissions and button presses already accepted
 *    to be answered (their answers go by the platforms' APIs, which need neither our server nor a socket), and for
 *    outbox sends under way.
 * 3. Only then close the platform clients, the HTTP server and the database.
 */
async function stopApp(app: App, closeDatabase: boolean): Promise<void> {
  const { bot, http, runner } = app;
  const until = Date.now() + STOP_DRAIN_MS;
  // First of all: what reaches a platform endpoint from now on is answered "restarting" (adapters read this).
  bot.stopping = true;
  http.refuseNew();
  await Promise.all(app.adapters.map((a) => a.stopTaking?.().catch(() => undefined)));
  const left = Math.max(0, until - Date.now());
  const [unfinished] = await Promise.all([bot.admission.settle(left), runner.stop(left)]);
  // A count only: which member, or what they asked, is not the log's business.
  if (unfinished) bot.log.warn({ unfinished }, 'stopping before every accepted command, submission or button press was answered');
  for (const a of app.adapters) await a.stop().catch(() => {});
  await http.close();
  if (closeDatabase) await app.database.close();
}
