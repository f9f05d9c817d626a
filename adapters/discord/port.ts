// ChatPort on Discord through @discordjs/rest: posts with nonces, threads from messages, ephemeral answers, modals, DMs, files.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DiscordAPIError, type REST, type RawFile } from '@discordjs/rest';
import { PermissionFlagsBits, Routes, type APIInteractionResponse } from 'discord.js';
import type { Bot } from '../../src/core/bot.js';
import { FormWindowPassed, PlatformError, UserError } from '../../src/core/errors.js';
import type { Field, Form } from '../../src/core/form.js';
import type { File, Message } from '../../src/core/message.js';
import type { Capabilities, ChatPort, Invocation, MemberRef, MessageRef, Place } from '../../src/core/port.js';
import type { Lang } from '../../src/i18n/index.js';
import { commandSpeller, namesFor, type Names } from './commands/spelling.js';
import { createDraft, dropDraftsOf } from './forms/drafts.js';
import { isHandle, serially, TOKEN_LIFE_MS, type InteractionHandle } from './interactions/handle.js';
import { NO_MENTIONS } from './render/escape.js';
import { DISCORD_LIMITS as L, truncate } from './render/limits.js';
import { renderMessage, renderSingle, renderWithin, type DiscordPayload } from './render/message.js';
import { formSteps, formToModal, type ChannelNames } from './render/modal.js';
import { channelPermissions, viewers, type RawMember, type RawOverwrite, type RawRole } from './permissions.js';
import { platformError, TOKEN_REFUSED } from './errors.js';

const EPHEMERAL = 64;
/** How many members' last client locales a process keeps (a DM to someone not among them names commands as written). */
const SEEN_LOCALES = 10_000;
/** Waits before a webhook call on a fresh interaction token is tried again (see onToken): 1.55 s in all. */
const TOKEN_WAITS_MS = [50, 100, 200, 400, 800];
/** "Cannot send messages to this user": the member does not accept DMs from this server's members. */
const DMS_CLOSED = '50007';

/** Discord's nonce is at most 25 characters: a hash of the outbox key, so a retried send returns the first message. */
export function nonceFor(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, L.nonce);
}

function toRequest(p: DiscordPayload, extra: Record<string, unknown> = {}): { body: Record<string, unknown>; files?: RawFile[] } {
  const { files, ...body } = p;
  return { body: { ...body, ...extra }, ...(files?.length ? { files: files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType })) } : {}) };
}

interface ApiMessage {
  id: string;
  channel_id: string;
  content?: string;
  embeds?: { author?: { name: string }; description?: string; title?: string }[];
}

export class DiscordPort implements ChatPort {
  readonly platform = 'discord' as const;
  readonly capabilities: Capabilities = { forms: true, files: true };
  /** Every post and DM carries a nonce derived from its outbox key, with enforce_nonce. Discord remembers a nonce
   *  for "the past few minutes"; two minutes is the reading we rely on. */
  readonly idempotentSends = { windowMs: 2 * 60_000 };

  /** Our words name commands as Slack spells them; here they read as Discord offers them, in the reader's client. */
  private readonly spell: (code: string, names?: Names) => string;
  /** The Discord locale each member last acted in (newest last, at most SEEN_LOCALES): how a DM names commands. */
  private readonly seenLocales = new Map<string, string>();

  constructor(
    readonly rest: REST,
    readonly applicationId: string,
    private readonly bot: Bot,
  ) {
    this.spell = commandSpeller(bot.registry);
  }

  /** Discord refused the bot token (see UNAUTHORIZED_WAIT_S in errors.ts): the adapter reports itself unhealthy until a restart. */
  get tokenRefused(): boolean {
    return this.refused;
  }
  private refused = false;

