// `npm run rotate-secret` as an operator meets it: it says which database it opened, refuses one that cannot be the
// bot's (no data directory, no team), and names the variable at fault when a secret is wrong.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Secrets } from '../../src/core/secrets.js';
import { ensureMember, ensureTeam } from '../../src/core/teams.js';
import { openPglite } from '../../src/db/client.js';
import { autochecks } from '../../src/db/schema/index.js';
import { keyCheckOf, matchesKeyCheck, storedKeyCheck } from '../../src/ops/key-check.js';
import { rotateSecret } from '../../src/ops/rotate-secret.js';
import { makeBot, TEST_SECRET } from '../helpers/bot.js';
import { seededDataDir, testDatabase } from '../helpers/db.js';
import { run } from './run.js';

const NEW = 'the-new-secret-9876543210fedcba9876543210fedcba';
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sojusz-rotate-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run rotate-secret', { timeout: 120_000 }, () => {
  it('refuses a DATA_DIR that holds no database, says which directory it looked at, and creates nothing there', async () => {
    const dir = tempDir();
    const r = await run('rotate-secret.ts', { DATA_DIR: dir, SOJUSZ_SECRET_OLD: TEST_SECRET, SOJUSZ_SECRET_NEW: NEW });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`database: embedded, in ${dir}`);
    expect(r.stdout).not.toContain('Now set SOJUSZ_SECRET');
    expect(r.stderr).toMatch(new RegExp(`^rotation failed, nothing changed: DATA_DIR — no embedded database in ${dir}`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rotates the bot’s own data directory and says so', async () => {
    const dir = await seededDataDir('sojusz-rotate-');
    dirs.push(dir);
    const db = await openPglite(dir);
    await ensureTeam(db.db, 'memory', 'T1');
    await db.close();
    const r = await run('rotate-secret.ts', { DATA_DIR: dir, SOJUSZ_SECRET_OLD: TEST_SECRET, SOJUSZ_SECRET_NEW: NEW });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^database: embedded, in ${dir}\n`));
    expect(r.stdout).toContain('Now set SOJUSZ_SECRET');
  });

  it('refuses a data directory a running bot holds, saying to stop it first, and changes nothing', async () => {
    const dir = await seededDataDir('sojusz-rotate-');
    dirs.push(dir);
    const running = await openPglite(dir);
    try {
      await ensureTeam(running.db, 'memory', 'T1');
      const r = await run('rotate-secret.ts', { DATA_DIR: dir, SOJUSZ_SECRET_OLD: TEST_SECRET, SOJUSZ_SECRET_NEW: NEW });
      expect(r.stderr).toBe(`rotation failed, nothing changed: a Sojusz process is still running on the data directory ${dir} (pid ${process.pid}): stop it first, then run this again\n`);
      expect(r.status).toBe(1);
      expect(await storedKeyCheck(running.db)).toBeUndefined();
    } finally {
      await running.close();
    }
  });

  it('names SOJUSZ_SECRET_NEW when the new secret is too short', async () => {
    const r = await run('rotate-secret.ts', { DATA_DIR: tempDir(), SOJUSZ_SECRET_OLD: TEST_SECRET, SOJUSZ_SECRET_NEW: 'short' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('rotate-secret: SOJUSZ_SECRET_NEW — expected at least 32 characters (openssl rand -hex 32 for a new one)\n');
  });
});

describe('rotating the secret of a database', () => {
  it('refuses a database that holds no team (the wrong DATABASE_URL or DATA_DIR), changing nothing', async () => {
    const database = await testDatabase();
    try {
      await expect(rotateSecret(database, [], TEST_SECRET, NEW)).rejects.toThrow('this database holds no team: is DATABASE_URL or DATA_DIR the one the bot runs with?');
      expect(await storedKeyCheck(database.db)).toBeUndefined();
    } finally {
      await database.close();
    }
  });

  it('names SOJUSZ_SECRET_OLD and the area when the old secret does not open the stored data', async () => {
    const tb = await makeBot();
    try {
      const team = await ensureTeam(tb.bot.db, 'memory', 'T1');
      const m = await ensureMember(tb.bot.db, team.id, 'U_ANNA');
      await tb.bot.db.insert(autochecks).values({ teamId: team.id, memberId: m.id, variant: 'quick', createdAt: tb.clock.now(), sealed: tb.bot.secrets.encrypt('{"n":1}') });
      await expect(rotateSecret(tb.database, tb.bot.registry.privacy, 'not-the-secret-at-all-0123456789abcdef', NEW)).rejects.toThrow(
        'SOJUSZ_SECRET_OLD does not open the stored autocheck data: is the old secret the one the bot runs with?',
      );
    } finally {
      await tb.close();
    }
  });

  it('refuses an old secret other than the one the database was made with, and moves the key check to the new secret', async () => {
    const tb = await makeBot();
    try {
      await ensureTeam(tb.bot.db, 'memory', 'T1');
      expect(await tb.bot.db.transaction((tx) => matchesKeyCheck(tx, new Secrets(TEST_SECRET)))).toBe(true);
      await expect(rotateSecret(tb.database, tb.bot.registry.privacy, 'not-the-secret-at-all-0123456789abcdef', NEW)).rejects.toThrow('SOJUSZ_SECRET_OLD does not match this database’s key check: the old secret must be the one the bot runs with');
      expect(await storedKeyCheck(tb.bot.db)).toBe(keyCheckOf(new Secrets(TEST_SECRET)));
      await rotateSecret(tb.database, tb.bot.registry.privacy, TEST_SECRET, NEW);
      expect(await storedKeyCheck(tb.bot.db)).toBe(keyCheckOf(new Secrets(NEW)));
      expect(await tb.bot.db.transaction((tx) => matchesKeyCheck(tx, new Secrets(TEST_SECRET)))).toBe(false);
    } finally {
      await tb.close();
    }
  });
});
