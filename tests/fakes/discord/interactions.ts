// Builders for realistic INTERACTION_CREATE payloads (slash command, button/select, modal submit) as Discord sends them, for fake.dispatch or HTTP-mode posts.
import { FAKE_APPLICATION_ID, FAKE_BOT_USER, FAKE_CHANNEL_ID, FAKE_GUILD_ID, FAKE_OWNER_ID, MEMBER_PERMISSIONS, fakeMember, fakeUser, type ApiObject } from './fixtures.js';
import { randomToken, snowflake } from './ids.js';

export const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
export const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3, TextInput: 4, Label: 18 } as const;

/** Where and by whom an interaction happens. `guildId: null` makes it a DM with the bot. */
export interface InteractionScene {
  guildId?: string | null;
  channelId?: string;
  /** Full channel object; by default a guild text channel (or a DM channel). */
  channel?: ApiObject;
  user?: ApiObject & { id: string };
  memberRoles?: string[];
  /** Member's permissions in the channel, as Discord's decimal string. */
  memberPermissions?: string;
  /** The bot's permissions in the channel. */
  appPermissions?: string;
  locale?: string;
  guildLocale?: string;
  applicationId?: string;
  id?: string;
  token?: string;
}

function base(type: number, scene: InteractionScene): ApiObject {
  const guildId = scene.guildId === undefined ? FAKE_GUILD_ID : scene.guildId;
  const channelId = scene.channelId ?? scene.channel?.id ?? FAKE_CHANNEL_ID;
  const user = fakeUser(scene.user ?? { id: FAKE_OWNER_ID, username: 'owner' });
  const appPermissions = scene.appPermissions ?? MEMBER_PERMISSIONS;
  const payload: ApiObject = {
    id: scene.id ?? snowflake(),
    application_id: scene.applicationId ?? FAKE_APPLICATION_ID,
    type,
    token: scene.token ?? randomToken(),
    version: 1,
    locale: scene.locale ?? 'en-US',
    app_permissions: appPermissions,
    entitlements: [],
    attachment_size_limit: 10_485_760,
    channel_id: channelId,
  };
  if (guildId !== null) {
    payload.guild_id = guildId;
    payload.guild = { id: guildId, locale: scene.guildLocale ?? 'en-US', features: [] };
    payload.guild_locale = scene.guildLocale ?? 'en-US';
    payload.member = fakeMember({ user, roles: scene.memberRoles ?? [], permissions: scene.memberPermissions ?? MEMBER_PERMISSIONS });
    payload.channel = scene.channel ?? { id: channelId, type: 0, guild_id: guildId, name: 'general', position: 0, parent_id: null, nsfw: false, topic: null, rate_limit_per_user: 0, last_message_id: null, flags: 0, permissions: scene.memberPermissions ?? MEMBER_PERMISSIONS };
    payload.authorizing_integration_owners = { '0': guildId };
    payload.context = 0;
  } else {
    payload.user = user;
    payload.channel = scene.channel ?? { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] };
    payload.authorizing_integration_owners = { '0': '0' };
    payload.context = 1;
  }
  return payload;
}

/** A slash command. `options` are Discord's raw option objects ({name, type, value} or nested subcommands). */
export function chatInputInteraction(opts: InteractionScene & { name: string; options?: ApiObject[]; commandId?: string; resolved?: ApiObject }): ApiObject {
  const payload = base(InteractionType.ApplicationCommand, opts);
  payload.data = {
    id: opts.commandId ?? snowflake(),
    name: opts.name,
    type: 1,
    ...(opts.options ? { options: opts.options } : {}),
    ...(opts.resolved ? { resolved: opts.resolved } : {}),
    ...(payload.guild_id ? { guild_id: payload.guild_id } : {}),
  };
  return payload;
}

/** A message the bot posted earlier, for component interactions when the test has none of its own. */
export function botMessage(channelId: string, partial: ApiObject = {}): ApiObject {
  const id = partial.id ?? snowflake();
  return {
    id,
    channel_id: channelId,
    type: 0,
    content: '',
    author: FAKE_BOT_USER,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
    ...partial,
  };
}

/** A click on a button or a choice in a select menu attached to `message`. */
export function componentInteraction(opts: InteractionScene & { custom_id: string; component_type: number; values?: string[]; message?: ApiObject }): ApiObject {
  const payload = base(InteractionType.MessageComponent, opts);
  payload.message = opts.message ?? botMessage(payload.channel_id);
  payload.data = { custom_id: opts.custom_id, component_type: opts.component_type, ...(opts.values ? { values: opts.values } : {}) };
  return payload;
}

export function buttonInteraction(opts: InteractionScene & { custom_id: string; message?: ApiObject }): ApiObject {
  return componentInteraction({ ...opts, component_type: ComponentType.Button });
}

/**
 * A submitted modal. Give raw `components` as Discord sends them, or `fields` (custom_id -> text, or a
 * list of chosen values for a select), which become label components like today's modals.
 */
export function modalSubmitInteraction(opts: InteractionScene & { custom_id: string; components?: ApiObject[]; fields?: Record<string, string | string[]>; message?: ApiObject }): ApiObject {
  const payload = base(InteractionType.ModalSubmit, opts);
  let nextId = 1;
  const components =
    opts.components ??
    Object.entries(opts.fields ?? {}).map(([custom_id, value]) => ({
      type: ComponentType.Label,
      id: nextId++,
      component: Array.isArray(value)
        ? { type: ComponentType.StringSelect, id: nextId++, custom_id, values: value }
        : { type: ComponentType.TextInput, id: nextId++, custom_id, value },
    }));
  payload.data = { custom_id: opts.custom_id, components };
  if (opts.message) payload.message = opts.message;
  return payload;
}
