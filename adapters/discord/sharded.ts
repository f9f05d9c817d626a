// `npm run start:sharded`: discord.js ShardingManager spawns main.ts (through shard-entry.ts) once per shard (SHARDS=n, or 'auto' from Discord).
import { ShardingManager } from 'discord.js';
import { fileURLToPath } from 'node:url';

const token = process.env.DISCORD_TOKEN;
if (!token) {
  process.stderr.write('start:sharded needs DISCORD_TOKEN (gateway mode)\n');
  process.exit(2);
}
const shards = process.env.SHARDS ? Number(process.env.SHARDS) : 'auto';
const manager = new ShardingManager(fileURLToPath(new URL('./shard-entry.ts', import.meta.url)), {
  token,
  totalShards: shards,
  // Each shard is a full bot process; they coordinate through PostgreSQL (DATABASE_URL), never PGlite.
  execArgv: ['--import', 'tsx'],
});
manager.on('shardCreate', (shard) => process.stdout.write(`sojusz: shard ${shard.id} started\n`));
await manager.spawn();
