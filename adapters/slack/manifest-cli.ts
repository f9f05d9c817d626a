// `npm run slack:manifest -- --url https://bot.example.org [--socket]`: prints the app manifest as JSON.
import { buildRegistry } from '../../commands/index.js';
import { buildManifest } from './manifest.js';

const args = process.argv.slice(2);
const at = args.indexOf('--url');
const url = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--url='))?.slice(6);
const socketMode = args.includes('--socket');
if (!url && !socketMode) {
  process.stderr.write('usage: npm run slack:manifest -- --url https://bot.example.org   (or --socket for Socket Mode)\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(buildManifest(buildRegistry(), { url: url ?? 'https://example.invalid', socketMode }), null, 2)}\n`);
