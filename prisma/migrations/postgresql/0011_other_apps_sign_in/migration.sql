-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "secondStep" TEXT;

-- CreateTable
CREATE TABLE "OidcClient" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretHash" TEXT,
    "redirectUris" TEXT NOT NULL,
    "postLogoutRedirectUris" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OidcClient_pkey" PRIMARY KEY ("id")
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
    "expiresAt" TIMESTAMP(3),
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "OidcRecord_pkey" PRIMARY KEY ("kind","id")
);

-- CreateTable
CREATE TABLE "OidcSigningKey" (
    "kid" TEXT NOT NULL,
    "sealedJwk" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OidcSigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "OidcSetting" (
    "name" TEXT NOT NULL,
    "sealedValue" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OidcSetting_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "AppAuthorization" (
    "accountId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "allowedAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppAuthorization_pkey" PRIMARY KEY ("accountId","clientId")
);

-- CreateTable
CREATE TABLE "AppBrowser" (
    "accountId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "browserId" TEXT NOT NULL,
    "firstUsedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppBrowser_pkey" PRIMARY KEY ("accountId","clientId","browserId")
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

-- AddForeignKey
ALTER TABLE "AppAuthorization" ADD CONSTRAINT "AppAuthorization_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppAuthorization" ADD CONSTRAINT "AppAuthorization_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "OidcClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppBrowser" ADD CONSTRAINT "AppBrowser_accountId_clientId_fkey" FOREIGN KEY ("accountId", "clientId") REFERENCES "AppAuthorization"("accountId", "clientId") ON DELETE CASCADE ON UPDATE CASCADE;

