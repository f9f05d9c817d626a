// The composition root: the one file that knows every adapter. Reads the environment and starts the bot.
import { buildRegistry } from './commands/index.js';
import { withPlatforms } from './platforms.js';
import { calendarRoute } from './src/features/supervision/calendar.js';
import { configOrExit, exitWith as fail, type Config } from './src/config.js';
import { createApp, type App } from './src/app.js';
import { DatabaseError } from './src/db/errors.js';
import { createLogger } from './src/log.js';
import { OffsetClock, systemClock } from './src/schedule/clock.js';

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.LOG_LEVEL);
  const clock = config.playground ? new OffsetClock() : systemClock;
  let app: App;
  try {
    app = await createApp(config, log, withPlatforms(buildRegistry()), clock);
  } catch (e) {
    if (e instanceof DatabaseError) fail(e.message);
    throw e;
  }
  const host = config.HOST ?? (config.playground ? '127.0.0.1' : '0.0.0.0');
  await startAdapters(app, config, clock);
  try {
    await app.http.listen(config.PORT, host);
  } catch (e) {
    await app.stop();
    fail(`cannot listen on ${host}:${config.PORT} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); set PORT to a free port`);
  }
  app.runner.start();
  log.info({ port: config.PORT, host, database: app.database.kind, adapters: app.adapters.map((a) => a.name) }, 'sojusz is running');
  if (config.playground) {
    process.stdout.write(`\nSojusz playground: http://${host === '0.0.0.0' ? 'localhost' : host}:${config.PORT}  (local only: bound to ${host})\n\n`);
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const hard = setTimeout(() => process.exit(1), 15_000).unref();
    await app.stop();
    clearTimeout(hard);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
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
    const { startPlayground } = await import('./adapters/web/index.js');
    app.adapters.push(await startPlayground(app, config, clock));
  }
}

main().catch((e) => {
  process.stderr.write(`sojusz: could not start: ${(e as Error).message}\n`);
  process.exit(1);
});
