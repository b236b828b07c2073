-- CreateTable
CREATE TABLE "PendingAccount" (
    "id" TEXT NOT NULL,
    "appleId" TEXT NOT NULL,
    "appleIdKey" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "countryCode" TEXT NOT NULL,
    "rescueEmail" TEXT,
    "questions" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingAccount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingAccount_appleIdKey_idx" ON "PendingAccount"("appleIdKey");

-- CreateIndex
CREATE INDEX "PendingAccount_expiresAt_idx" ON "PendingAccount"("expiresAt");

