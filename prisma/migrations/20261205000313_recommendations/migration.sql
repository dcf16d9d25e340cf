-- CreateEnum
CREATE TYPE "ReferralSource" AS ENUM ('consultation', 'proposal', 'authority_request', 'own_initiative', 'data_use_review');

-- CreateEnum
CREATE TYPE "ReferralState" AS ENUM ('open', 'closed', 'dismissed');

-- CreateEnum
CREATE TYPE "PanelSessionState" AS ENUM ('scheduled', 'held', 'cancelled');

-- CreateEnum
CREATE TYPE "PanelAttendanceStatus" AS ENUM ('present', 'excused', 'absent');

-- CreateEnum
CREATE TYPE "PanelHearingKind" AS ENUM ('expert', 'controller', 'association', 'other');

-- CreateEnum
CREATE TYPE "RecommendationState" AS ENUM ('draft', 'amending', 'voting', 'adopted', 'rejected', 'published', 'withdrawn');

-- CreateEnum
CREATE TYPE "AmendmentState" AS ENUM ('proposed', 'voting', 'accepted', 'rejected', 'withdrawn', 'merged');

-- CreateEnum
CREATE TYPE "AmendmentProcedure" AS ENUM ('accept', 'accept_modified', 'vote');

-- CreateEnum
CREATE TYPE "PanelVoteSubject" AS ENUM ('recommendation', 'amendment');

-- CreateEnum
CREATE TYPE "PanelVotingMode" AS ENUM ('recorded', 'secret');

-- CreateEnum
CREATE TYPE "PanelVoteState" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "PanelVoteOutcome" AS ENUM ('adopted', 'rejected', 'no_quorum');

-- CreateEnum
CREATE TYPE "PanelVoteChoice" AS ENUM ('for', 'against', 'abstain');

-- CreateEnum
CREATE TYPE "OpinionState" AS ENUM ('draft', 'published');

-- CreateTable
CREATE TABLE "panel_seat_accounts" (
    "member_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "panel_seat_accounts_pkey" PRIMARY KEY ("member_id")
);

-- CreateTable
CREATE TABLE "referrals" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "source" "ReferralSource" NOT NULL,
    "state" "ReferralState" NOT NULL DEFAULT 'open',
    "title" VARCHAR(200) NOT NULL,
    "question" VARCHAR(2000) NOT NULL,
    "data_use_id" UUID,
    "consultation_id" UUID,
    "proposal_id" UUID,
    "alert_id" UUID,
    "dossier" JSONB NOT NULL,
    "dismissed_reason" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "referrals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "panel_sessions" (
    "id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3) NOT NULL,
    "place" VARCHAR(200) NOT NULL DEFAULT '',
    "agenda" JSONB NOT NULL,
    "state" "PanelSessionState" NOT NULL DEFAULT 'scheduled',
    "minutes" VARCHAR(8000) NOT NULL DEFAULT '',
    "quorum" JSONB,
    "held_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "panel_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "panel_attendance" (
    "session_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "status" "PanelAttendanceStatus" NOT NULL,

    CONSTRAINT "panel_attendance_pkey" PRIMARY KEY ("session_id","member_id")
);

