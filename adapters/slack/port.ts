// ChatPort on Slack's Web API: posts, threads, ephemeral answers, modals, DMs, files and duplicate checks.
import type { Clock } from '../../src/schedule/clock.js';
import { FormWindowPassed, PlatformError } from '../../src/core/errors.js';
import type { Form } from '../../src/core/form.js';
import type { File, Message } from '../../src/core/message.js';
import type { Capabilities, ChatPort, Invocation, MemberRef, MessageRef, Place } from '../../src/core/port.js';
import type { Clients, WebClient } from './clients.js';
import { call, TOKEN_REFUSED, type RateScope } from './errors.js';
import { slackHandle } from './handle.js';
import { renderMessage, type RenderedMessage } from './render/blocks.js';
import { renderModal } from './render/modal.js';

/** DM channel ids and display names kept per process; the oldest goes first past this. */
const MAX_REMEMBERED = 10_000;

/** Keep `value` under `key`, letting the oldest entry go once the map holds MAX_REMEMBERED. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= MAX_REMEMBERED) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** Marks a message as sent for an outbox key, so a resend after a crash can find it first. */
export const OUTBOX_EVENT = 'sojusz_outbox';
/** Slack accepts a response_url for 30 minutes; leave a margin. */
const RESPONSE_URL_TTL_MS = 25 * 60_000;
/** How far back findSent looks in a channel (the outbox resends within minutes, not days): one page. */
const HISTORY_LIMIT = 100;
/** How long every send waits, again and again, once Slack refused the single bot token (see SlackPort.call). */
const TOKEN_WAIT_S = 60;
/** Pages of a thread findSent reads before giving up (1,000 replies: more than any supervision thread holds). */
const THREAD_PAGES = 10;

interface SlackMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * A button's message that only its member sees (an ephemeral: a preview, a held topic), as the action on it said:
 * what SlackPort needs to change it. `responseUrl` is that action's, the only way Slack lets an app change one.
 */
export interface EphemeralSource {
  responseUrl?: string;
  /** When the action arrived (the bot's clock), to know whether its response_url is still fresh. */
  receivedAt: number;
}

/** A MessageRef the Slack adapter handed to the core as the source of a button; the core passes it back as it is. */
export interface SlackMessageRef extends MessageRef {
  ephemeral?: EphemeralSource;
}

function ephemeralOf(ref: MessageRef): EphemeralSource | undefined {
  const e = (ref as SlackMessageRef).ephemeral;
  return e && typeof e === 'object' && typeof e.receivedAt === 'number' ? e : undefined;
}

/** Channels up to this size have their members looked up one by one, to leave apps out of the count. */
const PEOPLE_LOOKUP_LIMIT = 100;

export class SlackPort implements ChatPort {
  readonly platform = 'slack' as const;
  readonly capabilities: Capabilities = { forms: true, files: true };

  constructor(
    private readonly clients: Clients,
    private readonly clock: Clock,
    /** Told once when Slack refuses the single bot token (see `call`): the adapter logs it and reports itself unhealthy. */
    private readonly onTokenRefused: (code: string) => void = () => {},
  ) {}

  /** Slack refused the single bot token: nothing can be sent until the bot restarts with a new one. */
  get tokenRefused(): boolean {
    return this.refused;
  }
  private refused = false;

  /**
   * A Web API call as the core's PlatformError (errors.ts). With the single SLACK_BOT_TOKEN a refused token is no one
   * message's failure: every message waits (a global pause, as for Discord's refused token) and nothing queued is
   * marked failed, so what was due goes out once the bot restarts with a new token.
   */
  private async call<T>(fn: () => Promise<T>, scope?: RateScope, posted?: 'place' | 'member', o: { lookup?: boolean } = {}): Promise<T> {
    try {
      return await call(fn, scope, posted);
    } catch (e) {
      if (!(e instanceof PlatformError) || !TOKEN_REFUSED.has(e.code) || !this.clients.singleToken) throw e;
      if (!this.refused) {
        this.refused = true;
        this.onTokenRefused(e.code);
      }
      // A command's own check of a channel goes up as it is: the member gets the apology with its reference rather
      // than a "try again in a minute" that cannot help before a restart. Everything else waits.
      if (o.lookup) throw e;
      throw new PlatformError('slack', e.code, e, TOKEN_WAIT_S, true, 'global');
    }
  }

