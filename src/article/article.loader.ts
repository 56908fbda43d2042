import type { Article as ArticleRow, ArticleImage, Country as CountryRow, Person as PersonRow, Place as PlaceRow, RelatedLink } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { childPageLoaders } from "../data/child-pages";
import type DataLoader from "dataloader";
import { byIdLoader, groupLoader, LoaderOptions, rowLoader, sqlGroupLoader } from "../data/loaders";
import { pageSql, readPage, type PagePlan, type PreloadRegistry } from "../data/preload";
import { currentVersionSql } from "./article-versions";

const articlesNewestFirst = { sortColumn: "publishedAt", sortType: "timestamp", direction: "DESC" } as const;

/** Every Article column but `body`, which is loaded only when a query asks for it. */
export const ARTICLE_LIST_COLUMNS = `a.id, a."publisherId", a."crisisId", a.url, a."alternateUrls", a."contentHash", a.headline, a."alternativeHeadline", a.section,
  a.byline, a.language, a."publishedAt", a."publishedAtSource", a."publishedText", a."previousVersionId", a."createdAt", a."updatedAt"`;
export const WITHOUT_BODY = { body: true } as const;

/** Like the root `articles` list: a page replaced by a later revision is left out. */
const LATEST_VERSIONS = currentVersionSql("a.id");

/** Articles by id, read as rows of a page (articlePlan), in no particular order; the ids not found are left out. */
export async function articlesById(prisma: PrismaClient, ids: readonly string[], plan: PagePlan): Promise<ArticleRow[]> {
  const [{ page: pageJson }] = await prisma.$queryRawUnsafe<{ page: string }[]>(pageSql(plan, `SELECT * FROM "Article" a WHERE a.id = ANY($1::uuid[])`, null), ids);
  return readPage(plan, pageJson, "Article") as unknown as ArticleRow[];
}

/** Article.publisher, fetched ahead for a page (data/preload.ts) as `byId` fetches it. */
export const articlePreloads: PreloadRegistry = {
  Article: {
    publisher: {
      type: "Publisher",
      many: false,
      from: (article, publisher) => `FROM "Publisher" ${publisher} WHERE ${publisher}.id = ${article}."publisherId"`,
      model: "Publisher",
    },
  },
};

export function createArticleLoaders(prisma: PrismaClient, options: LoaderOptions) {
  const byIdFor = new WeakMap<PagePlan, DataLoader<string, ArticleRow | null>>();
  return {
    byId: byIdLoader<ArticleRow>(prisma, "Article", options, ARTICLE_LIST_COLUMNS.replace(/\ba\./g, "t.")),
    /**
     * Articles by id with what one query's selection needs (article.service.ts articlePlan):
     * the columns, and the relations fetched ahead, all in the batch's one statement.
     */
    byIdFor(plan: PagePlan): DataLoader<string, ArticleRow | null> {
      let loader = byIdFor.get(plan);
      if (!loader) byIdFor.set(plan, (loader = rowLoader((ids: string[]) => articlesById(prisma, ids, plan), (row) => row.id, options)));
      return loader;
    },
    bodyById: rowLoader(
      (ids: string[]) => prisma.article.findMany({ where: { id: { in: ids } }, select: { id: true, body: true } }),
      (row) => row.id,
      options,
    ),
    articleImages: groupLoader(
      (ids: string[]) => prisma.articleImage.findMany({ where: { articleId: { in: ids } }, orderBy: { position: "asc" } }),
      (row: ArticleImage) => row.articleId,
      options,
    ),
    articleRelatedLinks: groupLoader(
      (ids: string[]) => prisma.relatedLink.findMany({ where: { articleId: { in: ids } }, orderBy: { position: "asc" } }),
      (row: RelatedLink) => row.articleId,
      options,
    ),
    /** The revision that replaced an article, keyed by the article it replaces. */
    articleNextVersion: rowLoader(
      (ids: string[]) => prisma.article.findMany({ where: { previousVersionId: { in: ids } }, omit: WITHOUT_BODY }),
      (row) => row.previousVersionId as string,
      options,
    ),
    articleMentionedPeople: sqlGroupLoader<PersonRow>(
      prisma,
      `SELECT p.*, m."articleId" AS "parentKey" FROM "Person" p JOIN "ArticlePerson" m ON m."personId" = p.id
       WHERE m."articleId" = ANY($1::uuid[]) ORDER BY p.name, p.id`,
      options,
    ),
    articleMentionedPlaces: sqlGroupLoader<PlaceRow>(
      prisma,
      `SELECT p.*, m."articleId" AS "parentKey" FROM "Place" p JOIN "ArticlePlace" m ON m."placeId" = p.id
       WHERE m."articleId" = ANY($1::uuid[]) ORDER BY p.kind, p.name, p.id`,
      options,
    ),
    articleMentionedCountries: sqlGroupLoader<CountryRow>(
      prisma,
      `SELECT c.*, m."articleId" AS "parentKey" FROM "Country" c JOIN "ArticleCountry" m ON m."countryId" = c.id
       WHERE m."articleId" = ANY($1::uuid[]) ORDER BY c.name, c.id`,
      options,
    ),
    publisherArticles: childPageLoaders<ArticleRow>(
      prisma,
      { from: `SELECT ${ARTICLE_LIST_COLUMNS}, a."publisherId" AS "parentKey" FROM "Article" a WHERE ${LATEST_VERSIONS}`, ...articlesNewestFirst, indexedPerParent: true },
      options,
    ),
    crisisArticles: childPageLoaders<ArticleRow>(
      prisma,
      { from: `SELECT ${ARTICLE_LIST_COLUMNS}, a."crisisId" AS "parentKey" FROM "Article" a WHERE ${LATEST_VERSIONS}`, ...articlesNewestFirst, indexedPerParent: true },
      options,
    ),
    personArticles: childPageLoaders<ArticleRow>(
      prisma,
      {
        from: `SELECT ${ARTICLE_LIST_COLUMNS}, m."personId" AS "parentKey" FROM "Article" a JOIN "ArticlePerson" m ON m."articleId" = a.id WHERE ${LATEST_VERSIONS}`,
        ...articlesNewestFirst,
      },
      options,
    ),
    countryArticles: childPageLoaders<ArticleRow>(
      prisma,
      {
        from: `SELECT ${ARTICLE_LIST_COLUMNS}, m."countryId" AS "parentKey" FROM "Article" a JOIN "ArticleCountry" m ON m."articleId" = a.id WHERE ${LATEST_VERSIONS}`,
        ...articlesNewestFirst,
      },
      options,
    ),
    placeArticles: childPageLoaders<ArticleRow>(
      prisma,
      {
        from: `SELECT ${ARTICLE_LIST_COLUMNS}, m."placeId" AS "parentKey" FROM "Article" a JOIN "ArticlePlace" m ON m."articleId" = a.id WHERE ${LATEST_VERSIONS}`,
        ...articlesNewestFirst,
      },
      options,
    ),
  };
}
