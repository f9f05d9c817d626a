-- Discord form drafts gain their guild. Rows from before cannot say which server they belong to; they are at most
-- six hours old (DRAFT_LIFE_MS), so they go: the member is told "this form has closed" and opens it again, rather
-- than every query carrying a "no guild means any guild" rule that would leak one server's draft into another's export.
DELETE FROM "discord_form_drafts";--> statement-breakpoint
ALTER TABLE "discord_form_drafts" ADD COLUMN "team_external_id" text NOT NULL;--> statement-breakpoint
CREATE INDEX "discord_form_drafts_member" ON "discord_form_drafts" USING btree ("team_external_id","member_external_id");
