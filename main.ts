// The composition root: the one file that knows every adapter. Reads the environment and starts the bot.
import type { AddressInfo } from 'node:net';
import { playgroundHost, urlHost } from './adapters/web/bind.js';
import { buildRegistry } from './commands/index.js';
import { withPlatforms } from './platforms.js';
import { calendarRoute } from './src/features/supervision/calendar.js';
import { ConfigError, configOrExit, exitWith as fail, type Config } from './src/config.js';
import { createApp, type App } from './src/app.js';
import { DatabaseError } from './src/db/errors.js';
import { createLogger } from './src/log.js';
import { OffsetClock, systemClock } from './src/schedule/clock.js';
import pkg from './package.json' with { type: 'json' };

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.LOG_LEVEL);
  // Caught from the first moment, not once running: a SIGTERM between "sojusz is running" and the handler would
  // otherwise kill the process outright (no clean stop, the data directory lock left behind).
  const signals = stopOnSignals(log);
  const clock = config.playground ? new OffsetClock() : systemClock;
  let app: App;
  try {
    app = await createApp(config, log, withPlatforms(buildRegistry()), clock);
  } catch (e) {
    if (e instanceof DatabaseError) fail(e.message);
    if (e instanceof ConfigError) fail(`${e.variable} — ${e.expected}`);
    throw e;
  }
  // Once, by the replica that applied them (the others wait on the migration lock and find nothing new).
  if (app.database.migrated.length) log.info({ migrations: app.database.migrated }, 'migrations applied');
  // Its running lock went with a lost connection and a secret rotation took it meanwhile: going on would seal new data
  // under the old secret beside the rotation. Stopped like a start that cannot work (exit code 2).
  app.database.onRotation = () => {
    log.error('a secret rotation (npm run rotate-secret) started while the database connection was lost: stopping; start the bot when it has finished, with the new SOJUSZ_SECRET');
    void app.stop().finally(() => process.exit(2));
  };
  // A signal that came while the database opened: stop now, before any adapter connects or the port opens.
  if (signals.stopping()) return signals.started(app);
  // The playground has no login: it stays on this computer whatever HOST says (the Docker image sets 0.0.0.0).
  const bind: { host: string; ignored?: string } = config.playground ? playgroundHost(config.HOST) : { host: config.HOST ?? '0.0.0.0' };
  const host = bind.host;
  try {
    await startAdapters(app, config, clock);
  } catch (e) {
    const line = startFailure(e);
    if (!line) throw e;
    await app.stop();
    fail(line);
  }
  if (signals.stopping()) return signals.started(app);
  try {
    await app.http.listen(config.PORT, host);
  } catch (e) {
    await app.stop();
    fail(listenFailure(host, config.PORT, e));
  }
  app.runner.start();
  // What the server really got (PORT=0 picks a free port).
  const bound = app.http.server.address() as AddressInfo;
  log.info({ version: pkg.version, port: bound.port, host: bound.address, database: app.database.kind, adapters: app.adapters.map((a) => a.name) }, 'sojusz is running');
  if (config.playground) {
    const ignored = bind.ignored
      ? `HOST=${bind.ignored} is not used: the playground has no login, so it answers on this computer only. Set Slack or Discord variables to serve a team on ${bind.ignored}.\n`
      : '';
    process.stdout.write(`\nSojusz playground: http://${urlHost(bound)}  (local only: bound to ${bound.address})\n${ignored}\n`);
  }
  signals.started(app);
}

/** The README's promise, stopped within 10 s of the signal: just before Docker's own grace ends in a SIGKILL. */
const HARD_STOP_MS = 9_800;

/**
 * SIGTERM/SIGINT stop the app cleanly: new requests are turned away, what was already accepted is answered (at most
 * 8 s, see App.stop), then everything closes; whatever still holds it at HARD_STOP_MS ends with exit 1. One that comes
 * during start-up waits for the app being started, which checks `stopping()` between its steps so that nothing more
 * starts after it.
 */
function stopOnSignals(log: ReturnType<typeof createLogger>): { started: (app: App) => void; stopping: () => boolean } {
  let running: ((app: App) => void) | undefined;
  const app = new Promise<App>((resolve) => (running = resolve));
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const hard = setTimeout(() => process.exit(1), HARD_STOP_MS).unref();
    await (await app).stop();
    clearTimeout(hard);
    log.info('stopped');
    // pino writes synchronously to stdout by default, so the line is out before the exit.
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return { started: running!, stopping: () => stopping };
}

async function startAdapters(app: App, config: Config, clock: OffsetClock | typeof systemClock): Promise<void> {
  // Private calendar subscription feeds (/calendar/<token>.ics), linked from /supervision calendar.
  app.bot.publicUrl = config.PUBLIC_URL;
  app.http.mount('/calendar', calendarRoute(app.bot));
  if (config.slackEnabled) {
    const { startSlack } = await import('./adapters/slack/index.js');
    app.adapters.push(await startSlack(app, config));
  }
  if (config.discordEnabled) {
    // Loaded only when used: each platform SDK costs tens of megabytes per process.
    const { startDiscord } = await import('./adapters/discord/index.js');
    app.adapters.push(await startDiscord(app, config));
  }
  if (config.playground && clock instanceof OffsetClock) {
    const { startPlayground, PlaygroundRefused } = await import('./adapters/web/index.js');
    try {
      app.adapters.push(await startPlayground(app, config, clock));
    } catch (e) {
      if (!(e instanceof PlaygroundRefused)) throw e;
      await app.stop();
      fail(e.message);
    }
  }
}

/** One line for a platform that refused the bot at start (a wrong or revoked token), naming the variable. */
function startFailure(e: unknown): string | undefined {
  if (e instanceof ConfigError) return `${e.variable} — ${e.expected}`;
  // discord.js's login: Discord answered 401 to the token (no import of discord.js here: it loads only when used).
  if ((e as { code?: unknown }).code === 'TokenInvalid') return 'DISCORD_TOKEN — Discord refused it (invalid token): copy the bot token again (Developer Portal → Bot → Reset Token)';
  return undefined;
}

/** One line for a port or address the server could not take, naming the variable that fixes it. */
function listenFailure(host: string, port: number, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  const fix =
    code === 'EADDRINUSE'
      ? 'set PORT to a free port'
      : code === 'EACCES'
        ? port < 1024
          ? 'ports below 1024 need privileges: set PORT to 1024 or above'
          : 'set PORT to a port this user may open'
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? 'set HOST to an address of this machine, or leave it unset'
          : 'check PORT and HOST';
  return `cannot listen on ${host}:${port} (${code}); ${fix}`;
}

main().catch((e) => {
  process.stderr.write(`sojusz: could not start: ${(e as Error).message}\n`);
  process.exit(1);
});
