-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "setupDeadline" TIMESTAMP(3),
ADD COLUMN     "setupStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "questionPair" TEXT,
ADD COLUMN     "securityPassAt" TIMESTAMP(3),
ADD COLUMN     "securityPassSeenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WaitingPeriod" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reasonAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "windowEndsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WaitingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "questionPair" TEXT NOT NULL,
    "wrongAnswers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WaitingPeriod_accountId_startedAt_idx" ON "WaitingPeriod"("accountId", "startedAt");

-- CreateIndex
CREATE INDEX "PasswordReset_accountId_idx" ON "PasswordReset"("accountId");

-- AddForeignKey
ALTER TABLE "WaitingPeriod" ADD CONSTRAINT "WaitingPeriod_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

