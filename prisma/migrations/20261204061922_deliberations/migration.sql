-- CreateEnum
CREATE TYPE "ContributionState" AS ENUM ('pending', 'visible', 'hidden_automatically', 'hidden', 'rejected', 'deleted_by_author');

-- CreateTable
CREATE TABLE "deliberations" (
    "id" UUID NOT NULL,
    "subject_type" VARCHAR(20) NOT NULL,
    "subject_reference" VARCHAR(20) NOT NULL,
    "opened_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliberations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliberation_rule_versions" (
    "id" UUID NOT NULL,
    "deliberation_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "moderation" VARCHAR(4) NOT NULL,
    "who_may_post" VARCHAR(30) NOT NULL,
    "neighbourhood_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "auto_hide_threshold" INTEGER NOT NULL,
    "moderation_policy" JSONB NOT NULL,
    "change_note" VARCHAR(1000) NOT NULL DEFAULT '',
    "published_by_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliberation_rule_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contributions" (
    "id" UUID NOT NULL,
    "deliberation_id" UUID NOT NULL,
    "parent_id" UUID,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "author_id" UUID,
    "stance" VARCHAR(10) NOT NULL,
    "state" "ContributionState" NOT NULL,
    "body" VARCHAR(5000) NOT NULL,
    "origin" VARCHAR(10) NOT NULL DEFAULT 'online',
    "workshop" JSONB,
    "recorded_by_id" UUID,
    "edited" BOOLEAN NOT NULL DEFAULT false,
    "moderation_notice" VARCHAR(300),
    "helpful_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contributions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contribution_revisions" (
    "id" UUID NOT NULL,
    "contribution_id" UUID NOT NULL,
    "body" VARCHAR(5000) NOT NULL,
    "edited_by_id" UUID NOT NULL,
    "replaced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contribution_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contribution_helpful_marks" (
    "contribution_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contribution_helpful_marks_pkey" PRIMARY KEY ("contribution_id","person_id")
);

-- CreateTable
CREATE TABLE "contribution_reports" (
    "id" UUID NOT NULL,
    "contribution_id" UUID NOT NULL,
    "reporter_person_id" UUID NOT NULL,
    "reason_code" VARCHAR(40) NOT NULL,
    "law" VARCHAR(300) NOT NULL DEFAULT '',
    "explanation" VARCHAR(2000) NOT NULL DEFAULT '',
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contribution_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_decisions" (
    "id" UUID NOT NULL,
    "deliberation_id" UUID NOT NULL,
    "contribution_id" UUID,
    "subject_person_id" UUID,
    "decided_by_id" UUID,
    "decision" VARCHAR(30) NOT NULL,
    "ground" JSONB,
    "facts" VARCHAR(2000) NOT NULL,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "suspended_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderation_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_appeals" (
    "id" UUID NOT NULL,
    "decision_id" UUID NOT NULL,
    "appellant_person_id" UUID NOT NULL,
    "explanation" VARCHAR(2000) NOT NULL,
    "outcome" VARCHAR(10),
    "facts" VARCHAR(2000),
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderation_appeals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliberation_suspensions" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "decision_id" UUID NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliberation_suspensions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliberation_charter_acceptances" (
    "person_id" UUID NOT NULL,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliberation_charter_acceptances_pkey" PRIMARY KEY ("person_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "deliberations_subject_type_subject_reference_key" ON "deliberations"("subject_type", "subject_reference");

-- CreateIndex
CREATE UNIQUE INDEX "deliberation_rule_versions_deliberation_id_version_key" ON "deliberation_rule_versions"("deliberation_id", "version");

-- CreateIndex
CREATE INDEX "contributions_deliberation_id_state_created_at_idx" ON "contributions"("deliberation_id", "state", "created_at");

-- CreateIndex
CREATE INDEX "contributions_parent_id_idx" ON "contributions"("parent_id");

-- CreateIndex
CREATE INDEX "contributions_author_id_idx" ON "contributions"("author_id");

-- CreateIndex
CREATE INDEX "contribution_revisions_contribution_id_replaced_at_idx" ON "contribution_revisions"("contribution_id", "replaced_at");

-- CreateIndex
CREATE INDEX "contribution_helpful_marks_person_id_idx" ON "contribution_helpful_marks"("person_id");

-- CreateIndex
CREATE INDEX "contribution_reports_reporter_person_id_idx" ON "contribution_reports"("reporter_person_id");

-- CreateIndex
CREATE UNIQUE INDEX "contribution_reports_contribution_id_reporter_person_id_key" ON "contribution_reports"("contribution_id", "reporter_person_id");

-- CreateIndex
CREATE INDEX "moderation_decisions_deliberation_id_created_at_idx" ON "moderation_decisions"("deliberation_id", "created_at");

-- CreateIndex
CREATE INDEX "moderation_decisions_subject_person_id_idx" ON "moderation_decisions"("subject_person_id");

-- CreateIndex
CREATE UNIQUE INDEX "moderation_appeals_decision_id_key" ON "moderation_appeals"("decision_id");

-- CreateIndex
CREATE INDEX "moderation_appeals_appellant_person_id_idx" ON "moderation_appeals"("appellant_person_id");

-- CreateIndex
CREATE INDEX "deliberation_suspensions_person_id_until_idx" ON "deliberation_suspensions"("person_id", "until");

-- AddForeignKey
ALTER TABLE "deliberation_rule_versions" ADD CONSTRAINT "deliberation_rule_versions_deliberation_id_fkey" FOREIGN KEY ("deliberation_id") REFERENCES "deliberations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_deliberation_id_fkey" FOREIGN KEY ("deliberation_id") REFERENCES "deliberations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "contributions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution_revisions" ADD CONSTRAINT "contribution_revisions_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution_helpful_marks" ADD CONSTRAINT "contribution_helpful_marks_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution_reports" ADD CONSTRAINT "contribution_reports_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_decisions" ADD CONSTRAINT "moderation_decisions_deliberation_id_fkey" FOREIGN KEY ("deliberation_id") REFERENCES "deliberations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_decisions" ADD CONSTRAINT "moderation_decisions_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_appeals" ADD CONSTRAINT "moderation_appeals_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "moderation_decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
