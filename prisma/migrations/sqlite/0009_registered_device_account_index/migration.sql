-- CreateIndex
CREATE INDEX "RegisteredDevice_accountId_idx" ON "RegisteredDevice"("accountId");
