// Events API: App Home, thread replies (counted, never read), the bot joining a channel, uninstall.
import type { App as Bolt } from '@slack/bolt';
import type { Bot } from '../../../src/core/bot.js';
import type { Clients } from '../clients.js';
import type { DbInstallationStore } from '../install/store.js';
import { renderHome } from '../render/home.js';
import type { Members } from './members.js';

/** Message subtypes that are still a person's reply in a thread. */
const REPLY_SUBTYPES = new Set(['thread_broadcast', 'file_share']);

interface Envelope {
  event_id?: string;
  team_id?: string;
}

export function registerEvents(bolt: Bolt, bot: Bot, members: Members, clients: Clients, store?: DbInstallationStore): void {
  /** Slack retries an event it thinks we missed; any replica that sees it again does nothing. */
  const once = async (body: unknown): Promise<boolean> => {
    const id = (body as Envelope).event_id;
    return id ? bot.firstTime(`slack:${id}`) : true;
  };
  const teamOf = (body: unknown, context: { teamId?: string }) => context.teamId ?? (body as Envelope).team_id ?? '';

  bolt.event('app_home_opened', async ({ event, body, context }) => {
    if (event.tab !== 'home') return;
    const team = teamOf(body, context);
    const inv = await members.invocation({ team, user: event.user, handle: { receivedAt: bot.clock.now().getTime() } });
    const ctx = await bot.context(inv, { createMember: false });
    const view = renderHome(await bot.home(inv), ctx.lang);
    const client = await clients.forTeam(team);
    await client.views.publish({ user_id: event.user, view: view as never });
  });

  bolt.event('message', async ({ event, body, context }) => {
    const e = event as { subtype?: string; thread_ts?: string; ts: string; user?: string; bot_id?: string; channel: string };
    // Only people's replies inside a thread; the text is never looked at. A reply also sent to the channel
    // (thread_broadcast) or with a file (file_share) is a reply too; edits, deletions and joins are not.
    if ((e.subtype && !REPLY_SUBTYPES.has(e.subtype)) || !e.thread_ts || e.thread_ts === e.ts || e.bot_id || !e.user) return;
    if (!(await once(body))) return;
    await bot.handle({ kind: 'threadReply', platform: 'slack', team: teamOf(body, context), channel: e.channel, thread: e.thread_ts, member: e.user });
  });

  bolt.event('member_joined_channel', async ({ event, body, context }) => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    if (!(await once(body))) return;
    await bot.handle({ kind: 'joinedChannel', platform: 'slack', team: teamOf(body, context), channel: event.channel });
  });

  const uninstalled = async (body: unknown, context: { teamId?: string }) => {
    if (!(await once(body))) return;
    const team = teamOf(body, context);
    clients.drop(team);
    await store?.forget(team);
    await bot.handle({ kind: 'uninstalled', platform: 'slack', team });
  };
  bolt.event('app_uninstalled', async ({ body, context }) => uninstalled(body, context));
  bolt.event('tokens_revoked', async ({ event, body, context }) => {
    if (!event.tokens.bot?.length) return;
    await uninstalled(body, context);
  });
}
