// An exclusive lock on the embedded database's directory: PGlite is one process by design.
import { existsSync, readFileSync, readlinkSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseError } from './errors.js';

/** Directories this process holds: "already open here" is known, never guessed from a pid that may be reused. */
const held = new Set<string>();

/** How often a holder touches its lock, and after how long without a touch a lock from elsewhere counts as left. */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 30_000;

/**
 * This process's PID namespace (Linux; undefined elsewhere). A pid means something only inside its namespace: two
 * containers sharing a data volume are both pid 1, and neither can see the other's processes.
 */
export function pidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
}

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

/**
 * Whether the process that wrote the lock still runs. In our PID namespace its pid and start time tell (older locks
 * hold the pid alone); from another namespace (another container on the same volume) its pid cannot be looked at,
 * so its heartbeat tells: a lock touched within STALE_AFTER_MS is held.
 */
function holderRuns(file: string, pid: number, started: string | undefined, ns: string | undefined): boolean {
  if (ns && ns !== pidNamespace()) return Date.now() - statSync(file).mtimeMs < STALE_AFTER_MS;
  if (!Number.isInteger(pid) || !alive(pid)) return false;
  const now = startTimeOf(pid);
  if (started && now) return started === now;
  return pid !== process.pid;
}

/**
 * Take the lock file `sojusz.lock` (holding our pid and start time). A lock left by a process that no longer runs is
 * taken over; a live one is refused with a clear message. `alone`: the caller (rotate-secret) is not a bot, so the
 * refusal does not offer PostgreSQL for running several. Returns the release function.
 */
export async function lockDataDir(dir: string, opts: { alone?: boolean } = {}): Promise<() => Promise<void>> {
  const path = resolve(dir);
  const file = resolve(dir, 'sojusz.lock');
  if (held.has(path)) throw new DatabaseError(`the data directory ${path} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // pid, start time, PID namespace: "-" for what this system cannot say, so the fields keep their places.
      writeFileSync(file, [process.pid, startTimeOf(process.pid) ?? '-', pidNamespace() ?? '-'].join(' '), { flag: 'wx' });
      held.add(path);
      // The heartbeat that tells a process in another namespace, which cannot see our pid, that the lock is held.
      const heartbeat = setInterval(() => {
        const t = new Date();
        try {
          utimesSync(file, t, t);
        } catch {
          // Deleted by hand: nothing to keep fresh.
        }
      }, HEARTBEAT_MS);
      heartbeat.unref();
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        clearInterval(heartbeat);
        held.delete(path);
        rmSync(file, { force: true });
      };
      process.once('exit', () => {
        if (!released) rmSync(file, { force: true });
      });
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const [pidText, startedText, nsText] = (existsSync(file) ? readFileSync(file, 'utf8') : '').trim().split(/\s+/);
      const pid = Number(pidText);
      const [started, ns] = [startedText, nsText].map((x) => (x && x !== '-' ? x : undefined));
      if (existsSync(file) && holderRuns(file, pid, started, ns)) {
        const elsewhere = ns && ns !== pidNamespace();
        const where = `pid ${pid}${elsewhere ? ' in another container or PID namespace' : ''}`;
        if (opts.alone) {
          throw new DatabaseError(`a Sojusz process is still running on the data directory ${path} (${where}): stop it first, then run this again`);
        }
        throw new DatabaseError(
          `the data directory ${path} is in use by another Sojusz process (pid ${pid}${elsewhere ? ' in another container or PID namespace' : ''}); ` +
            `stop it first, or set DATABASE_URL to a PostgreSQL server to run several processes. If no Sojusz process uses it, ` +
            (elsewhere ? `it is taken over ${STALE_AFTER_MS / 1000} s after its holder stopped, or delete ${file}` : `delete ${file}`),
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DatabaseError(`could not lock the data directory ${path}; if no Sojusz process uses it, delete ${file}`);
}
