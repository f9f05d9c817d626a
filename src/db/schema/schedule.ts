// Schedules (any recurring or one-off due work), their occurrences, and the outbox of messages to send.
import { bigserial, boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { teams } from './core.js';

export const schedules = pgTable(
  'schedules',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    /** Which feature handles it, e.g. 'prompt', 'personal-prompt', 'supervision-reminder'. */
    kind: text('kind').notNull(),
    /**
     * What people call it: "#N" for a prompt schedule, "SN" for a supervision series — per team and kind, 1, 2, 3…
     * (src/db/numbers.ts). Null for the kinds nobody refers to by number (personal prompts, reminders, housekeeping…).
     */
    number: integer('number'),
    /** IANA time zone in which the rule's local times are meant. */
    zone: text('zone').notNull(),
    /** The recurrence rule as data (see src/schedule/occurrence.ts). */
    rule: jsonb('rule').$type<import('../../schedule/occurrence.js').Rule>().notNull(),
    /** Next due instant, UTC; null when finished. */
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    paused: boolean('paused').notNull().default(false),
    /** Tries of the due occurrence that failed in a row (a bug or a bad payload); 0 once it happens. */
    failures: integer('failures').notNull().default(0),
    /** After a failure, not tried again before this instant (backing off); null otherwise. */
    retryAt: timestamp('retry_at', { withTimezone: true }),
    /** The due instant whose occurrence failed: the back-off holds only while it is still the one due (a schedule
     *  a facilitator moved since is due at its new time). */
    retryOf: timestamp('retry_of', { withTimezone: true }),
    /** Feature data (channel, themes, member…), shaped by the kind: read and written through src/schedule/payload.ts. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('schedules_due').on(t.nextDueAt).where(sql`${t.paused} = false and ${t.nextDueAt} is not null`),
    uniqueIndex('schedules_team_kind_number').on(t.teamId, t.kind, t.number).where(sql`${t.number} is not null`),
  ],
);

/** One row per schedule occurrence ever handled: the exactly-once anchor. */
export const occurrences = pgTable(
  'occurrences',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    scheduleId: integer('schedule_id').notNull().references(() => schedules.id, { onDelete: 'cascade' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** 'fired', 'skipped' (missed beyond the grace window) or 'excluded' (holiday, skip date). */
    outcome: text('outcome').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('occurrences_once').on(t.scheduleId, t.dueAt)],
);

export type OutboxTarget =
  | { kind: 'channel'; channel: string; thread?: string; threadOfKey?: string }
  | { kind: 'dm'; member: string };

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    /** Unique occurrence key: the same logical message is never queued twice. */
    key: text('key').notNull(),
    target: jsonb('target').$type<OutboxTarget>().notNull(),
    message: jsonb('message').$type<import('../../core/message.js').Message>().notNull(),
    /** pending → sent | failed | cancelled */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** When a send was first attempted (the first claim that did not give the row back): a resend long after it
     *  is past what a platform's own dedupe (Discord's nonce) remembers. */
    firstAttemptAt: timestamp('first_attempt_at', { withTimezone: true }),
    /** The platform's reference once sent: { channel, id, thread? }. */
    sentRef: jsonb('sent_ref').$type<{ channel: string; id: string; thread?: string; more?: string[]; direct?: boolean }>(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('outbox_key').on(t.key),
    // Features find their rows by key prefix (`sup-rem:12:%`); a plain btree serves LIKE 'x%' only under the C collation.
    index('outbox_key_prefix').on(t.key.op('text_pattern_ops')),
    index('outbox_ready').on(t.notBefore).where(sql`${t.status} = 'pending'`),
  ],
);
