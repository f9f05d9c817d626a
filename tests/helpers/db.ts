// A fresh real database per test file: in-memory PGlite, or a new PostgreSQL database when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openPglite, openPostgres, type Database } from '../../src/db/client.js';

export const onPostgres = () => Boolean(process.env.TEST_DATABASE_URL);

export async function testDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openPglite();
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
