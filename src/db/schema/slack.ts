// Slack workspaces that installed the app through OAuth: who installed it and its bot token (encrypted).
import { pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const slackInstallations = pgTable(
  'slack_installations',
  {
    id: serial('id').primaryKey(),
    /** The workspace id (T…); '' for an org-wide install, which is keyed by enterpriseId. */
    teamId: text('team_id').notNull(),
    enterpriseId: text('enterprise_id').notNull().default(''),
    /** The bot token, encrypted with bot.secrets.encrypt: a database dump alone cannot act as the bot. */
    botTokenEnc: text('bot_token_enc').notNull(),
    botUserId: text('bot_user_id').notNull(),
    botId: text('bot_id'),
    installerUserId: text('installer_user_id'),
    scopes: text('scopes'),
    installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('slack_installations_team').on(t.enterpriseId, t.teamId)],
);