  /** A failure as the core's PlatformError; a refused token is also remembered, and said once in the log. */
  private fail(e: unknown): unknown {
    const pe = platformError(e);
    if (pe instanceof PlatformError && pe.platform === 'discord' && pe.code === TOKEN_REFUSED && !this.refused) {
      this.refused = true;
      this.bot.log.error(
        { adapter: 'discord', code: pe.code },
        'Discord refused the bot token (401): DISCORD_TOKEN was reset or revoked. Nothing is sent until the bot restarts with the new token from the Developer Portal (Bot → Reset Token); then what waited goes out, except supervision reminders for sessions that have begun meanwhile (called off by design)',
      );
    }
    return pe;
  }

  private async call<T>(fn: () => Promise<unknown>, o: { lookup?: boolean } = {}): Promise<T> {
    try {
      return (await fn()) as T;
    } catch (e) {
      throw o.lookup ? this.failLookup(e) : this.fail(e);
    }
  }

  /**
   * A command's own check of the server (who sees a channel, may the bot post there, which channel a name means) meets
   * a refused token: the member gets the apology with its reference rather than a "try again in a minute" that cannot
   * help before a restart. Messages still wait (see fail), as on Slack.
   */
  private failLookup(e: unknown): unknown {
    const pe = this.fail(e);
    return pe instanceof PlatformError && pe.code === TOKEN_REFUSED ? new PlatformError('discord', TOKEN_REFUSED, e, undefined, false) : pe;
  }

  private render(message: Message, team?: string, names?: Names): DiscordPayload[] {
    return renderMessage(message, { team, spell: this.spellFor(names) });
  }

  /** Command names as a reader's client offers them; no reader known (a channel post), as our words wrote them. */
  private spellFor(names: Names | undefined): (code: string) => string {
    return (code) => this.spell(code, names);
  }

  /** Remembers the client locale a member acted in, so a DM to them later names commands as their Discord does. */
  sawLocale(member: string, locale: string | undefined): void {
    if (!member || !locale) return;
    this.seenLocales.delete(member);
    this.seenLocales.set(member, locale);
    if (this.seenLocales.size > SEEN_LOCALES) this.seenLocales.delete(this.seenLocales.keys().next().value!);
  }

  async post(to: Place, message: Message, opts?: { key?: string }): Promise<MessageRef> {
    const channel = to.thread ? await this.threadChannel(to) : to.channel;
    const [first, ...more] = await this.send(channel, this.render(message), opts?.key);
    // A thread started from a message has that message's id: replies to a channel message go there.
    return { team: to.team, channel: to.channel, id: first!.id, thread: to.thread ?? first!.id, ...moreOf(more) };
  }

  /** The thread channel for `place.thread` (a message id until someone starts the thread): created on first use. */
  private async threadChannel(to: Place): Promise<string> {
    const thread = to.thread!;
    try {
      await this.rest.get(Routes.channel(thread));
      return thread;
    } catch (e) {
      if (!(e instanceof DiscordAPIError && e.code === 10003)) throw this.fail(e);
    }
    const parent = await this.call<ApiMessage>(() => this.rest.get(Routes.channelMessage(to.channel, thread)));
    try {
      await this.rest.post(Routes.threads(to.channel, thread), { body: { name: threadName(parent), auto_archive_duration: 10080 } });
    } catch (e) {
      // 160004: another replica started it a moment ago; post into it all the same.
      if (!(e instanceof DiscordAPIError && e.code === 160004)) throw this.fail(e);
    }
    return thread;
  }

  /** Every part of a split message, in order (the first is the message's reference, the rest its `more`). */
  private async send(channel: string, parts: DiscordPayload[], key?: string): Promise<ApiMessage[]> {
    const sent: ApiMessage[] = [];
    for (const [i, part] of parts.entries()) {
      // What makes retrying a send harmless when its outcome is unknown (a timeout, rest.ts's bound on a hung-up
      // connection: Discord may have posted it): the same outbox key gives the same nonce, and with enforce_nonce
      // Discord answers the repeat with the first message instead of posting again (idempotentSends: within its
      // window). An edit or delete repeated does no harm anyway.
      const nonce = key ? { nonce: nonceFor(i ? `${key}#${i}` : key), enforce_nonce: true } : {};
      sent.push(await this.call<ApiMessage>(() => this.rest.post(Routes.channelMessages(channel), toRequest(part, nonce))));
    }
    return sent;
  }

