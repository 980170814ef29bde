-- AlterTable: when a container was first reported, so a past window shows only the
-- containers (and their declared edges) that existed then.
ALTER TABLE "container" ADD COLUMN "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
