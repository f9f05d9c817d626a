// Discord REST failures as the core's PlatformError: which refusals are final and what they say is gone, which waits
// stop one channel or every send (a refused token, Discord out of reach), and what only this request met.
import { DiscordAPIError, HTTPError, RateLimitError } from '@discordjs/rest';
import { PlatformError } from '../../src/core/errors.js';

/**
 * How long every send waits when Discord cannot be reached at all (no connection): like a global 429. A 5xx or a
 * timeout of one request is only retryable — the outbox backs off and, unlike a wait, counts its attempts.
 */
const UNREACHABLE_WAIT_S = 30;
/**
 * How long every send waits once Discord refused the bot token (401: reset or revoked). The token is not tried again:
 * @discordjs/rest forgets it at the first 401, and a bot that keeps sending a refused token gets its address banned
 * for a while. Every wait ends in the same refusal, without a request, until the process restarts with a new token;
 * nothing is dropped meanwhile.
 */
const UNAUTHORIZED_WAIT_S = 60;
/** The PlatformError code of a refused (or missing) bot token. */
export const TOKEN_REFUSED = 'unauthorized';

/** Refusals that say what is gone: Unknown Channel, Missing Access/Permissions (the bot was removed or muted there);
 *  Cannot send messages to this user (DMs closed), Unknown User. */
const DISCORD_GONE: Record<number, 'place' | 'member'> = { 10003: 'place', 50001: 'place', 50013: 'place', 50007: 'member', 10013: 'member' };

/**
 * Wrap a REST failure as the core's PlatformError (retry hints and whether retrying can help). A refusal of the
 * request itself is final, like Slack's permanent errors; Discord busy or out of reach is retryable, which the core
 * answers with "busy, try again" rather than a bug's apology.
 */
export function platformError(e: unknown): unknown {
  if (e instanceof PlatformError) return e;
  // The bot token refused (reset or revoked in the Developer Portal), or already forgotten by @discordjs/rest after such
  // a refusal: no request with it can succeed until the bot restarts with a new one. Not this request's fault, nor one
  // channel's: every send waits, as for a global 429, and nothing is marked failed.
  if (tokenRefused(e)) return new PlatformError('discord', TOKEN_REFUSED, e, UNAUTHORIZED_WAIT_S, true, 'global');
  // Only long waits reach us (discord.js queues the rest per bucket); a global limit stops every send, any other
  // a route's bucket — for messages, one channel.
  if (e instanceof RateLimitError) return new PlatformError('discord', 'rate_limited', e, Math.max(1, Math.ceil(e.retryAfter / 1000)), true, e.global ? 'global' : 'channel');
  if (e instanceof DiscordAPIError) {
    // Any 4xx (429s come as RateLimitError or are waited out by discord.js) is Discord refusing this very request —
    // an invalid form body, an unknown message, missing access, DMs closed — and it would refuse it again.
    if (e.status < 500) {
      const gone = DISCORD_GONE[Number(e.code)];
      // Missing Permissions: the bot sees the channel but may not post there (a role or the channel's overrides).
      const why = gone !== 'place' ? undefined : Number(e.code) === 50013 ? 'restricted' : 'removed';
      return new PlatformError('discord', String(e.code || e.status), e, undefined, false, 'channel', gone, why);
    }
    return new PlatformError('discord', String(e.code || e.status), e, undefined, true);
  }
  // A 5xx without Discord's JSON body (its edge answering for it), after @discordjs/rest's retries.
  if (e instanceof HTTPError) return new PlatformError('discord', `http_${e.status}`, e, undefined, true);
  // No answer at all: a timeout (also one ended by rest.ts's bound: a request swallowed, or its connection closed before
  // it was written) is this request's; no connection is Discord's, not one route's, so every send waits.
  // A connection cut after it was made (a proxy or load balancer resetting it) is this request's too: the next one
  // goes on another connection, so no other send waits for it.
  const net = unanswered(e)?.kind;
  if (net === 'timeout' || net === 'reset') return new PlatformError('discord', net, e, undefined, true);
  if (net) return new PlatformError('discord', net, e, UNREACHABLE_WAIT_S, true, 'global');
  return e;
}

/**
 * A 401 to a request made with the bot token, or the error @discordjs/rest throws for every such request after one.
 * Interaction webhooks go without the bot token: their 401 (50027 Invalid Webhook Token) is about that interaction.
 */
function tokenRefused(e: unknown): boolean {
  if (e instanceof DiscordAPIError) return e.status === 401 && !/\/(webhooks|interactions)\//.test(e.url);
  return e instanceof Error && e.message.startsWith('Expected token to be set for this request');
}

/**
 * A request that got no answer from Discord: timed out (@discordjs/rest aborts it, or rest.ts's bound ends it), its
 * connection cut after it was made ('reset'), or no connection at all ('network'); `code` is the system's own
 * (ECONNREFUSED, UND_ERR_SOCKET…), or 'timeout'.
 */
export function unanswered(e: unknown): { kind: 'timeout' | 'reset' | 'network'; code: string } | undefined {
  if (!(e instanceof Error)) return undefined;
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return { kind: 'timeout', code: 'timeout' };
  const cause = e.cause as { code?: unknown; errors?: { code?: unknown }[] } | undefined;
  const code = String((e as { code?: unknown }).code ?? cause?.code ?? cause?.errors?.[0]?.code ?? '');
  if (code === 'UND_ERR_ABORTED') return { kind: 'timeout', code: 'timeout' };
  if (/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/.test(code)) return { kind: 'reset', code };
  if (/^(ECONN|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR)/.test(code)) return { kind: 'network', code };
  return e instanceof TypeError && e.message === 'fetch failed' ? { kind: 'network', code: 'fetch failed' } : undefined;
}
