// The web playground adapter: the whole bot in a browser, on the shared HTTP server, with a sample team.
import type { App, RunningAdapter } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { ensureTeam } from '../../src/core/teams.js';
import type { OffsetClock } from '../../src/schedule/clock.js';
import { playgroundApi } from './api.js';
import { ownHostOnly } from './bind.js';
import { WebPort } from './port.js';
import { ensureSampleTeam } from './sample.js';
import { otherPlatforms, restoreOffset } from './time.js';
import { TEAM, TEAM_NAME } from './workspace.js';

export { WebPort } from './port.js';

/** The playground will not run on this database; the message is the one line main.ts prints before exit code 2. */
export class PlaygroundRefused extends Error {
  override readonly name = 'PlaygroundRefused';
}

/** Attach the playground's port, set up the sample team on first start and serve the page and its API. */
export async function startPlayground(app: App, _config: Config, clock: OffsetClock): Promise<RunningAdapter & { port: WebPort }> {
  const { bot } = app;
  const others = await otherPlatforms(bot.db);
  if (others.length) {
    throw new PlaygroundRefused(
      `the playground will not start on a database that already holds ${others.join(' and ')} teams: its time control would fire their schedules early. Give the playground a database of its own (unset DATABASE_URL, or another DATA_DIR)`,
    );
  }
  // No login: every route of the server (health, metrics and feeds too) answers only requests addressed to this
  // computer, so a page elsewhere that points its own name here (DNS rebinding) reads nothing.
  app.http.acceptHost = ownHostOnly;
  const port = new WebPort(bot);
  bot.attach(port);
  // The clock first, so the sample team and everything after it see the time the playground had reached.
  restoreOffset(clock, await ensureTeam(bot.db, 'web', TEAM, TEAM_NAME));
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
