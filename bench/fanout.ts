// 2, 4, 6. Fan-out of 10,000 due prompts through replicas to a fake Slack; a crash drill; peak RSS; the bare loop.
import type { Sql } from 'postgres';
import { startFakeSlack, type FakeSlack } from '../tests/fakes/slack/index.js';
import { reset, seedSlackPrompts } from './seed.js';
import { renderMessage } from '../adapters/slack/render/blocks.js';
import { starterMessage } from '../src/features/prompts/starter.js';
import { libraryPool } from '../src/features/prompts/rotation.js';
import { SECRET, spawnBuilt, stopAll, until, type Child } from './procs.js';

const TOKEN = 'xoxb-bench';

export interface FanoutResult {
  replicas: number;
  seconds: number;
  /** Seconds from "go" to the first message at the fake: the tick (firing every due prompt) runs before delivery. */
  firstSeconds: number;
  delivered: number;
  duplicates: number;
  lost: number;
  peakRssMb: number;
  /** CPU seconds all replicas used from "go" to the last message (a SIGKILLed replica counts up to its kill). */
  cpuSeconds: number;
  killed?: boolean;
}

/** Counts chat.postMessage calls per outbox key as they arrive (incrementally: 10k calls, polled often). */
function keyCounter(fake: FakeSlack) {
  const seen = new Map<string, number>();
  let scanned = 0;
  return {
    scan() {
      for (; scanned < fake.calls.length; scanned++) {
        const c = fake.calls[scanned]!;
        if (c.method !== 'chat.postMessage') continue;
        let meta = c.args.metadata as { event_payload?: { key?: string } } | string | undefined;
        if (typeof meta === 'string') meta = JSON.parse(meta) as { event_payload?: { key?: string } };
        const key = meta?.event_payload?.key ?? `no-key:${scanned}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      return seen;
    },
    duplicates: () => [...seen.values()].reduce((n, v) => n + v - 1, 0),
  };
}

function replicaEnv(databaseUrl: string, fake: FakeSlack, extra: Record<string, string> = {}) {
  return { DATABASE_URL: databaseUrl, SOJUSZ_SECRET: SECRET, SLACK_SIGNING_SECRET: 'bench', SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'error', ...extra };
}

export async function benchFanout(sql: Sql, databaseUrl: string, o: { teams: number; replicas: number; killHalfway?: boolean; leaseMs?: number; timeoutMs?: number }): Promise<FanoutResult> {
  await reset(sql);
  const fake = await startFakeSlack({ socketPingMs: 0, blockKit: 'off' });
  const children: Child[] = [];
  const rss: number[] = [];
  try {
    for (let i = 0; i < o.replicas; i++) {
      children.push(spawnBuilt('bench/replica.ts', replicaEnv(databaseUrl, fake, o.leaseMs ? { SOJUSZ_LEASE_MS: String(o.leaseMs) } : {})));
    }
    await Promise.all(children.map((c) => c.ready));
    await seedSlackPrompts(sql, o.teams);
    const counter = keyCounter(fake);
    const t0 = Date.now();
    const cpuAtGo = children.map((c) => c.cpuSeconds() ?? 0);
    const cpuUsed = children.map(() => 0);
    const cpuSoFar = (i: number) => (cpuUsed[i] = Math.max(cpuUsed[i]!, (children[i]!.cpuSeconds() ?? 0) - cpuAtGo[i]!));
    for (const c of children) c.send({ go: true });
    let killed = false;
    let first = 0;
    let traced = t0;
    await until(() => {
      const seen = counter.scan();
      if (process.env.BENCH_VERBOSE && Date.now() - traced >= 1000) {
        traced = Date.now();
        process.stderr.write(`  ${((traced - t0) / 1000).toFixed(1)} s: ${seen.size} delivered\n`);
      }
      if (!first && seen.size) first = Date.now();
      if (o.killHalfway && !killed && seen.size >= o.teams / 2) {
        killed = true;
        rss.push(children[0]!.peakRssMb() ?? 0);
        cpuSoFar(0);
        children[0]!.kill('SIGKILL');
      }
      return seen.size >= o.teams;
    }, o.timeoutMs ?? 180_000);
    const done = Date.now();
    const seen = counter.scan();
    for (const c of children) rss.push(c.peakRssMb() ?? 0);
    children.forEach((_, i) => cpuSoFar(i));
    return {
      replicas: o.replicas,
      seconds: (done - t0) / 1000,
      firstSeconds: ((first || done) - t0) / 1000,
      delivered: seen.size,
      duplicates: counter.duplicates(),
      lost: o.teams - seen.size,
      peakRssMb: Math.max(...rss),
      cpuSeconds: cpuUsed.reduce((a, b) => a + b, 0),
      ...(o.killHalfway ? { killed } : {}),
    };
  } finally {
    await stopAll(children);
    await fake.close();
  }
}

/** What the bot posts for a prompt (blocks, fallback text), rendered as its Slack adapter renders it. */
function samplePrompt(): { text: string; blocks: unknown[] } {
  const prompt = libraryPool([])[0]!;
  const { text, blocks } = renderMessage(starterMessage(prompt, 'pl', 1));
  return { text, blocks };
}

/**
 * The baseline: WebClient.chat.postMessage `count` times, 64 in flight, from its own process, posting the same
 * prompt message the bot posts (the client's own work grows with the message, so a bare "hello" would not compare),
 * over the bot's transport — or, with `stock`, the WebClient's default fetch, to show what the transport saves.
 */
export async function benchBareLoop(count: number, transport: 'pooled' | 'stock' = 'pooled'): Promise<{ seconds: number; cpuSeconds: number }> {
  const fake = await startFakeSlack({ socketPingMs: 0, blockKit: 'off' });
  const child = spawnBuilt('bench/bare-loop.ts', { SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.apiUrl, BENCH_MESSAGES: String(count), BENCH_TRANSPORT: transport });
  try {
    await child.ready;
    const t0 = Date.now();
    let cpu = 0;
    child.proc.on('message', (m) => (cpu = (m as { cpuSeconds?: number }).cpuSeconds ?? cpu));
    child.send({ go: true, message: samplePrompt() });
    await child.exited;
    const n = fake.callsTo('chat.postMessage').length;
    if (n !== count) throw new Error(`bare loop sent ${n} of ${count}`);
    return { seconds: (Date.now() - t0) / 1000, cpuSeconds: cpu };
  } finally {
    await stopAll([child]);
    await fake.close();
  }
}
