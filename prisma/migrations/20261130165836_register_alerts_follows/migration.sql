-- CreateEnum
CREATE TYPE "DataUseAlertKind" AS ENUM ('review_overdue', 'sunset_passed');

-- CreateTable
CREATE TABLE "data_use_alerts" (
    "id" UUID NOT NULL,
    "data_use_id" UUID NOT NULL,
    "kind" "DataUseAlertKind" NOT NULL,
    "due_date" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "referred_at" TIMESTAMPTZ(3),

    CONSTRAINT "data_use_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "data_use_alerts_referred_at_idx" ON "data_use_alerts"("referred_at");

-- CreateIndex
CREATE UNIQUE INDEX "data_use_alerts_data_use_id_kind_due_date_key" ON "data_use_alerts"("data_use_id", "kind", "due_date");

-- CreateIndex
CREATE INDEX "data_use_follows_person_id_idx" ON "data_use_follows"("person_id");

-- AddForeignKey
ALTER TABLE "data_use_follows" ADD CONSTRAINT "data_use_follows_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_use_alerts" ADD CONSTRAINT "data_use_alerts_data_use_id_fkey" FOREIGN KEY ("data_use_id") REFERENCES "data_uses"("id") ON DELETE CASCADE ON UPDATE CASCADE;
