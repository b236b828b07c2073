-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "browserLanguage" TEXT,
ADD COLUMN     "language" TEXT;

