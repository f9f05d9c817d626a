import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.js';
import { DatabaseError } from '../../src/db/errors.js';
import { loadConfig } from '../../src/config.js';
import { onPostgres } from '../helpers/db.js';

const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

describe.skipIf(onPostgres())('the embedded database', () => {
  it('keeps data in its directory across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sojusz-'));
    const a = await openPglite(dir);
    await a.db.execute(`insert into teams (platform, external_id) values ('memory', 'T-restart')` as never);
    await a.close();
    const b = await openPglite(dir);
    const r = (await b.db.execute(`select count(*)::int as n from teams where external_id = 'T-restart'` as never)) as unknown as { rows: { n: number }[] };
    expect(r.rows[0]!.n).toBe(1);
    await b.close();
  });

  it('refuses a second process with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sojusz-'));
    const holder = spawn('sleep', ['30']);
    writeFileSync(join(dir, 'sojusz.lock'), String(holder.pid));
    await expect(openPglite(dir)).rejects.toThrowError(DatabaseError);
    await expect(openPglite(dir)).rejects.toThrowError(/in use by another Sojusz process/);
    holder.kill();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sojusz-'));
    writeFileSync(join(dir, 'sojusz.lock'), '999999');
    const db = await openPglite(dir);
    await db.close();
  });

  it('npm start on a locked data directory exits with code 2 and one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sojusz-'));
    const holder = spawn('sleep', ['30']);
    writeFileSync(join(dir, 'sojusz.lock'), String(holder.pid));
    const r = spawnSync(tsx, ['main.ts'], { cwd: root, env: { PATH: process.env.PATH, DATA_DIR: dir, PORT: '0' }, encoding: 'utf8', timeout: 60_000 });
    holder.kill();
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/in use by another Sojusz process/);
  });
});

describe('configuration', () => {
  it('names a malformed DATABASE_URL and what is expected', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL: expected postgres:\/\//);
  });
  it('requires SOJUSZ_SECRET with DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/db' })).toThrowError(/SOJUSZ_SECRET/);
  });
  it('serves the playground when no platform variables are set', () => {
    const c = loadConfig({});
    expect(c.playground).toBe(true);
    expect(c.PORT).toBe(3000);
  });
  it('npm start with an unreachable PostgreSQL exits with code 2, one line, no password', () => {
    const r = spawnSync(tsx, ['main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://sojusz:hunter2@127.0.0.1:1/sojusz', SOJUSZ_SECRET: 'x'.repeat(40), PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot reach PostgreSQL/);
    expect(r.stderr).not.toContain('hunter2');
  });
  it('npm start with a bad variable exits with code 2 naming it', () => {
    const r = spawnSync(tsx, ['main.ts'], { cwd: root, env: { PATH: process.env.PATH, PORT: 'seventy' }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sojusz: PORT/);
  });
});
