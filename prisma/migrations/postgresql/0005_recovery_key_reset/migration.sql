-- AlterTable
ALTER TABLE "PasswordReset" ADD COLUMN     "codeVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "method" TEXT NOT NULL DEFAULT 'email';

