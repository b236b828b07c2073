-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PasswordReset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "method" TEXT NOT NULL DEFAULT 'email',
    "questionPair" TEXT NOT NULL,
    "wrongAnswers" INTEGER NOT NULL DEFAULT 0,
    "codeVerifiedAt" DATETIME,
    CONSTRAINT "PasswordReset_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PasswordReset" ("accountId", "createdAt", "expiresAt", "id", "questionPair", "usedAt", "wrongAnswers") SELECT "accountId", "createdAt", "expiresAt", "id", "questionPair", "usedAt", "wrongAnswers" FROM "PasswordReset";
DROP TABLE "PasswordReset";
ALTER TABLE "new_PasswordReset" RENAME TO "PasswordReset";
CREATE INDEX "PasswordReset_accountId_idx" ON "PasswordReset"("accountId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

