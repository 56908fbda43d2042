// An article, its claims and its events move to a crisis together: one
// transaction, the article's row locked, so a concurrent move or ingestion
// revision never leaves claims under one crisis and their article under another.
import type { PrismaClient } from "../db/prisma";
import { announceWrite } from "../cache/write-notifications";
import { apiError, ErrorCode } from "../errors";

export async function assignArticleToCrisis(prisma: PrismaClient, articleId: string, crisisSlug: string): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Article" WHERE id = $1::uuid FOR UPDATE`, articleId);
    if (!locked.length) throw apiError(ErrorCode.NOT_FOUND, `No article with id ${articleId}`, { argumentName: "articleId" });
    const crisis = await tx.crisis.findUnique({ where: { slug: crisisSlug }, select: { id: true } });
    if (!crisis) throw apiError(ErrorCode.NOT_FOUND, `No crisis with slug "${crisisSlug}"`, { argumentName: "crisisSlug" });
    await tx.article.update({ where: { id: articleId }, data: { crisisId: crisis.id } });
    await tx.casualtyStatistic.updateMany({ where: { articleId }, data: { crisisId: crisis.id } });
    await tx.event.updateMany({ where: { articleId }, data: { crisisId: crisis.id } });
    await announceWrite(tx);
    return articleId;
  });
}
