-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "recoveryKeyConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "recoveryKeyCreatedAt" TIMESTAMP(3),
ADD COLUMN     "recoveryKeyHash" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "codeVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "stage" TEXT NOT NULL DEFAULT 'full';

-- CreateTable
CREATE TABLE "AppPassword" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "lookupKey" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AppPassword_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AppPassword_accountId_idx" ON "AppPassword"("accountId");

-- CreateIndex
CREATE INDEX "AppPassword_lookupKey_idx" ON "AppPassword"("lookupKey");

-- AddForeignKey
ALTER TABLE "AppPassword" ADD CONSTRAINT "AppPassword_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

