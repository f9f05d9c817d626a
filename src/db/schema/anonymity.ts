// Per-thread pseudonyms for anonymous replies: only keyed HMACs, never a platform id or an unkeyed hash.
import { integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { teams } from './core.js';

export const pseudonyms = pgTable(
  'pseudonyms',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    /** Which thread (e.g. 'case:12', 'prompt:outbox-key'); pseudonyms differ across threads. */
    thread: text('thread').notNull(),
    /** HMAC(case-pseudonym key, team, thread, member): the same member gets the same row in this thread only. */
    memberMac: text('member_mac').notNull(),
    /** 0 = the thread's author ("Author"); 1, 2… = "Colleague A", "Colleague B"… */
    ordinal: integer('ordinal').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('pseudonyms_member').on(t.thread, t.memberMac), uniqueIndex('pseudonyms_ordinal').on(t.thread, t.ordinal)],
);
