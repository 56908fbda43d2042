-- DropIndex
DROP INDEX "Article_contentHash_key";

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "alternateUrls" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Article_alternateUrls_idx" ON "Article" USING GIN ("alternateUrls");

-- CreateIndex
CREATE INDEX "Article_contentHash_idx" ON "Article"("contentHash");
