CREATE TABLE "pseudonyms" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"thread" text NOT NULL,
	"member_mac" text NOT NULL,
	"ordinal" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pseudonyms" ADD CONSTRAINT "pseudonyms_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pseudonyms_member" ON "pseudonyms" USING btree ("thread","member_mac");--> statement-breakpoint
CREATE UNIQUE INDEX "pseudonyms_ordinal" ON "pseudonyms" USING btree ("thread","ordinal");