CREATE TABLE "slack_installations" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"enterprise_id" text DEFAULT '' NOT NULL,
	"bot_token_enc" text NOT NULL,
	"bot_user_id" text NOT NULL,
	"bot_id" text,
	"installer_user_id" text,
	"scopes" text,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "slack_installations_team" ON "slack_installations" USING btree ("enterprise_id","team_id");