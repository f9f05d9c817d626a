// The port: everything the core needs from a chat platform. One implementation per folder in adapters/.
import type { File, Message } from './message.js';
import type { Form } from './form.js';

export type Platform = 'slack' | 'discord' | 'web' | 'memory';
/** What a team row may say it lives on: a chat platform, or 'system', the deployment's own row (housekeeping, key check) with no chat behind it. */
export type TeamPlatform = Platform | 'system';

/** A channel, or a thread inside it, of one team (Slack workspace / Discord guild / playground). */
export interface Place {
  team: string;
  channel: string;
  /** The platform's thread reference (Slack thread_ts, Discord thread channel id). */
  thread?: string;
}

/** One member of one team, by the platform's own user id. */
export interface MemberRef {
  team: string;
  id: string;
}

/** A message the bot posted, as the platform knows it. */
export interface MessageRef {
  team: string;
  channel: string;
  id: string;
  /** Where replies to this message go, when the platform gives threads their own id (Discord). */
  thread?: string;
  /** The further messages a long post was split into (Discord's 2,000 characters; Slack's 50 blocks or text total), in order: edited and removed with it. */
  more?: string[];
  /** A direct message to one member: an edit must keep it answerable outside the team's space (Discord DMs). */
  direct?: boolean;
}

/** The member who acted and where: enough for the adapter to answer privately or open a form. */
export interface Invocation {
  platform: Platform;
  team: string;
  teamName?: string;
  member: { id: string; name?: string; locale?: string; isAdmin?: boolean };
  channel?: string;
  thread?: string;
  /** Adapter-private handle (Slack trigger_id/response_url, Discord interaction); the core never reads it. */
  handle?: unknown;
}

/**
 * What the platform can do, declared by its adapter, where it differs between platforms; each flag's doc says what
 * the core does when one is false. What every platform does (threads under a message; an answer only the member who
 * acted sees, which each adapter gives in its own way through answerPrivately) is not a flag: a flag nothing reads
 * would promise a fallback that does not exist.
 */
export interface Capabilities {
  /** Modal forms. Without them a command that opens a form (Context.openForm) is refused with core.noForms: there is
   *  no fallback (no steps in messages). */
  forms: boolean;
  /** Sending files (with `upload`). Without them exports come as text, the trend without its chart, and the hours
   *  CSV and calendar file are refused with supervision.noFiles. */
  files: boolean;
}

export interface ChatPort {
  /** Which platform this is: the key the bot finds the port by for an event or a team (bot.ports); features never
   *  branch on it. */
  readonly platform: Platform;
  /** What the platform can do; features ask this, never `platform`, when they must choose. */
  readonly capabilities: Capabilities;
  /** Post in a channel or, with `to.thread`, inside a thread. `key` is the outbox key: adapters that can
   *  make a send idempotent with it (Discord nonce, Slack metadata) should. */
  post(to: Place, message: Message, opts?: { key?: string }): Promise<MessageRef>;
  /** Replace the content of a message the bot posted. */
  update(ref: MessageRef, message: Message): Promise<void>;
  /** Delete a message the bot posted. */
  remove(ref: MessageRef): Promise<void>;
  /** Private message to one member (DM). */
  direct(member: MemberRef, message: Message, opts?: { key?: string }): Promise<MessageRef>;
  /** Answer only the member who acted, where they acted. */
  answerPrivately(to: Invocation, message: Message): Promise<void>;
  /** Open a form for the member who acted. The core asks only when `capabilities.forms` is true (Context.openForm). */
  openForm(to: Invocation, form: Form): Promise<void>;
  /** Send a file privately to a member (DM) — charts, exports, calendars. Absent when files are unsupported. */
  upload?(to: MemberRef, file: File, message?: Message): Promise<void>;
  /** Platform user ids of the members who can read a channel; undefined when the platform cannot say. */
  channelMembers?(team: string, channel: string): Promise<string[] | undefined>;
  /** A channel typed by name ("#general", "general") → its platform id, when the platform can look it up. */
  resolveChannel?(team: string, name: string): Promise<string | undefined>;
  /** Whether the bot can post in a channel (exists and bot is a member). */
  canPost?(team: string, channel: string): Promise<boolean>;
  /**
   * Forget whatever the platform keeps of a member's open forms (Discord: drafts between modal steps, which can
   * hold a prefilled case under the member's id). Called once an anonymous post is published or thrown away.
   */
  forgetForms?(member: MemberRef): Promise<void>;
  /** A steady send rate per channel for outbox delivery to keep to (a token bucket of `burst`); absent: no pacing,
   *  only the platform's own 429s (Retry-After) slow sends down. No adapter declares it today. */
  readonly pacing?: { perChannelPerSecond: number; burst: number };
  /** After a crash mid-send: find a message already posted for this outbox key, to avoid a duplicate. */
  findSent?(to: Place, key: string): Promise<MessageRef | undefined>;
  /** The platform itself turns a second send with the same outbox key (post or DM) into the first message
   *  (Discord: nonce with enforce_nonce) for `windowMs` after the first, so a resend within it needs no check;
   *  a resend later than that is counted like one that cannot be checked. */
  readonly idempotentSends?: { windowMs: number };
}
