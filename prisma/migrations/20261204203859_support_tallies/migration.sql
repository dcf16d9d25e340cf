-- A proposal's support count becomes the sum of 16 tallies, so supports given
-- at once no longer queue on the proposal's row (docs/decisions/0013-performance.md).

-- CreateTable
CREATE TABLE "proposal_support_tallies" (
    "proposal_id" UUID NOT NULL,
    "shard" SMALLINT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "proposal_support_tallies_pkey" PRIMARY KEY ("proposal_id","shard")
);

-- AddForeignKey
ALTER TABLE "proposal_support_tallies" ADD CONSTRAINT "proposal_support_tallies_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The counts so far move to the first tally.
INSERT INTO "proposal_support_tallies" ("proposal_id", "shard", "count")
SELECT "id", 0, "support_count" FROM "proposals" WHERE "support_count" <> 0;

-- AlterTable
ALTER TABLE "proposals" DROP COLUMN "support_count";
