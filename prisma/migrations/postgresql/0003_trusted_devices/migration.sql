-- CreateTable
CREATE TABLE "RegisteredDevice" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegisteredDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrustedDevice" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "phoneNumber" TEXT,
    "registeredDeviceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "verifiedAt" TIMESTAMP(3),

    CONSTRAINT "TrustedDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationCode" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "trustedDeviceId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "wrongTries" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VerificationCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeSend" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "trustedDeviceId" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "clientAddress" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CodeSend_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegisteredDevice_deviceId_key" ON "RegisteredDevice"("deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "TrustedDevice_accountId_phoneNumber_key" ON "TrustedDevice"("accountId", "phoneNumber");

-- CreateIndex
CREATE UNIQUE INDEX "TrustedDevice_accountId_registeredDeviceId_key" ON "TrustedDevice"("accountId", "registeredDeviceId");

-- CreateIndex
CREATE INDEX "VerificationCode_accountId_purpose_trustedDeviceId_idx" ON "VerificationCode"("accountId", "purpose", "trustedDeviceId");

-- CreateIndex
CREATE INDEX "CodeSend_accountId_sentAt_idx" ON "CodeSend"("accountId", "sentAt");

-- CreateIndex
CREATE INDEX "CodeSend_destination_sentAt_idx" ON "CodeSend"("destination", "sentAt");

-- CreateIndex
CREATE INDEX "CodeSend_clientAddress_sentAt_idx" ON "CodeSend"("clientAddress", "sentAt");

-- AddForeignKey
ALTER TABLE "RegisteredDevice" ADD CONSTRAINT "RegisteredDevice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrustedDevice" ADD CONSTRAINT "TrustedDevice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrustedDevice" ADD CONSTRAINT "TrustedDevice_registeredDeviceId_fkey" FOREIGN KEY ("registeredDeviceId") REFERENCES "RegisteredDevice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationCode" ADD CONSTRAINT "VerificationCode_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationCode" ADD CONSTRAINT "VerificationCode_trustedDeviceId_fkey" FOREIGN KEY ("trustedDeviceId") REFERENCES "TrustedDevice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

