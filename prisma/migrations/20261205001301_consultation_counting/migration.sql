-- AlterEnum
ALTER TYPE "ConsultationState" ADD VALUE 'counting' BEFORE 'results';
