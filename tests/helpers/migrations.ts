// Migration tests: a bare database (PGlite, or a fresh PostgreSQL database when TEST_DATABASE_URL is set) migrated
// from a copy of migrations/ whose journal ends where the test needs, to insert the rows an older install has.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../../src/root.js';
import { onPostgres } from './db.js';

export const MIGRATIONS = resolve(ROOT, 'migrations');

/** The migrations folder as it was after migration `last`: the same files, a journal that ends there. */
export function migrationsUpTo(last: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sojusz-migrations-'));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

/** A bare database (no migrations yet) with a way to migrate it from a folder and to query it. */
export interface Bare {
  migrate(folder: string): Promise<void>;
  rows<T>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

export async function bareDatabase(): Promise<Bare> {
  if (!onPostgres()) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = new PGlite();
    const db = drizzle(client);
    return {
      migrate: (folder) => migrate(db, { migrationsFolder: folder }),
      rows: async <T>(q: SQL) => (await db.execute(q)).rows as T[],
      close: () => client.close(),
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `sojusz_m_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(u.toString(), { max: 1, onnotice: () => {} });
  const db = drizzle(client);
  return {
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    rows: async <T>(q: SQL) => [...(await db.execute(q))] as T[],
    async close() {
      await client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    },
  };
}

/**
 * For a migration test file: a bare database, made before its tests and dropped after them, that `migrateOlder()`
 * brings to where an install stood after migration `last` (then insert what such an install holds, and migrate on
 * with `migrate(MIGRATIONS)`).
 */
export function olderInstall(last: number): Bare & { migrateOlder(): Promise<void> } {
  let db: Bare | undefined;
  let folder = '';
  beforeAll(async () => {
    folder = migrationsUpTo(last);
    db = await bareDatabase();
  });
  afterAll(async () => {
    await db?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return {
    migrateOlder: () => db!.migrate(folder),
    migrate: (f) => db!.migrate(f),
    rows: <T>(q: SQL) => db!.rows<T>(q),
    close: () => db!.close(),
  };
}
