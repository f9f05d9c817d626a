// Snowflake ids for the fake Discord: unique, time-ordered and shaped like Discord's, so clients that sort or read timestamps from ids behave as in production.
import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1420070400000n;
let last = 0n;

/** A new snowflake; strictly increasing within this process even when many are made in one millisecond. */
export function snowflake(at: number = Date.now()): string {
  let next = ((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n);
  if (next <= last) next = last + 1n;
  last = next;
  return next.toString();
}

/** An opaque token like the ones Discord puts in interactions and webhooks. */
export function randomToken(prefix = 'aW50ZXJhY3Rpb246'): string {
  return prefix + randomBytes(48).toString('base64url');
}

/** Milliseconds since the Unix epoch encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
