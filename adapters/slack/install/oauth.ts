// The OAuth install: options for Bolt's installer, and the "installed" event once a workspace said yes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Installation, InstallURLOptions } from '@slack/bolt';
import type { Bot } from '../../../src/core/bot.js';
import { pickLanguage, tx } from '../../../src/i18n/index.js';
import type { Clients } from '../clients.js';
import { BOT_SCOPES } from '../scopes.js';
import type { DbInstallationStore } from './store.js';
import { safeError } from '../../../src/log.js';

function page(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><meta charset="utf-8"><title>Sojusz</title><p>${text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`);
}

export function oauthOptions(o: { bot: Bot; store: DbInstallationStore; clients: Clients; clientId: string; clientSecret: string; stateSecret: string; slackApiUrl?: string; publicUrl?: string }) {
  return {
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    stateSecret: o.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: o.store,
    ...(o.publicUrl ? { redirectUri: `${o.publicUrl.replace(/\/$/, '')}/slack/oauth_redirect` } : {}),
    installerOptions: {
      installPath: '/slack/install',
      redirectUriPath: '/slack/oauth_redirect',
      // Straight to Slack's consent screen: no intermediate "Add to Slack" page to translate.
      directInstall: true,
      clientOptions: o.slackApiUrl ? { slackApiUrl: o.slackApiUrl } : {},
      callbackOptions: {
        success: (installation: Installation, _opts: InstallURLOptions, _req: IncomingMessage, res: ServerResponse) => {
          void (async () => {
            const team = installation.team?.id ?? installation.enterprise?.id ?? '';
            const installer = installation.user?.id || undefined;
            let locale: string | undefined;
            try {
              o.clients.drop(team);
              const client = await o.clients.forTeam(team);
              if (installer) locale = (await client.users.info({ user: installer, include_locale: true })).user?.locale;
            } catch {
              // The welcome still goes out, in the team's default language.
            }
            page(res, 200, tx(pickLanguage(null, null, locale), 'slack.install.done'));
            await o.bot.handle({ kind: 'installed', platform: 'slack', team, teamName: installation.team?.name, installer, locale });
          })().catch((e) => o.bot.log.error({ error: safeError(e) }, 'slack install follow-up failed'));
        },
        failure: (_err: unknown, _opts: InstallURLOptions, _req: IncomingMessage, res: ServerResponse) => {
          page(res, 400, tx('en', 'slack.install.failed'));
        },
      },
    },
  };
}
