// One bench replica: the core with the Slack or Discord adapter and the Runner, on DATABASE_URL; starts on "go".
import { buildRegistry } from '../commands/index.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';

const config = loadConfig();
const app = await createApp(config, createLogger(config.LOG_LEVEL), buildRegistry());
if (config.slackEnabled) app.adapters.push(await (await import('../adapters/slack/index.js')).startSlack(app, config));
if (config.discordEnabled) app.adapters.push(await (await import('../adapters/discord/index.js')).startDiscord(app, config));
process.on('message', (m) => {
  if ((m as { go?: boolean }).go) app.runner.start();
});
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
process.send?.({ ready: true });
