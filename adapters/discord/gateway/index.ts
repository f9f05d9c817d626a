// Gateway mode: a discord.js Client keeps the connection (and sharding); interactions and guild events become core events.
import { ChannelType, Client, Events, GatewayIntentBits, Routes, type Guild, type Message as DjsMessage } from 'discord.js';
import type { Bot } from '../../../src/core/bot.js';
import type { RunningAdapter } from '../../../src/app.js';
import { dispatchInteraction, type RawInteraction } from '../interactions/dispatch.js';
import type { DiscordPort } from '../port.js';
import { safeError } from '../../../src/log.js';

export interface GatewayOptions {
  bot: Bot;
  port: DiscordPort;
  token: string;
  apiUrl?: string;
  deferAfterMs?: number;
}

export async function startGateway(o: GatewayOptions): Promise<RunningAdapter & { client: Client }> {
  // GuildMessages only to count replies in prompt threads; without MessageContent the text never reaches us.
  const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { ...(o.apiUrl ? { api: o.apiUrl } : {}) } });
  const log = o.bot.log.child({ adapter: 'discord' });

  // Interactions are taken from the raw dispatch so gateway and HTTP mode share one path; the first answer is the callback POST.
  client.on(Events.Raw, (packet: { t?: string; d?: RawInteraction }) => {
    if (packet.t !== 'INTERACTION_CREATE' || !packet.d) return;
    const raw = packet.d;
    const respond = async (body: unknown) => {
      await o.port.rest.post(Routes.interactionCallback(raw.id, raw.token), { body, auth: false });
    };
    dispatchInteraction({ bot: o.bot, port: o.port, deferAfterMs: o.deferAfterMs }, raw, respond).catch((e: Error) =>
      log.error({ error: safeError(e) }, 'interaction failed'),
    );
  });

  client.on(Events.GuildCreate, (guild: Guild) => {
    void o.bot
      .handle({ kind: 'installed', platform: 'discord', team: guild.id, teamName: guild.name, installer: guild.ownerId, locale: guild.preferredLocale, systemChannel: guild.systemChannelId ?? undefined })
      .catch((e: Error) => log.error({ error: safeError(e) }, 'install hook failed'));
  });
  client.on(Events.GuildDelete, (guild: Guild) => {
    if (!guild.available) return; // an outage, not a removal
    void o.bot.handle({ kind: 'uninstalled', platform: 'discord', team: guild.id }).catch((e: Error) => log.error({ error: safeError(e) }, 'uninstall hook failed'));
  });
  client.on(Events.MessageCreate, (m: DjsMessage) => {
    const ch = m.channel;
    // A reply in a thread may answer a prompt. A thread started from a message has that message's id, whoever started
    // it (usually the first member to answer), so the core counts it when that id is a prompt's post, and ignores any
    // other thread. A private thread never starts from a message. The text is never read (no MessageContent intent).
    if (m.author.bot || m.system || !m.guildId || !ch.isThread() || ch.type === ChannelType.PrivateThread || !ch.parentId) return;
    void o.bot
      .handle({ kind: 'threadReply', platform: 'discord', team: m.guildId, channel: ch.parentId, thread: ch.id, member: m.author.id })
      .catch((e: Error) => log.error({ error: safeError(e) }, 'thread reply hook failed'));
  });

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(o.token);
  await ready;
  log.info({ guilds: client.guilds.cache.size, shards: client.shard?.ids ?? [0] }, 'discord gateway connected');
  return {
    name: 'discord-gateway',
    client,
    // Connected is not enough: after a refused bot token (401) nothing can be posted (see DiscordPort.tokenRefused).
    healthy: () => client.isReady() && !o.port.tokenRefused,
    // Disconnect first: no new events are read, and the answers of those under way go by REST (the port's own
    // client), which needs no gateway. Later calls find it closed already.
    stopTaking: () => client.destroy(),
    stop: () => client.destroy(),
  };
}
