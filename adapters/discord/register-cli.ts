// `npm run discord:register [--guild <id>]`: put the registry's commands on Discord, changing only what differs.
import { buildRegistry } from '../../commands/index.js';
import { registerCommands } from './commands/register.js';
import { makeRest } from './rest.js';

const args = process.argv.slice(2);
const guildAt = args.indexOf('--guild');
const guild = guildAt >= 0 ? args[guildAt + 1] : undefined;
const token = process.env.DISCORD_TOKEN;
const app = process.env.DISCORD_APPLICATION_ID;
if (!token || !app) {
  process.stderr.write('discord:register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID\n');
  process.exit(2);
}
if (guildAt >= 0 && !guild) {
  process.stderr.write('usage: npm run discord:register [-- --guild <guild id>]\n');
  process.exit(2);
}
const report = await registerCommands(makeRest(token, process.env.DISCORD_API_URL), app, buildRegistry(), guild);
const line = (what: string, names: string[]) => names.length && process.stdout.write(`${what}: ${names.map((n) => `/${n}`).join(', ')}\n`);
process.stdout.write(`Discord commands (${report.scope})\n`);
line('created', report.created);
line('updated', report.updated);
line('removed', report.removed);
line('unchanged', report.unchanged);
if (!report.created.length && !report.updated.length && !report.removed.length) process.stdout.write('nothing to change\n');
