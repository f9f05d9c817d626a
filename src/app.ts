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

/** What main.ts gets back from an adapter it started. */
export interface RunningAdapter {
  name: string;
  /** Connected and able to serve (for /healthz). */
  healthy(): boolean | Promise<boolean>;
  stop(): Promise<void>;
}

export interface App {
  bot: Bot;
  http: HttpServer;
  runner: Runner;
  database: Database;
  adapters: RunningAdapter[];
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
  const app: App = {
    bot,
    http,
    runner,
    database,
    adapters: [],
    async stop() {
      await runner.stop();
      for (const a of app.adapters) await a.stop().catch(() => {});
      await http.close();
      if (!given) await database.close();
    },
  };
  http.health.push(async () => (await Promise.all(app.adapters.map((a) => a.healthy()))).every(Boolean));
  return app;
}
