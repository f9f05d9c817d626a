// `npm run slack:manifest -- --url https://bot.example.org [--socket]`: prints the app manifest as JSON.
import { buildRegistry } from '../../commands/index.js';
import { buildManifest } from './manifest.js';

const USAGE = 'usage: npm run slack:manifest -- --url https://bot.example.org   (or --socket for Socket Mode)\n';
const args = process.argv.slice(2);
const at = args.indexOf('--url');
const url = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--url='))?.slice(6);
const socketMode = args.includes('--socket');
if (!url && !socketMode) {
  process.stderr.write(USAGE);
  process.exit(2);
}
// Slack sends requests to https URLs only; a bare host name would make request URLs Slack rejects when pasted.
if (url && !socketMode && !/^https:\/\/[^/\s]+/.test(url)) {
  process.stderr.write(`slack:manifest: --url — expected the bot's public base URL starting with https://, e.g. https://bot.example.org (got ${url})\n`);
  process.exit(2);
}
const manifest = buildManifest(buildRegistry(), { url: url ?? 'https://example.invalid', socketMode });
// Socket Mode serves one workspace with SLACK_BOT_TOKEN (the OAuth install is HTTP only): no redirect URL to offer,
// and a placeholder one would be pasted into Slack as it is.
const printed = socketMode ? { ...manifest, oauth_config: { scopes: manifest.oauth_config.scopes } } : manifest;
process.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
