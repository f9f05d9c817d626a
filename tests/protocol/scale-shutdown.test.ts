// The production bundle as `npm start` runs it (scripts/build.mjs → node main.js): it serves the playground, and on
// SIGTERM stops within 10 seconds with exit code 0, frees the data directory, and starts again.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../scripts/build.mjs';
import { createServer } from 'node:net';
import { seededDataDir } from '../helpers/db.js';

const ROOT = resolve(import.meta.dirname, '../..');
let dataDir = '';
// Inside the repository, as dist/ is: the bundle finds migrations/ and the playground's files from there.
const bundle = join(ROOT, 'node_modules', '.cache', `sojusz-bundle-${process.pid}`);
const started: ChildProcess[] = [];
let port = 0;

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as { port: number };
      s.close(() => resolve(p));
    });
  });
}

beforeAll(async () => {
  dataDir = await seededDataDir('sojusz-sigterm-');
  await buildBundle(['main.ts'], bundle);
  port = await freePort();
}, 60_000);

afterAll(() => {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(bundle, { recursive: true, force: true });
});

/** `node main.js` (the bundle) in playground mode, just spawned. */
function spawnBot(): { proc: ChildProcess; output: () => string } {
  const proc = spawn(process.execPath, ['--enable-source-maps', join(bundle, 'main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(proc);
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  return { proc, output: () => out };
}

/** The bundle, once it logs that it is running. */
async function startBot(): Promise<{ proc: ChildProcess; output: () => string }> {
  const { proc, output } = spawnBot();
  await new Promise<void>((ok, fail) => {
    const timer = setInterval(() => {
      if (output().includes('sojusz is running')) {
        clearInterval(timer);
        ok();
      }
    }, 50);
    proc.once('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`the bundle exited with ${code} before it was running:\n${output().slice(-2000)}`));
    });
  });
  return { proc, output };
}

function exitOf(proc: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const t0 = Date.now();
  return new Promise((ok) => proc.once('exit', (code, signal) => ok({ code, signal, ms: Date.now() - t0 })));
}

describe('stopping a running bot with SIGTERM', () => {
  it('serves the playground, then exits with code 0 within 10 seconds and releases the data directory lock', async () => {
    const { proc } = await startBot();
    expect(existsSync(join(dataDir, 'sojusz.lock'))).toBe(true);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    expect((await fetch(`http://127.0.0.1:${port}/static/app.js`)).status).toBe(200);
    const exited = exitOf(proc);
    proc.kill('SIGTERM');
    const { code, signal, ms } = await exited;
    expect(code, JSON.stringify({ signal })).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(existsSync(join(dataDir, 'sojusz.lock'))).toBe(false);
  }, 30_000);

  it('starts again on the same data directory afterwards and stops cleanly a second time', async () => {
    const { proc, output } = await startBot();
    const exited = exitOf(proc);
    proc.kill('SIGTERM');
    const { code, signal } = await exited;
    // On failure, say how it ended and what it printed last (a signal means it did not stop by itself).
    expect(code, JSON.stringify({ signal, output: output().slice(-2000) })).toBe(0);
  }, 30_000);

  it('stops cleanly with code 0 when SIGTERM comes while it is still starting', async () => {
    const { proc, output } = spawnBot();
    const exited = exitOf(proc);
    // The first line it prints is early in its start (the database is not open yet).
    await new Promise<void>((ok) => proc.stdout!.once('data', () => ok()));
    proc.kill('SIGTERM');
    const { code, signal } = await exited;
    expect(code, JSON.stringify({ signal, output: output().slice(-2000) })).toBe(0);
    expect(existsSync(join(dataDir, 'sojusz.lock'))).toBe(false);
  }, 30_000);
});
