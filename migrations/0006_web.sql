CREATE TABLE "web_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"team" text NOT NULL,
	"channel" text NOT NULL,
	"thread_id" integer,
	"author" text NOT NULL,
	"persona" text,
	"message" jsonb NOT NULL,
	"ephemeral_for" text,
	"file" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "web_messages_channel" ON "web_messages" USING btree ("team","channel","id");