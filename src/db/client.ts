// Opens the database: embedded PGlite in a locked data directory, or PostgreSQL through postgres.js.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';
import { lockDataDir } from './lock.js';
import { newlyApplied, recordedMigrations } from './applied.js';
import { holdRunning, type Running } from './running.js';
import { ROOT } from '../root.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: queries accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Whether several processes may share it (PostgreSQL) — PGlite is one process by design. */
  shared: boolean;
  /** The migrations this open applied, by name, oldest first (none when the database was up to date). */
  migrated: readonly string[];
  /** Where it is, for logs: the URL without its password, or the embedded database's directory. */
  label: string;
  /** One cheap query: false when it failed or took longer than PING_MS (a server cut off by the network never says no). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * PostgreSQL only: call `onNotify` on every NOTIFY on `channel` (from any process sharing the database).
   * Resolves once listening; the returned function stops. PGlite has one process, so nothing to hear.
   * The connection listens again by itself after it was lost (postgres.js); `onListen` is called each time it does,
   * since whatever was notified while it was gone went unheard.
   */
  listen?(channel: string, onNotify: () => void, onListen?: () => void): Promise<() => Promise<void>>;
  /**
   * PostgreSQL only, set by whoever runs the bot: the running lock (running.ts) was lost with its connection and a
   * secret rotation took it before it could be taken back. The process must stop: it would seal data under the old key.
   */
  onRotation?: () => void;
  /** PGlite only: the whole data directory as a tarball (tests start fresh databases from a migrated one). */
  dump?(): Promise<Blob | File>;
}

export { DatabaseError } from './errors.js';
import { DatabaseError } from './errors.js';
import { isUnreachable, reconnectBackoff } from './outages.js';

const MIGRATIONS = resolve(ROOT, 'migrations');

/** How long ping() waits for its answer (a health check must answer within the orchestrator's timeout, 5 s in ours). */
export const PING_MS = 3_000;

/** ping()'s query, bounded by PING_MS. */
async function answers(query: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const late = new Promise<false>((r) => (timer = setTimeout(() => r(false), PING_MS)));
    return await Promise.race([query().then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Embedded PGlite. `dataDir` undefined: in memory (tests). Takes an exclusive lock on the directory.
 * `mustExist`: refuse a directory without a database instead of creating an empty one (rotate-secret: a mistyped
 * DATA_DIR must not look like a database with nothing to rotate). `alone`: the caller must be the only Sojusz process on
 * it (rotate-secret), which the refusal of a held directory then says.
 */
export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob; mustExist?: boolean; alone?: boolean } = {}): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let release: (() => Promise<void>) | undefined;
  if (dataDir && opts.mustExist && !existsSync(resolve(dataDir, 'pg'))) {
    throw new DatabaseError(`DATA_DIR — no embedded database in ${resolve(dataDir)} (it has no pg/): set DATA_DIR to the bot's data directory, or DATABASE_URL to its PostgreSQL`);
  }
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = await lockDataDir(dataDir, { alone: opts.alone });
  }
  let client;
  try {
    client = dataDir ? new PGlite(resolve(dataDir, 'pg')) : new PGlite(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
    await client.waitReady;
  } catch (e) {
    await release?.();
    throw new DatabaseError(`could not open the embedded database in ${dataDir ?? 'memory'}: ${(e as Error).message}`);
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  let migrated: string[];
  try {
    migrated = await migrateAndName(db, () => migrate(db as never, { migrationsFolder: MIGRATIONS }));
  } catch (e) {
    await client.close().catch(() => {});
    await release?.();
    throw migrationFailure(e);
  }
  const pg = client;
  return {
    db,
    kind: 'pglite',
    dump: () => pg.dumpDataDir('none'),
    shared: false,
    migrated,
    label: dataDir ? `embedded, in ${resolve(dataDir)}` : 'embedded, in memory',
    ping: () => answers(() => db.execute(sql`select 1`)),
    async close() {
      await client.close();
      await release?.();
    },
  };
}

/** How long a start waits for PostgreSQL to answer before it gives up (`connectMs` overrides it in tests). */
const CONNECT_MS = 15_000;
/** How often a start asks again while the server refuses (not up yet: compose or Kubernetes started both at once). */
const START_RETRY_MS = 500;

/**
 * Real PostgreSQL. Migrations run under an advisory lock so replicas starting together don't race. The process holds
 * the running lock (running.ts) until closed: `running: 'alone'` (rotate-secret) is refused while any bot runs on the
 * database, before anything is migrated or written.
 */
export async function openPostgres(url: string, opts: { max?: number; connectMs?: number; running?: Running } = {}): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  let client: ReturnType<typeof postgres>;
  try {
    client = postgres(url, { max: opts.max ?? 10, onnotice: () => {}, connect_timeout: 10, backoff: reconnectBackoff });
  } catch (e) {
    // postgres.js parses the URL at once: a `#` or `?` in an unencoded password throws "Invalid URL" here.
    throw new DatabaseError(`cannot use DATABASE_URL ${redactUrl(url)}: ${(e as { code?: string }).code ?? 'ERR_INVALID_URL'}`);
  }
  const connectMs = opts.connectMs ?? CONNECT_MS;
  const deadline = Date.now() + connectMs;
  let timer: NodeJS.Timeout | undefined;
  let retried = false;
  try {
    // Raced: a server that is not PostgreSQL (closing at once, answering HTTP) makes postgres.js reconnect in a tight
    // loop forever, and its connect_timeout never fires.
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseError(`no PostgreSQL answered at ${redactUrl(url)} within ${connectMs / 1000} s — is DATABASE_URL the right host and port?`)), connectMs);
    });
    for (;;) {
      try {
        await Promise.race([client`select 1`, late]);
        break;
      } catch (e) {
        // Refused, or still starting up: a server started beside the bot gets until the deadline to come up. Anything
        // else (a wrong password, no such database) is said at once.
        if (e instanceof DatabaseError || !isUnreachable(e) || deadline - Date.now() <= START_RETRY_MS) throw e;
        retried = true;
        await new Promise((r) => setTimeout(r, START_RETRY_MS));
      }
    }
  } catch (e) {
    await client.end({ timeout: 0 }).catch(() => {});
    if (e instanceof DatabaseError) throw e;
    const err = e as { code?: string; message?: string };
    // The driver's own message may quote a piece of a password it split in the wrong place ("ENOTFOUND ss").
    const said = ambiguousUserinfo(url) ? err.code : `${err.code ?? ''} ${err.message ?? ''}`;
    throw new DatabaseError(`cannot reach PostgreSQL at ${redactUrl(url)}: ${(said ?? '').trim()}${retried ? ` (tried for ${connectMs / 1000} s)` : ''}`.trim());
  } finally {
    clearTimeout(timer);
  }
  let releaseRunning: () => Promise<void>;
  try {
    releaseRunning = await holdRunning(url, opts.running ?? 'bot', () => database.onRotation?.());
  } catch (e) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw e instanceof DatabaseError ? e : new DatabaseError(`cannot reach PostgreSQL at ${redactUrl(url)}: ${(e as { code?: string }).code ?? (e as Error).message}`);
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  const lock = await client.reserve();
  let failed: DatabaseError | undefined;
  let migrated: string[] = [];
  try {
    await lock`select pg_advisory_lock(727001)`;
    migrated = await migrateAndName(db, () => migrate(db as never, { migrationsFolder: MIGRATIONS }));
  } catch (e) {
    failed = migrationFailure(e, client.options.user, client.options.database);
  } finally {
    await lock`select pg_advisory_unlock(727001)`.catch(() => {});
    lock.release();
  }
  if (failed) {
    await client.end({ timeout: 1 }).catch(() => {});
    await releaseRunning();
    throw failed;
  }
  const database: Database = {
    db,
    kind: 'postgres',
    shared: true,
    migrated,
    label: redactUrl(url),
    ping: () => answers(() => client`select 1`),
    async listen(channel, onNotify, onListen) {
      let first = true;
      const { unlisten } = await client.listen(
        channel,
        () => onNotify(),
        () => {
          if (!first) onListen?.();
          first = false;
        },
      );
      return unlisten;
    },
    async close() {
      await client.end({ timeout: 5 });
      await releaseRunning();
    },
  };
  return database;
}

