-- AlterTable
ALTER TABLE "advisory_panel_members" ADD COLUMN     "answered_at" TIMESTAMPTZ(3),
ADD COLUMN     "invitation_sent_at" TIMESTAMPTZ(3),
ADD COLUMN     "invite_token_hash" CHAR(64),
ADD COLUMN     "rotation_third" INTEGER;

-- AlterTable
ALTER TABLE "advisory_panel_pools" ADD COLUMN     "contacts_erase_at" TIMESTAMPTZ(3),
ADD COLUMN     "contacts_erased_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "advisory_panel_members_invite_token_hash_key" ON "advisory_panel_members"("invite_token_hash");

-- CreateIndex
CREATE INDEX "advisory_panel_members_state_term_end_idx" ON "advisory_panel_members"("state", "term_end");
