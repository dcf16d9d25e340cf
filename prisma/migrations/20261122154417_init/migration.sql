-- CreateEnum
CREATE TYPE "AuditVisibility" AS ENUM ('public', 'restricted');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('resident', 'facilitator', 'moderator', 'organizer', 'panel_member', 'authority', 'admin');

-- CreateTable
CREATE TABLE "audit_entries" (
    "seq" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" UUID,
    "action" VARCHAR(100) NOT NULL,
    "subject_type" VARCHAR(60) NOT NULL,
    "subject_id" VARCHAR(100),
    "visibility" "AuditVisibility" NOT NULL,
    "data" JSONB NOT NULL,
    "content_hash" CHAR(64) NOT NULL,
    "prev_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "audit_chain_head" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "seq" INTEGER NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" UUID NOT NULL,
    "pseudonym" VARCHAR(60) NOT NULL,
    "email" VARCHAR(320),
    "locale" VARCHAR(5) NOT NULL DEFAULT 'fr',
    "neighbourhood_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_roles" (
    "person_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_roles_pkey" PRIMARY KEY ("person_id","role")
);

-- CreateTable
CREATE TABLE "territories" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(2000) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "territories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "neighbourhoods" (
    "id" UUID NOT NULL,
    "territory_id" UUID NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "population" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "neighbourhoods_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_entries_hash_key" ON "audit_entries"("hash");

-- CreateIndex
CREATE INDEX "audit_entries_subject_type_subject_id_idx" ON "audit_entries"("subject_type", "subject_id");

-- CreateIndex
CREATE INDEX "audit_entries_visibility_seq_idx" ON "audit_entries"("visibility", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "people_pseudonym_key" ON "people"("pseudonym");

-- CreateIndex
CREATE UNIQUE INDEX "people_email_key" ON "people"("email");

-- CreateIndex
CREATE UNIQUE INDEX "territories_slug_key" ON "territories"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "neighbourhoods_territory_id_slug_key" ON "neighbourhoods"("territory_id", "slug");

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_neighbourhood_id_fkey" FOREIGN KEY ("neighbourhood_id") REFERENCES "neighbourhoods"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "neighbourhoods" ADD CONSTRAINT "neighbourhoods_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only: the database itself refuses changes and
-- deletions, whatever the application does. (Prisma does not model triggers;
-- this block is hand-written.)
CREATE FUNCTION "audit_entries_refuse_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "audit_entries_append_only"
  BEFORE UPDATE OR DELETE ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION "audit_entries_refuse_change"();

CREATE TRIGGER "audit_entries_no_truncate"
  BEFORE TRUNCATE ON "audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_refuse_change"();
