// Anonymous cases: no platform id, name or unkeyed hash of one in any row — only keyed MACs, sealed values and days.
import { date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { teams } from './core.js';

/**
 * One case per row. Authorship is `author_mac = HMAC(case-author key, team | author_salt | member)` with a
 * random salt per case: the author can be verified (withdraw) but two cases of one author share nothing.
 * The ban handle is sealed (AES-GCM with a random IV) for the same reason. There is no submission time:
 * only the publication instant (public anyway) and the day.
 */
export const cases = pgTable(
  'cases',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    /** "Case #N": per team, 1, 2, 3… */
    number: integer('number').notNull(),
    /** The case text (already masked); null once withdrawn, hidden or past retention. */
    title: text('title'),
    body: text('body'),
    question: text('question'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    /** pending (queued, not yet seen on the platform) | published | withdrawn | hidden */
    status: text('status').notNull().default('pending'),
    /** When the post is due: now + a random delay from the team's window. */
    publishAt: timestamp('publish_at', { withTimezone: true }).notNull(),
    /** The outbox key of the post; its sentRef is the platform message (threads, updates). */
    postKey: text('post_key').notNull(),
    authorSalt: text('author_salt').notNull(),
    authorMac: text('author_mac').notNull(),
    /** encrypt(HMAC(case-ban key, team, member)): lets a facilitator ban "the author of #N" blind. */
    banSealed: text('ban_sealed').notNull(),
    /** The day (UTC) the case was made; never the exact minute. */
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    /** When the text was deleted (withdraw, hide, retention). */
    textDeletedOn: date('text_deleted_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('cases_team_number').on(t.teamId, t.number), index('cases_created_on').on(t.createdOn)],
);

/**
 * Drafts waiting for the author's look at the de-identification preview. Keyed by a random token that only
 * the author received; the text is sealed; purged on publish, cancel, or after a day.
 */
export const caseDrafts = pgTable(
  'case_drafts',
  {
    token: text('token').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    /** HMAC(case-author key, team, 'draft', token, member): only the one who wrote it may publish it. */
    ownerMac: text('owner_mac').notNull(),
    /** encrypt(JSON {title, body, question, tags}). */
    sealed: text('sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_drafts_created').on(t.createdAt)],
);

/** Reports of a case: the reason only; never who reported it. */
export const caseReports = pgTable('case_reports', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  reason: text('reason'),
  createdOn: date('created_on', { mode: 'string' }).notNull(),
});

/**
 * Bans from posting cases: `ban_mac = HMAC(case-ban key, team, member)`. No case id, so two bans of one
 * person never link their cases together; one row per person, the later end wins.
 */
export const caseBans = pgTable(
  'case_bans',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    banMac: text('ban_mac').notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('case_bans_member').on(t.teamId, t.banMac)],
);

/** Daily counters for rate limits: HMAC(rate-limit key, what, team, member, day) → count; kept two days. */
export const caseCounters = pgTable(
  'case_counters',
  {
    mac: text('mac').primaryKey(),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [index('case_counters_day').on(t.day)],
);
