-- AlterTable
ALTER TABLE "TrustedDevice" ADD COLUMN "credentialId" TEXT;
ALTER TABLE "TrustedDevice" ADD COLUMN "lastUsedAt" DATETIME;
ALTER TABLE "TrustedDevice" ADD COLUMN "name" TEXT;
ALTER TABLE "TrustedDevice" ADD COLUMN "publicKey" TEXT;
ALTER TABLE "TrustedDevice" ADD COLUMN "signCount" INTEGER;
ALTER TABLE "TrustedDevice" ADD COLUMN "totpLastStep" INTEGER;
ALTER TABLE "TrustedDevice" ADD COLUMN "totpSecret" TEXT;
ALTER TABLE "TrustedDevice" ADD COLUMN "transports" TEXT;

-- CreateTable
CREATE TABLE "WebAuthnChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "WebAuthnChallenge_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "WebAuthnChallenge_accountId_idx" ON "WebAuthnChallenge"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "TrustedDevice_credentialId_key" ON "TrustedDevice"("credentialId");

