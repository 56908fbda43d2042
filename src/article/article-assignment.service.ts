// An article, its claims and its events move to a crisis together, with every
// version of its page (one page's history stays under one crisis): one
// transaction, the versions' rows locked, so a concurrent move or ingestion
// revision never leaves claims under one crisis and their article under another.
import type { PrismaClient } from "../db/prisma";
import { announceWrite } from "../cache/write-notifications";
import { apiError, ErrorCode } from "../errors";

/** The article and every earlier and later version of its page. */
const VERSIONS_OF = `
  WITH RECURSIVE earlier AS (
    SELECT id, "previousVersionId" FROM "Article" WHERE id = $1::uuid
    UNION SELECT a.id, a."previousVersionId" FROM "Article" a JOIN earlier e ON a.id = e."previousVersionId"
  ), later AS (
    SELECT id FROM "Article" WHERE id = $1::uuid
    UNION SELECT a.id FROM "Article" a JOIN later l ON a."previousVersionId" = l.id
  )
  SELECT id FROM earlier UNION SELECT id FROM later`;

export async function assignArticleToCrisis(prisma: PrismaClient, articleId: string, crisisSlug: string): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const versions = (await tx.$queryRawUnsafe<{ id: string }[]>(VERSIONS_OF, articleId)).map((row) => row.id);
    const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Article" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, versions);
    if (!locked.length) throw apiError(ErrorCode.NOT_FOUND, `No article with id ${articleId}`, { argumentName: "articleId" });
    const crisis = await tx.crisis.findUnique({ where: { slug: crisisSlug }, select: { id: true } });
    if (!crisis) throw apiError(ErrorCode.NOT_FOUND, `No crisis with slug "${crisisSlug}"`, { argumentName: "crisisSlug" });
    await tx.article.updateMany({ where: { id: { in: versions } }, data: { crisisId: crisis.id } });
    await tx.casualtyStatistic.updateMany({ where: { articleId: { in: versions } }, data: { crisisId: crisis.id } });
    await tx.event.updateMany({ where: { articleId: { in: versions } }, data: { crisisId: crisis.id } });
    await announceWrite(tx);
    return articleId;
  });
}
