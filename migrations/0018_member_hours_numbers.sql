-- Per-member entry numbers for supervision hours ("entry 3" in `/supervision hours`, `hours fix 3`, `hours remove 3`
-- and the CSV), instead of serial ids shared by every team in the database. Rows already there are numbered per
-- member in the order the member reads them (by date, then id), so the CSV a member exports lists 1, 2, 3… from
-- the top; an old serial id a member still types gets "no such entry of yours" unless they have that many. The
-- column is added empty, filled, and only then made NOT NULL and unique: adding it NOT NULL at once would fail on a
-- table with rows.
ALTER TABLE "supervision_hours" ADD COLUMN "number" integer;--> statement-breakpoint
UPDATE "supervision_hours" SET "number" = n."number"
FROM (SELECT "id", (row_number() OVER (PARTITION BY "member_id" ORDER BY "date", "id"))::integer AS "number" FROM "supervision_hours") AS n
WHERE "supervision_hours"."id" = n."id";--> statement-breakpoint
ALTER TABLE "supervision_hours" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_hours_member_number" ON "supervision_hours" USING btree ("member_id","number");
