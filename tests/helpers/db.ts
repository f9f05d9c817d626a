// A fresh real database per test file: in-memory PGlite, or a new PostgreSQL database when TEST_DATABASE_URL is set.
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openPglite, openPostgres, type Database } from '../../src/db/client.js';

export const onPostgres = () => Boolean(process.env.TEST_DATABASE_URL);

/**
 * A migrated, empty PGlite data directory, made once per set of migrations and shared by test files:
 * starting from it skips replaying every migration in every file.
 */
async function migratedSnapshot(): Promise<Blob | undefined> {
  const dir = join(import.meta.dirname, '../../migrations');
  const hash = createHash('sha256');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.sql')).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  const file = join(tmpdir(), `sojusz-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const db = await openPglite();
    const blob = await db.dump!();
    await db.close();
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, Buffer.from(await blob.arrayBuffer()));
    renameSync(part, file); // atomic: a parallel worker sees the whole file or none
  }
  return new Blob([readFileSync(file)]);
}

/**
 * A new DATA_DIR holding a made and migrated embedded database (no secret yet, no key check): for a bot started as a
 * process where the first start is not what is tested — the database's first start costs seconds.
 */
export async function seededDataDir(prefix = 'sojusz-'): Promise<string> {
  seed ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sojusz-seed-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = new PGlite(join(dir, 'pg'), { loadDataDir: await migratedSnapshot() });
    await pg.waitReady;
    await pg.close();
    return dir;
  })();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(await seed, dir, { recursive: true });
  return dir;
}
let seed: Promise<string> | undefined;

export async function testDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openPglite(undefined, { loadDataDir: await migratedSnapshot() });
  const name = `sojusz_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), { max: 6 });
  return {
    ...db,
    url: u.toString(),
    async close() {
      await db.close();
      const a = postgres(url, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await a.end();
    },
  };
}

/** A second, independent connection pool to the same database (a second replica). PGlite: the same one. */
export async function secondConnection(db: Database & { url?: string }): Promise<Database> {
  if (!db.url) return db;
  const other = await openPostgres(db.url, { max: 6 });
  return other;
}
