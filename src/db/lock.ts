// An exclusive lock on the embedded database's directory: PGlite is one process by design.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseError } from './errors.js';

/** Directories this process holds: "already open here" is known, never guessed from a pid that may be reused. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started (clock ticks since boot, Linux /proc; undefined elsewhere). With the pid it tells the process
 * that wrote a lock from a later one given the same pid — in Docker the bot is always pid 1.
 */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may itself hold spaces or parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote the lock (pid and start time; older locks hold the pid alone) still runs. */
function holderRuns(pid: number, started: string | undefined): boolean {
  if (!Number.isInteger(pid) || !alive(pid)) return false;
  const now = startTimeOf(pid);
  if (started && now) return started === now;
  return pid !== process.pid;
}

/**
 * Take the lock file `sojusz.lock` (holding our pid and start time). A lock left by a process that no longer runs is
 * taken over; a live one is refused with a clear message. Returns the release function.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = resolve(dir);
  const file = resolve(dir, 'sojusz.lock');
  if (held.has(path)) throw new DatabaseError(`the data directory ${path} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, [process.pid, startTimeOf(process.pid)].filter((x) => x !== undefined).join(' '), { flag: 'wx' });
      held.add(path);
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        held.delete(path);
        rmSync(file, { force: true });
      };
      process.once('exit', () => {
        if (!released) rmSync(file, { force: true });
      });
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const [pidText, started] = (existsSync(file) ? readFileSync(file, 'utf8') : '').trim().split(/\s+/);
      const pid = Number(pidText);
      if (holderRuns(pid, started)) {
        throw new DatabaseError(
          `the data directory ${path} is in use by another Sojusz process (pid ${pid}); stop it first, or set DATABASE_URL ` +
            `to a PostgreSQL server to run several processes. If no Sojusz process uses it, delete ${file}`,
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DatabaseError(`could not lock the data directory ${path}; if no Sojusz process uses it, delete ${file}`);
}
