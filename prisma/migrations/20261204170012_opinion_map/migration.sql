-- CreateEnum
CREATE TYPE "StatementState" AS ENUM ('pending', 'approved', 'rejected');

-- AlterTable
ALTER TABLE "deliberation_rule_versions" ADD COLUMN     "statement_max_length" INTEGER NOT NULL DEFAULT 140;

-- CreateTable
CREATE TABLE "opinion_participants" (
    "id" UUID NOT NULL,
    "deliberation_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "person_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opinion_participants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statements" (
    "id" UUID NOT NULL,
    "deliberation_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "author_id" UUID,
    "seeded" BOOLEAN NOT NULL DEFAULT false,
    "text" VARCHAR(500) NOT NULL,
    "state" "StatementState" NOT NULL,
    "meta" BOOLEAN NOT NULL DEFAULT false,
    "rejection_code" VARCHAR(40),
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_votes" (
    "statement_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "vote" SMALLINT NOT NULL,
    "voted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statement_votes_pkey" PRIMARY KEY ("statement_id","participant_id")
);

-- CreateTable
CREATE TABLE "opinion_map_snapshots" (
    "deliberation_id" UUID NOT NULL,
    "algorithm_version" VARCHAR(100) NOT NULL,
    "input_hash" VARCHAR(64) NOT NULL,
    "voters" INTEGER NOT NULL,
    "votes" INTEGER NOT NULL,
    "view" JSONB NOT NULL,
    "positions" JSONB NOT NULL,
    "history" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "opinion_map_snapshots_pkey" PRIMARY KEY ("deliberation_id")
);

-- CreateIndex
CREATE INDEX "opinion_participants_person_id_idx" ON "opinion_participants"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "opinion_participants_deliberation_id_number_key" ON "opinion_participants"("deliberation_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "opinion_participants_deliberation_id_person_id_key" ON "opinion_participants"("deliberation_id", "person_id");

-- CreateIndex
CREATE INDEX "statements_deliberation_id_state_idx" ON "statements"("deliberation_id", "state");

-- CreateIndex
CREATE INDEX "statements_author_id_idx" ON "statements"("author_id");

-- CreateIndex
CREATE UNIQUE INDEX "statements_deliberation_id_number_key" ON "statements"("deliberation_id", "number");

-- CreateIndex
CREATE INDEX "statement_votes_participant_id_idx" ON "statement_votes"("participant_id");

-- AddForeignKey
ALTER TABLE "opinion_participants" ADD CONSTRAINT "opinion_participants_deliberation_id_fkey" FOREIGN KEY ("deliberation_id") REFERENCES "deliberations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_deliberation_id_fkey" FOREIGN KEY ("deliberation_id") REFERENCES "deliberations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_votes" ADD CONSTRAINT "statement_votes_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_votes" ADD CONSTRAINT "statement_votes_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "opinion_participants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_map_snapshots" ADD CONSTRAINT "opinion_map_snapshots_deliberation_id_fkey" FOREIGN KEY ("deliberation_id") REFERENCES "deliberations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
