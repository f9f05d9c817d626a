// `npm run start:sharded` as production runs it (the built bundle): discord.js's ShardingManager starts one bot per
// shard against the local fake Discord, each identifies as its shard and serves /healthz on PORT + shard id, and a
// SIGTERM to the manager stops every shard gracefully. PostgreSQL only: shards are separate processes (PGlite is not).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../scripts/build.mjs';
import { FAKE_APPLICATION_ID, startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.js';
import { onPostgres, testDatabase } from '../../helpers/db.js';
import { TEST_SECRET } from '../../helpers/bot.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const bundle = join(ROOT, 'node_modules', '.cache', `sojusz-sharded-${process.pid}`);
let fake: FakeDiscord;
let db: Awaited<ReturnType<typeof testDatabase>>;
let manager: ChildProcess | undefined;
let port = 0;

/** Two neighbouring ports nobody listens on (shard 0 serves on PORT, shard 1 on PORT + 1). */
async function freePortPair(): Promise<number> {
  const listen = (p: number) =>
    new Promise<number>((ok, fail) => {
      const s = createServer().once('error', fail);
      s.listen(p, '127.0.0.1', () => {
        const got = (s.address() as { port: number }).port;
        s.close(() => ok(got));
      });
    });
  for (;;) {
    const p = await listen(0);
    if (await listen(p + 1).then(() => true, () => false)) return p;
  }
}

/** Processes still running from this test's bundle (the manager and its shards). */
function processesOfBundle(): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(bundle)) out.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, output: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const healthy = (p: number) =>
  fetch(`http://127.0.0.1:${p}/healthz`).then(
    (r) => r.ok,
    () => false,
  );

describe.skipIf(!onPostgres())('Discord sharding (npm run start:sharded)', () => {
  beforeAll(async () => {
    await buildBundle(['main.ts', 'adapters/discord/sharded.ts', 'adapters/discord/shard-entry.ts'], bundle);
    fake = await startFakeDiscord({ token: 'fake-token' });
    db = await testDatabase();
    port = await freePortPair();
  }, 60_000);

  afterAll(async () => {
    if (manager && manager.exitCode === null) manager.kill('SIGKILL');
    for (const pid of processesOfBundle()) process.kill(pid, 'SIGKILL');
    await fake?.close();
    await db?.close();
    rmSync(bundle, { recursive: true, force: true });
  });

  it('runs one bot per shard, each identified as its shard, and stops them all on SIGTERM', async () => {
    const proc = spawn(process.execPath, [join(bundle, 'adapters', 'discord', 'sharded.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DISCORD_TOKEN: 'fake-token',
        DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
        DISCORD_API_URL: fake.apiUrl,
        DATABASE_URL: db.url!,
        SOJUSZ_SECRET: TEST_SECRET,
        SHARDS: '2',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    manager = proc;
    let out = '';
    proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    const output = () => out;

    const identified = () =>
      fake.gatewayFrames
        .filter((f) => f.op === 2)
        .map((f) => JSON.stringify((f.d as { shard?: number[] }).shard))
        .sort();
    // discord.js starts shards one after another, 5.5 s apart.
    await until('both shards to identify', () => identified().length >= 2, 60_000, output);
    expect(identified()).toEqual(['[0,2]', '[1,2]']);
    await until('both shards to answer /healthz', async () => (await healthy(port)) && (await healthy(port + 1)), 30_000, output);
    expect(out).toContain('shard 0 started');
    expect(out).toContain('shard 1 started');
    expect(processesOfBundle().length).toBe(3); // the manager and two shards

    const t0 = Date.now();
    const exited = new Promise<number | null>((ok) => proc.once('exit', (code) => ok(code)));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(15_000);
    // No shard was left running (or started again by the manager's respawn).
    await new Promise((r) => setTimeout(r, 1_000));
    expect(processesOfBundle()).toEqual([]);
    expect(await healthy(port)).toBe(false);
    expect(await healthy(port + 1)).toBe(false);
  }, 120_000);
});