  /** A message inside a thread lives in the thread's channel; a channel message's `thread` is its own id. */
  private where(ref: MessageRef): string {
    return ref.thread && ref.thread !== ref.id ? ref.thread : ref.channel;
  }

  /**
   * Edit every part of a split message in place. The caller keeps the parts' ids for the next edit (a reminder is
   * edited at every RSVP), so no part is ever deleted: parts the new text does not need are blanked, so nothing of
   * the old text (a withdrawn case) stays on screen, and a text needing more parts than there are is shortened
   * visibly into them. Buttons ride on the last part with text.
   */
  async update(ref: MessageRef, message: Message): Promise<void> {
    const click = this.ephemeralClicks.get(ref.id);
    if (click) return this.updateClicked(click, ref.team, message);
    const ids = [ref.id, ...(ref.more ?? [])];
    // A DM's buttons keep naming their server after the edit (a click in a DM carries none).
    const team = ref.direct ? ref.team : undefined;
    const parts = renderWithin(message, ids.length, { spell: this.spellFor(undefined), team });
    for (const [i, id] of ids.entries()) {
      const part = parts[i];
      try {
        // PATCH keeps what it does not name: buttons, embeds and files the new text no longer has are cleared.
        await this.rest.patch(Routes.channelMessage(this.where(ref), id), toRequest({ ...CLEARED, ...(part ?? BLANK_PART) }));
      } catch (e) {
        // A part to blank that a moderator deleted: what was wanted is done.
        if (!(part === undefined && e instanceof DiscordAPIError && e.code === 10008)) throw this.fail(e);
      }
    }
  }

  /** Ephemeral messages being clicked right now (message id → the click's interaction): see editableThrough. */
  private readonly ephemeralClicks = new Map<string, InteractionHandle>();

  /**
   * While a click on an ephemeral message is handled, an update of that message goes through the click's interaction:
   * Discord keeps ephemeral messages out of the channel's routes (10008). Returns the function that ends it.
   */
  editableThrough(messageId: string, h: InteractionHandle): () => void {
    this.ephemeralClicks.set(messageId, h);
    return () => {
      if (this.ephemeralClicks.get(messageId) === h) this.ephemeralClicks.delete(messageId);
    };
  }

  /**
   * The clicked ephemeral message, edited in place: as the response itself (type 7) when nothing was answered yet,
   * else through @original, which a deferred update (type 6) left pointing at it. A click already answered with a new
   * message (types 4 and 5) has lost that way, and Discord offers no other: the refusal says so.
   */
  private async updateClicked(h: InteractionHandle, team: string, message: Message): Promise<void> {
    const part = { ...CLEARED, ...renderSingle(message, { spell: this.spellFor(namesFor(h.locale)), team: h.inDm ? team : undefined }) };
    await serially(h, async () => {
      // Files cannot travel in a response: those go by the edit after a deferred update.
      if (h.ack === 'none' && !part.files?.length) {
        h.ack = 'updated';
        await h.respond({ type: 7, data: toRequest(part).body } as APIInteractionResponse);
        return;
      }
      if (h.ack === 'none') {
        h.ack = 'deferredUpdate';
        await h.respond({ type: 6 });
      }
      if (h.ack !== 'deferredUpdate' && h.ack !== 'updated') throw new PlatformError('discord', 'ephemeral_not_editable', undefined, undefined, false);
      await this.onToken(() => this.rest.patch(Routes.webhookMessage(this.applicationId, h.token, '@original'), { ...toRequest(part), auth: false }));
    });
  }

  /** The clicked ephemeral message (our question before a step that cannot be undone) becomes `message`. */
  replaceClicked(h: InteractionHandle, team: string, message: Message): Promise<void> {
    return this.updateClicked(h, team, message);
  }

