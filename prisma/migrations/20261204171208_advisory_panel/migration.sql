-- CreateEnum
CREATE TYPE "PanelSeatType" AS ENUM ('drawn_citizen', 'association', 'expert_voting', 'expert_consultative');

-- CreateEnum
CREATE TYPE "PanelMemberState" AS ENUM ('invited', 'active', 'resigned', 'replaced', 'term_ended');

-- CreateEnum
CREATE TYPE "PanelMemberPosition" AS ENUM ('titular', 'substitute');

-- CreateEnum
CREATE TYPE "PanelDisplayMode" AS ENUM ('pseudonym', 'name');

-- CreateEnum
CREATE TYPE "PanelCallState" AS ENUM ('draft', 'open', 'closed');

-- CreateEnum
CREATE TYPE "PanelPoolSource" AS ENUM ('call', 'import');

-- CreateEnum
CREATE TYPE "PanelDrawState" AS ENUM ('committed', 'computing', 'ready', 'drawn', 'failed');

-- CreateEnum
CREATE TYPE "PanelDrawKind" AS ENUM ('initial', 'replacement');

-- CreateTable
CREATE TABLE "advisory_panel_rules" (
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "change_note" VARCHAR(1000) NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "advisory_panel_rules_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "advisory_panel_members" (
    "id" UUID NOT NULL,
    "seat_type" "PanelSeatType" NOT NULL,
    "position" "PanelMemberPosition" NOT NULL DEFAULT 'titular',
    "substitute_rank" INTEGER,
    "display_name" VARCHAR(120) NOT NULL,
    "display_mode" "PanelDisplayMode" NOT NULL DEFAULT 'pseudonym',
    "affiliation" VARCHAR(120) NOT NULL DEFAULT '',
    "state" "PanelMemberState" NOT NULL DEFAULT 'invited',
    "term_start" DATE NOT NULL,
    "term_end" DATE NOT NULL,
    "volunteer_id" UUID,
    "draw_id" UUID,
    "reason" VARCHAR(1000) NOT NULL DEFAULT '',
    "left_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "advisory_panel_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advisory_panel_calls" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" VARCHAR(4000) NOT NULL DEFAULT '',
    "categories" JSONB NOT NULL,
    "state" "PanelCallState" NOT NULL DEFAULT 'draft',
    "opened_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "advisory_panel_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advisory_panel_invitations" (
    "id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "hint" VARCHAR(8) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "advisory_panel_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advisory_panel_pools" (
    "id" UUID NOT NULL,
    "label" VARCHAR(120) NOT NULL,
    "source" "PanelPoolSource" NOT NULL,
    "call_id" UUID,
    "categories" JSONB NOT NULL,
    "panel_size" INTEGER,
    "quotas" JSONB,
    "feasibility" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "advisory_panel_pools_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advisory_panel_volunteers" (
    "id" UUID NOT NULL,
    "pool_id" UUID NOT NULL,
    "public_id" VARCHAR(60) NOT NULL,
    "household" VARCHAR(100),
    "values" JSONB NOT NULL,
    "invitation_id" UUID,
    "display_name" VARCHAR(120),
    "display_mode" "PanelDisplayMode" NOT NULL DEFAULT 'pseudonym',
    "contact_email" VARCHAR(320),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "advisory_panel_volunteers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advisory_panel_draws" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "kind" "PanelDrawKind" NOT NULL DEFAULT 'initial',
    "pool_id" UUID NOT NULL,
    "state" "PanelDrawState" NOT NULL DEFAULT 'committed',
    "panel_size" INTEGER NOT NULL,
    "quotas" JSONB NOT NULL,
    "respondents_csv" TEXT NOT NULL,
    "categories_csv" TEXT NOT NULL,
    "pool_sha256" CHAR(64) NOT NULL,
    "quotas_sha256" CHAR(64) NOT NULL,
    "algorithm" VARCHAR(100) NOT NULL,
    "lottery_size" INTEGER NOT NULL,
    "progress" JSONB,
    "result" JSONB,
    "panels" JSONB,
    "minimum" DOUBLE PRECISION,
    "lottery_minimum" DOUBLE PRECISION,
    "error" VARCHAR(2000),
    "combined_seed" CHAR(64),
    "drawn_index" INTEGER,
    "drawn_panel" JSONB,
    "committed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "computed_at" TIMESTAMPTZ(3),
    "drawn_at" TIMESTAMPTZ(3),

    CONSTRAINT "advisory_panel_draws_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advisory_panel_draw_witnesses" (
    "draw_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "kind" VARCHAR(30) NOT NULL,
    "seed_hash" CHAR(64) NOT NULL,
    "seed" VARCHAR(200),
    "revealed_at" TIMESTAMPTZ(3),

    CONSTRAINT "advisory_panel_draw_witnesses_pkey" PRIMARY KEY ("draw_id","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "advisory_panel_members_volunteer_id_key" ON "advisory_panel_members"("volunteer_id");

-- CreateIndex
CREATE INDEX "advisory_panel_members_state_seat_type_idx" ON "advisory_panel_members"("state", "seat_type");

-- CreateIndex
CREATE UNIQUE INDEX "advisory_panel_calls_reference_key" ON "advisory_panel_calls"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "advisory_panel_invitations_code_hash_key" ON "advisory_panel_invitations"("code_hash");

-- CreateIndex
CREATE INDEX "advisory_panel_invitations_call_id_idx" ON "advisory_panel_invitations"("call_id");

-- CreateIndex
CREATE UNIQUE INDEX "advisory_panel_pools_call_id_key" ON "advisory_panel_pools"("call_id");

-- CreateIndex
CREATE UNIQUE INDEX "advisory_panel_volunteers_invitation_id_key" ON "advisory_panel_volunteers"("invitation_id");

-- CreateIndex
CREATE UNIQUE INDEX "advisory_panel_volunteers_pool_id_public_id_key" ON "advisory_panel_volunteers"("pool_id", "public_id");

-- CreateIndex
CREATE UNIQUE INDEX "advisory_panel_draws_reference_key" ON "advisory_panel_draws"("reference");

-- CreateIndex
CREATE INDEX "advisory_panel_draws_pool_id_idx" ON "advisory_panel_draws"("pool_id");

-- AddForeignKey
ALTER TABLE "advisory_panel_members" ADD CONSTRAINT "advisory_panel_members_volunteer_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "advisory_panel_volunteers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advisory_panel_members" ADD CONSTRAINT "advisory_panel_members_draw_id_fkey" FOREIGN KEY ("draw_id") REFERENCES "advisory_panel_draws"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advisory_panel_invitations" ADD CONSTRAINT "advisory_panel_invitations_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "advisory_panel_calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advisory_panel_pools" ADD CONSTRAINT "advisory_panel_pools_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "advisory_panel_calls"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advisory_panel_volunteers" ADD CONSTRAINT "advisory_panel_volunteers_pool_id_fkey" FOREIGN KEY ("pool_id") REFERENCES "advisory_panel_pools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advisory_panel_volunteers" ADD CONSTRAINT "advisory_panel_volunteers_invitation_id_fkey" FOREIGN KEY ("invitation_id") REFERENCES "advisory_panel_invitations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advisory_panel_draws" ADD CONSTRAINT "advisory_panel_draws_pool_id_fkey" FOREIGN KEY ("pool_id") REFERENCES "advisory_panel_pools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "advisory_panel_draw_witnesses" ADD CONSTRAINT "advisory_panel_draw_witnesses_draw_id_fkey" FOREIGN KEY ("draw_id") REFERENCES "advisory_panel_draws"("id") ON DELETE CASCADE ON UPDATE CASCADE;
