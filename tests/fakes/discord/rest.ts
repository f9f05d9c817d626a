// The fake Discord's REST routes: answers the subset of Discord's HTTP API a bot uses, with Discord's shapes and error codes.
import { GATEWAY_ONLY_GUILD_FIELDS, type ApiObject } from './fixtures.js';
import { snowflake } from './ids.js';
import type { FakeDiscordStore, KnownInteraction } from './store.js';
import { invalidAt, validateEmbeds, validateMessageComponents, validateModal, type FieldPath } from './validate.js';

/** One request after the server has read and decoded its body. */
export interface RestRequest {
  method: string;
  /** Path without the `/api/vN` prefix, e.g. `/channels/1/messages`. */
  path: string;
  query: URLSearchParams;
  body: ApiObject | null;
  files: UploadedFile[];
}

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface RestAnswer {
  status: number;
  body?: unknown;
}

export interface RestOptions {
  gatewayUrl: () => string;
  baseUrl: () => string;
  /** Discord forgets an interaction that is not answered within 3 s; 0 turns the check off. */
  interactionDeadlineMs: number;
  /** How long a nonce sent with enforce_nonce keeps returning the same message (Discord: a few minutes). */
  nonceWindowMs: number;
}

type Handler = (params: string[], req: RestRequest) => RestAnswer;

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const COMPONENTS_V2 = 1 << 15;

const ok = (body: unknown, status = 200): RestAnswer => ({ status, body });
const noContent = (): RestAnswer => ({ status: 204 });
const error = (status: number, code: number, message: string, errors?: ApiObject): RestAnswer => ({
  status,
  body: errors ? { message, code, errors } : { message, code },
});
const unknown = (what: string, code: number): RestAnswer => error(404, code, `Unknown ${what}`);
const invalidField = (field: string, code: string, message: string): RestAnswer =>
  error(400, 50035, 'Invalid Form Body', { [field]: { _errors: [{ code, message }] } });

