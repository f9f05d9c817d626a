// One shard's process under start:sharded: its own HTTP port (PORT + shard id) so /healthz of each shard answers, then the normal start.
const shard = Number(process.env.SHARDS ?? 0);
const base = Number(process.env.PORT ?? 3000);
process.env.PORT = String(base + (Number.isInteger(shard) ? shard : 0));
await import('../../main.js');
