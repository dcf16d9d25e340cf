-- CreateEnum
CREATE TYPE "ProposalState" AS ENUM ('draft', 'submitted', 'admissible', 'inadmissible', 'qualified', 'expired', 'selected', 'not_selected', 'withdrawn');

-- AlterTable
ALTER TABLE "territories" ADD COLUMN     "support_requires_verification" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "support_threshold" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "support_window_days" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "proposals" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "author_id" UUID NOT NULL,
    "state" "ProposalState" NOT NULL DEFAULT 'draft',
    "kind" VARCHAR(30) NOT NULL,
    "data_use_id" UUID,
    "unlisted_data_use" VARCHAR(600) NOT NULL DEFAULT '',
    "title" VARCHAR(120) NOT NULL DEFAULT '',
    "body" VARCHAR(6000) NOT NULL DEFAULT '',
    "why" VARCHAR(4000) NOT NULL DEFAULT '',
    "expected_effect" VARCHAR(2000) NOT NULL DEFAULT '',
    "neighbourhood_id" UUID,
    "charter_accepted_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "threshold" INTEGER,
    "collecting_until" TIMESTAMPTZ(3),
    "support_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proposal_events" (
    "id" UUID NOT NULL,
    "proposal_id" UUID NOT NULL,
    "state" "ProposalState" NOT NULL,
    "reason" VARCHAR(1000) NOT NULL DEFAULT '',
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proposal_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proposal_supports" (
    "proposal_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proposal_supports_pkey" PRIMARY KEY ("proposal_id","person_id")
);

-- CreateTable
CREATE TABLE "proposal_follows" (
    "proposal_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proposal_follows_pkey" PRIMARY KEY ("proposal_id","person_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "proposals_reference_key" ON "proposals"("reference");

-- CreateIndex
CREATE INDEX "proposals_state_collecting_until_idx" ON "proposals"("state", "collecting_until");

-- CreateIndex
CREATE INDEX "proposals_data_use_id_idx" ON "proposals"("data_use_id");

-- CreateIndex
CREATE INDEX "proposals_author_id_idx" ON "proposals"("author_id");

-- CreateIndex
CREATE INDEX "proposal_events_proposal_id_created_at_idx" ON "proposal_events"("proposal_id", "created_at");

-- CreateIndex
CREATE INDEX "proposal_supports_person_id_idx" ON "proposal_supports"("person_id");

-- CreateIndex
CREATE INDEX "proposal_follows_person_id_idx" ON "proposal_follows"("person_id");

-- AddForeignKey
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_data_use_id_fkey" FOREIGN KEY ("data_use_id") REFERENCES "data_uses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_follows" ADD CONSTRAINT "proposal_follows_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_follows" ADD CONSTRAINT "proposal_follows_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- French full-text search over the proposal's text (queried with the same expression).
CREATE INDEX "proposals_search_idx" ON "proposals" USING gin (
  to_tsvector('french'::regconfig, "title" || ' ' || "body" || ' ' || "why" || ' ' || "unlisted_data_use")
);