  async post(to: Place, message: Message, opts: { key?: string } = {}): Promise<MessageRef> {
    return this.send(to, message, opts, 'place');
  }

  /** A post into a channel or a member's DM (`into`: what a refusal to take it says is gone, see errors.ts). */
  private async send(to: Place, message: Message, opts: { key?: string }, into: 'place' | 'member'): Promise<MessageRef> {
    const client = await this.clients.forTeam(to.team);
    const r = renderMessage(await this.withoutPings(client, to.team, message));
    const res = await this.call(() =>
      client.chat.postMessage({
        channel: to.channel,
        text: r.text,
        blocks: r.blocks as never,
        ...(to.thread ? { thread_ts: to.thread } : {}),
        ...(opts.key ? { metadata: { event_type: OUTBOX_EVENT, event_payload: { key: opts.key } } } : {}),
        unfurl_links: false,
        unfurl_media: false,
      }),
      'channel',
      into,
    );
    const channel = res.channel ?? to.channel;
    await this.uploadImages(client, r, channel, to.thread);
    return { team: to.team, channel, id: res.ts!, ...(to.thread ? { thread: to.thread } : {}) };
  }

  async update(ref: MessageRef, message: Message): Promise<void> {
    const ephemeral = ephemeralOf(ref);
    if (ephemeral) {
      // Private to the member who pressed the button: their mentions stay live, as in any private answer.
      const r = renderMessage(message);
      return this.toOriginal(ephemeral, { replace_original: true, text: r.text, blocks: r.blocks });
    }
    const client = await this.clients.forTeam(ref.team);
    const r = renderMessage(await this.withoutPings(client, ref.team, message));
    await this.call(() => client.chat.update({ channel: ref.channel, ts: ref.id, text: r.text, blocks: r.blocks as never }), 'channel');
  }

  async remove(ref: MessageRef): Promise<void> {
    const ephemeral = ephemeralOf(ref);
    if (ephemeral) return this.toOriginal(ephemeral, { delete_original: true });
    const client = await this.clients.forTeam(ref.team);
    await this.call(() => client.chat.delete({ channel: ref.channel, ts: ref.id }), 'channel');
  }

