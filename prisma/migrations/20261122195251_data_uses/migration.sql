-- CreateEnum
CREATE TYPE "DataUseState" AS ENUM ('draft', 'published');

-- CreateTable
CREATE TABLE "data_uses" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "state" "DataUseState" NOT NULL DEFAULT 'draft',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "current_version" INTEGER NOT NULL DEFAULT 1,
    "title" VARCHAR(100) NOT NULL,
    "summary" VARCHAR(350) NOT NULL DEFAULT '',
    "domain" VARCHAR(30) NOT NULL,
    "lifecycle_status" VARCHAR(20) NOT NULL,
    "automation_level" VARCHAR(30) NOT NULL,
    "controller" VARCHAR(200) NOT NULL DEFAULT '',
    "special_categories" TEXT[],
    "neighbourhood_ids" UUID[],
    "tags" TEXT[],
    "review_date" DATE,
    "sunset_date" DATE,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "data_uses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_use_versions" (
    "data_use_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "change_note" VARCHAR(500) NOT NULL DEFAULT '',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_use_versions_pkey" PRIMARY KEY ("data_use_id","version")
);

-- CreateTable
CREATE TABLE "data_use_follows" (
    "data_use_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_use_follows_pkey" PRIMARY KEY ("data_use_id","person_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "data_uses_reference_key" ON "data_uses"("reference");

-- CreateIndex
CREATE INDEX "data_uses_state_domain_idx" ON "data_uses"("state", "domain");

-- AddForeignKey
ALTER TABLE "data_use_versions" ADD CONSTRAINT "data_use_versions_data_use_id_fkey" FOREIGN KEY ("data_use_id") REFERENCES "data_uses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_use_follows" ADD CONSTRAINT "data_use_follows_data_use_id_fkey" FOREIGN KEY ("data_use_id") REFERENCES "data_uses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- French full-text search over the searchable columns (queried with the same expression).
CREATE INDEX "data_uses_search_idx" ON "data_uses" USING gin (
  to_tsvector('french'::regconfig, "title" || ' ' || "summary" || ' ' || "controller")
);
