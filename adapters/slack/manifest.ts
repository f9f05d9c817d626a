// The Slack app manifest, generated from the command registry so Slack and the bot never disagree.
import { usageLine } from '../../src/core/args.js';
import type { Registry } from '../../src/core/registry.js';
import { BOT_EVENTS, BOT_SCOPES } from './scopes.js';

export interface ManifestOptions {
  /** Public base URL of the bot, e.g. https://bot.example.org */
  url: string;
  name?: string;
  /** Socket Mode apps need no request URLs; flip here (and set SLACK_APP_TOKEN) to use it. */
  socketMode?: boolean;
}

/** Slack shows at most 100 characters of a command's usage hint. */
function usageHint(reg: Registry, name: string): string {
  const cmd = reg.commands.find((c) => c.name === name)!;
  const subs = Object.keys(cmd.subcommands).filter(Boolean);
  const hint = subs.length ? `[${subs.map((s) => s.split(' ')[0]).filter((s, i, a) => a.indexOf(s) === i).join(' | ')}]` : usageLine(cmd, '', cmd.subcommands['']!).en.replace(`/${name}`, '').trim();
  return hint.length > 100 ? `${hint.slice(0, 99)}…` : hint;
}

export function buildManifest(reg: Registry, o: ManifestOptions) {
  const base = o.url.replace(/\/+$/, '');
  const events = `${base}/slack/events`;
  return {
    display_information: {
      name: o.name ?? 'Sojusz',
      description: 'A calm companion for practice groups and supervision',
      background_color: '#2f4f4f',
    },
    features: {
      // The Messages tab is where the bot's DMs (personal prompts, exports, charts) are read; read-only, since it reads no DMs.
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: o.name ?? 'Sojusz', always_online: true },
      slash_commands: reg.commands.map((c) => ({
        command: `/${c.name}`,
        ...(o.socketMode ? {} : { url: events }),
        description: c.description.en.slice(0, 100),
        usage_hint: usageHint(reg, c.name),
        should_escape: true,
      })),
    },
    oauth_config: {
      redirect_urls: [`${base}/slack/oauth_redirect`],
      scopes: { bot: [...BOT_SCOPES] },
    },
    settings: {
      event_subscriptions: { ...(o.socketMode ? {} : { request_url: events }), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(o.socketMode ? {} : { request_url: events }) },
      org_deploy_enabled: false,
      socket_mode_enabled: Boolean(o.socketMode),
      token_rotation_enabled: false,
    },
  };
}
