-- An hours entry its member removes is marked, not deleted: its number is never given to another entry, and
-- `/supervision held` said again does not log the session for them again. Entries already there are not removed.
ALTER TABLE "supervision_hours" ADD COLUMN "removed_at" timestamp with time zone;
