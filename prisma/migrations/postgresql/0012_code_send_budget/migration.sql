-- AlterTable
ALTER TABLE "CodeSend" ADD COLUMN     "budget" TEXT NOT NULL DEFAULT 'trusted';

