// The web playground's own channel history: what a chat platform would keep, stored in the same database.
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const webMessages = pgTable(
  'web_messages',
  {
    id: serial('id').primaryKey(),
    /** The playground team (external id), so a second playground never mixes with the first. */
    team: text('team').notNull(),
    /** 'reflection', 'cases', … or 'dm-<member id>' for a member's DM with the bot. */
    channel: text('channel').notNull(),
    /** The top-level message this one replies to (a thread); null at top level. */
    threadId: integer('thread_id'),
    /** 'bot' or the simulated member's id. */
    author: text('author').notNull(),
    /** Who the bot speaks as for this message ("Colleague A"), when it is not itself. */
    persona: text('persona'),
    /** The core's message model (src/core/message.ts), rendered to HTML only when shown. */
    message: jsonb('message').$type<import('../../core/message.js').Message>().notNull(),
    /** Only this member sees it ("only you can see this"); null: everyone in the channel. */
    ephemeralFor: text('ephemeral_for'),
    /** An uploaded file (chart, export, calendar): name, mime and base64 bytes. */
    file: jsonb('file').$type<{ name: string; mime: string; data: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    deleted: boolean('deleted').notNull().default(false),
  },
  (t) => [index('web_messages_channel').on(t.team, t.channel, t.id)],
);
