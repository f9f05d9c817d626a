// Web API failures as the core's PlatformError: 429s carry Retry-After and what they pause, missing channels are
// not retried.
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
]);

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

export function toPlatformError(e: unknown, scope: RateScope = 'team'): PlatformError {
  if (e instanceof PlatformError) return e;
  const err = e as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (err?.code === 'slack_webapi_rate_limited_error') {
    return new PlatformError('slack', 'ratelimited', e, err.retryAfter ?? 1, true, scope);
  }
  if (err?.code === 'slack_webapi_platform_error') {
    const code = err.data?.error ?? 'unknown';
    return new PlatformError('slack', code, e, undefined, !PERMANENT.has(code) && !GONE[code], 'team', GONE[code]);
  }
  return new PlatformError('slack', err?.code ?? 'request_failed', e);
}

/** Run a Web API call; any failure becomes a PlatformError, a 429 naming `scope` (see RateScope). */
export async function call<T>(fn: () => Promise<T>, scope: RateScope = 'team'): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toPlatformError(e, scope);
  }
}
