// A secret rotation never runs beside a bot on PostgreSQL: every running bot holds a shared advisory lock that
// `npm run rotate-secret` needs alone. A replica left running would otherwise go on sealing new data under the old key,
// lost for good after its restart. (PGlite's data directory lock does the same there: tests/ops/rotate-secret.test.ts.)
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secrets } from '../../src/core/secrets.js';
import { ensureTeam } from '../../src/core/teams.js';
import { openPostgres } from '../../src/db/client.js';
import { RUNNING_LOCK } from '../../src/db/running.js';
import { keyCheckOf, storedKeyCheck } from '../../src/ops/key-check.js';
import { TEST_SECRET } from '../helpers/bot.js';
import { until } from '../helpers/pg-locks.js';
import { run, runUntil, type Ran } from '../ops/run.js';

const admin = process.env.TEST_DATABASE_URL;
const NEW = 'the-new-secret-9876543210fedcba9876543210fedcba';
let url: string;
let name: string;

beforeAll(async () => {
  if (!admin) return;
  name = `sojusz_t_${randomBytes(6).toString('hex')}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  url = u.toString();
  // A database the bot has used: one team, and the key check of the secret it runs with.
  const made = await openPostgres(url, { max: 2 });
  await ensureTeam(made.db, 'web', 'T1');
  await made.close();
});
afterAll(async () => {
  if (!admin) return;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
  await sql.end();
});

const rotate = () => run('rotate-secret.ts', { DATABASE_URL: url, SOJUSZ_SECRET_OLD: TEST_SECRET, SOJUSZ_SECRET_NEW: NEW });

const startBot = () => runUntil('main.ts', { DATABASE_URL: url, SOJUSZ_SECRET: TEST_SECRET, PORT: '0', LOG_LEVEL: 'info' }, 'sojusz is running');

describe.skipIf(!admin)('rotate-secret and running bots on one PostgreSQL database', { timeout: 120_000 }, () => {
  it('refuses to rotate while a bot runs on the database, changing nothing, and rotates once it has stopped', async () => {
    const bot = await startBot();
    let stopped: Ran | undefined;
    try {
      const refused = await rotate();
      expect(refused.stderr).toBe('rotation failed, nothing changed: a Sojusz process is still running on this database: stop every replica first, then run this again\n');
      expect(refused.status).toBe(1);
      expect(refused.stdout).not.toContain('Now set SOJUSZ_SECRET');
      const check = await openPostgres(url, { max: 2 });
      try {
        expect(await storedKeyCheck(check.db)).toBe(keyCheckOf(new Secrets(TEST_SECRET)));
      } finally {
        await check.close();
      }
    } finally {
      stopped = await bot.stop();
    }
    expect(stopped.status).toBe(0);
    const rotated = await rotate();
    expect(rotated.stderr).toBe('');
    expect(rotated.stdout).toContain('Now set SOJUSZ_SECRET');
    expect(rotated.status).toBe(0);
    // Back to the secret the other tests start with.
    const back = await run('rotate-secret.ts', { DATABASE_URL: url, SOJUSZ_SECRET_OLD: NEW, SOJUSZ_SECRET_NEW: TEST_SECRET });
    expect(back.status).toBe(0);
  });

  it('stops a bot that starts while a rotation runs, with one line saying to wait for it', async () => {
    const rotation = await openPostgres(url, { max: 2, running: 'alone' });
    try {
      await expect(openPostgres(url, { max: 2 })).rejects.toThrow(
        'a secret rotation (npm run rotate-secret) is running on this database: start the bot when it has finished, with the new SOJUSZ_SECRET',
      );
    } finally {
      await rotation.close();
    }
  });

  it('keeps the bot’s lock when its connection is cut (a server restart, a network drop)', async () => {
    const bot = await openPostgres(url, { max: 2 });
    const sql = postgres(admin!, { max: 1, onnotice: () => {} });
    const holders = async () =>
      (await sql`select l.pid from pg_locks l join pg_database d on d.oid = l.database
                  where l.locktype = 'advisory' and l.objid = ${RUNNING_LOCK} and l.granted and d.datname = ${name}`).map((r) => r.pid as number);
    try {
      const [first] = await holders();
      expect(first).toBeTypeOf('number');
      await sql`select pg_terminate_backend(${first!})`;
      await until(async () => {
        const now = await holders();
        return now.length === 1 && now[0] !== first;
      });
      await expect(openPostgres(url, { max: 2, running: 'alone' })).rejects.toThrow('a Sojusz process is still running on this database');
    } finally {
      await sql.end();
      await bot.close();
    }
  });
});
