// In-memory state of the fake Discord: guilds, channels, messages, commands and interaction responses, shared by the REST routes and the gateway.
import { buildGuild, FAKE_APPLICATION_ID, FAKE_BOT_USER, fakeChannel, type ApiObject, type FakeGuildConfig } from './fixtures.js';
import { snowflake, snowflakeTime } from './ids.js';

/** What the fake remembers about an interaction it handed to a client. */
export interface KnownInteraction {
  id: string;
  token: string;
  /** Interaction type (2 command, 3 component, 5 modal submit); null when the fake never saw it. */
  type: number | null;
  /** True when the interaction went out through the fake's gateway, so deadlines and order are checked. */
  remembered: boolean;
  applicationId: string;
  channelId: string | null;
  guildId: string | null;
  message: ApiObject | null;
  receivedAt: number;
  acknowledged: boolean;
  responseType: number | null;
  original: ApiObject | null;
  followups: ApiObject[];
}

export class FakeDiscordStore {
  readonly applicationId: string;
  readonly botUser: ApiObject;
  readonly guilds = new Map<string, ApiObject>();
  readonly channels = new Map<string, ApiObject>();
  /** Messages per channel, oldest first. */
  readonly messages = new Map<string, ApiObject[]>();
  /** Application commands per scope: 'global' or a guild id. */
  readonly commands = new Map<string, ApiObject[]>();
  /** Whether the app has the Server Members privileged intent: without it, listing a guild's members is refused. */
  membersIntent = true;
  readonly dmChannelByUser = new Map<string, string>();
  /** Users who do not accept DMs from server members (or blocked the bot): the DM channel opens, sends to it get 50007. */
  readonly closedDms = new Set<string>();
  /** `${channelId}:${nonce}` -> message id and when it was first seen, for enforce_nonce. */
  readonly nonces = new Map<string, { messageId: string; at: number }>();
  readonly interactionsByToken = new Map<string, KnownInteraction>();
  /**
   * Ephemeral messages by id ("only you can see this"): in no channel's history, and Unknown Message (10008) to
   * GET/PATCH/DELETE /channels/…/messages/…, as on Discord. A click on one can change it through its interaction
   * (response type 7, or type 6 then PATCH /webhooks/…/@original), which edits the copy kept here.
   */
  readonly ephemeral = new Map<string, ApiObject>();

  constructor(guilds: FakeGuildConfig[], applicationId = FAKE_APPLICATION_ID, botUser: ApiObject = FAKE_BOT_USER) {
    this.applicationId = applicationId;
    this.botUser = botUser;
    for (const config of guilds) this.addGuild(config);
  }

  addGuild(config: FakeGuildConfig): ApiObject {
    const guild = buildGuild(config, this.botUser);
    this.guilds.set(guild.id, guild);
    for (const channel of guild.channels) this.channels.set(channel.id, channel);
    return guild;
  }

  /** Makes a channel known (e.g. a DM or a channel created outside any configured guild). */
  addChannel(partial: ApiObject & { id: string }, guildId?: string): ApiObject {
    const channel = fakeChannel(partial, guildId);
    this.channels.set(channel.id, channel);
    const guild = guildId ? this.guilds.get(guildId) : undefined;
    if (guild && !guild.channels.some((c: ApiObject) => c.id === channel.id)) guild.channels.push(channel);
    return channel;
  }

  findUser(id: string): ApiObject | undefined {
    if (id === this.botUser.id) return this.botUser;
    for (const guild of this.guilds.values()) {
      const member = guild.members.find((m: ApiObject) => m.user.id === id);
      if (member) return member.user;
    }
    return undefined;
  }

  messagesIn(channelId: string): ApiObject[] {
    let list = this.messages.get(channelId);
    if (!list) this.messages.set(channelId, (list = []));
    return list;
  }

  findMessage(channelId: string, messageId: string): ApiObject | undefined {
    return this.messages.get(channelId)?.find((m) => m.id === messageId);
  }

  /** Stores a new message the way Discord would echo it back. */
  createMessage(channelId: string, body: ApiObject, attachments: ApiObject[], extra: ApiObject = {}): ApiObject {
    const id = snowflake();
    const message: ApiObject = {
      id,
      channel_id: channelId,
      type: 0,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments,
      author: this.botUser,
      timestamp: new Date(snowflakeTime(id)).toISOString(),
      edited_timestamp: null,
      tts: Boolean(body.tts),
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      mention_channels: [],
      pinned: false,
      flags: body.flags ?? 0,
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
      ...(body.message_reference ? { message_reference: { channel_id: channelId, ...body.message_reference } } : {}),
      ...extra,
    };
    const channel = this.channels.get(channelId);
    if (channel?.guild_id) message.guild_id = channel.guild_id;
    this.messagesIn(channelId).push(message);
    if (channel) {
      channel.last_message_id = id;
      if (typeof channel.message_count === 'number') {
        channel.message_count++;
        channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
      }
    }
    return message;
  }

