ALTER TABLE "supervision_topics" ALTER COLUMN "source" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_topics" ADD COLUMN "author_salt" text;--> statement-breakpoint
-- Anonymous topics written before: forget their source and keep only the day, as new ones do.
UPDATE "supervision_topics" SET "source" = NULL, "created_at" = date_trunc('day', "created_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' WHERE "visibility" = 'anonymous';
