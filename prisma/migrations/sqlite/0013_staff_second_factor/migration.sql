-- AlterTable
ALTER TABLE "StaffSession" ADD COLUMN "secondFactor" TEXT;

-- CreateTable
CREATE TABLE "StaffFactor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffUserId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "verifiedAt" DATETIME,
    "lastUsedAt" DATETIME,
    "totpSecret" TEXT,
    "totpLastStep" INTEGER,
    "credentialId" TEXT,
    "publicKey" TEXT,
    "signCount" INTEGER,
    "transports" TEXT,
    CONSTRAINT "StaffFactor_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StaffEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffUserId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "clientAddress" TEXT,
    "userAgent" TEXT,
    "details" TEXT,
    CONSTRAINT "StaffEvent_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebAuthnChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT,
    "staffUserId" TEXT,
    "purpose" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "WebAuthnChallenge_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WebAuthnChallenge_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WebAuthnChallenge" ("accountId", "createdAt", "expiresAt", "id", "purpose") SELECT "accountId", "createdAt", "expiresAt", "id", "purpose" FROM "WebAuthnChallenge";
DROP TABLE "WebAuthnChallenge";
ALTER TABLE "new_WebAuthnChallenge" RENAME TO "WebAuthnChallenge";
CREATE INDEX "WebAuthnChallenge_accountId_idx" ON "WebAuthnChallenge"("accountId");
CREATE INDEX "WebAuthnChallenge_staffUserId_idx" ON "WebAuthnChallenge"("staffUserId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "StaffFactor_credentialId_key" ON "StaffFactor"("credentialId");

-- CreateIndex
CREATE INDEX "StaffFactor_staffUserId_idx" ON "StaffFactor"("staffUserId");

-- CreateIndex
CREATE INDEX "StaffEvent_staffUserId_createdAt_idx" ON "StaffEvent"("staffUserId", "createdAt");