  /**
   * A private answer that is ready at once (the question before a step that cannot be undone): the response itself
   * (type 4, ephemeral), in both modes. Already acknowledged (a slow start), it goes as any private answer.
   */
  async answerAtOnce(to: Invocation, message: Message): Promise<void> {
    const h = to.handle;
    if (isHandle(h)) {
      const part = renderSingle(message, { spell: this.spellFor(namesFor(to.member.locale ?? h.locale)), team: h.inDm ? to.team : undefined });
      const sent = await serially(h, async () => {
        if (h.ack !== 'none' || part.files?.length) return false;
        h.ack = 'answered';
        await h.respond({ type: 4, data: toRequest(part, { flags: EPHEMERAL }).body } as APIInteractionResponse);
        return true;
      });
      if (sent) return;
    }
    await this.answerPrivately(to, message);
  }

  async remove(ref: MessageRef): Promise<void> {
    for (const id of [ref.id, ...(ref.more ?? [])]) await this.removeOne(ref, id);
  }

  private async removeOne(ref: MessageRef, id: string): Promise<void> {
    try {
      await this.rest.delete(Routes.channelMessage(this.where(ref), id));
    } catch (e) {
      // Already gone (a moderator deleted that part): what was wanted is done.
      if (!(e instanceof DiscordAPIError && e.code === 10008 && id !== ref.id)) throw this.fail(e);
    }
  }

  private async dmChannel(member: string): Promise<string> {
    const dm = await this.call<{ id: string }>(() => this.rest.post(Routes.userChannels(), { body: { recipient_id: member } }));
    return dm.id;
  }

  async direct(member: MemberRef, message: Message, opts?: { key?: string }): Promise<MessageRef> {
    const channel = await this.dmChannel(member.id);
    const [first, ...more] = await this.send(channel, this.render(message, member.team, namesFor(this.seenLocales.get(member.id))), opts?.key);
    return { team: member.team, channel, id: first!.id, ...moreOf(more), direct: true };
  }

  async upload(to: MemberRef, file: File, message?: Message): Promise<void> {
    const channel = await this.dmChannel(to.id);
    const parts = message ? this.render(message, to.team, namesFor(this.seenLocales.get(to.id))) : [{ allowed_mentions: NO_MENTIONS }];
    const last = parts[parts.length - 1]!;
    const attached: DiscordPayload = { ...last, files: [...(last.files ?? []), { name: file.name, data: Buffer.from(file.bytes), contentType: file.mime }] };
    attached.attachments = attached.files!.map((f, id) => ({ id, filename: f.name }));
    try {
      await this.send(channel, [...parts.slice(0, -1), attached]);
    } catch (e) {
      // Files go only by DM here; with DMs from the server closed, the member alone can open the way (an export is their right).
      if (e instanceof PlatformError && e.code === DMS_CLOSED) throw new UserError('discord.dmsClosed');
      throw e;
    }
  }

