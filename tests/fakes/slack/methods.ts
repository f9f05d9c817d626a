// Web API method handlers of the fake Slack: each answers the way Slack documents, from the World state.
import { truthy } from './body.js';
import { tzOffsetSeconds, type StoredMessage, type StoredView, type World } from './world.js';

export interface MethodContext {
  args: Record<string, unknown>;
  token?: string;
  world: World;
  /** `http://127.0.0.1:PORT/` — for URLs the fake hands out (uploads, sockets, permalinks stay fake). */
  baseUrl: string;
}

export type Answer = Record<string, unknown>;
type Handler = (ctx: MethodContext) => Answer;

const fail = (error: string): Answer => ({ ok: false, error });
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function page<T>(items: T[], args: Record<string, unknown>, defaultLimit: number): { items: T[]; next_cursor: string } {
  const limit = Number(args.limit) > 0 ? Number(args.limit) : defaultLimit;
  const start = str(args.cursor) ? Number(Buffer.from(String(args.cursor), 'base64').toString('utf8').replace('offset:', '')) : 0;
  const end = start + limit;
  const next = end < items.length ? Buffer.from(`offset:${end}`).toString('base64') : '';
  return { items: items.slice(start, end), next_cursor: next };
}

function postedMessage(ctx: MethodContext, channel: string): StoredMessage {
  const { args, world } = ctx;
  const { workspace } = world;
  const message: StoredMessage = {
    type: 'message',
    ts: world.nextTs(),
    user: workspace.botUserId,
    bot_id: workspace.botId,
    app_id: workspace.appId,
    team: workspace.teamId,
  };
  if (args.text !== undefined) message.text = String(args.text);
  if (args.blocks !== undefined) message.blocks = args.blocks;
  if (args.attachments !== undefined) message.attachments = args.attachments;
  if (args.metadata !== undefined) message.metadata = args.metadata;
  if (str(args.thread_ts)) message.thread_ts = String(args.thread_ts);
  return message;
}

/** `metadata` is returned only when asked for, as Slack does, so code that forgets the flag fails here too. */
function shown(message: StoredMessage, withMetadata: boolean): Answer {
  const { metadata, ...rest } = message;
  return withMetadata && metadata !== undefined ? { ...rest, metadata } : { ...rest };
}

function channelKind(id: string): Answer {
  const im = id.startsWith('D');
  const privateGroup = id.startsWith('G');
  return { is_channel: !im && !privateGroup, is_group: privateGroup, is_im: im, is_mpim: false, is_private: im || privateGroup };
}

function storeView(ctx: MethodContext, view: unknown, base: Partial<StoredView>): StoredView {
  const { world } = ctx;
  const given = view && typeof view === 'object' ? (view as Record<string, unknown>) : {};
  const id = base.id ?? world.nextId('V');
  const stored: StoredView = {
    ...given,
    id,
    team_id: world.workspace.teamId,
    type: String(given.type ?? base.type ?? 'modal'),
    private_metadata: given.private_metadata ?? '',
    callback_id: given.callback_id ?? '',
    state: { values: {} },
    hash: `${Date.now()}.${world.nextId('h')}`,
    root_view_id: base.root_view_id ?? id,
    previous_view_id: base.previous_view_id ?? null,
    external_id: String(given.external_id ?? base.external_id ?? ''),
    app_id: world.workspace.appId,
    bot_id: world.workspace.botId,
  };
  world.views.set(id, stored);
  return stored;
}

function findView(ctx: MethodContext): StoredView | undefined {
  const { args, world } = ctx;
  if (str(args.view_id)) return world.views.get(String(args.view_id));
  if (str(args.external_id)) return [...world.views.values()].find((v) => v.external_id === args.external_id);
  return undefined;
}

