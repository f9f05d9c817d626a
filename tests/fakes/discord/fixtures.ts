// Default bot, guild, channel and member objects for the fake Discord, filled with every field discord.js reads when it caches them.
/** Loose JSON object: the fake mirrors Discord's wire format, which is far larger than any local type. */
export type ApiObject = Record<string, any>;

export const FAKE_APPLICATION_ID = '1100000000000000001';
export const FAKE_BOT_ID = FAKE_APPLICATION_ID; // bots share their application's id on Discord
export const FAKE_GUILD_ID = '1100000000000000100';
export const FAKE_CHANNEL_ID = '1100000000000000200';
export const FAKE_OWNER_ID = '1100000000000000300';

/** Permission bits used below; Discord sends permissions as decimal strings of a 64-bit field. */
export const PERMISSIONS = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
  ManageGuild: 1n << 5n,
  Administrator: 1n << 3n,
} as const;

/** What an ordinary member (and the bot) may do in the default fake guild. */
export const MEMBER_PERMISSIONS = Object.values({
  ...PERMISSIONS,
  ManageGuild: 0n,
  Administrator: 0n,
})
  .reduce((a, b) => a | b, 0n)
  .toString();

export function fakeUser(partial: ApiObject & { id: string }): ApiObject & { id: string } {
  return {
    username: `user${partial.id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: false,
    system: false,
    flags: 0,
    public_flags: 0,
    ...partial,
  };
}

export const FAKE_BOT_USER: ApiObject = fakeUser({ id: FAKE_BOT_ID, username: 'fake-bot', bot: true, verified: true, mfa_enabled: false });

export function fakeMember(partial: ApiObject & { user: ApiObject & { id: string } }): ApiObject {
  return {
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: new Date(0).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    ...partial,
    user: fakeUser(partial.user),
  };
}

export function fakeChannel(partial: ApiObject & { id: string }, guildId?: string): ApiObject {
  const type = partial.type ?? 0;
  return {
    type,
    ...(guildId !== undefined && type !== 1 && type !== 3
      ? {
          guild_id: guildId,
          name: `channel-${partial.id.slice(-4)}`,
          position: 0,
          parent_id: null,
          permission_overwrites: [],
          nsfw: false,
          topic: null,
          rate_limit_per_user: 0,
        }
      : {}),
    last_message_id: null,
    flags: 0,
    ...partial,
  };
}

export function fakeRole(partial: ApiObject & { id: string }): ApiObject {
  return {
    name: 'role',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 1,
    permissions: '0',
    managed: false,
    mentionable: false,
    flags: 0,
    ...partial,
  };
}

/** How tests describe a guild; everything missing gets Discord-like defaults. */
export interface FakeGuildConfig {
  id: string;
  name?: string;
  owner_id?: string;
  system_channel_id?: string | null;
  preferred_locale?: string;
  channels?: (ApiObject & { id: string })[];
  members?: (ApiObject & { user: ApiObject & { id: string } })[];
  roles?: (ApiObject & { id: string })[];
}

/** A guild with one text channel (#general), its owner and the bot, used when a test configures none. */
export function defaultGuild(): FakeGuildConfig {
  return {
    id: FAKE_GUILD_ID,
    name: 'Fake Guild',
    owner_id: FAKE_OWNER_ID,
    system_channel_id: FAKE_CHANNEL_ID,
    channels: [{ id: FAKE_CHANNEL_ID, type: 0, name: 'general' }],
    members: [{ user: { id: FAKE_OWNER_ID, username: 'owner' } }],
  };
}

/** The complete guild: REST shape plus the extra GUILD_CREATE fields (channels, members, ...). */
export function buildGuild(config: FakeGuildConfig, botUser: ApiObject): ApiObject {
  const everyone = fakeRole({ id: config.id, name: '@everyone', position: 0, permissions: MEMBER_PERMISSIONS });
  const roles = [everyone, ...(config.roles ?? []).filter((r) => r.id !== config.id).map(fakeRole)];
  const members = (config.members ?? []).map(fakeMember);
  if (!members.some((m) => m.user.id === botUser.id)) members.push(fakeMember({ user: botUser as ApiObject & { id: string } }));
  const channels = (config.channels ?? []).map((c, position) => fakeChannel({ position, ...c }, config.id));
  const ownerId = config.owner_id ?? members[0].user.id;
  return {
    id: config.id,
    name: config.name ?? `guild-${config.id.slice(-4)}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    application_id: null,
    system_channel_id: config.system_channel_id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500000,
    max_video_channel_users: 25,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: config.preferred_locale ?? 'en-US',
    features: [],
    emojis: [],
    stickers: [],
    roles,
    // GUILD_CREATE-only fields
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    members,
    channels,
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Fields a REST GET /guilds/:id does not carry (they only come with GUILD_CREATE). */
export const GATEWAY_ONLY_GUILD_FIELDS = [
  'joined_at', 'large', 'unavailable', 'member_count', 'members', 'channels', 'threads',
  'presences', 'voice_states', 'stage_instances', 'guild_scheduled_events', 'soundboard_sounds',
] as const;
