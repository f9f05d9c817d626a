// Two kinds of failure: what the member did wrong (UserError, shown through the catalogue) and bugs.
import { randomBytes } from 'node:crypto';
import type { MessageKey, Params } from '../i18n/index.js';

/** A mistake the member can fix; `code` is a catalogue key, `params` fill it. Never logged as a bug. */
export class UserError extends Error {
  constructor(readonly code: MessageKey, readonly params: Params = {}) {
    super(code);
    this.name = 'UserError';
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
    /** False when retrying cannot help (channel gone, not in channel). */
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
