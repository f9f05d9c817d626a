// Storage that cannot be used stops the start with one line saying why: something that is not PostgreSQL at
// DATABASE_URL (which used to hang the start for ever), a migration the server refused (whose cause was only in its log).
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseError, openPglite, openPostgres, redactUrl } from '../../src/db/client.js';
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

describe('a DATABASE_URL whose password holds special characters', () => {
  const ENCODE = ' (percent-encode special characters in the password: @ as %40, # as %23, ? as %3F, / as %2F)';

  it.each([
    ['an unencoded @, # and /', 'postgres://sojusz:p@ss#w0rd/x@db.internal:5432/sojusz', `postgres://sojusz:***@db.internal:5432/sojusz${ENCODE}`],
    ['an unencoded @', 'postgres://sojusz:p@ss@db.internal:5432/sojusz', `postgres://sojusz:***@db.internal:5432/sojusz${ENCODE}`],
    ['an unencoded ?', 'postgres://sojusz:what?now@db.internal/sojusz', `postgres://sojusz:***@db.internal/sojusz${ENCODE}`],
    ['a percent-encoded one', 'postgres://sojusz:p%40ss%23w0rd@db.internal:5432/sojusz?sslmode=require', 'postgres://sojusz:***@db.internal:5432/sojusz?sslmode=require'],
    ['none at all', 'postgresql://sojusz:hunter2@db.internal/sojusz', 'postgresql://sojusz:***@db.internal/sojusz'],
    ['no password', 'postgres://sojusz@db.internal/sojusz', 'postgres://sojusz@db.internal/sojusz'],
    ['no credentials', 'postgres://db.internal:5432/sojusz', 'postgres://db.internal:5432/sojusz'],
  ])('is shown without any of the password when it holds %s', (_what, url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });

  it('stops the start with one line that shows none of the password and says to percent-encode it', async () => {
    // postgres.js takes "ss#w0rd" for the host here (and says so in its own error), or refuses the URL outright.
    for (const url of ['postgres://sojusz:p@ss#w0rd/x@127.0.0.1:1/sojusz', 'postgres://sojusz:pa#ss?w0rd@127.0.0.1:1/sojusz']) {
      const failed = await openPostgres(url, { connectMs: 3000 }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(failed).toBeInstanceOf(DatabaseError);
      expect(failed!.message).toContain(`postgres://sojusz:***@127.0.0.1:1/sojusz${ENCODE}`);
      expect(failed!.message).not.toMatch(/w0rd|\bss\b|pa#/);
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
        new RegExp(`^could not apply migrations: 42501 permission denied for database ${name} — the role needs CREATE on the database: GRANT CREATE ON DATABASE "${name}" TO "${name}", or use a database it owns$`),
      );
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.unsafe(`drop role if exists ${name}`).catch(() => {});
      await admin.end();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('names GRANT CREATE ON SCHEMA public when the role has every right on the database but none on schema public (PostgreSQL 15+)', async () => {
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    const [{ version }] = (await admin`select current_setting('server_version_num')::int as version`) as unknown as [{ version: number }];
    const name = `sojusz_t_${randomBytes(6).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    try {
      await admin.unsafe(`create database ${name}`);
      await admin.unsafe(`create role ${name} login password '${password}'`);
      await admin.unsafe(`grant all on database ${name} to ${name}`);
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.username = name;
      u.password = password;
      u.pathname = `/${name}`;
      const opened = openPostgres(u.toString());
      // Before 15 every role could create in public, so the start goes through.
      if (version < 150000) return void (await (await opened).close());
      await expect(opened).rejects.toThrow(
        new RegExp(
          `^could not apply migrations: 42501 permission denied for schema public — the role needs CREATE on schema public \\(PostgreSQL 15\\+ no longer gives it to every role\\): GRANT CREATE ON SCHEMA public TO "${name}", or make the role the database's owner$`,
        ),
      );
      // Doing what it says is enough.
      const owner = postgres(u.toString().replace(`${name}:${password}@`, `${new URL(process.env.TEST_DATABASE_URL!).username}@`), { max: 1, onnotice: () => {} });
      await owner.unsafe(`grant create on schema public to "${name}"`);
      await owner.end();
      const started = await openPostgres(u.toString());
      expect(started.migrated.length).toBeGreaterThan(0);
      await started.close();
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.unsafe(`drop owned by ${name}`).catch(() => {});
      await admin.unsafe(`drop role if exists ${name}`).catch(() => {});
      await admin.end();
    }
  });
});
