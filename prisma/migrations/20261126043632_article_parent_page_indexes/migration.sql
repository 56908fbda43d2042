-- DropIndex
DROP INDEX "Article_crisisId_idx";

-- DropIndex
DROP INDEX "Article_publisherId_idx";

-- CreateIndex
CREATE INDEX "Article_publisherId_publishedAt_id_idx" ON "Article"("publisherId", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_crisisId_publishedAt_id_idx" ON "Article"("crisisId", "publishedAt", "id");
