// The fake workspace's state: who is in it, what was posted where, which files and views exist.

export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
}

export interface FakeUser {
  name: string;
  real_name: string;
  is_admin: boolean;
  is_owner: boolean;
  is_bot: boolean;
  deleted: boolean;
  locale: string;
  tz: string;
}

export interface StoredMessage {
  type: 'message';
  ts: string;
  text?: string;
  user: string;
  bot_id: string;
  app_id: string;
  team: string;
  blocks?: unknown;
  attachments?: unknown;
  metadata?: unknown;
  thread_ts?: string;
  reply_count?: number;
  edited?: { user: string; ts: string };
}

export interface StoredView {
  id: string;
  team_id: string;
  type: string;
  hash: string;
  root_view_id: string;
  previous_view_id: string | null;
  external_id: string;
  app_id: string;
  bot_id: string;
  [key: string]: unknown;
}

export interface StoredFile {
  id: string;
  filename: string;
  length: number;
  bytes?: Uint8Array;
  title?: string;
}

/** Five ordinary members, so "ask everyone in the channel" has people to ask without any setup. */
export const DEFAULT_MEMBERS: readonly string[] = ['U0MEMBER1', 'U0MEMBER2', 'U0MEMBER3', 'U0MEMBER4', 'U0MEMBER5'];

// Slack timestamps are seconds with six decimal places; a fixed base keeps them readable in failures.
const TS_BASE_MICROS = 1_700_000_000_000_000;

export class World {
  readonly messages = new Map<string, StoredMessage[]>();
  readonly members = new Map<string, string[]>();
  readonly users = new Map<string, Partial<FakeUser>>();
  readonly channels = new Map<string, { name?: string; is_private?: boolean }>();
  readonly views = new Map<string, StoredView>();
  readonly files = new Map<string, StoredFile>();
  /** `channel:ts` of every ephemeral message sent: Slack keeps no copy of one, so nothing can edit or delete it by ts. */
  readonly ephemerals = new Set<string>();
  private counter = 0;

  constructor(readonly workspace: FakeWorkspace) {}

  nextTs(): string {
    this.counter += 1;
    const micros = TS_BASE_MICROS + this.counter * 100;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}0${String(this.counter).padStart(8, '0')}`;
  }

  /** A DM channel id that stays the same for one user, as Slack's does. */
  dmChannelOf(user: string): string {
    return `D${user.replace(/^[UW]/, '')}`;
  }

  /** Posting to a user id lands in the DM with that user, as on Slack. */
  resolveChannel(channel: string): string {
    return /^[UW][A-Z0-9]+$/.test(channel) ? this.dmChannelOf(channel) : channel;
  }

  messagesIn(channel: string): StoredMessage[] {
    let list = this.messages.get(channel);
    if (!list) {
      list = [];
      this.messages.set(channel, list);
    }
    return list;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  membersOf(channel: string): string[] {
    return this.members.get(channel) ?? [...DEFAULT_MEMBERS];
  }

  user(id: string): FakeUser {
    const set = this.users.get(id) ?? {};
    const name = set.name ?? id.toLowerCase();
    return {
      name,
      real_name: set.real_name ?? name,
      is_admin: set.is_admin ?? false,
      is_owner: set.is_owner ?? false,
      is_bot: set.is_bot ?? id === this.workspace.botUserId,
      deleted: set.deleted ?? false,
      locale: set.locale ?? 'en-US',
      tz: set.tz ?? 'Europe/Warsaw',
    };
  }
}

/** Offset of a time zone from UTC, in seconds, right now; Slack reports it next to `tz`. */
export function tzOffsetSeconds(tz: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 1000);
}
