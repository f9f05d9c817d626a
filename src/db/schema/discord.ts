// Discord form drafts: a form's declaration and partial answers between modal steps (Discord modals hold 5 fields and cannot be re-opened from a submit), so HTTP-interactions mode stays stateless across replicas.
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const discordFormDrafts = pgTable(
  'discord_form_drafts',
  {
    /** Random id carried in the modal's and buttons' custom_id. */
    id: text('id').primaryKey(),
    /** Platform user id allowed to continue the draft (a draft is never shared). */
    memberExternalId: text('member_external_id').notNull(),
    /**
     * The guild the form was opened for: one member's drafts in several servers are theirs in each, so a server's
     * export, erasure or published case touches only its own.
     */
    teamExternalId: text('team_external_id').notNull(),
    /** AES-GCM sealed JSON ({form, values, step}): partial answers can be member-written text. */
    sealed: text('sealed').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('discord_form_drafts_expires').on(t.expiresAt), index('discord_form_drafts_member').on(t.teamExternalId, t.memberExternalId)],
);
