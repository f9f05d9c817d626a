// 3. Rate-limited fan-out: 2,000 outbox rows to Discord channels through one replica, the fake allowing 50 requests/s.
import type { Sql } from 'postgres';
import { message, textBlock } from '../src/core/message.js';
import { startFakeDiscord } from '../tests/fakes/discord/index.js';
import { reset, seedDiscordOutbox } from './seed.js';
import { SECRET, spawnBuilt, stopAll, until } from './procs.js';

export interface RateLimitResult {
  messages: number;
  seconds: number;
  floorSeconds: number;
  delivered: number;
  rateLimited: number;
}

export async function benchRateLimited(sql: Sql, databaseUrl: string, total = 2000, perSecond = 50): Promise<RateLimitResult> {
  await reset(sql);
  const guilds = Array.from({ length: 20 }, (_, g) => ({
    id: String(800_000_000_000_000_000n + BigInt(g)),
    channels: Array.from({ length: total / 20 }, (_, c) => String(810_000_000_000_000_000n + BigInt(g * 1000 + c))),
  }));
  const fake = await startFakeDiscord({
    globalLimitPerSecond: perSecond,
    guilds: guilds.map((g) => ({ id: g.id, channels: g.channels.map((id) => ({ id, type: 0, name: `c${id.slice(-4)}` })) })),
  });
  const replica = spawnBuilt('bench/replica.ts', {
    DATABASE_URL: databaseUrl,
    SOJUSZ_SECRET: SECRET,
    DISCORD_TOKEN: 'bench-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: 'error',
  });
  try {
    await replica.ready;
    await seedDiscordOutbox(sql, guilds, message(textBlock('Bench message')));
    const posted = () => fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.status < 400).length;
    const t0 = Date.now();
    replica.send({ go: true });
    let n = 0;
    await until(() => (n = posted()) >= total, 120_000);
    return { messages: total, seconds: (Date.now() - t0) / 1000, floorSeconds: total / perSecond, delivered: n, rateLimited: fake.stats().rateLimited };
  } finally {
    await stopAll([replica]);
    await fake.close();
  }
}
