-- AlterTable
ALTER TABLE "Session" ADD COLUMN "secondStep" TEXT;

-- CreateTable
CREATE TABLE "OidcClient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "secretHash" TEXT,
    "redirectUris" TEXT NOT NULL,
    "postLogoutRedirectUris" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OidcRecord" (
    "kind" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "grantId" TEXT,
    "sessionUid" TEXT,
    "accountId" TEXT,
    "clientId" TEXT,
    "expiresAt" DATETIME,
    "consumedAt" DATETIME,

    PRIMARY KEY ("kind", "id")
);

-- CreateTable
CREATE TABLE "OidcSigningKey" (
    "kid" TEXT NOT NULL PRIMARY KEY,
    "sealedJwk" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OidcSetting" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "sealedValue" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AppAuthorization" (
    "accountId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "allowedAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME NOT NULL,

    PRIMARY KEY ("accountId", "clientId"),
    CONSTRAINT "AppAuthorization_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AppAuthorization_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "OidcClient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AppBrowser" (
    "accountId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "browserId" TEXT NOT NULL,
    "firstUsedAt" DATETIME NOT NULL,

    PRIMARY KEY ("accountId", "clientId", "browserId"),
    CONSTRAINT "AppBrowser_accountId_clientId_fkey" FOREIGN KEY ("accountId", "clientId") REFERENCES "AppAuthorization" ("accountId", "clientId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OidcRecord_grantId_idx" ON "OidcRecord"("grantId");

-- CreateIndex
CREATE INDEX "OidcRecord_sessionUid_idx" ON "OidcRecord"("sessionUid");

-- CreateIndex
CREATE INDEX "OidcRecord_accountId_clientId_idx" ON "OidcRecord"("accountId", "clientId");

-- CreateIndex
CREATE INDEX "OidcRecord_expiresAt_idx" ON "OidcRecord"("expiresAt");

-- CreateIndex
CREATE INDEX "AppAuthorization_clientId_idx" ON "AppAuthorization"("clientId");

