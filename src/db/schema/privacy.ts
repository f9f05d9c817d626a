// Privacy: abuse-limit counters, keyed only by HMACs so a counter names nobody.
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per (team, member, bucket, window) as HMAC('rate-limit', …): the row says how often, never who.
 * Rows past `resetsAt` are useless and the housekeeping job deletes them.
 */
export const limitCounters = pgTable(
  'limit_counters',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull().default(0),
    resetsAt: timestamp('resets_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('limit_counters_resets').on(t.resetsAt)],
);
