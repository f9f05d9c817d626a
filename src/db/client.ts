// Opens the database: embedded PGlite in a locked data directory, or PostgreSQL through postgres.js.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';
import { lockDataDir } from './lock.js';
import { ROOT } from '../root.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: queries accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Whether several processes may share it (PostgreSQL) — PGlite is one process by design. */
  shared: boolean;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * PostgreSQL only: call `onNotify` on every NOTIFY on `channel` (from any process sharing the database).
   * Resolves once listening; the returned function stops. PGlite has one process, so nothing to hear.
   */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /** PGlite only: the whole data directory as a tarball (tests start fresh databases from a migrated one). */
  dump?(): Promise<Blob | File>;
}

export { DatabaseError } from './errors.js';
import { DatabaseError } from './errors.js';

const MIGRATIONS = resolve(ROOT, 'migrations');

/**
 * Embedded PGlite. `dataDir` undefined: in memory (tests). Takes an exclusive lock on the directory.
 * `mustExist`: refuse a directory without a database instead of creating an empty one (rotate-secret: a mistyped
 * DATA_DIR must not look like a database with nothing to rotate).
 */
export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob; mustExist?: boolean } = {}): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let release: (() => Promise<void>) | undefined;
  if (dataDir && opts.mustExist && !existsSync(resolve(dataDir, 'pg'))) {
    throw new DatabaseError(`DATA_DIR — no embedded database in ${resolve(dataDir)} (it has no pg/): set DATA_DIR to the bot's data directory, or DATABASE_URL to its PostgreSQL`);
  }
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
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
  try {
    await migrate(db as never, { migrationsFolder: MIGRATIONS });
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
    async ping() {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await client.close();
      await release?.();
    },
  };
}

/** How long the first query may take before the start gives up (`connectMs` overrides it in tests). */
const CONNECT_MS = 15_000;

/** Real PostgreSQL. Migrations run under an advisory lock so replicas starting together don't race. */
export async function openPostgres(url: string, opts: { max?: number; connectMs?: number } = {}): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {}, connect_timeout: 10 });
  const connectMs = opts.connectMs ?? CONNECT_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    // Raced: a server that is not PostgreSQL (closing at once, answering HTTP) makes postgres.js reconnect in a tight
    // loop forever, and its connect_timeout never fires.
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseError(`no PostgreSQL answered at ${redactUrl(url)} within ${connectMs / 1000} s — is DATABASE_URL the right host and port?`)), connectMs);
    });
    await Promise.race([client`select 1`, late]);
  } catch (e) {
    await client.end({ timeout: 0 }).catch(() => {});
    if (e instanceof DatabaseError) throw e;
    const err = e as { code?: string; message?: string };
    throw new DatabaseError(`cannot reach PostgreSQL at ${redactUrl(url)}: ${err.code ?? ''} ${err.message ?? ''}`.trim());
  } finally {
    clearTimeout(timer);
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  const lock = await client.reserve();
  let failed: DatabaseError | undefined;
  try {
    await lock`select pg_advisory_lock(727001)`;
    await migrate(db as never, { migrationsFolder: MIGRATIONS });
  } catch (e) {
    failed = migrationFailure(e);
  } finally {
    await lock`select pg_advisory_unlock(727001)`.catch(() => {});
    lock.release();
  }
  if (failed) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw failed;
  }
  return {
    db,
    kind: 'postgres',
    shared: true,
    async ping() {
      try {
        await client`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, () => onNotify());
      return unlisten;
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * A migration that failed, with the server's own reason: drizzle's message quotes only the statement ("Failed query:
 * CREATE SCHEMA …"), and the cause (permission denied, say) was in PostgreSQL's log alone.
 */
function migrationFailure(e: unknown): DatabaseError {
  const cause = ((e as { cause?: unknown }).cause ?? e) as { code?: string; message?: string };
  const fix = cause.code === '42501' ? ' — the role needs CREATE on the database, or use a database it owns' : '';
  return new DatabaseError(`could not apply migrations: ${[cause.code, cause.message].filter(Boolean).join(' ')}${fix}`);
}

/** The URL without its password, for error messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the given DATABASE_URL';
  }
}
