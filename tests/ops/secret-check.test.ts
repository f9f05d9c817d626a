// A secret that is not the data's stops the start with one line (exit code 2) instead of a bot that answers every
// member with an apology: SOJUSZ_SECRET set over a DATA_DIR/secret, a pg/ backup restored without its secret file.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Secrets } from '../../src/core/secrets.js';
import { openPglite } from '../../src/db/client.js';
import { matchesKeyCheck } from '../../src/ops/key-check.js';
import { TEST_SECRET } from '../helpers/bot.js';
import { seededDataDir, testDatabase } from '../helpers/db.js';
import { run } from './run.js';

const OTHER = 'another-secret-0123456789abcdef0123456789abcdef';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A data directory whose database was made with `secret` (and, with `file`, that secret in DATA_DIR/secret). */
async function dataDirMadeWith(secret: string, o: { file?: boolean } = {}): Promise<string> {
  const dir = await seededDataDir('sojusz-keycheck-');
  dirs.push(dir);
  const db = await openPglite(dir);
  await db.db.transaction((tx) => matchesKeyCheck(tx, new Secrets(secret)));
  await db.close();
  if (o.file) writeFileSync(join(dir, 'secret'), secret, { mode: 0o600 });
  return dir;
}

describe('the key check', () => {
  it('is taken from the first secret, then matches only that one', async () => {
    const database = await testDatabase();
    try {
      const check = (s: string) => database.db.transaction((tx) => matchesKeyCheck(tx, new Secrets(s)));
      expect(await check(TEST_SECRET)).toBe(true);
      expect(await check(TEST_SECRET)).toBe(true);
      expect(await check(OTHER)).toBe(false);
    } finally {
      await database.close();
    }
  });
});

describe('npm start with a secret that is not the data’s', { timeout: 120_000 }, () => {
  it('stops with exit code 2 and one line when SOJUSZ_SECRET is set over the DATA_DIR/secret the database was made with', async () => {
    const dir = await dataDirMadeWith(TEST_SECRET, { file: true });
    const r = await run('main.ts', { DATA_DIR: dir, SOJUSZ_SECRET: OTHER, PORT: '0' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `sojusz: SOJUSZ_SECRET — does not match the secret this database was made with (it may be the one in ${join(dir, 'secret')}: unset SOJUSZ_SECRET or set it to that); to change the secret, see docs/operations.md → Rotating SOJUSZ_SECRET\n`,
    );
    expect(r.stdout).not.toContain('sojusz is running');
  });

  it('stops with exit code 2 when a pg/ backup comes back without its secret file, and generates none', async () => {
    const dir = await dataDirMadeWith(TEST_SECRET);
    const r = await run('main.ts', { DATA_DIR: dir, PORT: '0' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^sojusz: ${join(dir, 'secret')} — does not match the secret this database was made with \\(a restored pg/ backup needs the secret file saved with it`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'secret'))).toBe(false);
  });

  it('names the DATA_DIR/secret file, not SOJUSZ_SECRET, when the file is too short', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sojusz-keycheck-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'secret'), 'too-short\n');
    const r = await run('main.ts', { DATA_DIR: dir, PORT: '0' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`sojusz: ${join(dir, 'secret')} — expected at least 32 characters (the bot writes it on a first start; after rotate-secret, you write the new secret there); restore the file from its backup\n`);
    // Refused before the database was opened.
    expect(existsSync(join(dir, 'pg'))).toBe(false);
  });
});
