-- AlterTable
ALTER TABLE "advisory_panel_members" ADD COLUMN     "replaces_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "advisory_panel_members_replaces_id_key" ON "advisory_panel_members"("replaces_id");

-- AddForeignKey
ALTER TABLE "advisory_panel_members" ADD CONSTRAINT "advisory_panel_members_replaces_id_fkey" FOREIGN KEY ("replaces_id") REFERENCES "advisory_panel_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