  async answerPrivately(to: Invocation, message: Message): Promise<void> {
    const h = to.handle;
    // No interaction, an expired token, or one answered with a modal (no message to follow up): by DM.
    if (!isHandle(h) || h.ack === 'modal' || Date.now() - h.receivedAt > TOKEN_LIFE_MS - 30_000) {
      await this.direct({ team: to.team, id: to.member.id }, message);
      return;
    }
    // An answer to a click in a DM is in the DM too: its buttons keep saying which server they belong to.
    const parts = this.render(message, h.inDm ? to.team : undefined, namesFor(to.member.locale ?? h.locale));
    // The confirm of our question: the answer takes the question's place (in one message; a longer one follows it).
    if (h.replacesQuestion && parts.length === 1 && !parts[0]!.files?.length) {
      h.replacesQuestion = false;
      return this.replaceClicked(h, to.team, message);
    }
    await serially(h, async () => {
      // A click on an ephemeral message: acknowledged as an update, so @original stays the clicked message (for
      // updateClicked) and this answer is a follow-up of its own.
      if (h.ack === 'none' && h.onEphemeral) {
        h.ack = 'deferredUpdate';
        await h.respond({ type: 6 });
      }
      // Ready before the deferral and one message (files cannot travel in a response): the answer is the response.
      if (h.ack === 'none' && h.answerInResponse && parts.length === 1 && !parts[0]!.files?.length) {
        h.ack = 'answered';
        await h.respond({ type: 4, data: toRequest(parts[0]!, { flags: EPHEMERAL }).body } as APIInteractionResponse);
        return;
      }
      if (h.ack === 'none') {
        h.ack = 'deferred';
        await h.respond({ type: 5, data: { flags: EPHEMERAL } });
      }
      for (const part of parts) {
        if (h.ack === 'deferred' && !h.originalFilled) {
          await this.onToken(() => this.rest.patch(Routes.webhookMessage(this.applicationId, h.token, '@original'), { ...toRequest(part), auth: false }));
          // Only now: had the edit failed, the next answer (the core's apology) must fill the placeholder instead.
          h.originalFilled = true;
        } else {
          await this.onToken(() => this.rest.post(Routes.webhook(this.applicationId, h.token), { ...toRequest(part, { flags: EPHEMERAL }), auth: false }));
        }
      }
    });
  }

  /**
   * A call on an interaction's webhook. Our first answer has left when the response is sent, but Discord takes it a
   * moment later (HTTP interactions), and until then refuses the token as unknown (10015, or 10008 for @original):
   * a few short waits, then the refusal stands.
   */
  private async onToken(fn: () => Promise<unknown>): Promise<void> {
    for (let i = 0; ; i++) {
      try {
        await fn();
        return;
      } catch (e) {
        const early = e instanceof DiscordAPIError && e.status === 404 && (e.code === 10015 || e.code === 10008);
        if (!early || i >= TOKEN_WAITS_MS.length) throw this.fail(e);
        await sleep(TOKEN_WAITS_MS[i]);
      }
    }
  }

  async openForm(to: Invocation, form: Form): Promise<void> {
    const h = to.handle;
    if (!isHandle(h)) throw new PlatformError('discord', 'no_interaction', undefined, undefined, false);
    // A modal can only be the first answer: deferred (a slow handler) or a modal submit, the core offers a button.
    if (h.ack !== 'none' || h.type === 5) throw new FormWindowPassed();
    // The form's own words are in the member's language; the modal's few extra ones ("mark with an x") must match.
    const lang = (await this.bot.context(to)).lang;
    const id = await createDraft(this.bot, { team: to.team, id: to.member.id }, { form, values: {}, step: 0, lang });
    await this.showModal(h, form, 0, id, lang, {}, to.team);
  }

  async forgetForms(member: MemberRef): Promise<void> {
    await dropDraftsOf(this.bot, member);
  }

  /** A modal can only be the first answer to an interaction (and never to a modal submit). */
  async showModal(h: InteractionHandle, form: Form, step: number, draftId: string, lang: Lang, kept: Record<string, string | string[] | undefined>, team: string): Promise<void> {
    const names = await this.channelNames(team, formSteps(form)[step] ?? [], kept);
    await serially(h, async () => {
      // Answered meanwhile (the 2-second deferral fired while a slow handler ran): the caller offers a button.
      if (h.ack !== 'none' || h.type === 5) throw new FormWindowPassed();
      h.ack = 'modal';
      await h.respond({ type: 9, data: formToModal(form, step, modalCustomId(draftId, step), lang, kept, names) });
    });
  }

