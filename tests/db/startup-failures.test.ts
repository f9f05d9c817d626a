// Storage that cannot be used stops the start with one line saying why: something that is not PostgreSQL at
// DATABASE_URL (which used to hang the start for ever), a migration the server refused (whose cause was only in its log).
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseError, openPglite, openPostgres } from '../../src/db/client.js';
import { seededDataDir } from '../helpers/db.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a DATABASE_URL where no PostgreSQL answers', () => {
  it('gives up within the limit, names the address without its password, and stops reconnecting', async () => {
    let connections = 0;
    const sockets = new Set<Socket>();
    // An HTTP server's way of refusing what it does not understand: postgres.js reconnects to it in a tight loop.
    const server: Server = createServer((socket) => {
      connections++;
      sockets.add(socket.once('close', () => sockets.delete(socket)));
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    const { port } = server.address() as { port: number };
    try {
      const started = Date.now();
      const opened = openPostgres(`postgres://sojusz:hunter2@127.0.0.1:${port}/sojusz`, { connectMs: 1500 });
      await expect(opened).rejects.toThrow(DatabaseError);
      await expect(opened).rejects.toThrow(`no PostgreSQL answered at postgres://sojusz:***@127.0.0.1:${port}/sojusz within 1.5 s — is DATABASE_URL the right host and port?`);
      expect(Date.now() - started).toBeLessThan(5000);
      const after = connections;
      await new Promise((ok) => setTimeout(ok, 500));
      expect(connections - after).toBeLessThanOrEqual(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((ok) => server.close(ok));
    }
  });
});

describe('a migration that fails', () => {
  it('says the server’s own reason and releases the data directory (PGlite)', async () => {
    const dir = await seededDataDir('sojusz-migrate-');
    dirs.push(dir);
    const first = await openPglite(dir);
    // Forgetting what was applied makes the next start apply the first migration again, over its own tables.
    await first.db.execute(sql`delete from drizzle.__drizzle_migrations`);
    await first.close();
    await expect(openPglite(dir)).rejects.toThrow(/^could not apply migrations: 42P07 relation "\w+" already exists$/);
    expect(existsSync(join(dir, 'sojusz.lock'))).toBe(false);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('says the role lacks CREATE when PostgreSQL refuses it, with how to fix it', async () => {
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = `sojusz_t_${randomBytes(6).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    try {
      await admin.unsafe(`create database ${name}`);
      await admin.unsafe(`create role ${name} login password '${password}'`);
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.username = name;
      u.password = password;
      u.pathname = `/${name}`;
      await expect(openPostgres(u.toString())).rejects.toThrow(
        /^could not apply migrations: 42501 permission denied for database \w+ — the role needs CREATE on the database, or use a database it owns$/,
      );
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.unsafe(`drop role if exists ${name}`).catch(() => {});
      await admin.end();
    }
  });
});
