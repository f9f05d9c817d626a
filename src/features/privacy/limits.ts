// Per-member abuse limits in fixed windows, counted under HMAC keys so the counters name nobody.
import { lt, sql } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import { UserError } from '../../core/errors.js';
import type { Tx } from '../../db/client.js';
import { limitCounters } from '../../db/schema/index.js';

export interface LimitRequest {
  team: number;
  /** The member's platform id: only ever hashed, never stored. */
  member: string;
  bucket: string;
  limit: number;
  windowMs: number;
}

/**
 * Count one use in the current window; past the limit, throw UserError('limits.reached', {limit, resetsAt})
 * and count nothing (the caller's transaction rolls back anyway). Returns the uses left.
 */
export async function consume(tx: Tx, bot: Bot, r: LimitRequest): Promise<number> {
  const now = bot.clock.now().getTime();
  const window = Math.floor(now / r.windowMs);
  const resetsAt = new Date((window + 1) * r.windowMs);
  const key = bot.secrets.hmac('rate-limit', r.team, r.member, r.bucket, window);
  const [row] = await tx
    .insert(limitCounters)
    .values({ key, count: 1, resetsAt })
    .onConflictDoUpdate({ target: limitCounters.key, set: { count: sql`${limitCounters.count} + 1` } })
    .returning({ count: limitCounters.count });
  const used = row!.count;
  if (used > r.limit) {
    await tx.update(limitCounters).set({ count: r.limit }).where(sql`${limitCounters.key} = ${key}`);
    throw new UserError('limits.reached', { limit: r.limit, resetsAt: resetsAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' });
  }
  return r.limit - used;
}

/** Housekeeping: windows that are over count nothing any more. */
export async function purgeCounters(tx: Tx, now: Date): Promise<number> {
  return (await tx.delete(limitCounters).where(lt(limitCounters.resetsAt, now)).returning({ key: limitCounters.key })).length;
}

/**
 * Secret rotation: every counter's key was made with the old secret, and telling whose it is would take every
 * bucket and window; the counters go instead, so the windows start again. Returns how many went.
 */
export async function dropCounters(tx: Tx): Promise<number> {
  return (await tx.delete(limitCounters).returning({ key: limitCounters.key })).length;
}
