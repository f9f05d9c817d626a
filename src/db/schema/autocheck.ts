// Private autochecks: one sealed row per check, readable only through the bot's encryption key.
import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { members, teams } from './core.js';

/**
 * The member's own data (not anonymous), so it hangs off members.id and goes with the member on
 * deletion. Every answer, numbers included, lives inside `sealed` (AES-256-GCM of the JSON answers):
 * a database dump shows when someone checked in, never what they answered.
 */
export const autochecks = pgTable(
  'autochecks',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    /** quick | standard | full: which form was used, so history knows which items to expect. */
    variant: text('variant').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sealed: text('sealed').notNull(),
  },
  (t) => [index('autochecks_member_created').on(t.memberId, t.createdAt)],
);
