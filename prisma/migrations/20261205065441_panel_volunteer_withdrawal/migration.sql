-- AlterTable
ALTER TABLE "advisory_panel_volunteers" ADD COLUMN     "withdraw_token_hash" CHAR(64),
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "advisory_panel_volunteers_withdraw_token_hash_key" ON "advisory_panel_volunteers"("withdraw_token_hash");