/** Runs `migrate` and names what it applied (read before and after, under the migration lock on PostgreSQL). */
async function migrateAndName(db: Db, migrate: () => Promise<void>): Promise<string[]> {
  const before = await recordedMigrations(db);
  await migrate();
  return newlyApplied(MIGRATIONS, before, await recordedMigrations(db));
}

/**
 * A migration that failed, with the server's own reason: drizzle's message quotes only the statement ("Failed query:
 * CREATE SCHEMA …"), and the cause (permission denied, say) was in PostgreSQL's log alone.
 */
function migrationFailure(e: unknown, role?: string, database?: string): DatabaseError {
  const cause = ((e as { cause?: unknown }).cause ?? e) as { code?: string; message?: string };
  const who = role ? `"${role}"` : '<role>';
  const where = database ? `"${database}"` : '<database>';
  // PostgreSQL 15+ no longer lets every role create in schema public: GRANT ALL ON DATABASE does not give it.
  const schema = /permission denied for schema (\S+)/.exec(cause.message ?? '')?.[1];
  const fix =
    cause.code !== '42501'
      ? ''
      : schema
        ? ` — the role needs CREATE on schema ${schema} (PostgreSQL 15+ no longer gives it to every role): GRANT CREATE ON SCHEMA ${schema} TO ${who}, or make the role the database's owner`
        : ` — the role needs CREATE on the database: GRANT CREATE ON DATABASE ${where} TO ${who}, or use a database it owns`;
  return new DatabaseError(`could not apply migrations: ${[cause.code, cause.message].filter(Boolean).join(' ')}${fix}`);
}

/**
 * The URL without its password, for error messages and logs. Done on the text, not by parsing: an unencoded `@`, `#`,
 * `?` or `/` in a password makes a URL parser take part of it for the host or the path, which would then be shown.
 * Everything up to the last `@` counts as credentials (more hidden than needed, never less).
 */
export function redactUrl(url: string): string {
  const span = credentialsOf(url);
  if (!span) return url;
  const userinfo = url.slice(span.start, span.end);
  const colon = userinfo.indexOf(':');
  const shown = colon >= 0 ? `${userinfo.slice(0, colon)}:***` : userinfo;
  const hint = ambiguousUserinfo(url) ? ' (percent-encode special characters in the password: @ as %40, # as %23, ? as %3F, / as %2F)' : '';
  return `${url.slice(0, span.start)}${shown}${url.slice(span.end)}${hint}`;
}

/** Where the credentials are: after `://`, up to the last `@` (none without an `@`). */
function credentialsOf(url: string): { start: number; end: number } | undefined {
  const scheme = url.indexOf('://');
  const start = scheme >= 0 ? scheme + 3 : 0;
  const end = url.lastIndexOf('@');
  return end >= start ? { start, end } : undefined;
}

/** Whether the credentials hold a character that ends them or the host early for a URL parser (postgres.js's too). */
function ambiguousUserinfo(url: string): boolean {
  const span = credentialsOf(url);
  return !!span && /[@#?/]/.test(url.slice(span.start, span.end));
}
