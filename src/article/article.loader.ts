import type { Article as ArticleRow, ArticleImage, RelatedLink } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { childPageLoaders } from "../common/child-pages";
import { byIdLoader, groupLoader, LoaderOptions, rowLoader } from "../common/loaders";

const articlesNewestFirst = { sortColumn: "publishedAt", sortType: "timestamp", direction: "DESC" } as const;

/** Every Article column but `body`, which is loaded only when a query asks for it. */
export const ARTICLE_LIST_COLUMNS = `a.id, a."publisherId", a."crisisId", a.url, a."contentHash", a.headline, a."alternativeHeadline", a.section,
  a.byline, a.language, a."publishedAt", a."publishedText", a."previousVersionId", a."createdAt", a."updatedAt"`;
export const WITHOUT_BODY = { body: true } as const;

/** Like the root `articles` list: a page replaced by a later revision is left out. */
const LATEST_VERSIONS = `NOT EXISTS (SELECT 1 FROM "Article" n WHERE n."previousVersionId" = a.id)`;

export function createArticleLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<ArticleRow>(prisma, "Article", options, ARTICLE_LIST_COLUMNS.replace(/\ba\./g, "t.")),
    body: rowLoader(
      (ids: string[]) => prisma.article.findMany({ where: { id: { in: ids } }, select: { id: true, body: true } }),
      (row) => row.id,
      options,
    ),
    images: groupLoader(
      (ids: string[]) => prisma.articleImage.findMany({ where: { articleId: { in: ids } }, orderBy: { position: "asc" } }),
      (row: ArticleImage) => row.articleId,
      options,
    ),
    relatedLinks: groupLoader(
      (ids: string[]) => prisma.relatedLink.findMany({ where: { articleId: { in: ids } }, orderBy: { position: "asc" } }),
      (row: RelatedLink) => row.articleId,
      options,
    ),
    /** The revision that replaced an article, keyed by the article it replaces. */
    nextVersionOf: rowLoader(
      (ids: string[]) => prisma.article.findMany({ where: { previousVersionId: { in: ids } }, omit: WITHOUT_BODY }),
      (row) => row.previousVersionId as string,
      options,
    ),
    byPublisher: childPageLoaders<ArticleRow>(
      prisma,
      { from: `SELECT ${ARTICLE_LIST_COLUMNS}, a."publisherId" AS "parentKey" FROM "Article" a WHERE ${LATEST_VERSIONS}`, ...articlesNewestFirst, indexedPerParent: true },
      options,
    ),
    byCrisis: childPageLoaders<ArticleRow>(
      prisma,
      { from: `SELECT ${ARTICLE_LIST_COLUMNS}, a."crisisId" AS "parentKey" FROM "Article" a WHERE ${LATEST_VERSIONS}`, ...articlesNewestFirst, indexedPerParent: true },
      options,
    ),
    mentioningPerson: childPageLoaders<ArticleRow>(
      prisma,
      {
        from: `SELECT ${ARTICLE_LIST_COLUMNS}, m."personId" AS "parentKey" FROM "Article" a JOIN "ArticlePerson" m ON m."articleId" = a.id WHERE ${LATEST_VERSIONS}`,
        ...articlesNewestFirst,
      },
      options,
    ),
    mentioningCountry: childPageLoaders<ArticleRow>(
      prisma,
      {
        from: `SELECT ${ARTICLE_LIST_COLUMNS}, m."countryId" AS "parentKey" FROM "Article" a JOIN "ArticleCountry" m ON m."articleId" = a.id WHERE ${LATEST_VERSIONS}`,
        ...articlesNewestFirst,
      },
      options,
    ),
    mentioningPlace: childPageLoaders<ArticleRow>(
      prisma,
      {
        from: `SELECT ${ARTICLE_LIST_COLUMNS}, m."placeId" AS "parentKey" FROM "Article" a JOIN "ArticlePlace" m ON m."articleId" = a.id WHERE ${LATEST_VERSIONS}`,
        ...articlesNewestFirst,
      },
      options,
    ),
  };
}
