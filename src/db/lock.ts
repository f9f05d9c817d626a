// An exclusive lock on the embedded database's directory: PGlite is one process by design.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseError } from './errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the lock file `sojusz.lock` (holding our pid). A lock left by a process that no longer runs is
 * taken over; a live one is refused with a clear message. Returns the release function.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = resolve(dir, 'sojusz.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
      process.once('exit', () => {
        if (!released) rmSync(file, { force: true });
      });
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(existsSync(file) ? readFileSync(file, 'utf8').trim() : NaN);
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
        throw new DatabaseError(
          `the data directory ${resolve(dir)} is in use by another Sojusz process (pid ${pid}); ` +
            `stop it first, or set DATABASE_URL to a PostgreSQL server to run several processes`,
        );
      }
      if (pid === process.pid) throw new DatabaseError(`the data directory ${resolve(dir)} is already open in this process`);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DatabaseError(`could not lock the data directory ${resolve(dir)}`);
}
