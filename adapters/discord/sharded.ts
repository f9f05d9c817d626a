// `npm run start:sharded`: discord.js ShardingManager spawns main.ts (through shard-entry) once per shard (SHARDS=n,
// or 'auto' from Discord), and on SIGTERM / SIGINT stops every shard gracefully before it exits itself.
import { ShardingManager } from 'discord.js';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { configOrExit, exitWith as fail } from '../../src/config.js';

/** How long the shards get to stop (each stops its own work within 10 s), before the rest is killed. */
const STOP_MS = 15_000;


// The whole environment is checked once here, before any shard starts, with the same one line as `npm start`.
const config = configOrExit();
const token = config.DISCORD_TOKEN;
if (!token) fail('DISCORD_TOKEN — required by start:sharded (Discord gateway mode), with DISCORD_APPLICATION_ID');
if (config.DISCORD_PUBLIC_KEY) fail('DISCORD_PUBLIC_KEY — leave unset for start:sharded: shards are for the gateway; HTTP interactions scale with more `npm start` replicas');
if (!config.DATABASE_URL) fail('DATABASE_URL — required by start:sharded: the shards are separate processes and share work through PostgreSQL (PGlite is single-process)');
const shards = config.shards;
// Shard n serves HTTP on PORT + n (shard-entry.ts).
if (config.PORT === 0 || (shards !== 'auto' && config.PORT + shards - 1 > 65535)) {
  fail(`PORT — shard n serves on PORT + n: expected a port from 1 to ${shards === 'auto' ? 65535 : 65536 - shards}`);
}
// From sources (npm run dev tooling) the entry is TypeScript and needs tsx; from dist/ it is the built bundle.
const fromSources = import.meta.url.endsWith('.ts');
const manager = new ShardingManager(fileURLToPath(new URL(fromSources ? './shard-entry.ts' : './shard-entry.js', import.meta.url)), {
  token,
  totalShards: shards,
  // Each shard is a full bot process; they coordinate through PostgreSQL (DATABASE_URL), never PGlite.
  execArgv: fromSources ? ['--import', 'tsx'] : ['--enable-source-maps'],
});
manager.on('shardCreate', (shard) => process.stdout.write(`sojusz: shard ${shard.id} started\n`));

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`sojusz: ${signal}, stopping ${manager.shards.size} shard(s)\n`);
  const children = [...manager.shards.values()].map((s) => s.process).filter((p): p is ChildProcess => Boolean(p && p.exitCode === null));
  const exited = children.map((p) => new Promise<void>((ok) => p.once('exit', () => ok())));
  // Shard.kill() drops discord.js's respawn listener first, then sends SIGTERM: each shard shuts down as a
  // single `npm start` would (stops claiming, releases what it holds, closes the database).
  for (const s of manager.shards.values()) s.kill();
  const timer = setTimeout(() => {
    for (const p of children) if (p.exitCode === null) p.kill('SIGKILL');
  }, STOP_MS);
  await Promise.all(exited);
  clearTimeout(timer);
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await manager.spawn();
