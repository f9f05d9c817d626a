// Core tables: teams, members and their roles, processed platform events.
import { sql } from 'drizzle-orm';
import type { TeamPlatform } from '../../core/port.js';
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const teams = pgTable(
  'teams',
  {
    id: serial('id').primaryKey(),
    platform: text('platform').$type<TeamPlatform>().notNull(),
    externalId: text('external_id').notNull(),
    name: text('name'),
    lang: text('lang').notNull().default('pl'),
    zone: text('zone').notNull().default('Europe/Warsaw'),
    /** Team settings that are plain values (channels, delays, limits); see features for keys. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    uninstalledAt: timestamp('uninstalled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('teams_platform_external').on(t.platform, t.externalId)],
);

export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    lang: text('lang'),
    zone: text('zone'),
    /** Added as facilitator by another facilitator (platform admins are facilitators without this). */
    facilitator: boolean('facilitator').notNull().default(false),
    /** Removed as facilitator explicitly, even if a platform admin. */
    facilitatorRevoked: boolean('facilitator_revoked').notNull().default(false),
    /** The day (midnight UTC) the first-use note was shown: an exact time could match the anonymous reply that was the member's first command. */
    privacyNoteShownAt: timestamp('privacy_note_shown_at', { withTimezone: true }),
    /** The day (midnight UTC) of first contact, for the same reason; ensureMember sets it, the default only backs it up. */
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'`),
  },
  (t) => [uniqueIndex('members_team_external').on(t.teamId, t.externalId)],
);

/** Platform deliveries already handled (Slack retries), so a retry across replicas is done once. */
export const processedEvents = pgTable(
  'processed_events',
  {
    key: text('key').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('processed_events_at').on(t.at)],
);

export const nowSql = sql`now()`;
