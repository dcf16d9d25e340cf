-- AlterTable
ALTER TABLE "opinion_map_snapshots" ADD COLUMN     "checked_at" TIMESTAMPTZ(3),
ADD COLUMN     "compute_ms" INTEGER;
