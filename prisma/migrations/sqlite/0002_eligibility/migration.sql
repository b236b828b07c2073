-- AlterTable
ALTER TABLE "Account" ADD COLUMN "setupDeadline" DATETIME;
ALTER TABLE "Account" ADD COLUMN "setupStartedAt" DATETIME;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "questionPair" TEXT;
ALTER TABLE "Session" ADD COLUMN "securityPassAt" DATETIME;
ALTER TABLE "Session" ADD COLUMN "securityPassSeenAt" DATETIME;

-- CreateTable
CREATE TABLE "WaitingPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reasonAt" DATETIME NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "windowEndsAt" DATETIME NOT NULL,
    CONSTRAINT "WaitingPeriod_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "questionPair" TEXT NOT NULL,
    "wrongAnswers" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PasswordReset_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "WaitingPeriod_accountId_startedAt_idx" ON "WaitingPeriod"("accountId", "startedAt");

-- CreateIndex
CREATE INDEX "PasswordReset_accountId_idx" ON "PasswordReset"("accountId");

