// Two claimants that are one body become one (mergeClaimants): the claims of
// `from` move to `into` in one transaction, and nothing is lost: `from` stays
// with `mergedInto` and `mergedAt`, each moved claim keeps `from` as
// `claimantBeforeMerge`, and claimants merged into `from` before now point at
// `into` (merges never chain). Ingestion follows `mergedInto` (ingest.service.ts).
import type { Claimant } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { announceWrite } from "../cache/write-notifications";
import { apiError, ErrorCode } from "../errors";

export async function mergeClaimants(prisma: PrismaClient, intoId: string, fromId: string): Promise<Claimant> {
  if (intoId === fromId) throw apiError(ErrorCode.BAD_USER_INPUT, "A claimant cannot be merged into itself", { argumentName: "from", reason: "SAME_CLAIMANT" });
  return prisma.$transaction(async (tx) => {
    // Both rows locked, in id order: two merges of the same pair at once cannot deadlock or cross.
    const locked = await tx.$queryRawUnsafe<{ id: string; mergedIntoId: string | null }[]>(
      `SELECT id::text, "mergedIntoId"::text AS "mergedIntoId" FROM "Claimant" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [intoId, fromId],
    );
    const into = locked.find((row) => row.id === intoId);
    const from = locked.find((row) => row.id === fromId);
    if (!into) throw apiError(ErrorCode.NOT_FOUND, `No claimant with id ${intoId}`, { argumentName: "into" });
    if (!from) throw apiError(ErrorCode.NOT_FOUND, `No claimant with id ${fromId}`, { argumentName: "from" });
    if (from.mergedIntoId) throw apiError(ErrorCode.BAD_USER_INPUT, `Claimant ${fromId} was merged into ${from.mergedIntoId} already`, { argumentName: "from", reason: "ALREADY_MERGED" });
    if (into.mergedIntoId) {
      throw apiError(ErrorCode.BAD_USER_INPUT, `Claimant ${intoId} was merged into ${into.mergedIntoId}: merge into that one`, { argumentName: "into", reason: "ALREADY_MERGED" });
    }
    await tx.$executeRawUnsafe(
      `UPDATE "CasualtyStatistic" SET "claimantBeforeMergeId" = COALESCE("claimantBeforeMergeId", "claimantId"), "claimantId" = $1::uuid WHERE "claimantId" = $2::uuid`,
      intoId,
      fromId,
    );
    await tx.claimant.updateMany({ where: { mergedIntoId: fromId }, data: { mergedIntoId: intoId } });
    await tx.claimant.update({ where: { id: fromId }, data: { mergedIntoId: intoId, mergedAt: new Date() } });
    await announceWrite(tx);
    return tx.claimant.findUniqueOrThrow({ where: { id: intoId } });
  });
}
