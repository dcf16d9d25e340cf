-- AlterTable
ALTER TABLE "panel_vote_participations" DROP COLUMN "created_at";
