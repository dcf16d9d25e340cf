-- AlterTable
ALTER TABLE "advisory_panel_volunteers" ADD COLUMN     "locale" VARCHAR(5) NOT NULL DEFAULT 'fr';
