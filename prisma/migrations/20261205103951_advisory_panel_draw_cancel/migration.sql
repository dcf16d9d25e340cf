-- AlterEnum
ALTER TYPE "PanelDrawState" ADD VALUE 'cancelled';

-- AlterTable
ALTER TABLE "advisory_panel_draws" ADD COLUMN     "cancel_reason" VARCHAR(1000),
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "advisory_panel_volunteers" ADD COLUMN     "withdraw_code_sealed" VARCHAR(200);
