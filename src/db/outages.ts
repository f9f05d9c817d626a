// The database out of reach (a PostgreSQL restart, a failover, a network cut): told apart from bugs, logged once when
// it starts and once when it ends, and watched in between so that scheduled work resumes as soon as the server answers.
import type { Logger } from 'pino';

/**
 * Failures that say the server could not be reached or dropped the connection, not that a statement was wrong:
 * socket errors, postgres.js's own codes for a lost connection, and PostgreSQL's shutdown, starting-up and
 * connection-exception codes (class 08, 57P01–57P03). CONNECTION_ENDED and CONNECTION_DESTROYED are absent on purpose:
 * they mean this process closed the pool itself (a stop).
 */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  // A container's name no longer resolves while it is down (Docker's DNS).
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
]);

/** Whether `e` (or an error it wraps: drizzle puts the driver's error in `cause`) is the database being out of reach. */
export function isUnreachable(e: unknown): boolean {
  return codeOf(e) !== undefined;
}

/** The code that says so (the driver's, under drizzle's wrapper), if it does. */
function codeOf(e: unknown): string | undefined {
  for (let x = e, depth = 0; x && typeof x === 'object' && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE.has(code) || code.startsWith('08'))) return code;
  }
  return undefined;
}

/**
 * postgres.js's wait before it connects again after a failed attempt, in seconds: 0.025, 0.05, 0.1 … at most 2 (with
 * jitter). Its own grows to 20 s, so a bot whose database was out for a minute took up to 20 s more to notice it was
 * back, and each query meanwhile waited that long before failing.
 */
export const reconnectBackoff = (retries: number): number => Math.min(0.025 * 2 ** retries, 2) * (0.5 + Math.random() / 2);

/** How often a database that does not answer is asked again: a restarted server is noticed within this. */
export const PROBE_MS = 2_000;

export interface OutageOptions {
  /** One cheap query; false when the server did not answer. */
  ping: () => Promise<boolean>;
  /** Where the database is, for the log (a URL without its password). */
  label: string;
  log: Logger;
  /** True once the process is stopping: the watch ends. */
  stopped?: () => boolean;
}

/**
 * One per bot. A failure that `isUnreachable` is handed to `noticed`; the first starts a watch that asks the server
 * every PROBE_MS. A server that answers at once was a single dropped connection (postgres.js opens a new one for the
 * next query) and nothing is logged; one that does not is an outage: one error line, `ongoing` until the server
 * answers, then one info line and every `onEnd` listener (the runner claims and delivers what waited).
 */
export class Outages {
  private down?: { since: number };
  private watching?: Promise<void>;
  private readonly ends = new Set<() => void>();

  constructor(private readonly o: OutageOptions) {}

  /** An outage is under way (declared, not merely suspected): scheduled work waits for its end. */
  get ongoing(): boolean {
    return this.down !== undefined;
  }

  /** True when `e` is the database out of reach (and then watched and logged here, so the caller logs nothing). */
  noticed(e: unknown): boolean {
    if (!isUnreachable(e)) return false;
    this.watching ??= this.watch(codeOf(e)).finally(() => (this.watching = undefined));
    return true;
  }

  /** Called once each time an outage ends; returns the function that stops listening. */
  onEnd(fn: () => void): () => void {
    this.ends.add(fn);
    return () => this.ends.delete(fn);
  }

  private async watch(code: string | undefined): Promise<void> {
    const started = Date.now();
    while (!(await this.o.ping())) {
      if (this.o.stopped?.()) return;
      if (!this.down) {
        this.down = { since: started };
        this.o.log.error(
          { database: this.o.label, code },
          'the database cannot be reached: members are asked to try again in a minute, and scheduled work waits until it answers',
        );
      }
      await new Promise((r) => setTimeout(r, PROBE_MS).unref());
    }
    if (!this.down) return;
    const seconds = Math.round((Date.now() - this.down.since) / 1000);
    this.down = undefined;
    this.o.log.info({ database: this.o.label, downSeconds: seconds }, 'the database answers again: scheduled work resumes');
    for (const fn of this.ends) fn();
  }
}
