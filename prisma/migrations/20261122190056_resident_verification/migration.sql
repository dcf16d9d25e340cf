-- CreateEnum
CREATE TYPE "VerificationMethod" AS ENUM ('invitation_code', 'census');

-- CreateTable
CREATE TABLE "invitation_batches" (
    "id" UUID NOT NULL,
    "neighbourhood_id" UUID NOT NULL,
    "label" VARCHAR(120) NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitation_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation_codes" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "hint" VARCHAR(8) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "used_by_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "invitation_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resident_verifications" (
    "person_id" UUID NOT NULL,
    "neighbourhood_id" UUID NOT NULL,
    "method" "VerificationMethod" NOT NULL,
    "verified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "resident_verifications_pkey" PRIMARY KEY ("person_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitation_codes_code_hash_key" ON "invitation_codes"("code_hash");

-- CreateIndex
CREATE INDEX "invitation_codes_batch_id_idx" ON "invitation_codes"("batch_id");

-- CreateIndex
CREATE INDEX "resident_verifications_neighbourhood_id_idx" ON "resident_verifications"("neighbourhood_id");

-- AddForeignKey
ALTER TABLE "invitation_batches" ADD CONSTRAINT "invitation_batches_neighbourhood_id_fkey" FOREIGN KEY ("neighbourhood_id") REFERENCES "neighbourhoods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation_codes" ADD CONSTRAINT "invitation_codes_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "invitation_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_verifications" ADD CONSTRAINT "resident_verifications_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_verifications" ADD CONSTRAINT "resident_verifications_neighbourhood_id_fkey" FOREIGN KEY ("neighbourhood_id") REFERENCES "neighbourhoods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
