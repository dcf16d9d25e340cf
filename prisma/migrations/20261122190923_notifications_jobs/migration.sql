-- CreateEnum
CREATE TYPE "EmailFrequency" AS ENUM ('immediately', 'daily', 'never');

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "kind" VARCHAR(60) NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "link" VARCHAR(300),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    "emailed_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preferences" (
    "person_id" UUID NOT NULL,
    "email" "EmailFrequency" NOT NULL DEFAULT 'immediately',

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" BIGSERIAL NOT NULL,
    "kind" VARCHAR(60) NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "completed_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notifications_person_id_created_at_idx" ON "notifications"("person_id", "created_at");

-- CreateIndex
CREATE INDEX "jobs_run_at_idx" ON "jobs"("run_at");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Pending jobs are found by this partial index (the queue's only hot query).
CREATE INDEX "jobs_pending_idx" ON "jobs" ("run_at") WHERE "completed_at" IS NULL AND "failed_at" IS NULL;
