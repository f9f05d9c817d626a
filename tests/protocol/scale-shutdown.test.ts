// SIGTERM on the real process: it stops within 10 seconds with exit code 0, frees the data directory, and starts again.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'sojusz-sigterm-'));
const started: ChildProcess[] = [];

afterAll(() => {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** `node --import tsx main.ts` in playground mode on a fresh port; resolves once it logs that it is running. */
async function startBot(): Promise<{ proc: ChildProcess; output: () => string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(proc);
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  await new Promise<void>((ok, fail) => {
    const timer = setInterval(() => {
      if (out.includes('sojusz is running')) {
        clearInterval(timer);
        ok();
      }
    }, 50);
    proc.once('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`main.ts exited with ${code} before it was running:\n${out.slice(-2000)}`));
    });
  });
  return { proc, output: () => out };
}

function exitOf(proc: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  return new Promise((ok) => proc.once('exit', (code) => ok({ code, ms: Date.now() - t0 })));
}

describe('stopping a running bot with SIGTERM', () => {
  it('exits with code 0 within 10 seconds and releases the data directory lock', async () => {
    const { proc } = await startBot();
    expect(existsSync(join(dataDir, 'sojusz.lock'))).toBe(true);
    const exited = exitOf(proc);
    proc.kill('SIGTERM');
    const { code, ms } = await exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(existsSync(join(dataDir, 'sojusz.lock'))).toBe(false);
  }, 30_000);

  it('starts again on the same data directory afterwards and stops cleanly a second time', async () => {
    const { proc } = await startBot();
    const exited = exitOf(proc);
    proc.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  }, 30_000);
});
