-- Private topics and hours notes written before this keep their plain text until the bot starts: sealing needs
-- SOJUSZ_SECRET, which SQL has not, so the start-up pass in src/features/supervision/sealed.ts does it (idempotent).
ALTER TABLE "supervision_topics" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_hours" ADD COLUMN "note_sealed" text;--> statement-breakpoint
ALTER TABLE "supervision_topics" ADD COLUMN "sealed" text;
