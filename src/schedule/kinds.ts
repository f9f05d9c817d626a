// What a feature declares to have its schedules run: what an occurrence does, and what a missed one does.
import type { Bot } from '../core/bot.js';
import type { RefusalReason } from '../core/errors.js';
import type { Tx } from '../db/client.js';
import type { schedules } from '../db/schema/index.js';
import type { Team } from '../core/teams.js';

export type ScheduleRow = typeof schedules.$inferSelect;

export interface Occurrence {
  bot: Bot;
  tx: Tx;
  schedule: ScheduleRow;
  /** The schedule's team, loaded once per claimed batch. */
  team: Team;
  /** The instant this occurrence was due. */
  dueAt: Date;
  /** Now, by the bot's clock. */
  now: Date;
  /**
   * Platform work that must wait until the claiming transaction has committed (editing or removing messages is not
   * an outbox row). It runs in this tick, after the commit; a crash before it finishes loses it, so a kind that
   * needs it done leaves itself a retry in the transaction (see privacy/cleanup-later.ts).
   */
  afterCommit(task: () => Promise<void>): void;
}

export interface ScheduleKind {
  kind: string;
  /** Work held for one member's privacy (a waiting anonymous topic, an erasure's clean-up): never shown or exported
   *  with the team's schedules, where its timing could tie anonymous things together. */
  hidden?: boolean;
  /** How late an occurrence may still happen after downtime (default 6 hours); later ones are skipped. */
  graceMs?: number;
  /** Do the occurrence inside the claiming transaction — usually by queueing outbox rows. */
  fire(o: Occurrence): Promise<void>;
  /**
   * Optional: do many occurrences of this kind at once (same transaction, in due order). A large fan-out
   * (thousands of teams due at 09:00 Monday) then costs a few statements per batch instead of per team.
   */
  fireMany?(os: Occurrence[]): Promise<void>;
  /** A missed occurrence beyond the grace window: record or report it (e.g. tell the facilitator). */
  skipped?(o: Occurrence): Promise<void>;
  /** Whether this occurrence is excluded (a team holiday); excluded ones are recorded, not fired. */
  excluded?(o: Occurrence): Promise<boolean>;
  /** The next due instant after `after`; default: the rule's next occurrence in the schedule's zone. */
  next?(schedule: ScheduleRow, after: Date): Date | null;
  /**
   * Optional: what to do when the platform refused one of this kind's messages for good (the channel is gone, the
   * bot was removed from it, the member's DMs are closed) — pause the schedule, tell someone. Delivery calls it for
   * failed outbox rows whose key starts with `keyPrefix`, in the transaction that marks the row failed.
   */
  undelivered?: { keyPrefix: string; handle(u: Undelivered): Promise<void> };
}

/** An outbox row the platform refused for good, as a schedule kind is told of it. */
export interface Undelivered {
  bot: Bot;
  tx: Tx;
  /** The outbox row's key (the kind's own) and the platform's reason (e.g. `not_in_channel`). */
  key: string;
  code: string;
  /** What the platform says is gone for good: the channel, or the member a DM was for. */
  gone: 'place' | 'member';
  /** For a channel, why it refuses, when the platform said (see PlatformError.why). */
  why?: RefusalReason;
  now: Date;
}
