// Start-up as an operator meets it: a bad or missing variable stops `npm start` (and `npm run start:sharded`)
// with one line naming the variable and what is expected, and exit code 2 — before anything is opened or spawned.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as start } from '../ops/run.js';

const OAUTH = { SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret-0123456789' };
const GATEWAY = { DISCORD_TOKEN: 'fake-token', DISCORD_APPLICATION_ID: '123456789012345678' };

describe('npm start with a bad environment', { timeout: 120_000 }, () => {
  it.each([
    ['the Slack OAuth install without SLACK_SIGNING_SECRET', OAUTH, /^sojusz: SLACK_SIGNING_SECRET — required with SLACK_CLIENT_ID/],
    ['the Slack OAuth install with Socket Mode', { ...OAUTH, SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' }, /^sojusz: SLACK_APP_TOKEN — leave unset with SLACK_CLIENT_ID/],
    ['DISCORD_PUBLIC_KEY without DISCORD_APPLICATION_ID', { DISCORD_TOKEN: 't', DISCORD_PUBLIC_KEY: 'ab'.repeat(32) }, /^sojusz: DISCORD_APPLICATION_ID — required/],
    ['a DISCORD_PUBLIC_KEY that is no Ed25519 key', { ...GATEWAY, DISCORD_PUBLIC_KEY: 'not-a-key' }, /^sojusz: DISCORD_PUBLIC_KEY — expected the 64-character hex public key/],
    ['a SOJUSZ_LEASE_MS that is not a number of milliseconds', { SOJUSZ_LEASE_MS: '1m' }, /^sojusz: SOJUSZ_LEASE_MS — expected the outbox lease in milliseconds, from 1000 to 600000/],
    ['SHARDS that is not a shard count', { SHARDS: 'many' }, /^sojusz: SHARDS — expected the number of Discord shards/],
  ])('%s exits with code 2 and one line naming it', async (_what, env, line) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sojusz-startup-'));
    const r = await start('main.ts', { ...env, DATA_DIR: dataDir, PORT: '0' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(line);
    // Refused before the database was opened.
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('npm start where it cannot open its database', { timeout: 120_000 }, () => {
  it('on a data directory another process holds exits with code 2 and one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sojusz-startup-'));
    const holder = spawn('sleep', ['30']);
    writeFileSync(join(dir, 'sojusz.lock'), String(holder.pid));
    const r = await start('main.ts', { DATA_DIR: dir, PORT: '0' });
    holder.kill();
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/in use by another Sojusz process/);
  });

  it('with an unreachable PostgreSQL exits with code 2 and one line, without the password', async () => {
    const r = await start('main.ts', { DATABASE_URL: 'postgres://sojusz:hunter2@127.0.0.1:1/sojusz', SOJUSZ_SECRET: 'x'.repeat(40), PORT: '0' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot reach PostgreSQL/);
    expect(r.stderr).not.toContain('hunter2');
  });

  it('with a bad variable exits with code 2 naming it', async () => {
    const r = await start('main.ts', { PORT: 'seventy' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sojusz: PORT/);
  });
});

describe('npm run start:sharded with a bad environment', { timeout: 120_000 }, () => {
  const DB = { DATABASE_URL: 'postgres://sojusz:pw@127.0.0.1:1/sojusz', SOJUSZ_SECRET: 'x'.repeat(40) };
  it.each([
    ['SHARDS of zero', { ...GATEWAY, ...DB, SHARDS: '0' }, /^sojusz: SHARDS — expected the number of Discord shards for start:sharded, a whole number from 1 to 10000, or auto/],
    ['SHARDS that is not a number', { ...GATEWAY, ...DB, SHARDS: 'two' }, /^sojusz: SHARDS — /],
    ['no DISCORD_TOKEN', { ...DB, SHARDS: '2' }, /^sojusz: DISCORD_TOKEN — required by start:sharded/],
    ['no DATABASE_URL (shards cannot share PGlite)', { ...GATEWAY, SHARDS: '2' }, /^sojusz: DATABASE_URL — required by start:sharded/],
    ['HTTP interactions (DISCORD_PUBLIC_KEY)', { ...GATEWAY, ...DB, DISCORD_PUBLIC_KEY: 'ab'.repeat(32) }, /^sojusz: DISCORD_PUBLIC_KEY — leave unset for start:sharded/],
    ['a PORT the last shard cannot have', { ...GATEWAY, ...DB, SHARDS: '3', PORT: '65534' }, /^sojusz: PORT — shard n serves on PORT \+ n: expected a port from 1 to 65533/],
    ['a bad variable anywhere else', { ...GATEWAY, ...DB, LOG_LEVEL: 'loud' }, /^sojusz: LOG_LEVEL — /],
  ])('%s exits with code 2 and one line, before any shard starts', async (_what, env, line) => {
    const r = await start('adapters/discord/sharded.ts', env);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(line);
    expect(r.stdout).not.toContain('started');
  });
});
