-- AlterTable
ALTER TABLE "WebAuthnChallenge" ADD COLUMN     "staffUserId" TEXT,
ALTER COLUMN "accountId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "StaffSession" ADD COLUMN     "secondFactor" TEXT;

-- CreateTable
CREATE TABLE "StaffFactor" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "totpSecret" TEXT,
    "totpLastStep" INTEGER,
    "credentialId" TEXT,
    "publicKey" TEXT,
    "signCount" INTEGER,
    "transports" TEXT,

    CONSTRAINT "StaffFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffEvent" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "clientAddress" TEXT,
    "userAgent" TEXT,
    "details" TEXT,

    CONSTRAINT "StaffEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffFactor_credentialId_key" ON "StaffFactor"("credentialId");

-- CreateIndex
CREATE INDEX "StaffFactor_staffUserId_idx" ON "StaffFactor"("staffUserId");

-- CreateIndex
CREATE INDEX "StaffEvent_staffUserId_createdAt_idx" ON "StaffEvent"("staffUserId", "createdAt");

-- CreateIndex
CREATE INDEX "WebAuthnChallenge_staffUserId_idx" ON "WebAuthnChallenge"("staffUserId");

-- AddForeignKey
ALTER TABLE "WebAuthnChallenge" ADD CONSTRAINT "WebAuthnChallenge_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffFactor" ADD CONSTRAINT "StaffFactor_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffEvent" ADD CONSTRAINT "StaffEvent_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

