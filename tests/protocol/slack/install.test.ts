// Multi-workspace install (OAuth) and Socket Mode: a workspace installs the bot; a command arrives over the socket.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import type { CoreEvent } from '../../../src/core/events.js';
import { slackInstallations } from '../../../src/db/schema/index.js';
import { startSlackHarness } from '../../helpers/slack.js';

describe('Slack install and Socket Mode', () => {
  it('an OAuth install stores the workspace with its token encrypted and welcomes the installer', async () => {
    const installed: CoreEvent[] = [];
    const registry = buildRegistry();
    registry.hooks.push({ onInstalled: async (_bot, ev) => void installed.push(ev) });
    const h = await startSlackHarness({ oauth: true, registry });
    try {
      h.fake.setUser('U0INSTALL', { locale: 'pl-PL' });
      const start = await fetch(`${h.base}/slack/install`, { redirect: 'manual' });
      expect(start.status).toBe(302);
      const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
      const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
      const done = await fetch(`${h.base}/slack/oauth_redirect?code=fake-code&state=${encodeURIComponent(state)}`, { headers: { cookie } });
      expect(done.status).toBe(200);
      await expect.poll(() => installed.length).toBe(1);
      expect(installed[0]).toMatchObject({ kind: 'installed', platform: 'slack', team: h.team, installer: 'U0INSTALL', locale: 'pl-PL' });

      const rows = await h.bot.db.select().from(slackInstallations);
      expect(rows).toHaveLength(1);
      const token = `xoxb-${h.team}-fake-installation`;
      expect(rows[0]!.botTokenEnc).not.toContain(token);
      expect(h.bot.secrets.decrypt(rows[0]!.botTokenEnc)).toBe(token);

      // The stored installation now answers the workspace's commands.
      h.fake.clear();
      await h.command('U_ANNA', '/sojusz help');
      const answer = await h.fake.waitFor('response_url');
      expect(answer.args.response_type).toBe('ephemeral');
      expect(h.fake.callsTo('users.info')[0]?.token).toBe(token);
    } finally {
      await h.close();
    }
  }, 180_000);

  it('refuses an OAuth redirect without the state it issued, and stores nothing', async () => {
    const h = await startSlackHarness({ oauth: true });
    try {
      const res = await fetch(`${h.base}/slack/oauth_redirect?code=fake-code&state=forged`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(await h.bot.db.select().from(slackInstallations)).toHaveLength(0);
    } finally {
      await h.close();
    }
  }, 180_000);

  it('in Socket Mode acks a slash command envelope and answers it privately', async () => {
    const h = await startSlackHarness({ socket: true });
    try {
      const payload = { command: '/sojusz', text: 'help', user_id: 'U_ANNA', team_id: h.team, channel_id: 'C_GENERAL', response_url: h.fake.responseUrl(), trigger_id: '1.2.abc' };
      const ack = await h.fake.socketSend({ type: 'slash_commands', payload });
      expect(ack.envelope_id).toBeTruthy();
      const answer = await h.fake.waitFor('response_url');
      expect(answer.args.response_type).toBe('ephemeral');
      expect(JSON.stringify(answer.args.blocks)).toContain('/sojusz');
    } finally {
      await h.close();
    }
  }, 180_000);

  it('in Socket Mode reports unhealthy while the WebSocket is down, and healthy again once it is back', async () => {
    const h = await startSlackHarness({ socket: true });
    const health = async () => (await fetch(`${h.base}/healthz`)).status;
    try {
      expect(await health()).toBe(200);
      h.fake.failNext('apps.connections.open', { error: 'internal_error' });
      h.fake.socketDisconnect('refresh_requested');
      await expect.poll(health, { timeout: 10_000 }).toBe(503);
      await expect.poll(health, { timeout: 60_000, interval: 250 }).toBe(200);
      const payload = { command: '/sojusz', text: 'help', user_id: 'U_ANNA', team_id: h.team, channel_id: 'C_GENERAL', response_url: h.fake.responseUrl(), trigger_id: '1.2.abc' };
      expect((await h.fake.socketSend({ type: 'slash_commands', payload })).envelope_id).toBeTruthy();
    } finally {
      await h.close();
    }
  }, 180_000);
});
