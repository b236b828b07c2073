-- CreateTable
CREATE TABLE "CountryOfferRequest" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "countryCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CountryOfferRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CountryOfferRequest_countryCode_idx" ON "CountryOfferRequest"("countryCode");

-- CreateIndex
CREATE UNIQUE INDEX "CountryOfferRequest_accountId_countryCode_key" ON "CountryOfferRequest"("accountId", "countryCode");

-- AddForeignKey
ALTER TABLE "CountryOfferRequest" ADD CONSTRAINT "CountryOfferRequest_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

