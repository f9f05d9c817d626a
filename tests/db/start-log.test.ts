// What a start tells the operator: which migrations it applied (once, by the process that applied them; nothing when
// the database was up to date), and which version runs — on the embedded database, and on PostgreSQL when
// TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/client.js';
import { TEST_SECRET } from '../helpers/bot.js';
import { ROOT, runUntil } from '../ops/run.js';

const admin = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** A bare database: an empty DATA_DIR, or a new empty PostgreSQL database. */
async function bareDatabase(): Promise<Record<string, string>> {
  if (!admin) {
    const dir = mkdtempSync(join(tmpdir(), 'sojusz-start-log-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return { DATA_DIR: dir };
  }
  const name = `sojusz_t_${randomBytes(6).toString('hex')}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  cleanups.push(async () => {
    const a = postgres(admin, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await a.end();
  });
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return { DATABASE_URL: u.toString(), SOJUSZ_SECRET: TEST_SECRET };
}

/** `npm start` until it runs, then SIGTERM: its log lines. */
async function startAndStop(env: Record<string, string>): Promise<{ msg: string; [k: string]: unknown }[]> {
  const bot = await runUntil('main.ts', { ...env, PORT: '0', LOG_LEVEL: 'info' }, 'sojusz is running');
  const r = await bot.stop();
  expect(r.status).toBe(0);
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

describe('the log of a start', { timeout: 180_000 }, () => {
  it('lists the migrations a bare database was given, once, and names the version running', async () => {
    const env = await bareDatabase();
    const every = readdirSync(join(ROOT, 'migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => f.replace(/\.sql$/, ''));
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

    const first = await startAndStop(env);
    const applied = first.filter((l) => l.msg === 'migrations applied');
    expect(applied).toHaveLength(1);
    expect(applied[0]!.migrations).toEqual(every);
    expect(first.find((l) => l.msg === 'sojusz is running')).toMatchObject({ version, database: admin ? 'postgres' : 'pglite' });

    const second = await startAndStop(env);
    expect(second.filter((l) => l.msg === 'migrations applied')).toEqual([]);
    expect(second.find((l) => l.msg === 'sojusz is running')).toMatchObject({ version });
  });

  it.skipIf(!admin)('lists them in one replica’s log only when two start together on a bare database', async () => {
    const { DATABASE_URL } = await bareDatabase();
    const both = await Promise.all([openPostgres(DATABASE_URL!, { max: 2 }), openPostgres(DATABASE_URL!, { max: 2 })]);
    try {
      expect(both.map((d) => d.migrated.length).sort((a, b) => a - b)).toEqual([0, readdirSync(join(ROOT, 'migrations')).filter((f) => f.endsWith('.sql')).length]);
    } finally {
      for (const d of both) await d.close();
    }
  });
});
