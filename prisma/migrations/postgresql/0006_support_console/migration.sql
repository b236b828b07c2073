-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "clientAddress" TEXT,
    "userAgent" TEXT,
    "accountId" TEXT,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportPin" (
    "accountId" TEXT NOT NULL,
    "pinHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "wrongTries" INTEGER NOT NULL DEFAULT 0,
    "staffUserId" TEXT,
    "acceptedAt" TIMESTAMP(3),

    CONSTRAINT "SupportPin_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "SupportUnlock" (
    "staffSessionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportUnlock_pkey" PRIMARY KEY ("staffSessionId","accountId")
);

-- CreateIndex
CREATE INDEX "StaffSession_staffUserId_idx" ON "StaffSession"("staffUserId");

-- CreateIndex
CREATE INDEX "SupportUnlock_accountId_idx" ON "SupportUnlock"("accountId");

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportPin" ADD CONSTRAINT "SupportPin_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportUnlock" ADD CONSTRAINT "SupportUnlock_staffSessionId_fkey" FOREIGN KEY ("staffSessionId") REFERENCES "StaffSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportUnlock" ADD CONSTRAINT "SupportUnlock_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

