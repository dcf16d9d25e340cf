-- AlterTable
ALTER TABLE "people" ADD COLUMN     "pseudonym_skeleton" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "people_pseudonym_skeleton_key" ON "people"("pseudonym_skeleton");

-- Existing people get their skeleton when the API starts
-- (apps/api/src/people/pseudonym-skeletons.backfill.ts): the skeleton is computed
-- by packages/domain (Unicode confusables), which SQL cannot do.
