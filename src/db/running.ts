// Which Sojusz processes use a PostgreSQL database: every bot holds a shared advisory lock for as long as it runs, and
// a secret rotation takes the same lock exclusively, so it never runs beside a bot that would go on sealing new data
// under the old key (lost for good once that bot restarts with the new one).
import { DatabaseError } from './errors.js';
import { reconnectBackoff } from './outages.js';

/** The advisory lock every running process holds (727001 is the migrations'). */
export const RUNNING_LOCK = 727002;

/** `bot`: one of any number of replicas. `alone`: no other Sojusz process may run meanwhile (rotate-secret). */
export type Running = 'bot' | 'alone';

export const STILL_RUNNING = 'a Sojusz process is still running on this database: stop every replica first, then run this again';
export const ROTATING =
  'a secret rotation (npm run rotate-secret) is running on this database: start the bot when it has finished, with the new SOJUSZ_SECRET';

/** How often a bot whose lock connection dropped tries to take the lock again while the server does not answer. */
const RETAKE_MS = 1_000;

/**
 * Takes the lock on a connection of its own, kept for the process's whole life: a pooled one would go back to the
 * pool (or be closed by postgres.js's max_lifetime) and the lock with it. A bot whose connection drops (a server
 * restart, a network cut) takes the lock again as soon as the server answers. If a rotation took it exclusively in
 * that gap (it saw no bot), the bot does not wait beside it: `onRotation` is called, and the bot must stop.
 * Returns the release.
 */
export async function holdRunning(url: string, mode: Running, onRotation?: () => void): Promise<() => Promise<void>> {
  const { default: postgres } = await import('postgres');
  let held = false;
  let ending = false;
  let retaking = false;
  const retake = async () => {
    if (!held || ending || retaking) return;
    retaking = true;
    try {
      while (!ending) {
        try {
          const [row] = await sql`select pg_try_advisory_lock_shared(${RUNNING_LOCK}) as got`;
          if (!(row as { got: boolean }).got) {
            held = false;
            onRotation?.();
          }
          return;
        } catch {
          await new Promise((r) => setTimeout(r, RETAKE_MS).unref());
        }
      }
    } finally {
      retaking = false;
    }
  };
  const sql = postgres(url, {
    max: 1,
    onnotice: () => {},
    connect_timeout: 10,
    backoff: reconnectBackoff,
    max_lifetime: null,
    onclose: () => {
      if (mode === 'bot') void retake();
    },
  });
  const release = async () => {
    ending = true;
    await sql.end({ timeout: 1 }).catch(() => {});
  };
  try {
    const [row] = mode === 'bot' ? await sql`select pg_try_advisory_lock_shared(${RUNNING_LOCK}) as got` : await sql`select pg_try_advisory_lock(${RUNNING_LOCK}) as got`;
    if (!(row as { got: boolean }).got) throw new DatabaseError(mode === 'bot' ? ROTATING : STILL_RUNNING);
    held = true;
  } catch (e) {
    await release();
    throw e;
  }
  return release;
}
