-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "browserLanguage" TEXT,
ADD COLUMN     "language" TEXT;

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "language" TEXT;

