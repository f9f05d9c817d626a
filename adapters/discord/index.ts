// The Discord adapter: gateway mode (DISCORD_TOKEN) or HTTP interactions (DISCORD_PUBLIC_KEY), one port over @discordjs/rest.
import type { App, RunningAdapter } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { startGateway } from './gateway/index.js';
import { interactionsListener } from './http/index.js';
import { DiscordPort } from './port.js';
import { makeRest } from './rest.js';

export { DiscordPort } from './port.js';
export { DISCORD_LIMITS } from './render/limits.js';
export { registerCommands } from './commands/register.js';
export { toDiscordCommand } from './commands/build.js';

export interface DiscordStartOptions {
  /** How long a handler may take before the interaction is deferred (Discord allows 3 s). */
  deferAfterMs?: number;
  /** How long a REST call may take before it rejects as a timeout (rest.ts REST_BOUND_MS); tests shorten it. */
  restBoundMs?: number;
}

/** Start Discord: HTTP interactions when DISCORD_PUBLIC_KEY is set (stateless), else the gateway. */
export async function startDiscord(app: App, config: Config, opts: DiscordStartOptions = {}): Promise<RunningAdapter> {
  const applicationId = config.DISCORD_APPLICATION_ID;
  if (!applicationId) throw new Error('DISCORD_APPLICATION_ID is required for Discord');
  const rest = makeRest(config.DISCORD_TOKEN, config.DISCORD_API_URL, { boundMs: opts.restBoundMs });
  const port = new DiscordPort(rest, applicationId, app.bot);
  app.bot.attach(port);
  if (config.DISCORD_PUBLIC_KEY) {
    app.http.mount('/discord/interactions', interactionsListener({ bot: app.bot, port, publicKeyHex: config.DISCORD_PUBLIC_KEY, deferAfterMs: opts.deferAfterMs }), { duringStop: true });
    app.bot.log.info({ path: '/discord/interactions' }, 'discord HTTP interactions mounted');
    // Interactions still arrive and are answered (their webhooks need no bot token), but nothing can be posted once
    // Discord refused the token: unhealthy, so that whoever watches /healthz sees it.
    return { name: 'discord-http', healthy: () => !port.tokenRefused, stop: async () => undefined };
  }
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is required for the Discord gateway');
  return startGateway({ bot: app.bot, port, token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, deferAfterMs: opts.deferAfterMs });
}