-- CreateTable
CREATE TABLE "panel_discussion_posts" (
    "id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "reply_to_id" UUID,
    "body" VARCHAR(4000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "panel_discussion_posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "panel_hearings" (
    "id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "session_id" UUID,
    "kind" "PanelHearingKind" NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "affiliation" VARCHAR(120) NOT NULL DEFAULT '',
    "interests" VARCHAR(1000) NOT NULL DEFAULT '',
    "summary" VARCHAR(8000) NOT NULL,
    "held_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "panel_hearings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendations" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "referral_id" UUID NOT NULL,
    "state" "RecommendationState" NOT NULL DEFAULT 'draft',
    "rapporteur_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "adopted_at" TIMESTAMPTZ(3),
    "opinion_id" UUID,
    "position" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recommendations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation_versions" (
    "recommendation_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" VARCHAR(20000) NOT NULL,
    "change_note" VARCHAR(1000) NOT NULL DEFAULT '',
    "amendments" INTEGER[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recommendation_versions_pkey" PRIMARY KEY ("recommendation_id","version")
);

-- CreateTable
CREATE TABLE "amendments" (
    "id" UUID NOT NULL,
    "recommendation_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "author_id" UUID NOT NULL,
    "state" "AmendmentState" NOT NULL DEFAULT 'proposed',
    "base_version" INTEGER NOT NULL,
    "title" VARCHAR(200),
    "body" VARCHAR(20000) NOT NULL,
    "explanation" VARCHAR(1000) NOT NULL DEFAULT '',
    "procedure" "AmendmentProcedure",
    "procedure_note" VARCHAR(1000) NOT NULL DEFAULT '',
    "modified_body" VARCHAR(20000),
    "merged_into" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "amendments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "panel_votes" (
    "id" UUID NOT NULL,
    "subject" "PanelVoteSubject" NOT NULL,
    "recommendation_id" UUID NOT NULL,
    "amendment_id" UUID,
    "session_id" UUID,
    "version" INTEGER NOT NULL,
    "mode" "PanelVotingMode" NOT NULL,
    "rules" JSONB NOT NULL,
    "state" "PanelVoteState" NOT NULL DEFAULT 'open',
    "outcome" "PanelVoteOutcome",
    "tally" JSONB,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "panel_votes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "panel_vote_participations" (
    "vote_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "seat_type" "PanelSeatType" NOT NULL,
    "choice" "PanelVoteChoice",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "panel_vote_participations_pkey" PRIMARY KEY ("vote_id","member_id")
);

-- CreateTable
CREATE TABLE "panel_secret_ballots" (
    "id" UUID NOT NULL,
    "vote_id" UUID NOT NULL,
    "seat_type" "PanelSeatType" NOT NULL,
    "choice" "PanelVoteChoice" NOT NULL,

    CONSTRAINT "panel_secret_ballots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dissents" (
    "id" UUID NOT NULL,
    "recommendation_id" UUID NOT NULL,
    "body" VARCHAR(12000) NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dissents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dissent_signatures" (
    "dissent_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dissent_signatures_pkey" PRIMARY KEY ("dissent_id","member_id")
);

-- CreateTable
CREATE TABLE "opinions" (
    "id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "state" "OpinionState" NOT NULL DEFAULT 'draft',
    "reference" VARCHAR(20),
    "title" VARCHAR(200) NOT NULL,
    "context" VARCHAR(20000) NOT NULL,
    "analysis" VARCHAR(40000) NOT NULL,
    "items" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "response_deadline_days" INTEGER,
    "response_due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "opinions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opinion_follows" (
    "opinion_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opinion_follows_pkey" PRIMARY KEY ("opinion_id","person_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "panel_seat_accounts_person_id_key" ON "panel_seat_accounts"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "referrals_reference_key" ON "referrals"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "referrals_alert_id_key" ON "referrals"("alert_id");

-- CreateIndex
CREATE INDEX "referrals_state_created_at_idx" ON "referrals"("state", "created_at");

-- CreateIndex
CREATE INDEX "referrals_data_use_id_idx" ON "referrals"("data_use_id");

-- CreateIndex
CREATE INDEX "referrals_consultation_id_idx" ON "referrals"("consultation_id");

-- CreateIndex
CREATE UNIQUE INDEX "panel_sessions_referral_id_number_key" ON "panel_sessions"("referral_id", "number");

-- CreateIndex
CREATE INDEX "panel_discussion_posts_referral_id_created_at_idx" ON "panel_discussion_posts"("referral_id", "created_at");

-- CreateIndex
CREATE INDEX "panel_hearings_referral_id_idx" ON "panel_hearings"("referral_id");

-- CreateIndex
CREATE UNIQUE INDEX "recommendations_reference_key" ON "recommendations"("reference");

-- CreateIndex
CREATE INDEX "recommendations_referral_id_idx" ON "recommendations"("referral_id");

-- CreateIndex
CREATE INDEX "recommendations_opinion_id_idx" ON "recommendations"("opinion_id");

-- CreateIndex
CREATE UNIQUE INDEX "amendments_recommendation_id_number_key" ON "amendments"("recommendation_id", "number");

-- CreateIndex
CREATE INDEX "panel_votes_recommendation_id_idx" ON "panel_votes"("recommendation_id");

-- CreateIndex
CREATE INDEX "panel_secret_ballots_vote_id_idx" ON "panel_secret_ballots"("vote_id");

-- CreateIndex
CREATE INDEX "dissents_recommendation_id_idx" ON "dissents"("recommendation_id");

-- CreateIndex
CREATE UNIQUE INDEX "opinions_referral_id_key" ON "opinions"("referral_id");

-- CreateIndex
CREATE UNIQUE INDEX "opinions_reference_key" ON "opinions"("reference");

-- CreateIndex
CREATE INDEX "opinions_state_published_at_idx" ON "opinions"("state", "published_at");

-- CreateIndex
CREATE INDEX "opinion_follows_person_id_idx" ON "opinion_follows"("person_id");

-- AddForeignKey
ALTER TABLE "panel_seat_accounts" ADD CONSTRAINT "panel_seat_accounts_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "advisory_panel_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_seat_accounts" ADD CONSTRAINT "panel_seat_accounts_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_data_use_id_fkey" FOREIGN KEY ("data_use_id") REFERENCES "data_uses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_sessions" ADD CONSTRAINT "panel_sessions_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_attendance" ADD CONSTRAINT "panel_attendance_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "panel_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_attendance" ADD CONSTRAINT "panel_attendance_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "advisory_panel_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_discussion_posts" ADD CONSTRAINT "panel_discussion_posts_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_discussion_posts" ADD CONSTRAINT "panel_discussion_posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "advisory_panel_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_hearings" ADD CONSTRAINT "panel_hearings_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_hearings" ADD CONSTRAINT "panel_hearings_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "panel_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_rapporteur_id_fkey" FOREIGN KEY ("rapporteur_id") REFERENCES "advisory_panel_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_opinion_id_fkey" FOREIGN KEY ("opinion_id") REFERENCES "opinions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_versions" ADD CONSTRAINT "recommendation_versions_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "advisory_panel_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_votes" ADD CONSTRAINT "panel_votes_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_votes" ADD CONSTRAINT "panel_votes_amendment_id_fkey" FOREIGN KEY ("amendment_id") REFERENCES "amendments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_votes" ADD CONSTRAINT "panel_votes_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "panel_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_vote_participations" ADD CONSTRAINT "panel_vote_participations_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "panel_votes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_vote_participations" ADD CONSTRAINT "panel_vote_participations_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "advisory_panel_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_secret_ballots" ADD CONSTRAINT "panel_secret_ballots_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "panel_votes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissents" ADD CONSTRAINT "dissents_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissent_signatures" ADD CONSTRAINT "dissent_signatures_dissent_id_fkey" FOREIGN KEY ("dissent_id") REFERENCES "dissents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissent_signatures" ADD CONSTRAINT "dissent_signatures_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "advisory_panel_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_follows" ADD CONSTRAINT "opinion_follows_opinion_id_fkey" FOREIGN KEY ("opinion_id") REFERENCES "opinions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_follows" ADD CONSTRAINT "opinion_follows_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;
