// Supervision: concrete sessions (one-off or from a weekly series), RSVPs, agenda topics, hours, member prefs.
//
// A series is a `schedules` row of kind 'supervision' (rule weekly, payload {channel, durationMinutes, where});
// it materializes sessions a fixed horizon ahead. Each session that is still scheduled owns one `schedules`
// row of kind 'supervision-reminder' whose next() walks the session's reminder offsets; the scheduler's
// unique (schedule, due_at) occurrence plus the outbox key `sup-rem:<session>:<offset>` make every reminder
// go out exactly once, across restarts and replicas. Cancelling a session deletes that row and cancels
// pending outbox rows, so a cancelled session sends none. See src/features/supervision/reminders.ts.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { members, teams } from './core.js';
import { schedules } from './schedule.js';

export const supervisionSessions = pgTable(
  'supervision_sessions',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    /** "Session N" (`/supervision list`, `/supervision cancel N`): per team, 1, 2, 3…; see src/db/numbers.ts. */
    number: integer('number').notNull(),
    /** The series' schedule row; null for a one-off session. */
    seriesId: integer('series_id').references(() => schedules.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** IANA zone the session is planned in (calendar TZID, reminder wording). */
    zone: text('zone').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** A room or a link, as the facilitator typed it (member text: shown as untrusted). */
    place: text('place'),
    channel: text('channel').notNull(),
    /** scheduled | cancelled | held */
    status: text('status').notNull().default('scheduled'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supervision_sessions_series_start').on(t.seriesId, t.startsAt),
    index('supervision_sessions_team_start').on(t.teamId, t.startsAt),
    uniqueIndex('supervision_sessions_team_number').on(t.teamId, t.number),
  ],
);

export const supervisionRsvps = pgTable(
  'supervision_rsvps',
  {
    id: serial('id').primaryKey(),
    sessionId: integer('session_id').notNull().references(() => supervisionSessions.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    /** coming | not | maybe */
    answer: text('answer').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('supervision_rsvps_once').on(t.sessionId, t.memberId)],
);

export const supervisionTopics = pgTable(
  'supervision_topics',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    /** "Topic N" (`/supervision topics`, `/supervision topic remove N`): per team, 1, 2, 3…; see src/db/numbers.ts.
     *  Only its author is ever shown it; the agenda the group reads shows none. */
    number: integer('number').notNull(),
    /** The session the topic is for; null for a private note made when no session was planned. */
    sessionId: integer('session_id').references(() => supervisionSessions.id, { onDelete: 'set null' }),
    /** Set for named and private topics; never for anonymous ones. */
    memberId: integer('member_id').references(() => members.id, { onDelete: 'cascade' }),
    /** Anonymous topics only: keyed HMAC of (team, salt, member) so the author can remove it and nobody can
     *  link it — to them or to their other topics (rows from before the salt: HMAC of team and member). */
    authorHmac: text('author_hmac'),
    /** Anonymous topics only: the random salt of authorHmac. */
    authorSalt: text('author_salt'),
    /** Named and anonymous topics: the de-identified text the group reads. Null for private topics (see sealed). */
    text: text('text'),
    /** Private topics only: AES-256-GCM (Secrets.encrypt) of the text as the member wrote it — often the most
     *  clinical answer of an /autocheck, which is sealed too. Private rows from before sealing have text set and
     *  this null until the start-up pass seals them (src/features/supervision/sealed.ts). */
    sealed: text('sealed'),
    /** private | named | anonymous */
    visibility: text('visibility').notNull(),
    /** command | autocheck; not kept for anonymous topics (with the day, it would point at who checked in). */
    source: text('source'),
    /** Anonymous topics: the day only (midnight UTC), so no other row's exact time can match it. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('supervision_topics_session').on(t.sessionId),
    index('supervision_topics_author').on(t.authorHmac).where(sql`${t.authorHmac} is not null`),
    uniqueIndex('supervision_topics_team_number').on(t.teamId, t.number),
  ],
);

export const supervisionHours = pgTable(
  'supervision_hours',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    /** "Entry N" (`/supervision hours`, `hours fix N`, `hours remove N`, the CSV): per member, 1, 2, 3…; see
     *  src/db/numbers.ts. Only its member is ever shown it. */
    number: integer('number').notNull(),
    /** Local calendar date of the supervision, YYYY-MM-DD. */
    date: text('date').notNull(),
    hours: numeric('hours', { precision: 5, scale: 2 }).notNull(),
    /** individual | group */
    kind: text('kind').notNull(),
    /** Only in rows from before notes were sealed, until the start-up pass seals them; new rows use noteSealed. */
    note: text('note'),
    /** The member's own note on the entry, sealed (AES-256-GCM): nobody else reads it, the team export leaves it out. */
    noteSealed: text('note_sealed'),
    /** Set when logged by `/supervision held`; one entry per member and session. */
    sessionId: integer('session_id').references(() => supervisionSessions.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Set when its member removed it (`hours remove N`; the note is cleared then). The row stays, out of every
     *  list, total and export of hours, so that its number is never given to another entry (members quote numbers
     *  in their certification papers) and `held` said again does not log the session for them again. A member's
     *  erasure deletes it like any other. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('supervision_hours_session_once').on(t.memberId, t.sessionId),
    index('supervision_hours_member').on(t.memberId, t.date),
    uniqueIndex('supervision_hours_member_number').on(t.memberId, t.number),
  ],
);

/** Per-member supervision preferences: DM reminders, and the calendar feed token once issued. */
export const supervisionPrefs = pgTable(
  'supervision_prefs',
  {
    memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    dm: boolean('dm').notNull().default(false),
    calendarToken: text('calendar_token'),
  },
  (t) => [uniqueIndex('supervision_prefs_calendar').on(t.calendarToken), index('supervision_prefs_team_dm').on(t.teamId).where(sql`${t.dm}`)],
);
