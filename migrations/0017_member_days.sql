-- Members keep only the day of their first contact and of the first-use note (midnight UTC): a member whose first
-- command was an anonymous `/case reply` had both set to the instant the reply's pseudonym and message were written,
-- which named its author to anyone reading the database. New rows are written with the day (ensureMember, the note);
-- the default keeps only the day too. Rows already there are cut back to their day.
ALTER TABLE "members" ALTER COLUMN "created_at" SET DEFAULT date_trunc('day', now() at time zone 'UTC') at time zone 'UTC';--> statement-breakpoint
UPDATE "members" SET
  "created_at" = date_trunc('day', "created_at" at time zone 'UTC') at time zone 'UTC',
  "privacy_note_shown_at" = date_trunc('day', "privacy_note_shown_at" at time zone 'UTC') at time zone 'UTC';
