// Web API failures as the core's PlatformError: only transient ones are retried (429s carry Retry-After and what they
// pause), everything else is final, and a conversation that refuses the bot's posts says so.
import { PlatformError } from '../../src/core/errors.js';

/**
 * Slack's error codes that say "not now" rather than "not this": its own trouble or a limit, documented for every
 * method. Only these are retried (and answered "busy, try again"); any other code, documented or new to us
 * (`view_too_large`, `invalid_trigger_id`, `exchanged_trigger_id`, …), would be refused again, so it is final and a
 * command meeting it goes the bug path, logged with a reference.
 */
const TRANSIENT = new Set([
  'fatal_error',
  'internal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'rate_limited',
  // The workspace is moving into an Enterprise Grid org: calls fail intermittently until the move is done.
  'team_added_to_org',
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
  const err = e as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  if (err?.code === 'slack_webapi_rate_limited_error') {
    return new PlatformError('slack', 'ratelimited', e, err.retryAfter ?? 1, true, scope);
  }
  if (err?.code === 'slack_webapi_platform_error') {
    const code = err.data?.error ?? 'unknown';
    const gone = GONE[code] ?? (posted && REFUSED_POST.has(code) ? posted : undefined);
    // A channel that refuses a post has the bot in it: posting rights are what its people must change.
    const why = gone !== 'place' ? undefined : GONE[code] ? 'removed' : 'restricted';
    return new PlatformError('slack', code, e, undefined, TRANSIENT.has(code) && !gone, 'team', gone, why);
  }
  // Slack answers with 200 (or 429) and a JSON error; another status is its edge: a 5xx is trouble that passes, a 4xx
  // (a redirect, 404, 413) would come back the same.
  if (err?.code === 'slack_webapi_http_error') {
    const status = err.statusCode ?? 0;
    return new PlatformError('slack', `http_${status}`, e, undefined, status >= 500 || status === 429);
  }
  // No answer: no connection, a reset, or our 10-second timeout (webClientOptions) — the request's, not the call's.
  if (err?.code === 'slack_webapi_request_error') return new PlatformError('slack', 'request_failed', e);
  // A 429 whose Retry-After the WebClient could not read: rejected as a plain Error (it says so only in the message).
  if (e instanceof Error && e.message.startsWith('Retry header did not contain a valid timeout')) return new PlatformError('slack', 'ratelimited', e);
  // Anything else (a file upload's invalid arguments, our own mistake inside the call) would fail again: final.
  return new PlatformError('slack', err?.code ?? 'unexpected', e, undefined, false);
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
