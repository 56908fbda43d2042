// Editors confirm, reject or correct extracted claims. A correction is a new
// claim that points at the original, which stays as it was: the history of
// what was extracted and what an editor changed is never lost.
import type { CasualtyStatistic, Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import type { Caller } from "../auth/api-keys";
import { apiError, badInput, ErrorCode } from "../errors";
import { announceWrite } from "../cache/write-notifications";
import { figureRangeIsValid } from "./figures";

export type ReviewDecision = "CONFIRMED" | "REJECTED";

export interface Correction {
  category?: CasualtyStatistic["category"] | null;
  affectedGroup?: CasualtyStatistic["affectedGroup"] | null;
  affectedGroupText?: string | null;
  qualifier?: CasualtyStatistic["qualifier"] | null;
  figureText?: string | null;
  low?: number | null;
  best?: number | null;
  high?: number | null;
  claimantId?: string | null;
  reportedAt?: Date | null;
  status?: CasualtyStatistic["status"] | null;
  increment?: boolean | null;
  quoteStart?: number | null;
  quoteEnd?: number | null;
}

type Tx = Prisma.TransactionClient;

async function lockClaim(tx: Tx, id: string) {
  // FOR UPDATE: two editors acting on one claim at once are serialised.
  const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "CasualtyStatistic" WHERE id = $1::uuid FOR UPDATE`, id);
  if (locked.length === 0) throw apiError(ErrorCode.NOT_FOUND, `No casualty statistic with id ${id}`, { argumentName: "id" });
  const claim = await tx.casualtyStatistic.findUniqueOrThrow({ where: { id }, include: { correctedBy: { select: { id: true } } } });
  if (claim.correctedBy) {
    throw badInput(`Casualty statistic ${id} was corrected by ${claim.correctedBy.id}: review or correct that one`, "id");
  }
  return claim;
}

export function reviewClaim(prisma: PrismaClient, id: string, decision: ReviewDecision, caller: Caller, note: string | null) {
  return prisma.$transaction(async (tx) => {
    await lockClaim(tx, id);
    await announceWrite(tx);
    return tx.casualtyStatistic.update({
      where: { id },
      data: { reviewStatus: decision, reviewedAt: new Date(), reviewedBy: caller.label, reviewNote: note },
    });
  });
}

export function correctClaim(prisma: PrismaClient, id: string, correction: Correction, caller: Caller, note: string | null) {
  return prisma.$transaction(async (tx) => {
    const original = await lockClaim(tx, id);
    const pick = <K extends keyof Correction>(key: K, fallback: NonNullable<Correction[K]> | null) => (correction[key] ?? fallback) as NonNullable<Correction[K]>;
    const low = pick("low", original.low);
    const best = pick("best", original.best);
    const high = correction.high !== undefined ? correction.high : original.high;
    if (!figureRangeIsValid(low, best, high)) throw badInput(`Figures must satisfy 0 <= low <= best <= high, got ${low}/${best}/${high ?? "null"}`, "correction");

    const quoteStart = pick("quoteStart", original.quoteStart);
    const quoteEnd = pick("quoteEnd", original.quoteEnd);
    const article = await tx.article.findUniqueOrThrow({ where: { id: original.articleId }, select: { body: true, headline: true } });
    // A figure only the headline gives quotes the headline, at offsets -1.
    const inHeadline = quoteStart === -1 && quoteEnd === -1;
    if (!inHeadline && !(0 <= quoteStart && quoteStart < quoteEnd && quoteEnd <= article.body.length)) {
      throw badInput(`The quote must lie in the article body (0..${article.body.length}), got ${quoteStart}..${quoteEnd}`, "correction");
    }
    const claimantId = pick("claimantId", original.claimantId);
    if (correction.claimantId && !(await tx.claimant.findUnique({ where: { id: claimantId }, select: { id: true } }))) {
      throw badInput(`No claimant with id ${claimantId}`, "claimantId");
    }

    await announceWrite(tx);
    return tx.casualtyStatistic.create({
      data: {
        crisisId: original.crisisId,
        articleId: original.articleId,
        placeId: original.placeId,
        claimantId,
        category: pick("category", original.category),
        affectedGroup: pick("affectedGroup", original.affectedGroup),
        affectedGroupText: pick("affectedGroupText", original.affectedGroupText),
        qualifier: pick("qualifier", original.qualifier),
        figureText: pick("figureText", original.figureText),
        low,
        best,
        high,
        reportedAt: pick("reportedAt", original.reportedAt),
        // An editor's day is a known report day; otherwise the original's, known or not.
        reportedAtKnown: correction.reportedAt != null || original.reportedAtKnown,
        status: pick("status", original.status),
        increment: pick("increment", original.increment),
        via: original.via,
        subgroup: original.subgroup,
        placeText: original.placeText,
        quote: inHeadline ? article.headline : article.body.slice(quoteStart, quoteEnd),
        quoteStart,
        quoteEnd,
        // An editor stated it: full confidence, and confirmed by that act.
        confidence: 1,
        reviewStatus: "CONFIRMED",
        reviewedAt: new Date(),
        reviewedBy: caller.label,
        reviewNote: note,
        correctionOfId: original.id,
      },
    });
  });
}
