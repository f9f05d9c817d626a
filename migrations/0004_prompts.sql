CREATE TABLE "custom_prompts" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prompt_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"schedule_id" integer,
	"prompt_id" text NOT NULL,
	"channel" text NOT NULL,
	"outbox_key" text NOT NULL,
	"posted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prompt_replies" (
	"id" serial PRIMARY KEY NOT NULL,
	"post_id" integer NOT NULL,
	"member_mac" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prompt_rotations" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"scope" text NOT NULL,
	"cycle" integer DEFAULT 0 NOT NULL,
	"seen" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "custom_prompts" ADD CONSTRAINT "custom_prompts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_posts" ADD CONSTRAINT "prompt_posts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_replies" ADD CONSTRAINT "prompt_replies_post_id_prompt_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."prompt_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_rotations" ADD CONSTRAINT "prompt_rotations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "custom_prompts_team" ON "custom_prompts" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_posts_outbox_key" ON "prompt_posts" USING btree ("outbox_key");--> statement-breakpoint
CREATE INDEX "prompt_posts_team" ON "prompt_posts" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_replies_once" ON "prompt_replies" USING btree ("post_id","member_mac");--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_rotations_scope" ON "prompt_rotations" USING btree ("team_id","scope");