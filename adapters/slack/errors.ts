// Web API failures as the core's PlatformError: 429s carry Retry-After and what they pause, missing channels are
// not retried, and a conversation that refuses the bot's posts says so.
import { PlatformError } from '../../src/core/errors.js';

/** Errors where trying again cannot help. */
const PERMANENT = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'user_not_found',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'missing_scope',
  'restricted_action',
  'msg_too_long',
  'invalid_blocks',
  'no_text',
  'message_not_found',
  'cant_update_message',
  'cant_delete_message',
  'user_not_in_channel',
  'invalid_arguments',
  // Admins locked this one thread: its other replies, and the channel, still take messages.
  'restricted_action_thread_locked',
]);

/**
 * Refusals of the token itself (reset, revoked, the bot user deactivated). With OAuth they concern one workspace, which
 * has uninstalled the app (its events delete the installation); with the single SLACK_BOT_TOKEN, every call (see
 * SlackPort.call).
 */
export const TOKEN_REFUSED = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed', 'token_expired']);

/**
 * What a 429 pauses. Slack limits each method per workspace, except that posting is limited per channel (about one
 * message a second): a 429 on chat.* pauses that channel, any other method (opening a DM, reading history, looking
 * a user up) the whole workspace — pausing only one DM for those would walk into the same limit member by member.
 */
export type RateScope = 'channel' | 'team';

/** Refusals that say what is gone: the channel, or the member a DM was for. */
const GONE: Record<string, 'place' | 'member'> = {
  not_in_channel: 'place',
  channel_not_found: 'place',
  is_archived: 'place',
  user_not_found: 'member',
  cannot_dm_bot: 'member',
  user_disabled: 'member',
};

/**
 * Refusals of a post (chat.postMessage) that say the conversation will not take the bot's messages: a read-only
 * channel, a thread-only channel (a prompt is a top-level post), a channel without threads (a reply is a thread
 * post), a posting restriction (who may post in #general or any restricted channel), or no permission to post there.
 * Slack documents each for chat.postMessage; trying again cannot change them, only someone in the workspace can.
 * Elsewhere `no_permission` and `restricted_action` are generic ("this token may not do that") and say nothing of a
 * channel, so they count as gone only where the caller says the call was a post (see `call`).
 */
const REFUSED_POST = new Set([
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'no_permission',
]);

/**
 * `posted`: the call was a post, and into what — a channel ('place') or a member's DM ('member', the only way to
 * reach them). A refusal in REFUSED_POST then names that as gone.
 */
export function toPlatformError(e: unknown, scope: RateScope = 'team', posted?: 'place' | 'member'): PlatformError {
  if (e instanceof PlatformError) return e;
  const err = e as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (err?.code === 'slack_webapi_rate_limited_error') {
    return new PlatformError('slack', 'ratelimited', e, err.retryAfter ?? 1, true, scope);
  }
  if (err?.code === 'slack_webapi_platform_error') {
    const code = err.data?.error ?? 'unknown';
    const gone = GONE[code] ?? (posted && REFUSED_POST.has(code) ? posted : undefined);
    const permanent = PERMANENT.has(code) || REFUSED_POST.has(code) || gone !== undefined;
    // A channel that refuses a post has the bot in it: posting rights are what its people must change.
    const why = gone !== 'place' ? undefined : GONE[code] ? 'removed' : 'restricted';
    return new PlatformError('slack', code, e, undefined, !permanent, 'team', gone, why);
  }
  return new PlatformError('slack', err?.code ?? 'request_failed', e);
}

/**
 * Run a Web API call; any failure becomes a PlatformError, a 429 naming `scope` (see RateScope). `posted`: the call
 * posts a message into a channel or a DM (see toPlatformError).
 */
export async function call<T>(fn: () => Promise<T>, scope: RateScope = 'team', posted?: 'place' | 'member'): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toPlatformError(e, scope, posted);
  }
}
