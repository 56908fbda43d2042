-- AlterTable
ALTER TABLE "CasualtyStatistic" ADD COLUMN     "claimantBeforeMergeId" UUID;

-- AlterTable
ALTER TABLE "Claimant" ADD COLUMN     "mergedAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" UUID;

-- CreateIndex
CREATE INDEX "CasualtyStatistic_claimantBeforeMergeId_idx" ON "CasualtyStatistic"("claimantBeforeMergeId");

-- CreateIndex
CREATE INDEX "Claimant_mergedIntoId_idx" ON "Claimant"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "Claimant" ADD CONSTRAINT "Claimant_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Claimant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyStatistic" ADD CONSTRAINT "CasualtyStatistic_claimantBeforeMergeId_fkey" FOREIGN KEY ("claimantBeforeMergeId") REFERENCES "Claimant"("id") ON DELETE SET NULL ON UPDATE CASCADE;
