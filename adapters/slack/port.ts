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
import { BLANK_PART, renderParts, renderWithin } from './render/parts.js';

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

/**
 * The outbox key a part of a long message carries: the first the row's own key (and, in `parts`, how many there are),
 * the i-th `${key}#${i}`, as Discord's nonce per part. findSent reads them back.
 */
function partKey(key: string, i: number): string {
  return i ? `${key}#${i}` : key;
}

/** Which part of the message for `key` a carried key names (0: the first), or undefined when it is another's. */
function partOf(carried: unknown, key: string): number | undefined {
  if (carried === key) return 0;
  if (typeof carried !== 'string' || !carried.startsWith(`${key}#`)) return undefined;
  const i = carried.slice(key.length + 1);
  return /^[1-9]\d*$/.test(i) ? Number(i) : undefined;
}

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
    const parts = renderParts(await this.withoutPings(client, to.team, message));
    const { channel, ts } = await this.postParts(client, to, parts, opts.key, into);
    await this.uploadImages(client, parts.at(-1)!, channel, to.thread);
    return { team: to.team, channel, id: ts[0]!, ...(to.thread ? { thread: to.thread } : {}), ...(ts.length > 1 ? { more: ts.slice(1) } : {}) };
  }

  /**
   * Every part of a message into one place (a thread's parts stay in it), in order. A part refused after the first
   * takes the ones already posted down again and the refusal goes up: the outbox sends the whole message later (a 429
   * counts as nothing sent, so it asks Slack for no earlier copy) instead of leaving a message without its end. A part
   * whose outcome is unknown (a timeout), or one that cannot be taken down, is left for findSent to take down (in a
   * channel: a DM is never read back, see earlierCopy in src/schedule/delivery.ts).
   */
  private async postParts(client: WebClient, to: Place, parts: RenderedMessage[], key: string | undefined, into: 'place' | 'member'): Promise<{ channel: string; ts: string[] }> {
    let channel = to.channel;
    const ts: string[] = [];
    for (const [i, r] of parts.entries()) {
      const carried = key ? { key: partKey(key, i), ...(i === 0 && parts.length > 1 ? { parts: parts.length } : {}) } : undefined;
      try {
        const res = await this.call(
          () =>
            client.chat.postMessage({
              channel,
              text: r.text,
              blocks: r.blocks as never,
              ...(to.thread ? { thread_ts: to.thread } : {}),
              ...(carried ? { metadata: { event_type: OUTBOX_EVENT, event_payload: carried } } : {}),
              unfurl_links: false,
              unfurl_media: false,
            }),
          'channel',
          into,
        );
        // Posting to a member's id lands in their DM: the other parts go where the first went.
        channel = res.channel ?? channel;
        ts.push(res.ts!);
      } catch (e) {
        for (const posted of ts) await client.chat.delete({ channel, ts: posted }).catch(() => undefined);
        throw e;
      }
    }
    return { channel, ts };
  }

  /**
   * Edit a message in place, every part of it: the caller keeps the parts' ts for the next edit (a reminder is edited
   * at every RSVP), so none is deleted. Parts the new text does not need are blanked, so nothing of the old text (a
   * withdrawn case) stays on screen; a text needing more parts than there are is shortened visibly into them. Every
   * part is tried; the first refusal goes up after, except a part to blank that someone deleted (done already).
   */
  async update(ref: MessageRef, message: Message): Promise<void> {
    const ephemeral = ephemeralOf(ref);
    if (ephemeral) {
      // Private to the member who pressed the button: their mentions stay live, as in any private answer. Always one
      // message: a response_url replaces one message, and it is one (see answerPrivately).
      const r = renderMessage(message);
      return this.toOriginal(ephemeral, { replace_original: true, text: r.text, blocks: r.blocks });
    }
    const client = await this.clients.forTeam(ref.team);
    const ids = [ref.id, ...(ref.more ?? [])];
    const parts = renderWithin(await this.withoutPings(client, ref.team, message), ids.length);
    let failure: unknown;
    for (const [i, ts] of ids.entries()) {
      const r = parts[i] ?? BLANK_PART;
      await this.call(() => client.chat.update({ channel: ref.channel, ts, text: r.text, blocks: r.blocks as never }), 'channel').catch((e: unknown) => {
        if (!(parts[i] === undefined && e instanceof PlatformError && e.code === 'message_not_found')) failure ??= e;
      });
    }
    if (failure) throw failure;
  }

  /** Delete a message, every part of it. A later part someone deleted already is done; the first's refusal goes up as before, after the rest is gone. */
  async remove(ref: MessageRef): Promise<void> {
    const ephemeral = ephemeralOf(ref);
    if (ephemeral) return this.toOriginal(ephemeral, { delete_original: true });
    const client = await this.clients.forTeam(ref.team);
    let failure: unknown;
    for (const [i, ts] of [ref.id, ...(ref.more ?? [])].entries()) {
      await this.call(() => client.chat.delete({ channel: ref.channel, ts }), 'channel').catch((e: unknown) => {
        if (!(i > 0 && e instanceof PlatformError && e.code === 'message_not_found')) failure ??= e;
      });
    }
    if (failure) throw failure;
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

  /**
   * response_url while fresh (works even where the bot is not a member), else an ephemeral, else a DM. A long answer
   * goes part after part, in order; where one way stops taking them (Slack takes five posts on one response_url), the
   * parts left go the next way.
   */
  async answerPrivately(to: Invocation, message: Message): Promise<void> {
    const parts = renderParts(message);
    const h = slackHandle(to);
    const client = await this.clients.forTeam(to.team);
    let next = 0;
    if (h?.responseUrl && this.clock.now().getTime() - h.receivedAt < RESPONSE_URL_TTL_MS) {
      while (next < parts.length && (await this.toResponseUrl(h.responseUrl, parts[next]!))) next++;
    }
    if (next < parts.length && to.channel && !to.channel.startsWith('D')) {
      try {
        for (; next < parts.length; next++) {
          const r = parts[next]!;
          await this.call(
            () => client.chat.postEphemeral({ channel: to.channel!, user: to.member.id, text: r.text, blocks: r.blocks as never, ...(to.thread ? { thread_ts: to.thread } : {}) }),
            'channel',
          );
        }
      } catch (e) {
        // Not in that channel: on to a DM, which always reaches the member. A 429 before anything was shown goes up
        // (the member hears "try again"); once part of the answer is shown, the rest goes by DM rather than wait.
        if ((e as PlatformError).retryAfterSeconds !== undefined && next === 0) throw e;
      }
    }
    if (next === 0) {
      await this.direct({ team: to.team, id: to.member.id }, message);
      return;
    }
    if (next < parts.length) {
      const channel = await this.dmChannel({ team: to.team, id: to.member.id });
      await this.postParts(client, { team: to.team, channel }, parts.slice(next), undefined, 'member');
    }
    await this.imagesByDm(client, parts.at(-1)!, to);
  }

  /** One private part through a response_url; false when Slack did not take it (spent, expired, out of reach). */
  private async toResponseUrl(url: string, r: RenderedMessage): Promise<boolean> {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: r.text, blocks: r.blocks }),
    })
      .then((res) => res.ok)
      .catch(() => false);
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

  /**
   * The message an earlier try posted for `key`, every part of it (`more`). A message found with parts missing (a
   * crash between two parts, a part whose outcome was unknown) is taken down, what of it was found, and the answer is
   * "not sent": the outbox then sends it again whole, rather than record a message without its end (the parts left
   * cannot be posted from here: the row's message is not at hand). A reply a member wrote under the first part in
   * those minutes then stays under a deleted message.
   */
  async findSent(to: Place, key: string): Promise<MessageRef | undefined> {
    const client = await this.clients.forTeam(to.team);
    const found = new Map<number, string>();
    /** How many parts the first says there are; 0 until the first is found. */
    let parts = 0;
    const collect = (messages: SlackMessage[] | undefined) => {
      for (const m of messages ?? []) {
        const i = m.metadata?.event_type === OUTBOX_EVENT ? partOf(m.metadata.event_payload?.key, key) : undefined;
        if (i === undefined || !m.ts) continue;
        found.set(i, m.ts);
        if (i === 0) parts = Number(m.metadata!.event_payload!.parts) || 1;
      }
    };
    const whole = () => parts > 0 && Array.from({ length: parts }, (_, i) => i).every((i) => found.has(i));
    if (to.thread) {
      // A thread reads oldest first, so the bot's late reply sits behind every member's: read on, a page at a time.
      let cursor: string | undefined;
      for (let pages = 0; !whole() && pages < THREAD_PAGES; pages++) {
        const res = await this.call(() =>
          client.conversations.replies({ channel: to.channel, ts: to.thread!, include_all_metadata: true, limit: HISTORY_LIMIT, ...(cursor ? { cursor } : {}) }),
        );
        collect(res.messages as SlackMessage[]);
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
    } else {
      // A channel reads newest first, and a resend comes minutes after the first try: the latest page holds it.
      const res = await this.call(() => client.conversations.history({ channel: to.channel, include_all_metadata: true, limit: HISTORY_LIMIT }));
      collect(res.messages as SlackMessage[]);
    }
    if (!found.size) return undefined;
    if (!whole()) {
      for (const ts of found.values()) {
        await this.call(() => client.chat.delete({ channel: to.channel, ts }), 'channel').catch((e: unknown) => {
          // Gone meanwhile: as wanted. Anything else goes up, and the outbox asks again later before sending.
          if (!(e instanceof PlatformError && e.code === 'message_not_found')) throw e;
        });
      }
      return undefined;
    }
    const more = Array.from({ length: parts - 1 }, (_, i) => found.get(i + 1)!);
    return { team: to.team, channel: to.channel, id: found.get(0)!, ...(to.thread ? { thread: to.thread } : {}), ...(more.length ? { more } : {}) };
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
