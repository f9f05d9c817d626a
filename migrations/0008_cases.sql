CREATE TABLE "case_bans" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"ban_mac" text NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_counters" (
	"mac" text PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_drafts" (
	"token" text PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"owner_mac" text NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"reason" text,
	"created_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text,
	"body" text,
	"question" text,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"publish_at" timestamp with time zone NOT NULL,
	"post_key" text NOT NULL,
	"author_salt" text NOT NULL,
	"author_mac" text NOT NULL,
	"ban_sealed" text NOT NULL,
	"created_on" date NOT NULL,
	"text_deleted_on" date
);
--> statement-breakpoint
ALTER TABLE "case_bans" ADD CONSTRAINT "case_bans_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_drafts" ADD CONSTRAINT "case_drafts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reports" ADD CONSTRAINT "case_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_bans_member" ON "case_bans" USING btree ("team_id","ban_mac");--> statement-breakpoint
CREATE INDEX "case_counters_day" ON "case_counters" USING btree ("day");--> statement-breakpoint
CREATE INDEX "case_drafts_created" ON "case_drafts" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_team_number" ON "cases" USING btree ("team_id","number");--> statement-breakpoint
CREATE INDEX "cases_created_on" ON "cases" USING btree ("created_on");