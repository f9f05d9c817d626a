// `npm run discord:register [-- --guild <id>] [--dry-run]`: put the registry's commands on Discord, changing only what
// differs; `--dry-run` prints what would change and writes nothing.
import { Routes } from 'discord.js';
import { buildRegistry } from '../../commands/index.js';
import { toDiscordCommand } from './commands/build.js';
import { planCommands, type ExistingCommand } from './commands/diff.js';
import { registerCommands, type RegisterReport } from './commands/register.js';
import { makeRest } from './rest.js';
import { unanswered } from './errors.js';

const USAGE = `usage: npm run discord:register [-- --guild <guild id>] [--dry-run]
  registers the bot's slash commands with Discord (DISCORD_TOKEN, DISCORD_APPLICATION_ID; DISCORD_API_URL to override)
  --guild <id>   in one server only (shows at once; global commands can take a while)
  --dry-run      print what would be created, updated or removed, and change nothing
  in the Docker image: docker compose run --rm bot node dist/adapters/discord/register-cli.js [--guild <id>] [--dry-run]
`;

/** One line and exit code 2, as the bot's own start does: no stack trace for an operator's mistake. */
function stop(line: string): never {
  process.stderr.write(`discord:register: ${line}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const guildAt = args.indexOf('--guild');
const guild = guildAt >= 0 ? args[guildAt + 1] : undefined;
const dryRun = args.includes('--dry-run');
const known = args.every((a, i) => a === '--dry-run' || a === '--guild' || (guildAt >= 0 && i === guildAt + 1));
const token = process.env.DISCORD_TOKEN;
const app = process.env.DISCORD_APPLICATION_ID;
if (!known || (guildAt >= 0 && (!guild || guild.startsWith('--')))) {
  process.stderr.write(USAGE);
  process.exit(2);
}
if (!token || !app) stop(`${!token ? 'DISCORD_TOKEN' : 'DISCORD_APPLICATION_ID'} — required (the bot token, and the application id from General Information)`);

/** What Discord's refusal means for the operator, naming the variable (or option) to fix. */
function refusal(e: unknown): string | undefined {
  const err = e as { name?: string; status?: number; code?: number };
  if (!String(err.name).startsWith('DiscordAPIError') || typeof err.status !== 'number') return undefined;
  if (err.status === 401) return `DISCORD_TOKEN — Discord refused it (401): copy the bot token again (Developer Portal → Bot → Reset Token)`;
  if (guild && (err.code === 50001 || err.code === 10004)) {
    return `--guild ${guild} — no access (${err.code}): is the bot in that server, invited with the applications.commands scope?`;
  }
  if (err.status === 403 || err.status === 404) return `DISCORD_APPLICATION_ID — no access (${err.code}): set it to this bot's application id (General Information → Application ID)`;
  return undefined;
}

/**
 * A request that never got Discord's answer — nothing listening, no such host, or no answer within @discordjs/rest's
 * timeout (after its own retries) — as one line naming DISCORD_API_URL when it is set, as the bot's start does for
 * SLACK_API_URL.
 */
function unreachable(e: unknown): string | undefined {
  const no = unanswered(e);
  if (!no) return undefined;
  const what = no.kind === 'timeout' ? 'no answer in time' : no.code;
  const url = process.env.DISCORD_API_URL;
  return url
    ? `DISCORD_API_URL — Discord did not answer at ${url} (${what}): check the URL and the network`
    : `Discord did not answer (${what}): check the network and run it again`;
}

async function dryReport(): Promise<RegisterReport> {
  const rest = makeRest(token, process.env.DISCORD_API_URL);
  const list = guild ? Routes.applicationGuildCommands(app!, guild) : Routes.applicationCommands(app!);
  const existing = (await rest.get(list, { query: new URLSearchParams({ with_localizations: 'true' }) })) as ExistingCommand[];
  const plan = planCommands(existing, buildRegistry().commands.map(toDiscordCommand));
  return {
    scope: guild ? `guild ${guild}` : 'global',
    created: plan.create.map((c) => c.name),
    updated: plan.update.map((u) => u.command.name),
    removed: plan.remove.map((r) => r.name),
    unchanged: plan.unchanged,
  };
}

let report: RegisterReport;
try {
  report = dryRun ? await dryReport() : await registerCommands(makeRest(token, process.env.DISCORD_API_URL), app, buildRegistry(), guild);
} catch (e) {
  const line = refusal(e) ?? unreachable(e);
  if (!line) throw e;
  stop(line);
}
const would = dryRun ? 'would be ' : '';
const line = (what: string, names: string[]) => names.length && process.stdout.write(`${what}: ${names.map((n) => `/${n}`).join(', ')}\n`);
process.stdout.write(`Discord commands (${report.scope})${dryRun ? ', dry run: nothing changed' : ''}\n`);
line(`${would}created`, report.created);
line(`${would}updated`, report.updated);
line(`${would}removed`, report.removed);
line('unchanged', report.unchanged);
if (!report.created.length && !report.updated.length && !report.removed.length) process.stdout.write('nothing to change\n');
