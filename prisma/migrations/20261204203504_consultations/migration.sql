-- CreateEnum
CREATE TYPE "ConsultationState" AS ENUM ('draft', 'scheduled', 'information', 'deliberation', 'vote', 'results', 'referral', 'cancelled');

-- CreateTable
CREATE TABLE "consultations" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "state" "ConsultationState" NOT NULL DEFAULT 'draft',
    "title" VARCHAR(160) NOT NULL,
    "question" VARCHAR(500) NOT NULL,
    "briefing" VARCHAR(20000) NOT NULL DEFAULT '',
    "origin_kind" VARCHAR(20) NOT NULL,
    "origin_proposal_id" UUID,
    "origin_note" VARCHAR(1000) NOT NULL DEFAULT '',
    "data_use_id" UUID NOT NULL,
    "data_use_version" INTEGER NOT NULL,
    "information_opens_at" TIMESTAMPTZ(3) NOT NULL,
    "deliberation_opens_at" TIMESTAMPTZ(3) NOT NULL,
    "vote_opens_at" TIMESTAMPTZ(3) NOT NULL,
    "vote_closes_at" TIMESTAMPTZ(3) NOT NULL,
    "method" VARCHAR(30) NOT NULL,
    "rules" JSONB NOT NULL,
    "rules_published_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "closed_on" DATE,
    "ballot_list" TEXT,
    "ballot_list_sha256" VARCHAR(64),
    "ballot_count" INTEGER,
    "results" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "consultations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_events" (
    "id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "state" "ConsultationState" NOT NULL,
    "note" VARCHAR(1000) NOT NULL DEFAULT '',
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultation_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_hearings" (
    "id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "speaker" VARCHAR(120) NOT NULL,
    "affiliation" VARCHAR(200) NOT NULL DEFAULT '',
    "declared_interests" VARCHAR(2000) NOT NULL,
    "position" VARCHAR(10) NOT NULL,
    "summary" VARCHAR(6000) NOT NULL DEFAULT '',
    "document_url" VARCHAR(2000),
    "held_on" DATE,
    "published_by_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultation_hearings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_questions" (
    "id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "author_id" UUID,
    "body" VARCHAR(1000) NOT NULL,
    "state" VARCHAR(10) NOT NULL DEFAULT 'open',
    "support_count" INTEGER NOT NULL DEFAULT 0,
    "answer_body" VARCHAR(6000),
    "answer_hearing_id" UUID,
    "answered_by_id" UUID,
    "answered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultation_questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_question_supports" (
    "question_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultation_question_supports_pkey" PRIMARY KEY ("question_id","person_id")
);

-- CreateTable
CREATE TABLE "consultation_participations" (
    "consultation_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "channel" VARCHAR(10) NOT NULL,
    "station_name" VARCHAR(120),
    "recorded_by_id" UUID,
    "voted_on" DATE NOT NULL,

    CONSTRAINT "consultation_participations_pkey" PRIMARY KEY ("consultation_id","person_id")
);

-- CreateTable
CREATE TABLE "ballots" (
    "id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "receipt" VARCHAR(19) NOT NULL,
    "choices" JSONB NOT NULL,
    "change_key_hash" VARCHAR(64) NOT NULL,
    "idempotency_key_hash" VARCHAR(64) NOT NULL,
    "cast_on" DATE NOT NULL,

    CONSTRAINT "ballots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_paper_counts" (
    "id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "station_name" VARCHAR(120) NOT NULL,
    "place" VARCHAR(200) NOT NULL,
    "counted_at" TIMESTAMPTZ(3) NOT NULL,
    "officers" TEXT[],
    "ballots" INTEGER NOT NULL,
    "blank_or_invalid" INTEGER NOT NULL,
    "counts" JSONB NOT NULL,
    "entered_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultation_paper_counts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "consultations_reference_key" ON "consultations"("reference");

-- CreateIndex
CREATE INDEX "consultations_state_vote_opens_at_idx" ON "consultations"("state", "vote_opens_at");

-- CreateIndex
CREATE INDEX "consultations_data_use_id_idx" ON "consultations"("data_use_id");

-- CreateIndex
CREATE INDEX "consultation_events_consultation_id_created_at_idx" ON "consultation_events"("consultation_id", "created_at");

-- CreateIndex
CREATE INDEX "consultation_hearings_consultation_id_idx" ON "consultation_hearings"("consultation_id");

-- CreateIndex
CREATE INDEX "consultation_questions_consultation_id_support_count_idx" ON "consultation_questions"("consultation_id", "support_count");

-- CreateIndex
CREATE INDEX "consultation_questions_author_id_idx" ON "consultation_questions"("author_id");

-- CreateIndex
CREATE INDEX "consultation_question_supports_person_id_idx" ON "consultation_question_supports"("person_id");

-- CreateIndex
CREATE INDEX "consultation_participations_person_id_idx" ON "consultation_participations"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "ballots_receipt_key" ON "ballots"("receipt");

-- CreateIndex
CREATE UNIQUE INDEX "ballots_consultation_id_idempotency_key_hash_key" ON "ballots"("consultation_id", "idempotency_key_hash");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_paper_counts_consultation_id_station_name_key" ON "consultation_paper_counts"("consultation_id", "station_name");

-- AddForeignKey
ALTER TABLE "consultation_events" ADD CONSTRAINT "consultation_events_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_hearings" ADD CONSTRAINT "consultation_hearings_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_questions" ADD CONSTRAINT "consultation_questions_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_question_supports" ADD CONSTRAINT "consultation_question_supports_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "consultation_questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_participations" ADD CONSTRAINT "consultation_participations_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_paper_counts" ADD CONSTRAINT "consultation_paper_counts_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
