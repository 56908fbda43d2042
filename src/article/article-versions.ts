// Which rows belong to the current version of their page. A version is current
// while no later version names it as its previous one (Article.previousVersionId,
// unique and indexed): lists, filters and summaries show current versions and
// their claims and events unless asked for earlier ones (ingest.service.ts, "Versions").

/** SQL: the article with id `articleId` (a column or expression) is a current version; true for no article. */
export function currentVersionSql(articleId: string): string {
  return `NOT EXISTS (SELECT 1 FROM "Article" later WHERE later."previousVersionId" = ${articleId})`;
}

/** Prisma: the claim's article is a current version. */
export const CLAIM_OF_CURRENT_VERSION = { article: { nextVersion: null } } as const;

/** Prisma: the event's article (if it has one: seeded events may not) is a current version. */
export const EVENT_OF_CURRENT_VERSION = { OR: [{ articleId: null }, { article: { nextVersion: null } }] };