  /**
   * Channels chosen before (a setup form's current channels) as the member knows them, `#name`, for the inputs that
   * show them. Only a name that leads back to that very channel when submitted unchanged (resolveChannel, the core's
   * channel syntax): a name two postable channels share, or one with characters a typed channel cannot have, keeps
   * the `<#id>` form. A slow or failed lookup keeps it too: the modal must open within Discord's 3 seconds.
   */
  private async channelNames(team: string, fields: Field[], kept: Record<string, unknown>): Promise<ChannelNames> {
    const ids = fields.flatMap((f) => (f.kind === 'channel' && f.initial && kept[f.id] === undefined ? [f.initial] : []));
    if (!ids.length || !/^\d+$/.test(team)) return {};
    const list = await Promise.race([
      (this.rest.get(Routes.guildChannels(team)) as Promise<GuildChannel[]>).catch((e: unknown) => {
        this.fail(e);
        return undefined;
      }),
      sleep(CHANNEL_NAMES_WAIT_MS, undefined, { ref: false }),
    ]);
    if (!list) return {};
    const postable = list.filter((c) => POSTABLE_TYPES.has(c.type ?? 0) && c.name);
    const names: ChannelNames = {};
    for (const id of ids) {
      const name = postable.find((c) => c.id === id)?.name;
      if (!name || !TYPED_NAME.test(name) || LOOKS_LIKE_ID.test(name)) continue;
      if (postable.filter((c) => c.name!.toLowerCase() === name.toLowerCase()).length === 1) names[id] = `#${name}`;
    }
    return names;
  }

  /**
   * The people who can see the channel (an anonymous case needs enough of them): the guild's members, each
   * through the owner, their roles and the channel's overwrites. The first 1,000 members only: in a larger
   * guild the count can only come out low, which refuses a post rather than exposing its author.
   * Listing members needs the Server Members intent: without it Discord answers 403, and the count is unknown
   * (undefined), which the cases feature handles as the README describes, instead of failing every /case.
   */
  async channelMembers(team: string, channel: string): Promise<string[] | undefined> {
    const [{ guild, ch }, members] = await Promise.all([
      this.call<ChannelAccess>(() => this.channelAccess(team, channel), { lookup: true }),
      (this.rest.get(Routes.guildMembers(team), { query: new URLSearchParams({ limit: '1000' }) }) as Promise<RawMember[]>).catch((e: unknown) => {
        if (e instanceof DiscordAPIError && e.status === 403) return undefined;
        throw this.failLookup(e);
      }),
    ]);
    if (!members) {
      // Once per server and process: a warning at every /case step would log when cases are being written.
      if (!this.warnedNoMembers.has(team)) {
        this.warnedNoMembers.add(team);
        this.bot.log.warn({ adapter: 'discord', team }, 'cannot list server members: enable the Server Members intent to count who can see the case channel');
      }
      return undefined;
    }
    return viewers(guild, ch.permission_overwrites ?? [], members);
  }

  /** What deciding who may do what in a channel needs: the server (owner, roles) and the channel (overwrites). */
  private async channelAccess(team: string, channel: string): Promise<ChannelAccess> {
    const [g, roles, ch] = await Promise.all([
      this.rest.get(Routes.guild(team)) as Promise<{ id: string; owner_id: string }>,
      this.rest.get(Routes.guildRoles(team)) as Promise<RawRole[]>,
      this.rest.get(Routes.channel(channel)) as Promise<ChannelAccess['ch']>,
    ]);
    return { guild: { id: g.id, ownerId: g.owner_id, roles }, ch };
  }

  /** Whether `member` is in the server `team` (a DM click names its server in the button; the click is trusted only then). */
  async isMember(team: string, member: string): Promise<boolean | undefined> {
    try {
      await this.rest.get(Routes.guildMember(team, member));
      return true;
    } catch (e) {
      // Not in that server (or no such server): no. Anything else (5xx, a long rate limit, a refused token): unknown.
      if (e instanceof DiscordAPIError && (e.status === 403 || e.status === 404)) return false;
      this.fail(e);
      return undefined;
    }
  }

