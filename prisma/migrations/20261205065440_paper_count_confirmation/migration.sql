-- Two officers, for real: a count record counts once a second officer account confirms it.
-- AlterTable
ALTER TABLE "consultation_paper_counts" ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "confirmed_by_id" UUID;