export const METHODS: Record<string, Handler> = {
  'api.test': ({ args }) => ({ ok: true, args }),

  'auth.test': ({ world, token, baseUrl }) => {
    const { workspace } = world;
    const bot = !token?.startsWith('xoxp-');
    return {
      ok: true,
      url: `${baseUrl}`,
      team: workspace.teamName,
      user: bot ? 'sojusz-bot' : 'installer',
      team_id: workspace.teamId,
      user_id: bot ? workspace.botUserId : 'U0INSTALL',
      ...(bot ? { bot_id: workspace.botId } : {}),
      is_enterprise_install: false,
    };
  },

  'chat.postMessage': (ctx) => {
    const channelArg = str(ctx.args.channel);
    if (!channelArg) return fail('channel_not_found');
    if (ctx.args.text === undefined && ctx.args.blocks === undefined && ctx.args.attachments === undefined) {
      return fail('no_text');
    }
    const channel = ctx.world.resolveChannel(channelArg);
    const message = postedMessage(ctx, channel);
    const list = ctx.world.messagesIn(channel);
    if (message.thread_ts) {
      const parent = list.find((m) => m.ts === message.thread_ts);
      if (parent) {
        parent.thread_ts = parent.ts;
        parent.reply_count = (parent.reply_count ?? 0) + 1;
      }
    }
    list.push(message);
    return { ok: true, channel, ts: message.ts, message: shown(message, true) };
  },

  'chat.postEphemeral': (ctx) => {
    if (!str(ctx.args.channel)) return fail('channel_not_found');
    if (!str(ctx.args.user)) return fail('user_not_in_channel');
    // Like chat.postMessage, one of text, blocks or attachments is required.
    if (ctx.args.text === undefined && ctx.args.blocks === undefined && ctx.args.attachments === undefined) return fail('no_text');
    // Ephemeral messages are never stored in history: only the one member sees them, once.
    const ts = ctx.world.nextTs();
    ctx.world.ephemerals.add(`${ctx.world.resolveChannel(String(ctx.args.channel))}:${ts}`);
    return { ok: true, message_ts: ts };
  },

  'chat.update': (ctx) => {
    const { args, world } = ctx;
    const channel = world.resolveChannel(String(args.channel ?? ''));
    // "Ephemeral messages can't be updated in this way" (only through the response_url of an action on them): Slack
    // answers as for any ts it does not hold.
    if (world.ephemerals.has(`${channel}:${String(args.ts ?? '')}`)) return fail('message_not_found');
    const message = world.findMessage(channel, String(args.ts ?? ''));
    if (!message) return fail('message_not_found');
    if (args.text !== undefined) message.text = String(args.text);
    if (args.blocks !== undefined) message.blocks = args.blocks;
    if (args.attachments !== undefined) message.attachments = args.attachments;
    if (args.metadata !== undefined) message.metadata = args.metadata;
    message.edited = { user: world.workspace.botUserId, ts: world.nextTs() };
    return { ok: true, channel, ts: message.ts, text: message.text ?? '', message: shown(message, true) };
  },

  'chat.delete': ({ args, world }) => {
    const channel = world.resolveChannel(String(args.channel ?? ''));
    const list = world.messages.get(channel) ?? [];
    const index = list.findIndex((m) => m.ts === args.ts);
    if (index < 0) return fail('message_not_found');
    list.splice(index, 1);
    return { ok: true, channel, ts: args.ts };
  },

  'chat.getPermalink': ({ args, world }) => {
    const channel = str(args.channel);
    const ts = str(args.message_ts);
    if (!channel) return fail('channel_not_found');
    if (!ts) return fail('message_not_found');
    return {
      ok: true,
      channel,
      permalink: `https://${world.workspace.teamDomain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`,
    };
  },

  'conversations.open': ({ args, world }) => {
    if (str(args.channel)) return { ok: true, no_op: true, already_open: true, channel: { id: args.channel } };
    const users = String(args.users ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    if (users.length === 0) return fail('users_list_not_supplied');
    const id = users.length === 1 ? world.dmChannelOf(users[0]) : `G${users.sort().join('').replace(/[UW]/g, '').slice(0, 10)}`;
    return { ok: true, no_op: false, already_open: false, channel: { id } };
  },

  'conversations.members': ({ args, world }) => {
    const channel = str(args.channel);
    if (!channel) return fail('channel_not_found');
    const { items, next_cursor } = page(world.membersOf(channel), args, 100);
    return { ok: true, members: items, response_metadata: { next_cursor } };
  },

  'conversations.info': ({ args, world }) => {
    const id = str(args.channel);
    if (!id) return fail('channel_not_found');
    const set = world.channels.get(id) ?? {};
    const kind = channelKind(id);
    const channel: Answer = {
      id,
      name: set.name ?? id.toLowerCase(),
      ...kind,
      ...(set.is_private !== undefined ? { is_private: set.is_private } : {}),
      is_archived: false,
      is_member: true,
      is_general: false,
      created: 1_700_000_000,
      context_team_id: world.workspace.teamId,
    };
    if (kind.is_im) {
      channel.user = `U${id.slice(1)}`;
      delete channel.name;
    }
    if (truthy(args.include_num_members)) channel.num_members = world.membersOf(id).length;
    if (truthy(args.include_locale)) channel.locale = 'en-US';
    return { ok: true, channel };
  },

  'conversations.history': ({ args, world }) => {
    const channel = str(args.channel);
    if (!channel) return fail('channel_not_found');
    const inclusive = truthy(args.inclusive);
    const oldest = str(args.oldest) ? Number(args.oldest) : -Infinity;
    const latest = str(args.latest) ? Number(args.latest) : Infinity;
    const withMetadata = truthy(args.include_all_metadata);
    const topLevel = (world.messages.get(world.resolveChannel(channel)) ?? [])
      .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
      .filter((m) => {
        const ts = Number(m.ts);
        return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
      })
      .reverse();
    const { items, next_cursor } = page(topLevel, args, 100);
    return {
      ok: true,
      messages: items.map((m) => shown(m, withMetadata)),
      has_more: next_cursor !== '',
      pin_count: 0,
      response_metadata: { next_cursor },
    };
  },

  'conversations.replies': ({ args, world }) => {
    const channel = world.resolveChannel(String(args.channel ?? ''));
    const ts = String(args.ts ?? '');
    const list = world.messages.get(channel) ?? [];
    const parent = list.find((m) => m.ts === ts);
    if (!parent) return fail('thread_not_found');
    const thread = [parent, ...list.filter((m) => m.thread_ts === ts && m.ts !== ts)];
    const { items, next_cursor } = page(thread, args, 1000);
    const withMetadata = truthy(args.include_all_metadata);
    return {
      ok: true,
      messages: items.map((m) => shown(m, withMetadata)),
      has_more: next_cursor !== '',
      response_metadata: { next_cursor },
    };
  },

  'users.info': ({ args, world }) => {
    const id = str(args.user);
    if (!id) return fail('user_not_found');
    const user = world.user(id);
    const answer: Answer = {
      id,
      team_id: world.workspace.teamId,
      name: user.name,
      real_name: user.real_name,
      deleted: user.deleted,
      is_admin: user.is_admin,
      is_owner: user.is_owner,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: user.is_bot,
      is_app_user: false,
      tz: user.tz,
      tz_label: user.tz,
      tz_offset: tzOffsetSeconds(user.tz),
      profile: { real_name: user.real_name, display_name: user.name, team: world.workspace.teamId },
    };
    // Slack sends `locale` only when asked, so code that forgets `include_locale` sees what it would see live.
    if (truthy(args.include_locale)) answer.locale = user.locale;
    return { ok: true, user: answer };
  },

  'team.info': ({ world }) => ({
    ok: true,
    team: {
      id: world.workspace.teamId,
      name: world.workspace.teamName,
      domain: world.workspace.teamDomain,
      email_domain: '',
      icon: { image_default: true },
    },
  }),

  'views.open': (ctx) => {
    if (!str(ctx.args.trigger_id)) return fail('invalid_arguments');
    if (!ctx.args.view || typeof ctx.args.view !== 'object') return fail('invalid_arguments');
    return { ok: true, view: storeView(ctx, ctx.args.view, {}) };
  },

  'views.push': (ctx) => {
    if (!str(ctx.args.trigger_id)) return fail('invalid_arguments');
    if (!ctx.args.view || typeof ctx.args.view !== 'object') return fail('invalid_arguments');
    return { ok: true, view: storeView(ctx, ctx.args.view, {}) };
  },

  'views.update': (ctx) => {
    if (!str(ctx.args.view_id) && !str(ctx.args.external_id)) return fail('invalid_arguments');
    if (!ctx.args.view || typeof ctx.args.view !== 'object') return fail('invalid_arguments');
    const existing = findView(ctx);
    // Unknown view ids are accepted: tests often forge a view_submission without opening the view here.
    const id = existing?.id ?? str(ctx.args.view_id);
    const view = storeView(ctx, ctx.args.view, {
      id,
      root_view_id: existing?.root_view_id,
      previous_view_id: existing?.previous_view_id ?? null,
      external_id: existing?.external_id ?? str(ctx.args.external_id),
    });
    return { ok: true, view };
  },

  'views.publish': (ctx) => {
    if (!str(ctx.args.user_id)) return fail('invalid_arguments');
    if (!ctx.args.view || typeof ctx.args.view !== 'object') return fail('invalid_arguments');
    return { ok: true, view: storeView(ctx, ctx.args.view, { type: 'home' }) };
  },

  'files.getUploadURLExternal': ({ args, world, baseUrl }) => {
    const filename = str(args.filename);
    const length = Number(args.length);
    if (!filename || !Number.isFinite(length) || length <= 0) return fail('invalid_arguments');
    const id = world.nextId('F');
    world.files.set(id, { id, filename, length });
    return { ok: true, upload_url: `${baseUrl}upload/${id}`, file_id: id };
  },

  'files.completeUploadExternal': ({ args, world }) => {
    const files = Array.isArray(args.files) ? (args.files as { id?: string; title?: string }[]) : [];
    if (files.length === 0) return fail('invalid_arguments');
    const stored = [];
    for (const entry of files) {
      const file = entry.id ? world.files.get(entry.id) : undefined;
      // Slack refuses to complete a file whose bytes never reached the upload URL.
      if (!file || !file.bytes) return fail('file_not_found');
      file.title = entry.title ?? file.filename;
      stored.push({ id: file.id, name: file.filename, title: file.title, size: file.bytes.length });
    }
    return { ok: true, files: stored };
  },

  'oauth.v2.access': ({ args, world }) => {
    if (!str(args.code)) return fail('invalid_code');
    const { workspace } = world;
    return {
      ok: true,
      app_id: workspace.appId,
      authed_user: { id: 'U0INSTALL', scope: '', token_type: 'user' },
      scope: 'chat:write,commands,im:write,users:read,channels:read',
      token_type: 'bot',
      access_token: `xoxb-${workspace.teamId}-fake-installation`,
      bot_user_id: workspace.botUserId,
      team: { id: workspace.teamId, name: workspace.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  },

  'apps.connections.open': ({ baseUrl }) => ({ ok: true, url: `${baseUrl.replace(/^http/, 'ws')}socket` }),
};

/** Methods that do not take a token at all, or take only an app-level (`xapp-`) token. */
export const TOKENLESS_METHODS = new Set(['oauth.v2.access', 'oauth.v2.exchange']);
export const APP_TOKEN_METHODS = new Set(['apps.connections.open']);
