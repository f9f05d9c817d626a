// Opens the database: embedded PGlite in a locked data directory, or PostgreSQL through postgres.js.
import { mkdirSync } from 'node:fs';
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

/** Embedded PGlite. `dataDir` undefined: in memory (tests). Takes an exclusive lock on the directory. */
export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let release: (() => Promise<void>) | undefined;
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
  await migrate(db as never, { migrationsFolder: MIGRATIONS });
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

/** Real PostgreSQL. Migrations run under an advisory lock so replicas starting together don't race. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {}, connect_timeout: 10 });
  try {
    await client`select 1`;
  } catch (e) {
    await client.end({ timeout: 1 }).catch(() => {});
    const err = e as { code?: string; message?: string };
    throw new DatabaseError(`cannot reach PostgreSQL at ${redactUrl(url)}: ${err.code ?? ''} ${err.message ?? ''}`.trim());
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  const lock = await client.reserve();
  try {
    await lock`select pg_advisory_lock(727001)`;
    await migrate(db as never, { migrationsFolder: MIGRATIONS });
  } finally {
    await lock`select pg_advisory_unlock(727001)`.catch(() => {});
    lock.release();
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
