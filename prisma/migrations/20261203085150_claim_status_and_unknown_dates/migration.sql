-- CreateEnum
CREATE TYPE "PublishedAtSource" AS ENUM ('CALLER', 'METADATA', 'PAGE', 'URL', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('CURRENT', 'RETRACTED', 'SUPERSEDED', 'DISPUTED');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "publishedAtSource" "PublishedAtSource" NOT NULL DEFAULT 'PAGE';

-- AlterTable
ALTER TABLE "CasualtyStatistic" ADD COLUMN     "increment" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "placeText" TEXT,
ADD COLUMN     "reportedAtKnown" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "status" "ClaimStatus" NOT NULL DEFAULT 'CURRENT',
ADD COLUMN     "subgroup" TEXT,
ADD COLUMN     "via" TEXT;
