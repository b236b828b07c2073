-- AlterTable
ALTER TABLE "Account" ADD COLUMN "recoveryKeyConfirmedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "recoveryKeyCreatedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "recoveryKeyHash" TEXT;

-- CreateTable
CREATE TABLE "AppPassword" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "lookupKey" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "AppPassword_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clientAddress" TEXT,
    "userAgent" TEXT,
    "questionPair" TEXT,
    "securityPassAt" DATETIME,
    "securityPassSeenAt" DATETIME,
    "stage" TEXT NOT NULL DEFAULT 'full',
    "codeVerifiedAt" DATETIME,
    CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("accountId", "clientAddress", "createdAt", "id", "lastSeenAt", "questionPair", "securityPassAt", "securityPassSeenAt", "userAgent") SELECT "accountId", "clientAddress", "createdAt", "id", "lastSeenAt", "questionPair", "securityPassAt", "securityPassSeenAt", "userAgent" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AppPassword_accountId_idx" ON "AppPassword"("accountId");

-- CreateIndex
CREATE INDEX "AppPassword_lookupKey_idx" ON "AppPassword"("lookupKey");

