-- Secrecy (decision 0019): the participation keeps no day, so that the only online voter of a day cannot be paired with their ballot (which keeps its day).
-- AlterTable
ALTER TABLE "consultation_participations" DROP COLUMN "voted_on";
