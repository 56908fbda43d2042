-- DropForeignKey
ALTER TABLE "CasualtyStatistic" DROP CONSTRAINT "CasualtyStatistic_crisisId_fkey";

-- DropForeignKey
ALTER TABLE "Event" DROP CONSTRAINT "Event_crisisId_fkey";

-- DropIndex
DROP INDEX "Place_countryId_kind_name_key";

-- AlterTable
ALTER TABLE "CasualtyStatistic" ALTER COLUMN "crisisId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Country" ADD COLUMN     "alpha3" CHAR(3);

-- AlterTable
ALTER TABLE "Event" ALTER COLUMN "crisisId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Place" ADD COLUMN     "admin1Code" TEXT,
ADD COLUMN     "admin1Name" TEXT,
ADD COLUMN     "featureCode" TEXT,
ADD COLUMN     "geonameId" INTEGER;

-- CreateTable
CREATE TABLE "PlaceName" (
    "name" TEXT NOT NULL,
    "placeId" UUID NOT NULL,

    CONSTRAINT "PlaceName_pkey" PRIMARY KEY ("name","placeId")
);

-- CreateTable
CREATE TABLE "ReferenceData" (
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceData_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "PlaceName_placeId_idx" ON "PlaceName"("placeId");

-- CreateIndex
CREATE UNIQUE INDEX "Country_alpha3_key" ON "Country"("alpha3");

-- CreateIndex
CREATE UNIQUE INDEX "Place_geonameId_key" ON "Place"("geonameId");

-- CreateIndex
CREATE INDEX "Place_countryId_kind_name_idx" ON "Place"("countryId", "kind", "name");

-- CreateIndex
CREATE INDEX "Place_name_idx" ON "Place"("name");

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_crisisId_fkey" FOREIGN KEY ("crisisId") REFERENCES "Crisis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyStatistic" ADD CONSTRAINT "CasualtyStatistic_crisisId_fkey" FOREIGN KEY ("crisisId") REFERENCES "Crisis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceName" ADD CONSTRAINT "PlaceName_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;
