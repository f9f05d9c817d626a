import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.js';
import { DatabaseError } from '../../src/db/errors.js';
import { loadConfig } from '../../src/config.js';
import { onPostgres } from '../helpers/db.js';

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
});
