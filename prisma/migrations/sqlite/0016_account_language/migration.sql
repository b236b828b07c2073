-- AlterTable
ALTER TABLE "Account" ADD COLUMN "browserLanguage" TEXT;
ALTER TABLE "Account" ADD COLUMN "language" TEXT;

