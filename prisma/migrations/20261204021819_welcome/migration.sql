-- Accounts that exist already count as welcomed (the default fills them); only an
-- account created by its first sign-in starts with NULL (SignInService).
-- AlterTable
ALTER TABLE "people" ADD COLUMN     "welcomed_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP;
