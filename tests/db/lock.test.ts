// The embedded database's directory lock after a crash: a pid written by an earlier process and now reused (in Docker
// the bot is always pid 1; a host reuses pids) does not keep the data directory locked for good.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, lockDataDir, pidNamespace, STALE_AFTER_MS, startTimeOf } from '../../src/db/lock.js';
import { onPostgres } from '../helpers/db.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sojusz-lock-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A live process that is not Sojusz, until `stop`. */
async function bystander() {
  const p = spawn('sleep', ['30']);
  await new Promise((ok) => p.once('spawn', ok));
  return { pid: p.pid!, stop: () => p.kill() };
}

describe.skipIf(onPostgres() || !existsSync('/proc/self/stat'))('the data directory lock', () => {
  it('takes over a lock left by an earlier process that had this process’s pid (a restarted container’s pid 1)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sojusz.lock'), `${process.pid} 1`);
    const release = await lockDataDir(dir);
    expect(readFileSync(join(dir, 'sojusz.lock'), 'utf8')).toBe(`${process.pid} ${startTimeOf(process.pid)} ${pidNamespace()}`);
    await release();
    expect(existsSync(join(dir, 'sojusz.lock'))).toBe(false);
  });

  it('takes over a lock whose pid now belongs to an unrelated process', async () => {
    const other = await bystander();
    try {
      const dir = tempDir();
      writeFileSync(join(dir, 'sojusz.lock'), `${other.pid} 1`);
      await (await lockDataDir(dir))();
    } finally {
      other.stop();
    }
  });

  it('refuses a lock its writer still holds, saying the lock file may be deleted if no Sojusz process uses it', async () => {
    const holder = await bystander();
    try {
      const dir = tempDir();
      writeFileSync(join(dir, 'sojusz.lock'), `${holder.pid} ${startTimeOf(holder.pid)}`);
      await expect(lockDataDir(dir)).rejects.toThrow(
        `the data directory ${dir} is in use by another Sojusz process (pid ${holder.pid}); stop it first, or set DATABASE_URL to a PostgreSQL server to run several processes. If no Sojusz process uses it, delete ${join(dir, 'sojusz.lock')}`,
      );
    } finally {
      holder.stop();
    }
  });

  it('says a directory is already open in this process while it is, and opens it again once released', async () => {
    const dir = tempDir();
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(`the data directory ${dir} is already open in this process`);
    await release();
    await (await lockDataDir(dir))();
  });

  // Two containers on one volume are both pid 1, each in its own PID namespace: the pid says nothing across them.
  const OTHER_NS = 'pid:[1]';

  it('refuses a lock written in another PID namespace while its holder keeps touching it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sojusz.lock'), `1 100 ${OTHER_NS}`);
    await expect(lockDataDir(dir)).rejects.toThrow(/in use by another Sojusz process \(pid 1 in another container or PID namespace\).*taken over 30 s after its holder stopped/);
  });

  it('takes over a lock from another PID namespace once it has gone untouched for longer than the heartbeat allows', async () => {
    const dir = tempDir();
    const file = join(dir, 'sojusz.lock');
    writeFileSync(file, `1 100 ${OTHER_NS}`);
    const then = new Date(Date.now() - STALE_AFTER_MS - 1000);
    utimesSync(file, then, then);
    await (await lockDataDir(dir))();
  });

  it('keeps its own lock fresh while it holds it', async () => {
    vi.useFakeTimers();
    try {
      const dir = tempDir();
      const file = join(dir, 'sojusz.lock');
      const release = await lockDataDir(dir);
      const old = new Date(Date.now() - 60_000);
      utimesSync(file, old, old);
      vi.advanceTimersByTime(HEARTBEAT_MS);
      expect(statSync(file).mtimeMs).toBeGreaterThan(old.getTime() + 50_000);
      await release();
    } finally {
      vi.useRealTimers();
    }
  });
});
