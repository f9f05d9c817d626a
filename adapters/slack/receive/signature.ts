// Slack request signatures (v0): the same check Bolt's receiver applies, exposed for tests and other entries.
import { isValidSlackRequest } from '@slack/bolt';

export function isSignedBySlack(o: { secret: string; body: string; timestamp: string | number; signature: string; nowMs?: number }): boolean {
  const ts = Number(o.timestamp);
  const now = o.nowMs ?? Date.now();
  // Bolt only refuses old timestamps; a signature from the future is refused here too.
  if (!Number.isFinite(ts) || Math.abs(now / 1000 - ts) > 300) return false;
  return isValidSlackRequest({ signingSecret: o.secret, body: o.body, headers: { 'x-slack-signature': o.signature, 'x-slack-request-timestamp': ts }, nowMilliseconds: now });
}
