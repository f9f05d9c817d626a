// Two kinds of failure: what the member did wrong (UserError, shown through the catalogue) and bugs.
import { randomBytes } from 'node:crypto';
import type { Lang, MessageKey, Params } from '../i18n/index.js';
import type { L10n } from './registry.js';

/** What the dispatcher adds to a mistake in a command's arguments, shown under the explanation (see Bot.answerFailure). */
export interface UserErrorHints {
  /** The subcommand's usage line, in both languages. */
  readonly usage?: L10n;
  /** A whole example invocation, in both languages. */
  readonly example?: L10n;
  /** The commands an unknown-subcommand answer lists, each in a code span where the text holds the list's stand-in. */
  readonly subcommands?: Readonly<Record<Lang, string[]>>;
}

/** A mistake the member can fix; `code` is a catalogue key, `params` fill it. Never logged as a bug. */
export class UserError extends Error implements UserErrorHints {
  readonly usage?: L10n;
  readonly example?: L10n;
  readonly subcommands?: Readonly<Record<Lang, string[]>>;

  constructor(
    readonly code: MessageKey,
    readonly params: Params = {},
    hints: UserErrorHints = {},
  ) {
    super(code);
    this.name = 'UserError';
    this.usage = hints.usage;
    this.example = hints.example;
    this.subcommands = hints.subcommands;
  }

  /** The same mistake with the command's usage line and example added (the dispatcher knows them, a feature need not). */
  withUsage(usage: L10n, example?: L10n): UserError {
    const e = new UserError(this.code, this.params, { subcommands: this.subcommands, usage, example });
    e.stack = this.stack;
    return e;
  }
}

/**
 * The platform's window for opening a form as the answer has passed (Slack: the trigger lives 3 seconds; Discord: a
 * modal must be the first answer). The core then answers with a button that opens the form again, as a fresh
 * interaction.
 */
export class FormWindowPassed extends Error {
  constructor() {
    super('the form could not be opened in time');
    this.name = 'FormWindowPassed';
  }
}

/** Field-level problems in a submitted form: field id → catalogue key and params. */
export class FieldErrors extends Error {
  constructor(readonly fields: Record<string, { code: MessageKey; params?: Params }>) {
    super('form field errors');
    this.name = 'FieldErrors';
  }
}

/** Why a channel refuses the bot's posts for good (see PlatformError.why). */
export type RefusalReason = 'removed' | 'restricted';

/** A platform call that failed; adapters wrap SDK errors in this so the core can decide to retry. */
export class PlatformError extends Error {
  constructor(
    readonly platform: string,
    readonly code: string,
    override readonly cause?: unknown,
    /** Seconds to wait before trying again, when the platform said so (HTTP 429). */
    readonly retryAfterSeconds?: number,
    /**
     * True only for trouble that passes (a 429, a 5xx, a timeout, no connection): the outbox tries again and a member is
     * told "busy, try again" (isPlatformBusy). False for a refusal that would come back the same (channel gone, a view
     * Slack finds too large, a code the adapter does not know): the outbox gives up and a member gets a bug's apology.
     */
    readonly retryable = true,
    /** What a 429 pauses: one channel, the whole team (workspace/guild), or every send on the platform. */
    readonly scope: 'channel' | 'team' | 'global' = 'channel',
    /**
     * What the refusal says is gone for good, when it says so: the channel (deleted, archived, the bot removed from
     * it) or the member (left, DMs closed). Features act on these (pause a schedule) and on nothing vaguer: a revoked
     * token or a message the platform found invalid is no reason to tell a group its channel is gone.
     */
    readonly gone?: 'place' | 'member',
    /**
     * Why a channel refuses for good, when the adapter can tell: 'removed' (deleted, archived, the bot out of it) or
     * 'restricted' (the bot is in, but the channel does not let it post: read-only, posting restricted, missing
     * permission). The words for the facilitator differ: invite me, or let me post.
     */
    readonly why?: RefusalReason,
  ) {
    super(`${platform}: ${code}`);
    this.name = 'PlatformError';
  }
}

/**
 * The platform was busy or briefly unreachable (a 429, a 5xx, a timeout): trying again later helps, so the member
 * hears "busy, try again", not a bug's apology.
 */
export function isPlatformBusy(e: unknown): e is PlatformError {
  return e instanceof PlatformError && (e.retryAfterSeconds !== undefined || e.retryable);
}

/** Short reference quoted to the member and logged with the bug, so the two can be matched. */
export function errorReference(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}
