// Reflection prompts: the team's own prompts, the threads the bot opened, rotation state and reply counts.
import { integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { teams } from './core.js';

/** Prompts a team wrote itself (`/reflect add`). The text is member-written: always shown as untrusted. */
export const customPrompts = pgTable(
  'custom_prompts',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    /** "Team prompt #N" (`/reflect prompts`, `/reflect remove N`): per team, 1, 2, 3…; see src/db/numbers.ts. */
    number: integer('number').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('custom_prompts_team').on(t.teamId), uniqueIndex('custom_prompts_team_number').on(t.teamId, t.number)],
);

/** One row per prompt thread the bot opened; its outbox key finds the platform's thread once delivered. */
export const promptPosts = pgTable(
  'prompt_posts',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    /** The schedule that opened it; null for `/reflect now`. */
    scheduleId: integer('schedule_id'),
    /** 'goals-01' for the library, 'custom-12' for the team's own. */
    promptId: text('prompt_id').notNull(),
    channel: text('channel').notNull(),
    outboxKey: text('outbox_key').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('prompt_posts_outbox_key').on(t.outboxKey), index('prompt_posts_team').on(t.teamId)],
);

/**
 * Where a rotation stands: one row per team and scope (a theme set, or one member's personal prompts).
 * `seen` holds the prompt ids already used in the current cycle.
 */
export const promptRotations = pgTable(
  'prompt_rotations',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    cycle: integer('cycle').notNull().default(0),
    seen: jsonb('seen').$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('prompt_rotations_scope').on(t.teamId, t.scope)],
);

/**
 * Who answered a prompt thread, for the follow-up count only: a keyed HMAC per (post, member), so one
 * member counts once and the row names nobody. Reply text is never stored.
 */
export const promptReplies = pgTable(
  'prompt_replies',
  {
    id: serial('id').primaryKey(),
    postId: integer('post_id').notNull().references(() => promptPosts.id, { onDelete: 'cascade' }),
    memberMac: text('member_mac').notNull(),
  },
  (t) => [uniqueIndex('prompt_replies_once').on(t.postId, t.memberMac)],
);