export function createRestHandler(store: FakeDiscordStore, options: RestOptions): (req: RestRequest) => RestAnswer {
  const routes: [string, RegExp, Handler][] = [];
  const route = (method: string, pattern: string, handler: Handler) =>
    routes.push([method, new RegExp(`^${pattern.replace(/:\w+/g, '([^/]+)')}$`), handler]);

  // ---- messages: shared validation and attachments ----
  /** What Discord refuses in a message body; `at` is where the message sits in the request (a callback's `data`). */
  const validateMessage = (body: ApiObject, files: UploadedFile[], creating: boolean, at: FieldPath = []): RestAnswer | null => {
    if (typeof body.content === 'string' && body.content.length > 2000) return invalidAt([...at, 'content'], 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
    const embeds = validateEmbeds(body.embeds, [...at, 'embeds']);
    if (embeds) return embeds;
    if (!((body.flags ?? 0) & COMPONENTS_V2)) {
      const components = validateMessageComponents(body.components, [...at, 'components']);
      if (components) return components;
    }
    const empty = !body.content && !body.embeds?.length && !body.components?.length && !files.length && !body.sticker_ids?.length && !body.poll;
    if (creating && empty) return error(400, 50006, 'Cannot send an empty message');
    return null;
  };
  /** An edit may not leave a message with nothing in it, as a send may not create one (blank content included). */
  const emptied = (message: ApiObject, body: ApiObject, files: UploadedFile[]): RestAnswer | null => {
    const after = (key: string) => (body[key] !== undefined ? body[key] : message[key]);
    const attachments = body.attachments !== undefined ? body.attachments : message.attachments;
    const empty = !String(after('content') ?? '').trim() && !after('embeds')?.length && !after('components')?.length && !attachments?.length && !files.length && !message.sticker_items?.length && !message.poll;
    return empty ? error(400, 50006, 'Cannot send an empty message') : null;
  };
  const attachmentsFrom = (body: ApiObject, files: UploadedFile[]): ApiObject[] =>
    files.map((file, index) => {
      const id = snowflake();
      const declared = (body.attachments ?? []).find((a: ApiObject) => String(a.id) === String(index)) ?? {};
      const url = `${options.baseUrl()}/attachments/${id}/${encodeURIComponent(declared.filename ?? file.filename)}`;
      return {
        id,
        filename: declared.filename ?? file.filename,
        ...(declared.description ? { description: declared.description } : {}),
        size: file.bytes.length,
        url,
        proxy_url: url,
        content_type: file.contentType,
      };
    });
  const channelOr404 = (id: string) => store.channels.get(id);

  // ---- users, gateway, application ----
  route('GET', '/users/@me', () => ok(store.botUser));
  route('GET', '/users/:id', ([id]) => {
    if (id === '@me') return ok(store.botUser); // discord.js's Routes.user('@me') sends it encoded: /users/%40me
    const user = store.findUser(id);
    return user ? ok(user) : unknown('User', 10013);
  });
  route('POST', '/users/@me/channels', (_, { body }) => {
    if (!body?.recipient_id) return invalidField('recipient_id', 'BASE_TYPE_REQUIRED', 'This field is required');
    return ok(store.dmChannel(String(body.recipient_id)));
  });
  route('GET', '/gateway', () => ok({ url: options.gatewayUrl() }));
  route('GET', '/gateway/bot', () =>
    ok({
      url: options.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    }),
  );
  route('GET', '/applications/@me', () =>
    ok({ id: store.applicationId, name: store.botUser.username, description: '', icon: null, bot_public: true, bot_require_code_grant: false, flags: 0, verify_key: '', bot: store.botUser }),
  );

  // ---- application commands (global and per guild) ----
  const commandScope = (app: string, guildId: string | null): ApiObject[] | RestAnswer => {
    if (app !== store.applicationId) return error(403, 50001, 'Missing Access');
    if (guildId !== null && !store.guilds.has(guildId)) return unknown('Guild', 10004);
    const key = guildId ?? 'global';
    let list = store.commands.get(key);
    if (!list) store.commands.set(key, (list = []));
    return list;
  };
  const buildCommand = (body: ApiObject, guildId: string | null, id: string = snowflake()): ApiObject => ({
    id,
    application_id: store.applicationId,
    version: snowflake(),
    type: body.type ?? 1,
    name: body.name,
    name_localizations: body.name_localizations ?? null,
    description: body.description ?? '',
    description_localizations: body.description_localizations ?? null,
    options: body.options ?? [],
    default_member_permissions: body.default_member_permissions ?? null,
    nsfw: body.nsfw ?? false,
    contexts: body.contexts ?? null,
    integration_types: body.integration_types ?? [0],
    ...(guildId ? { guild_id: guildId } : { dm_permission: body.dm_permission ?? true }),
  });
  const validateCommand = (body: ApiObject | null): RestAnswer | null => {
    if (!body || typeof body.name !== 'string') return invalidField('name', 'BASE_TYPE_REQUIRED', 'This field is required');
    if ((body.type ?? 1) === 1 && !/^[-_\p{L}\p{N}]{1,32}$/u.test(body.name))
      return invalidField('name', 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    if ((body.type ?? 1) === 1 && !(typeof body.description === 'string' && body.description.length >= 1 && body.description.length <= 100))
      return invalidField('description', 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    return validateOptions(body.options, 'options');
  };
  /**
   * Discord refuses two options of one name at one level, in the default names and in any one locale's names
   * (discord/discord-api-docs#4964: "command name … got already used in this options"), and more than 25 options.
   */
  const validateOptions = (options: unknown, field: string): RestAnswer | null => {
    if (!Array.isArray(options)) return null;
    if (options.length > 25) return invalidField(field, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    const locales = new Set(options.flatMap((o: ApiObject) => Object.keys(o.name_localizations ?? {})));
    for (const locale of [null, ...locales]) {
      const seen = new Set<string>();
      for (const o of options as ApiObject[]) {
        const n: string = locale ? (o.name_localizations?.[locale] ?? o.name) : o.name;
        if (seen.has(n)) return invalidField(field, 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', `Command name ${n} got already used in this options`);
        seen.add(n);
      }
    }
    for (const [i, o] of (options as ApiObject[]).entries()) {
      if (typeof o.name !== 'string' || !/^[-_\p{L}\p{N}]{1,32}$/u.test(o.name)) return invalidField(`${field}.${i}.name`, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
      const nested = validateOptions(o.options, `${field}.${i}.options`);
      if (nested) return nested;
    }
    return null;
  };
  const withoutLocalizations = (o: ApiObject): ApiObject => {
    const { name_localizations: _n, description_localizations: _d, ...rest } = o;
    return Array.isArray(o.options) ? { ...rest, options: o.options.map(withoutLocalizations) } : rest;
  };
  const sameCommand = (a: ApiObject, b: ApiObject) => a.name === b.name && (a.type ?? 1) === (b.type ?? 1);
  const commandRoutes = (prefix: string, guildOf: (p: string[]) => string | null) => {
    route('GET', `${prefix}`, (p, { query }) => {
      const list = commandScope(p[0], guildOf(p));
      if (!Array.isArray(list)) return list;
      // Discord leaves the localization dictionaries out unless asked for them.
      return ok(query.get('with_localizations') === 'true' ? list : list.map(withoutLocalizations));
    });
    route('PUT', `${prefix}`, (p, { body }) => {
      const list = commandScope(p[0], guildOf(p));
      if (!Array.isArray(list)) return list;
      if (!Array.isArray(body)) return error(400, 50035, 'Invalid Form Body');
      for (const command of body) {
        const invalid = validateCommand(command);
        if (invalid) return invalid;
      }
      // Bulk overwrite keeps the ids of commands that already existed, as Discord does.
      const next = (body as ApiObject[]).map((c) => buildCommand(c, guildOf(p), list.find((old) => sameCommand(old, c))?.id));
      list.splice(0, list.length, ...next);
      return ok(list);
    });
    route('POST', `${prefix}`, (p, { body }) => {
      const list = commandScope(p[0], guildOf(p));
      if (!Array.isArray(list)) return list;
      const invalid = validateCommand(body);
      if (invalid) return invalid;
      const index = list.findIndex((c) => sameCommand(c, body!));
      if (index >= 0) return ok((list[index] = buildCommand(body!, guildOf(p), list[index].id)));
      const command = buildCommand(body!, guildOf(p));
      list.push(command);
      return ok(command, 201);
    });
    route('GET', `${prefix}/:command`, (p) => {
      const list = commandScope(p[0], guildOf(p));
      if (!Array.isArray(list)) return list;
      const command = list.find((c) => c.id === p[p.length - 1]);
      return command ? ok(command) : unknown('application command', 10063);
    });
    route('PATCH', `${prefix}/:command`, (p, { body }) => {
      const list = commandScope(p[0], guildOf(p));
      if (!Array.isArray(list)) return list;
      const index = list.findIndex((c) => c.id === p[p.length - 1]);
      if (index < 0) return unknown('application command', 10063);
      return ok((list[index] = buildCommand({ ...list[index], ...body }, guildOf(p), list[index].id)));
    });
    route('DELETE', `${prefix}/:command`, (p) => {
      const list = commandScope(p[0], guildOf(p));
      if (!Array.isArray(list)) return list;
      const index = list.findIndex((c) => c.id === p[p.length - 1]);
      if (index < 0) return unknown('application command', 10063);
      list.splice(index, 1);
      return noContent();
    });
  };
  commandRoutes('/applications/:app/commands', () => null);
  commandRoutes('/applications/:app/guilds/:guild/commands', (p) => p[1]);

  // ---- interactions and their webhooks ----
  const interactionMessage = (known: KnownInteraction, body: ApiObject, files: UploadedFile[], flags: number): ApiObject => {
    const extra = { webhook_id: known.applicationId, application_id: known.applicationId, type: known.message ? 19 : 20, flags };
    const channelId = known.channelId ?? '0';
    if (flags & EPHEMERAL) {
      // Ephemeral messages are only visible to one member: never listed in the channel, and unknown (10008) to the
      // channel's message routes; only the webhook of an interaction on them can edit them (see store.ephemeral).
      const message = store.createMessage(channelId, body, attachmentsFrom(body, files), extra);
      store.deleteMessage(channelId, message.id);
      store.ephemeral.set(message.id, message);
      return message;
    }
    return store.createMessage(channelId, body, attachmentsFrom(body, files), extra);
  };
  const webhookMessage = (known: KnownInteraction, messageId: string): ApiObject | undefined => {
    if (messageId !== '@original') return known.followups.find((m) => m.id === messageId);
    // In HTTP-interactions mode the first answer travels in the HTTP response, which the fake never sees.
    if (!known.original && !known.remembered) known.original = interactionMessage(known, { content: '' }, [], 0);
    return known.original ?? undefined;
  };

  route('POST', '/interactions/:id/:token/callback', ([id, token], { body, files, query }) => {
    const known = store.interaction(token, id);
    if (known.id !== id) return unknown('interaction', 10062);
    if (known.remembered && options.interactionDeadlineMs > 0 && Date.now() - known.receivedAt > options.interactionDeadlineMs)
      return unknown('interaction', 10062);
    if (known.acknowledged) return error(400, 40060, 'Interaction has already been acknowledged.');
    const type = body?.type;
    const data: ApiObject = body?.data ?? {};
    if (![1, 4, 5, 6, 7, 8, 9, 10, 12].includes(type)) return invalidField('type', 'BASE_TYPE_CHOICES', 'Value must be one of valid interaction callback types.');
    if (type === 4) {
      const invalid = validateMessage(data, files, true, ['data']);
      if (invalid) return invalid;
      known.original = interactionMessage(known, data, files, data.flags ?? 0);
    } else if (type === 5) {
      known.original = interactionMessage(known, { content: '' }, [], ((data.flags ?? 0) & EPHEMERAL) | LOADING);
    } else if (type === 6 || type === 7) {
      if (!known.message) return error(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'This interaction has no message' }] } });
      const invalid = validateMessage(data, files, false, ['data']);
      if (invalid) return invalid;
      // The message the click was on: in its channel, or the ephemeral one only the clicking member sees.
      const stored = store.findMessage(known.message.channel_id, known.message.id) ?? store.ephemeral.get(known.message.id) ?? known.message;
      known.original = type === 7 ? store.editMessage(stored, data, files.length ? attachmentsFrom(data, files) : null) : stored;
    } else if (type === 9) {
      // A modal can open from a command or a click, never from a modal's submit.
      if (known.type === 5) return error(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'A modal cannot answer a modal submit' }] } });
      const invalid = validateModal(data, ['data']);
      if (invalid) return invalid;
    }
    known.acknowledged = true;
    known.responseType = type;
    if (query.get('with_response') !== 'true') return noContent();
    return ok({
      interaction: {
        id: known.id,
        type: known.type,
        activity_instance_id: null,
        response_message_id: known.original?.id ?? null,
        response_message_loading: type === 5,
        response_message_ephemeral: Boolean((known.original?.flags ?? 0) & EPHEMERAL),
      },
      resource: { type, ...(known.original && type !== 6 ? { message: known.original } : {}) },
    });
  });
  route('POST', '/webhooks/:app/:token', ([app, token], { body, files }) => {
    if (app !== store.applicationId) return unknown('Webhook', 10015);
    const known = store.interaction(token);
    if (known.remembered && !known.acknowledged) return unknown('Webhook', 10015);
    const invalid = validateMessage(body ?? {}, files, true);
    if (invalid) return invalid;
    const message = interactionMessage(known, body!, files, body!.flags ?? 0);
    known.followups.push(message);
    return ok(message);
  });
  /** A token Discord handed out but has no answer for yet (HTTP interactions: the response not taken yet) is unknown. */
  const notYetAnswered = (known: KnownInteraction) => known.remembered && !known.acknowledged;
  route('GET', '/webhooks/:app/:token/messages/:message', ([, token, messageId]) => {
    if (notYetAnswered(store.interaction(token))) return unknown('Webhook', 10015);
    const message = webhookMessage(store.interaction(token), messageId);
    return message ? ok(message) : unknown('Message', 10008);
  });
  route('PATCH', '/webhooks/:app/:token/messages/:message', ([, token, messageId], { body, files }) => {
    if (notYetAnswered(store.interaction(token))) return unknown('Webhook', 10015);
    const message = webhookMessage(store.interaction(token), messageId);
    if (!message) return unknown('Message', 10008);
    const invalid = validateMessage(body ?? {}, files, false) ?? emptied(message, body ?? {}, files);
    if (invalid) return invalid;
    message.flags = (message.flags ?? 0) & ~LOADING; // editing a deferred reply finishes "thinking…"
    return ok(store.editMessage(message, body ?? {}, files.length ? attachmentsFrom(body ?? {}, files) : null));
  });
  route('DELETE', '/webhooks/:app/:token/messages/:message', ([, token, messageId]) => {
    const known = store.interaction(token);
    if (notYetAnswered(known)) return unknown('Webhook', 10015);
    const message = webhookMessage(known, messageId);
    if (!message) return unknown('Message', 10008);
    store.deleteMessage(message.channel_id, message.id);
    if (messageId === '@original') known.original = null;
    else known.followups = known.followups.filter((m) => m.id !== message.id);
    return noContent();
  });

  // ---- channels, messages, threads ----
  route('GET', '/channels/:channel', ([id]) => {
    const channel = channelOr404(id);
    return channel ? ok(channel) : unknown('Channel', 10003);
  });
  route('GET', '/channels/:channel/messages', ([id], { query }) => {
    if (!channelOr404(id)) return unknown('Channel', 10003);
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 50), 1), 100);
    let list = [...store.messagesIn(id)].reverse(); // newest first, as Discord lists them
    const before = query.get('before');
    const after = query.get('after');
    if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
    if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
    return ok(after && !before ? list.slice(-limit) : list.slice(0, limit));
  });
  route('GET', '/channels/:channel/messages/:message', ([channelId, messageId]) => {
    if (!channelOr404(channelId)) return unknown('Channel', 10003);
    const message = store.findMessage(channelId, messageId);
    return message ? ok(message) : unknown('Message', 10008);
  });
  route('POST', '/channels/:channel/messages', ([channelId], { body, files }) => {
    const channel = channelOr404(channelId);
    if (!channel) return unknown('Channel', 10003);
    // Discord opens the DM channel all the same and refuses the message itself.
    if (channel.type === 1 && channel.recipients?.some((u: ApiObject) => store.closedDms.has(u.id))) return error(403, 50007, 'Cannot send messages to this user');
    const data = body ?? {};
    const invalid = validateMessage(data, files, true);
    if (invalid) return invalid;
    if (data.nonce !== undefined && data.enforce_nonce) {
      // Discord dedupes a retried send: the same nonce within a few minutes returns the first message.
      const key = `${channelId}:${data.nonce}`;
      const seen = store.nonces.get(key);
      const earlier = seen && Date.now() - seen.at <= options.nonceWindowMs ? store.findMessage(channelId, seen.messageId) : undefined;
      if (earlier) return ok(earlier);
      const message = store.createMessage(channelId, data, attachmentsFrom(data, files));
      store.nonces.set(key, { messageId: message.id, at: Date.now() });
      return ok(message);
    }
    return ok(store.createMessage(channelId, data, attachmentsFrom(data, files)));
  });
  route('PATCH', '/channels/:channel/messages/:message', ([channelId, messageId], { body, files }) => {
    if (!channelOr404(channelId)) return unknown('Channel', 10003);
    // An ephemeral message is not the channel's (store.ephemeral): Discord answers Unknown Message here too.
    const message = store.findMessage(channelId, messageId);
    if (!message) return unknown('Message', 10008);
    const invalid = validateMessage(body ?? {}, files, false) ?? emptied(message, body ?? {}, files);
    if (invalid) return invalid;
    return ok(store.editMessage(message, body ?? {}, files.length ? attachmentsFrom(body ?? {}, files) : null));
  });
  route('DELETE', '/channels/:channel/messages/:message', ([channelId, messageId]) => {
    if (!channelOr404(channelId)) return unknown('Channel', 10003);
    return store.deleteMessage(channelId, messageId) ? noContent() : unknown('Message', 10008);
  });
  route('POST', '/channels/:channel/messages/:message/threads', ([channelId, messageId], { body }) => {
    const parent = channelOr404(channelId);
    if (!parent) return unknown('Channel', 10003);
    const message = store.findMessage(channelId, messageId);
    if (!message) return unknown('Message', 10008);
    if (message.thread) return error(400, 160004, 'A thread has already been created for this message');
    if (!body?.name) return invalidField('name', 'BASE_TYPE_REQUIRED', 'This field is required');
    return ok(store.createThread(parent, body, messageId), 201);
  });
  route('POST', '/channels/:channel/threads', ([channelId], { body }) => {
    const parent = channelOr404(channelId);
    if (!parent) return unknown('Channel', 10003);
    if (!body?.name) return invalidField('name', 'BASE_TYPE_REQUIRED', 'This field is required');
    return ok(store.createThread(parent, body), 201);
  });
  route('PUT', '/channels/:channel/thread-members/@me', ([id]) => (channelOr404(id) ? noContent() : unknown('Channel', 10003)));
  route('POST', '/channels/:channel/typing', ([id]) => (channelOr404(id) ? noContent() : unknown('Channel', 10003)));

  // ---- guilds ----
  const restGuild = (guild: ApiObject, withCounts: boolean): ApiObject => {
    const copy: ApiObject = { ...guild };
    for (const field of GATEWAY_ONLY_GUILD_FIELDS) delete copy[field];
    if (withCounts) {
      copy.approximate_member_count = guild.members.length;
      copy.approximate_presence_count = 0;
    }
    return copy;
  };
  route('GET', '/guilds/:guild', ([id], { query }) => {
    const guild = store.guilds.get(id);
    return guild ? ok(restGuild(guild, query.get('with_counts') === 'true')) : unknown('Guild', 10004);
  });
  route('GET', '/guilds/:guild/channels', ([id]) => {
    const guild = store.guilds.get(id);
    return guild ? ok(guild.channels) : unknown('Guild', 10004);
  });
  route('GET', '/guilds/:guild/roles', ([id]) => {
    const guild = store.guilds.get(id);
    return guild ? ok(guild.roles) : unknown('Guild', 10004);
  });
  route('GET', '/guilds/:guild/members', ([id], { query }) => {
    const guild = store.guilds.get(id);
    if (!guild) return unknown('Guild', 10004);
    if (!store.membersIntent) return error(403, 50001, 'Missing Access');
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 1), 1), 1000); // Discord's default limit is 1
    const after = BigInt(query.get('after') ?? '0');
    const members = [...guild.members]
      .filter((m: ApiObject) => BigInt(m.user.id) > after)
      .sort((a: ApiObject, b: ApiObject) => (BigInt(a.user.id) < BigInt(b.user.id) ? -1 : 1));
    return ok(members.slice(0, limit));
  });
  route('GET', '/guilds/:guild/members/:user', ([guildId, userId]) => {
    const guild = store.guilds.get(guildId);
    if (!guild) return unknown('Guild', 10004);
    const member = guild.members.find((m: ApiObject) => m.user.id === userId);
    return member ? ok(member) : unknown('Member', 10007);
  });

  return (req) => {
    for (const [method, pattern, handler] of routes) {
      if (method !== req.method) continue;
      const match = pattern.exec(req.path);
      if (match) return handler(match.slice(1).map(decodeURIComponent), req);
    }
    return error(404, 0, 'Unknown');
  };
}
