// The app manifest: one paste creates a Slack app that knows every command the bot has.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import { buildManifest } from '../../../adapters/slack/manifest.js';

describe('Slack app manifest', () => {
  const reg = buildRegistry();
  const m = buildManifest(reg, { url: 'https://bot.example.org/' });

  it('declares every registered slash command with escaping on and the events URL', () => {
    expect(m.features.slash_commands.map((c) => c.command).sort()).toEqual(reg.commands.map((c) => `/${c.name}`).sort());
    for (const c of m.features.slash_commands) {
      expect(c.should_escape).toBe(true);
      expect(c.url).toBe('https://bot.example.org/slack/events');
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.usage_hint.length).toBeLessThanOrEqual(100);
    }
  });

  it('subscribes to the events the bot handles and points interactivity and OAuth at the bot', () => {
    expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_home_opened', 'message.channels', 'member_joined_channel', 'app_uninstalled', 'tokens_revoked']));
    expect(m.settings.interactivity.request_url).toBe('https://bot.example.org/slack/events');
    expect(m.oauth_config.redirect_urls).toEqual(['https://bot.example.org/slack/oauth_redirect']);
    expect(m.oauth_config.scopes.bot).toContain('commands');
    expect(m.settings.socket_mode_enabled).toBe(false);
  });

  it('shows the Messages tab, where members read the bot\'s DMs, without a composer the bot would not read', () => {
    expect(m.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true });
  });
});
