-- CreateEnum
CREATE TYPE "EmailLinkPurpose" AS ENUM ('sign_in', 'email_change');

-- AlterTable
ALTER TABLE "people" ADD COLUMN     "deleted_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "sign_in_links" ADD COLUMN     "purpose" "EmailLinkPurpose" NOT NULL DEFAULT 'sign_in';
