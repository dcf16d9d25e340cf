-- Review M12: every verified resident gets a random voter code. A volatile default on ADD COLUMN is
-- evaluated for each existing row, so the rows already there get distinct codes too.
-- AlterTable
ALTER TABLE "resident_verifications" ADD COLUMN     "voter_code" CHAR(10) NOT NULL DEFAULT upper(substr(md5((gen_random_uuid())::text), 1, 10));

-- CreateIndex
CREATE UNIQUE INDEX "resident_verifications_voter_code_key" ON "resident_verifications"("voter_code");
