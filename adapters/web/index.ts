// The web playground adapter: the whole bot in a browser, on the shared HTTP server, with a sample team.
import type { App, RunningAdapter } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { ensureTeam } from '../../src/core/teams.js';
import type { OffsetClock } from '../../src/schedule/clock.js';
import { playgroundApi } from './api.js';
import { WebPort } from './port.js';
import { ensureSampleTeam } from './sample.js';
import { TEAM, TEAM_NAME } from './workspace.js';

export { WebPort } from './port.js';

/** Attach the playground's port, set up the sample team on first start and serve the page and its API. */
export async function startPlayground(app: App, _config: Config, clock: OffsetClock): Promise<RunningAdapter & { port: WebPort }> {
  const { bot } = app;
  const port = new WebPort(bot);
  bot.attach(port);
  const sample = await ensureSampleTeam(bot, port);
  if (sample.created) bot.log.info({ ran: sample.ran.length, missing: sample.missing }, 'playground sample team set up');
  const teamId = async () => (await ensureTeam(bot.db, 'web', TEAM, TEAM_NAME)).id;
  app.http.setFallback(playgroundApi(bot, port, clock, teamId));
  return {
    name: 'web',
    port,
    healthy: () => true,
    async stop() {
      port.events.removeAllListeners();
    },
  };
}
