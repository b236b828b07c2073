-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CodeSend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "trustedDeviceId" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "clientAddress" TEXT,
    "budget" TEXT NOT NULL DEFAULT 'trusted',
    "sentAt" DATETIME NOT NULL
);
INSERT INTO "new_CodeSend" ("accountId", "clientAddress", "destination", "id", "sentAt", "trustedDeviceId") SELECT "accountId", "clientAddress", "destination", "id", "sentAt", "trustedDeviceId" FROM "CodeSend";
DROP TABLE "CodeSend";
ALTER TABLE "new_CodeSend" RENAME TO "CodeSend";
CREATE INDEX "CodeSend_accountId_sentAt_idx" ON "CodeSend"("accountId", "sentAt");
CREATE INDEX "CodeSend_destination_sentAt_idx" ON "CodeSend"("destination", "sentAt");
CREATE INDEX "CodeSend_clientAddress_sentAt_idx" ON "CodeSend"("clientAddress", "sentAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

