// Starting and stopping the core: database, secret, bot, HTTP server and the scheduler, without any adapter.
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { Bot } from './core/bot.js';
import { loadOrCreateSecret, Secrets } from './core/secrets.js';
import { openPglite, openPostgres, type Database } from './db/client.js';
import { HttpServer } from './http/server.js';
import { systemClock, type Clock } from './schedule/clock.js';
import { Runner } from './schedule/runner.js';
import type { Registry } from './core/registry.js';
import { outboxBacklog } from './schedule/outbox.js';

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

/** `database`: an already open one (tests); the caller then owns it and closes it. */
export async function createApp(config: Config, log: Logger, registry: Registry, clock: Clock = systemClock, given?: Database): Promise<App> {
  const database = given ?? (await openDatabase(config));
  const secret = config.SOJUSZ_SECRET ?? loadOrCreateSecret(config.DATA_DIR);
  const bot = new Bot({ database, clock, secrets: new Secrets(secret), log, registry, maxInFlight: config.SOJUSZ_MAX_IN_FLIGHT });
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