  editMessage(message: ApiObject, body: ApiObject, attachments: ApiObject[] | null): ApiObject {
    for (const key of ['content', 'embeds', 'components', 'flags'] as const) {
      if (body[key] !== undefined) message[key] = body[key] ?? (key === 'content' ? '' : key === 'flags' ? 0 : []);
    }
    if (body.attachments !== undefined || attachments) {
      const kept = (body.attachments ?? message.attachments).filter((a: ApiObject) => message.attachments.some((m: ApiObject) => m.id === a.id));
      message.attachments = [...kept, ...(attachments ?? [])];
    }
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  deleteMessage(channelId: string, messageId: string): boolean {
    const list = this.messages.get(channelId);
    const index = list?.findIndex((m) => m.id === messageId) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  /** A DM channel per recipient, created on first use like POST /users/@me/channels. */
  dmChannel(recipientId: string): ApiObject {
    const existing = this.dmChannelByUser.get(recipientId);
    if (existing) return this.channels.get(existing)!;
    const recipient = this.findUser(recipientId) ?? { id: recipientId, username: `user${recipientId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
    const channel = this.addChannel({ id: snowflake(), type: 1, recipients: [recipient] });
    this.dmChannelByUser.set(recipientId, channel.id);
    return channel;
  }

  /** A thread in `parent`, from a message when `fromMessageId` is given; `ownerId` started it (the bot, unless a member did). */
  createThread(parent: ApiObject, body: ApiObject, fromMessageId?: string, ownerId: string = this.botUser.id): ApiObject {
    const type = fromMessageId ? (parent.type === 5 ? 10 : 11) : (body.type ?? 12);
    const byBot = ownerId === this.botUser.id;
    const thread = this.addChannel(
      {
        id: fromMessageId ?? snowflake(),
        type,
        name: body.name ?? 'thread',
        parent_id: parent.id,
        owner_id: ownerId,
        rate_limit_per_user: body.rate_limit_per_user ?? 0,
        message_count: 0,
        member_count: 1,
        total_message_sent: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: body.auto_archive_duration ?? 4320,
          archive_timestamp: new Date().toISOString(),
          locked: false,
          ...(type === 12 ? { invitable: body.invitable ?? true } : {}),
          create_timestamp: new Date().toISOString(),
        },
        // The bot's own thread membership: only in threads it joined (it joins those it starts).
        ...(byBot ? { member: { id: fromMessageId ?? undefined, user_id: this.botUser.id, join_timestamp: new Date().toISOString(), flags: 0 } } : {}),
      },
      parent.guild_id,
    );
    if (thread.member && !thread.member.id) thread.member.id = thread.id;
    if (fromMessageId) {
      const message = this.findMessage(parent.id, fromMessageId);
      if (message) {
        message.thread = thread;
        message.flags = (message.flags ?? 0) | (1 << 5); // HAS_THREAD
      }
    }
    return thread;
  }

  /** Remembers an interaction so its callback can tell its channel, its message and whether it came too late. */
  rememberInteraction(interaction: ApiObject): void {
    if (typeof interaction.token !== 'string') return;
    this.interactionsByToken.set(interaction.token, {
      id: interaction.id,
      token: interaction.token,
      type: interaction.type ?? null,
      remembered: true,
      applicationId: interaction.application_id ?? this.applicationId,
      channelId: interaction.channel?.id ?? interaction.channel_id ?? null,
      guildId: interaction.guild_id ?? null,
      message: interaction.message ?? null,
      receivedAt: Date.now(),
      acknowledged: false,
      responseType: null,
      original: null,
      followups: [],
    });
  }

  interaction(token: string, id?: string): KnownInteraction {
    let known = this.interactionsByToken.get(token);
    if (!known) {
      // Tokens the fake never saw still work (e.g. HTTP-mode tests), they just have no channel.
      known = {
        id: id ?? snowflake(),
        token,
        type: null,
        remembered: false,
        applicationId: this.applicationId,
        channelId: null,
        guildId: null,
        message: null,
        receivedAt: Date.now(),
        acknowledged: false,
        responseType: null,
        original: null,
        followups: [],
      };
      this.interactionsByToken.set(token, known);
    }
    return known;
  }
}
