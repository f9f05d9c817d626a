// A platform that refuses the bot at start (a wrong or revoked token) or does not answer: `npm start` stops with one
// line naming the variable and what to do, exit code 2 — never "sojusz is running" followed by a stack trace.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../fakes/discord/server.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { seededDataDir } from '../helpers/db.js';
import { run } from './run.js';

let fake: FakeSlack;
const dirs: string[] = [];
beforeAll(async () => {
  fake = await startFakeSlack({ socketPingMs: 0 });
});
afterAll(async () => {
  await fake?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function startBot(env: Record<string, string>, o: { spawned?: (p: ChildProcess) => void } = {}) {
  const dir = await seededDataDir('sojusz-platform-start-');
  dirs.push(dir);
  return run('main.ts', { DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env }, { spawned: o.spawned });
}
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-revoked' };

describe('npm start when Slack refuses the bot', { timeout: 120_000 }, () => {
  it('names SLACK_BOT_TOKEN in one line with exit code 2 when Slack refuses the token (HTTP mode)', async () => {
    fake.failNext('auth.test', { error: 'invalid_auth' });
    const r = await startBot({ ...SLACK, SLACK_API_URL: fake.apiUrl, SLACK_SIGNING_SECRET: 'signing-secret' });
    expect(r.stderr).toBe('sojusz: SLACK_BOT_TOKEN — Slack refused it (invalid_auth): copy the Bot User OAuth Token (OAuth & Permissions) again\n');
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain('sojusz is running');
  });

  it('names SLACK_APP_TOKEN when Slack refuses the app-level token (Socket Mode)', async () => {
    fake.failNext('apps.connections.open', { error: 'invalid_auth' });
    const r = await startBot({ ...SLACK, SLACK_API_URL: fake.apiUrl, SLACK_APP_TOKEN: 'xapp-revoked' });
    expect(r.stderr).toBe('sojusz: SLACK_APP_TOKEN — Slack refused it (invalid_auth): copy the app-level token (Basic Information → App-Level Tokens, with connections:write) again\n');
    expect(r.status).toBe(2);
  });

  it('names SLACK_API_URL when nothing answers there', async () => {
    const r = await startBot({ ...SLACK, SLACK_API_URL: 'http://127.0.0.1:1/api/', SLACK_SIGNING_SECRET: 'signing-secret' });
    expect(r.stderr).toMatch(/^sojusz: SLACK_API_URL — Slack did not answer at http:\/\/127\.0\.0\.1:1\/api\/ \(ECONNREFUSED\): check the URL and the network\n$/);
    expect(r.status).toBe(2);
  });
});

describe('npm start when Discord refuses the bot', { timeout: 120_000 }, () => {
  it('names DISCORD_TOKEN in one line with exit code 2 when the gateway login is refused', async () => {
    const discord = await startFakeDiscord({ token: 'the-current-token' });
    try {
      const r = await startBot({ DISCORD_TOKEN: 'a-reset-token', DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl });
      expect(r.stderr).toBe('sojusz: DISCORD_TOKEN — Discord refused it (invalid token): copy the bot token again (Developer Portal → Bot → Reset Token)\n');
      expect(r.status).toBe(2);
    } finally {
      await discord.close();
    }
  });
});

describe('npm start stopped by SIGTERM while it starts', { timeout: 120_000 }, () => {
  // The production bundle, started by node as `npm start` does (tsx would take the signal first).
  it('starts nothing more, never says it is running, and says it stopped, with exit code 0', async () => {
    // A Slack that answers the token check after 3 s: the signal comes while the adapter is starting.
    let arrived: () => void = () => {};
    const asked = new Promise<void>((ok) => (arrived = ok));
    const slow = createServer((_req, res) => {
      arrived();
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, team_id: 'T1', user_id: 'U0BOT', bot_id: 'B0BOT' })), 3000);
    });
    await new Promise<void>((ok) => slow.listen(0, '127.0.0.1', () => ok()));
    try {
      const apiUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/api/`;
      const r = await startBot({ ...SLACK, SLACK_API_URL: apiUrl, SLACK_SIGNING_SECRET: 'signing-secret' }, {
        spawned: (p) => void asked.then(() => p.kill('SIGTERM')),
      });
      expect(r.status, r.stderr).toBe(0);
      const messages = r.stdout.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(messages).not.toContain('sojusz is running');
      expect(messages.slice(-2)).toEqual(['stopping', 'stopped']);
    } finally {
      slow.closeAllConnections();
      await new Promise((ok) => slow.close(ok));
    }
  });
});
