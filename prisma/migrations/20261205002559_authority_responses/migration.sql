-- CreateEnum
CREATE TYPE "ResponseDecision" AS ENUM ('accepted', 'partially_accepted', 'rejected', 'deferred');

-- CreateEnum
CREATE TYPE "ImplementationActionStatus" AS ENUM ('planned', 'in_progress', 'done', 'blocked', 'abandoned');

-- CreateEnum
CREATE TYPE "ResponseReviewState" AS ENUM ('scheduled', 'due');

-- CreateTable
CREATE TABLE "authority_responses" (
    "id" UUID NOT NULL,
    "recommendation_id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "decision" "ResponseDecision" NOT NULL,
    "justification" VARCHAR(8000) NOT NULL,
    "commitments" VARCHAR(8000) NOT NULL,
    "timeline" VARCHAR(2000) NOT NULL,
    "responded_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "days_late" INTEGER NOT NULL DEFAULT 0,
    "review_due_at" TIMESTAMPTZ(3),
    "review_state" "ResponseReviewState",
    "score" INTEGER,
    "evaluation" VARCHAR(8000),
    "evaluated_at" TIMESTAMPTZ(3),
    "follow_up_group" UUID[] DEFAULT ARRAY[]::UUID[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "authority_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "implementation_actions" (
    "response_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "owner" VARCHAR(200) NOT NULL,
    "status" "ImplementationActionStatus" NOT NULL DEFAULT 'planned',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "due_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "implementation_actions_pkey" PRIMARY KEY ("response_id","number")
);

-- CreateTable
CREATE TABLE "progress_reports" (
    "response_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "body" VARCHAR(8000) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "actions" JSONB NOT NULL,
    "verified" BOOLEAN,
    "verification_note" VARCHAR(1000),
    "verified_at" TIMESTAMPTZ(3),
    "verified_by_member_id" UUID,

    CONSTRAINT "progress_reports_pkey" PRIMARY KEY ("response_id","number")
);

-- CreateIndex
CREATE UNIQUE INDEX "authority_responses_recommendation_id_key" ON "authority_responses"("recommendation_id");

-- CreateIndex
CREATE UNIQUE INDEX "authority_responses_reference_key" ON "authority_responses"("reference");

-- CreateIndex
CREATE INDEX "authority_responses_review_state_review_due_at_idx" ON "authority_responses"("review_state", "review_due_at");

-- AddForeignKey
ALTER TABLE "implementation_actions" ADD CONSTRAINT "implementation_actions_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "authority_responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "authority_responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;
