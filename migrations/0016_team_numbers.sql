-- Per-team numbers for what members see and type ("#1", "S1", "session 1", "topic 1"), instead of serial ids shared by
-- every team in the database. Rows already there are numbered per team in creation (id) order, so a team's existing
-- schedules, series, sessions, topics and own prompts become 1, 2, 3…; an old serial number a member still types gets
-- "there is no …" unless the team has that many. Each column is added empty, filled, and only then made NOT NULL and
-- unique: adding it NOT NULL at once would fail on any table with rows.
-- Schedules: only the kinds people refer to by number (team prompt schedules, supervision series), per team and kind.
ALTER TABLE "schedules" ADD COLUMN "number" integer;--> statement-breakpoint
UPDATE "schedules" SET "number" = n."number"
FROM (SELECT "id", (row_number() OVER (PARTITION BY "team_id", "kind" ORDER BY "id"))::integer AS "number" FROM "schedules" WHERE "kind" IN ('prompt', 'supervision')) AS n
WHERE "schedules"."id" = n."id";--> statement-breakpoint
CREATE UNIQUE INDEX "schedules_team_kind_number" ON "schedules" USING btree ("team_id","kind","number") WHERE "schedules"."number" is not null;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD COLUMN "number" integer;--> statement-breakpoint
UPDATE "supervision_sessions" SET "number" = n."number"
FROM (SELECT "id", (row_number() OVER (PARTITION BY "team_id" ORDER BY "id"))::integer AS "number" FROM "supervision_sessions") AS n
WHERE "supervision_sessions"."id" = n."id";--> statement-breakpoint
ALTER TABLE "supervision_sessions" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_sessions_team_number" ON "supervision_sessions" USING btree ("team_id","number");--> statement-breakpoint
ALTER TABLE "supervision_topics" ADD COLUMN "number" integer;--> statement-breakpoint
UPDATE "supervision_topics" SET "number" = n."number"
FROM (SELECT "id", (row_number() OVER (PARTITION BY "team_id" ORDER BY "id"))::integer AS "number" FROM "supervision_topics") AS n
WHERE "supervision_topics"."id" = n."id";--> statement-breakpoint
ALTER TABLE "supervision_topics" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_topics_team_number" ON "supervision_topics" USING btree ("team_id","number");--> statement-breakpoint
ALTER TABLE "custom_prompts" ADD COLUMN "number" integer;--> statement-breakpoint
UPDATE "custom_prompts" SET "number" = n."number"
FROM (SELECT "id", (row_number() OVER (PARTITION BY "team_id" ORDER BY "id"))::integer AS "number" FROM "custom_prompts") AS n
WHERE "custom_prompts"."id" = n."id";--> statement-breakpoint
ALTER TABLE "custom_prompts" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "custom_prompts_team_number" ON "custom_prompts" USING btree ("team_id","number");
