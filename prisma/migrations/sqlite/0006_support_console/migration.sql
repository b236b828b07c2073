-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffUserId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "clientAddress" TEXT,
    "userAgent" TEXT,
    "accountId" TEXT,
    CONSTRAINT "StaffSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupportPin" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "pinHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "wrongTries" INTEGER NOT NULL DEFAULT 0,
    "staffUserId" TEXT,
    "acceptedAt" DATETIME,
    CONSTRAINT "SupportPin_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupportUnlock" (
    "staffSessionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("staffSessionId", "accountId"),
    CONSTRAINT "SupportUnlock_staffSessionId_fkey" FOREIGN KEY ("staffSessionId") REFERENCES "StaffSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupportUnlock_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "StaffSession_staffUserId_idx" ON "StaffSession"("staffUserId");

-- CreateIndex
CREATE INDEX "SupportUnlock_accountId_idx" ON "SupportUnlock"("accountId");

