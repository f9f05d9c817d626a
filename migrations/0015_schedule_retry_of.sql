-- The due instant a back-off is for: a schedule moved since (edit, setup, resume) is claimed at its new time.
ALTER TABLE "schedules" ADD COLUMN "retry_of" timestamp with time zone;