  /**
   * Change an ephemeral message through the response_url of the button pressed on it: Slack refuses chat.update and
   * chat.delete for ephemerals (it keeps no copy of them), and lets only that response_url replace or delete one.
   */
  private async toOriginal(e: EphemeralSource, body: Record<string, unknown>): Promise<void> {
    if (!e.responseUrl || this.clock.now().getTime() - e.receivedAt >= RESPONSE_URL_TTL_MS) {
      throw new PlatformError('slack', 'ephemeral_not_changeable', undefined, undefined, false);
    }
    const res = await fetch(e.responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(
      (err: unknown) => {
        throw new PlatformError('slack', 'response_url_failed', err);
      },
    );
    // Slack answers a spent or expired response_url with a 404: no later try can use it.
    if (!res.ok) throw new PlatformError('slack', `response_url_${res.status}`, undefined, undefined, res.status >= 500);
  }

  async direct(member: MemberRef, message: Message, opts: { key?: string } = {}): Promise<MessageRef> {
    const channel = await this.dmChannel(member);
    return this.send({ team: member.team, channel }, message, opts, 'member');
  }

  /** response_url while fresh (works even where the bot is not a member), else an ephemeral, else a DM. */
  async answerPrivately(to: Invocation, message: Message): Promise<void> {
    const r = renderMessage(message);
    const h = slackHandle(to);
    const client = await this.clients.forTeam(to.team);
    if (h?.responseUrl && this.clock.now().getTime() - h.receivedAt < RESPONSE_URL_TTL_MS) {
      const ok = await fetch(h.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: r.text, blocks: r.blocks }),
      })
        .then((res) => res.ok)
        .catch(() => false);
      if (ok) {
        await this.imagesByDm(client, r, to);
        return;
      }
    }
    if (to.channel && !to.channel.startsWith('D')) {
      try {
        await this.call(() =>
          client.chat.postEphemeral({ channel: to.channel!, user: to.member.id, text: r.text, blocks: r.blocks as never, ...(to.thread ? { thread_ts: to.thread } : {}) }),
          'channel',
        );
        await this.imagesByDm(client, r, to);
        return;
      } catch (e) {
        // Not in that channel: fall through to a DM, which always reaches the member.
        if ((e as PlatformError).retryAfterSeconds !== undefined) throw e;
      }
    }
    await this.direct({ team: to.team, id: to.member.id }, message);
  }

  async openForm(to: Invocation, form: Form): Promise<void> {
    const h = slackHandle(to);
    if (!h?.triggerId) throw new PlatformError('slack', 'no_trigger_id', undefined, undefined, false);
    const client = await this.clients.forTeam(to.team);
    const view = renderModal(form, { ...(to.channel ? { c: to.channel } : {}), ...(to.thread ? { t: to.thread } : {}) });
    try {
      await this.call(() => client.views.open({ trigger_id: h.triggerId!, view: view as never }));
    } catch (e) {
      // Slack lets a form open only within 3 seconds of the command; past that the core offers a button instead.
      if (e instanceof PlatformError && (e.code === 'expired_trigger_id' || e.code === 'trigger_expired')) throw new FormWindowPassed();
      throw e;
    }
  }

  async upload(to: MemberRef, file: File, message?: Message): Promise<void> {
    const client = await this.clients.forTeam(to.team);
    const channel = await this.dmChannel(to);
    if (message) await this.send({ team: to.team, channel }, message, {}, 'member');
    await this.call(() => client.filesUploadV2({ channel_id: channel, file: Buffer.from(file.bytes), filename: file.name, title: file.name }));
  }

  async channelMembers(team: string, channel: string): Promise<string[] | undefined> {
    const client = await this.clients.forTeam(team);
    const out: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.call(() => client.conversations.members({ channel, limit: 200, ...(cursor ? { cursor } : {}) }), undefined, undefined, { lookup: true });
      out.push(...(res.members ?? []));
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor);
    // People, not apps: the bot itself is in the channel (it posts there), and other apps may be. In a large
    // channel the count is far above any minimum, so nobody is looked up. Whether an id is a person rarely
    // changes, so it is remembered for an hour: /case asks three times per case, and users.info is rate-limited.
    // A lookup that fails is not a smaller group: the failure goes up (a 429 is answered "try again in a minute").
    if (out.length > PEOPLE_LOOKUP_LIMIT) return out;
    const people = await Promise.all(out.map(async (id) => ((await this.userFacts(client, team, id)).person ? id : undefined)));
    return people.filter((id): id is string => id !== undefined);
  }

  /** team:user → what the bot needs to know of a user (a person? their name), and until when that is trusted. */
  private readonly users = new Map<string, { person: boolean; name: string; until: number }>();

  /** One users.info per user and hour, shared by the head count and the names in posts; a failure goes up. */
  private async userFacts(client: WebClient, team: string, id: string): Promise<{ person: boolean; name: string }> {
    const k = `${team}:${id}`;
    const now = this.clock.now().getTime();
    const known = this.users.get(k);
    if (known && known.until >= now) return known;
    const u = (await this.call(() => client.users.info({ user: id }))).user;
    const name = u?.profile?.display_name || u?.real_name || u?.name;
    const facts = { person: Boolean(u && !u.is_bot && !u.deleted && id !== 'USLACKBOT'), name: name ? `@${name}` : '@…', until: now + 60 * 60_000 };
    remember(this.users, k, facts);
    return facts;
  }

  async canPost(team: string, channel: string): Promise<boolean> {
    const client = await this.clients.forTeam(team);
    try {
      const res = await this.call(() => client.conversations.info({ channel }), undefined, undefined, { lookup: true });
      return Boolean(res.channel?.is_member || res.channel?.is_im);
    } catch (e) {
      // Only a channel that is gone (deleted, archived, the bot removed) is "cannot post here: invite me". A missing
      // scope, a revoked token or the like is not the facilitator's to fix with /invite: it goes up as the error it is.
      if (e instanceof PlatformError && e.gone === 'place') return false;
      throw e;
    }
  }

  async findSent(to: Place, key: string): Promise<MessageRef | undefined> {
    const client = await this.clients.forTeam(to.team);
    const mine = (messages: SlackMessage[] | undefined) =>
      (messages ?? []).find((m) => m.metadata?.event_type === OUTBOX_EVENT && m.metadata.event_payload?.key === key);
    let found: SlackMessage | undefined;
    if (to.thread) {
      // A thread reads oldest first, so the bot's late reply sits behind every member's: read on, a page at a time.
      let cursor: string | undefined;
      for (let pages = 0; !found && pages < THREAD_PAGES; pages++) {
        const res = await this.call(() =>
          client.conversations.replies({ channel: to.channel, ts: to.thread!, include_all_metadata: true, limit: HISTORY_LIMIT, ...(cursor ? { cursor } : {}) }),
        );
        found = mine(res.messages as SlackMessage[]);
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
    } else {
      // A channel reads newest first, and a resend comes minutes after the first try: the latest page holds it.
      const res = await this.call(() => client.conversations.history({ channel: to.channel, include_all_metadata: true, limit: HISTORY_LIMIT }));
      found = mine(res.messages as SlackMessage[]);
    }
    if (!found?.ts) return undefined;
    return { team: to.team, channel: to.channel, id: found.ts, ...(to.thread ? { thread: to.thread } : {}) };
  }

  /**
   * A member's DM channel. Its id never changes, so it is remembered: conversations.open is limited per workspace
   * (about 50 a minute), and every DM and every private answer with a chart would otherwise spend one.
   */
  private async dmChannel(member: MemberRef): Promise<string> {
    const k = `${member.team}:${member.id}`;
    const known = this.dms.get(k);
    if (known) return known;
    const client = await this.clients.forTeam(member.team);
    const res = await this.call(() => client.conversations.open({ users: member.id }));
    const id = (res.channel as { id?: string } | undefined)?.id;
    if (!id) throw new PlatformError('slack', 'dm_not_opened');
    remember(this.dms, k, id);
    return id;
  }

  private readonly dms = new Map<string, string>();

  /**
   * Slack has no allowed_mentions: `<@U…>` in a posted message notifies that person. A mention in a post (an
   * agenda topic's author) is therefore written as the member's name, never as a ping; private answers keep the
   * real mention, which notifies no one else.
   */
  private async withoutPings(client: WebClient, team: string, message: Message): Promise<Message> {
    const ids = new Set<string>();
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        const span = v as { mention?: unknown };
        if (typeof span.mention === 'string') ids.add(span.mention);
        else Object.values(v).forEach(collect);
      }
    };
    collect(message.blocks);
    if (!ids.size) return message;
    const nameOf = new Map<string, string>();
    // A name that cannot be looked up is left out rather than the post held back: it still never pings.
    for (const id of ids) nameOf.set(id, await this.userFacts(client, team, id).then((f) => f.name, () => '@…'));
    const replace = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(replace);
      if (v && typeof v === 'object') {
        const span = v as { mention?: unknown; style?: unknown };
        // A name is the member's own text: shown as written, neutralized like anything a member typed.
        if (typeof span.mention === 'string') return { text: nameOf.get(span.mention)!, untrusted: true, ...(span.style ? { style: span.style } : {}) };
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replace(x)]));
      }
      return v;
    };
    return { ...message, blocks: replace(message.blocks) as Message['blocks'] };
  }

  /** The images of a private answer (which cannot carry files) go by DM; most answers have none and open nothing. */
  private async imagesByDm(client: WebClient, r: RenderedMessage, to: Invocation): Promise<void> {
    if (!r.images.length) return;
    await this.uploadImages(client, r, await this.dmChannel({ team: to.team, id: to.member.id }));
  }

  /** Images cannot be inlined without a public URL: each goes up as a file next to the message. */
  private async uploadImages(client: WebClient, r: RenderedMessage, channel: string, thread?: string): Promise<void> {
    for (const img of r.images) {
      await this.call(() =>
        client.filesUploadV2({ channel_id: channel, file: Buffer.from(img.bytes), filename: img.name, title: img.alt, ...(thread ? { thread_ts: thread } : {}) } as never),
      );
    }
  }
}