  /** "#general" typed in a modal → the text channel of that name (modals have no channel picker); never a category or voice channel. */
  async resolveChannel(team: string, name: string): Promise<string | undefined> {
    const wanted = name.replace(/^#/, '').trim().toLowerCase();
    const list = await this.call<GuildChannel[]>(() => this.rest.get(Routes.guildChannels(team)), { lookup: true });
    return list.find((c) => POSTABLE_TYPES.has(c.type ?? 0) && (c.name?.toLowerCase() === wanted || c.id === wanted))?.id;
  }

  private readonly warnedNoMembers = new Set<string>();

  /** The bot's own user id (for its permissions), asked once. */
  private botUserId?: Promise<string>;

  /**
   * Whether the bot may post prompts, cases and reminders there and start threads: a text or announcement channel
   * where its roles and the channel's overwrites give it View, Send, Send in Threads and Create Public Threads.
   * Seeing the channel is not enough: #announcements is visible and refuses every post.
   */
  async canPost(team: string, channel: string): Promise<boolean> {
    try {
      this.botUserId ??= this.rest.get(Routes.user('@me')).then((u) => (u as { id: string }).id);
      const botId = await this.botUserId;
      const [{ guild, ch }, me] = await Promise.all([this.channelAccess(team, channel), this.rest.get(Routes.guildMember(team, botId)) as Promise<RawMember>]);
      if (!POSTABLE_TYPES.has(ch.type ?? 0) || (ch.guild_id && ch.guild_id !== team)) return false;
      const perms = channelPermissions(guild, ch.permission_overwrites ?? [], me);
      return (perms & POST_PERMISSIONS) === POST_PERMISSIONS;
    } catch (e) {
      this.botUserId = undefined;
      // Not there or not allowed to look: the bot cannot post. A passing failure is not a refusal: it is said as one.
      if (e instanceof DiscordAPIError && (e.status === 403 || e.status === 404)) return false;
      throw this.failLookup(e);
    }
  }
}

interface ChannelAccess {
  guild: { id: string; ownerId: string; roles: RawRole[] };
  ch: { type?: number; guild_id?: string; permission_overwrites?: RawOverwrite[] };
}

interface GuildChannel {
  id: string;
  name?: string;
  type?: number;
}

/** How long a modal waits for the server's channel names before it shows `<#id>` instead (see channelNames). */
const CHANNEL_NAMES_WAIT_MS = 800;
/** A channel name the core takes as typed (`#name`, src/core/args.ts channelId)… */
const TYPED_NAME = /^[\p{L}\p{N}_-]+$/u;
/** …and would not take for an id instead (resolveChannel matches ids as well as names, so such a name could lead elsewhere). */
const LOOKS_LIKE_ID = /^[A-Z0-9]{8,}$|^\d{15,22}$/;

/** Text (0) and announcement (5) channels: where prompts, cases and reminders can go. */
const POSTABLE_TYPES = new Set([0, 5]);
const POST_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.SendMessagesInThreads | PermissionFlagsBits.CreatePublicThreads;

/** What an edit sets when the new rendering has none of it (a PATCH leaves unnamed fields as they were). */
const CLEARED = { content: '', embeds: [], components: [], attachments: [] };
/** A part the new text does not need: Discord refuses an empty message, and a zero-width space shows nothing. */
const BLANK_PART: DiscordPayload = { content: '\u200b', allowed_mentions: NO_MENTIONS };

function moreOf(more: ApiMessage[]): { more?: string[] } {
  return more.length ? { more: more.map((m) => m.id) } : {};
}

export const MODAL_PREFIX = 'dc:form';
export function modalCustomId(draftId: string, step: number): string {
  return `${MODAL_PREFIX}|${draftId}:${step}`;
}

function threadName(parent: ApiMessage): string {
  const e = parent.embeds?.[0];
  const raw = parent.content || e?.title || e?.description || e?.author?.name || '…';
  const line = raw.split('\n').find((l) => l.trim()) ?? '…';
  return truncate(line.replace(/[*_`>~|\\]|-#/g, '').trim() || '…', L.threadName);
}
