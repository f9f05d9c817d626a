CREATE TABLE "discord_form_drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"member_external_id" text NOT NULL,
	"sealed" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_hours" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"date" text NOT NULL,
	"hours" numeric(5, 2) NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"session_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_prefs" (
	"member_id" integer PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"dm" boolean DEFAULT false NOT NULL,
	"calendar_token" text
);
--> statement-breakpoint
CREATE TABLE "supervision_rsvps" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"answer" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"series_id" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"zone" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text,
	"channel" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_topics" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"session_id" integer,
	"member_id" integer,
	"author_hmac" text,
	"text" text NOT NULL,
	"visibility" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_hours" ADD CONSTRAINT "supervision_hours_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_hours" ADD CONSTRAINT "supervision_hours_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_hours" ADD CONSTRAINT "supervision_hours_session_id_supervision_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."supervision_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_prefs" ADD CONSTRAINT "supervision_prefs_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_prefs" ADD CONSTRAINT "supervision_prefs_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_rsvps" ADD CONSTRAINT "supervision_rsvps_session_id_supervision_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."supervision_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_rsvps" ADD CONSTRAINT "supervision_rsvps_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_series_id_schedules_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_topics" ADD CONSTRAINT "supervision_topics_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_topics" ADD CONSTRAINT "supervision_topics_session_id_supervision_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."supervision_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_topics" ADD CONSTRAINT "supervision_topics_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discord_form_drafts_expires" ON "discord_form_drafts" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_hours_session_once" ON "supervision_hours" USING btree ("member_id","session_id");--> statement-breakpoint
CREATE INDEX "supervision_hours_member" ON "supervision_hours" USING btree ("member_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_prefs_calendar" ON "supervision_prefs" USING btree ("calendar_token");--> statement-breakpoint
CREATE INDEX "supervision_prefs_team_dm" ON "supervision_prefs" USING btree ("team_id") WHERE "supervision_prefs"."dm";--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_rsvps_once" ON "supervision_rsvps" USING btree ("session_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_sessions_series_start" ON "supervision_sessions" USING btree ("series_id","starts_at");--> statement-breakpoint
CREATE INDEX "supervision_sessions_team_start" ON "supervision_sessions" USING btree ("team_id","starts_at");--> statement-breakpoint
CREATE INDEX "supervision_topics_session" ON "supervision_topics" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "supervision_topics_author" ON "supervision_topics" USING btree ("author_hmac") WHERE "supervision_topics"."author_hmac" is not null;