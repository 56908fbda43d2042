-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "previousVersionId" UUID;

-- AlterTable
ALTER TABLE "CasualtyStatistic" ADD COLUMN     "correctionOfId" UUID,
ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedBy" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
ADD COLUMN     "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'UNREVIEWED';

-- CreateTable
CREATE TABLE "ArticleCountry" (
    "articleId" UUID NOT NULL,
    "countryId" UUID NOT NULL,

    CONSTRAINT "ArticleCountry_pkey" PRIMARY KEY ("articleId","countryId")
);

-- CreateIndex
CREATE INDEX "ArticleCountry_countryId_idx" ON "ArticleCountry"("countryId");

-- CreateIndex
CREATE UNIQUE INDEX "Article_previousVersionId_key" ON "Article"("previousVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "CasualtyStatistic_correctionOfId_key" ON "CasualtyStatistic"("correctionOfId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_previousVersionId_fkey" FOREIGN KEY ("previousVersionId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyStatistic" ADD CONSTRAINT "CasualtyStatistic_correctionOfId_fkey" FOREIGN KEY ("correctionOfId") REFERENCES "CasualtyStatistic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCountry" ADD CONSTRAINT "ArticleCountry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCountry" ADD CONSTRAINT "ArticleCountry_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
