// Reading articles: a page (filtered, newest first) or articles by id, each
// with the columns the query needs and whatever it fetches ahead below them,
// in one SQL statement (data/root-page.ts, data/preload.ts pageSql).
import { currentVersionSql } from "./article-versions";
import type { PrismaClient } from "../db/prisma";
import { dateRange, isoCode, optionalId } from "../graphql/filters";
import type { GraphQLResolveInfo } from "graphql";
import { COLUMNS } from "../data/json-rows";
import type { PageArgs } from "../graphql/connection";
import { bindInstant, readRootPage, type Bind, type RootList } from "../data/root-page";
import { badInput } from "../errors";
import { pagePlan, selectedFieldNames, type PagePlan, type PreloadPlan, type PreloadRegistry, type RowPath } from "../data/preload";
import type { ArticleFilter } from "./article.filter";
import { articlesById } from "./article.loader";
import type { Article } from "./article.type";

const MAX_SEARCH_WORDS = 10;
/** Longest `search` text, in characters: ten long words and the spaces between them. */
export const MAX_SEARCH_LENGTH = 200;
/** The text search configuration of the searchVector column (migration article_full_text_search): English stemming and stop words. */
const SEARCH_CONFIG = "english";

// Columns an Article row needs when a selected field has a resolver of its own: its
// key, the keys those resolvers follow, and the sort key cursors are made of.
const KEY_COLUMNS = ["id", "publisherId", "crisisId", "previousVersionId", "publishedAt"];
// The publishedAt field reads publishedAtSource too: the column is a publication time only when that is not UNKNOWN.
const PUBLISHED_AT_SOURCE = "publishedAtSource";

/**
 * The columns articles need for this query: the selected fields
 * that are plain columns (not `body`, which has its own loader), the id and
 * the cursors' sort key; and the keys too, unless every other selected field
 * is a relation fetched ahead. Half a row is about half the JSON for
 * PostgreSQL to build and for us to parse.
 */
function articleColumns(info: GraphQLResolveInfo, path: RowPath, plan: PreloadPlan): string[] {
  const selected = [...selectedFieldNames(info, path)].filter((name) => !name.startsWith("__"));
  const columns = selected.filter((name) => COLUMNS.Article.has(name) && name !== "body");
  const fetchedAhead = new Set(plan.root.relations.map((relation) => relation.field));
  const plain = selected.every((name) => columns.includes(name) || fetchedAhead.has(name));
  const source = selected.includes("publishedAt") ? [PUBLISHED_AT_SOURCE] : [];
  return [...new Set([...(plain ? ["id", "publishedAt"] : KEY_COLUMNS), ...columns, ...source])];
}

/** How to read articles at `path` below the root field, for this query (data/preload.ts pagePlan). */
export function articlePlan(info: GraphQLResolveInfo, path: RowPath, preloads: PreloadRegistry): PagePlan {
  return pagePlan(info, "Article", path, articleColumns, preloads);
}

/**
 * The search words as one text for plainto_tsquery, which keeps the words
 * (letters and digits) of it, drops English stop words ("the", "of") and
 * punctuation, stems the rest ("rises" → "rise") and requires every one
 * (AND), against the GIN-indexed searchVector of headline, standfirst and body.
 * Refused before any SQL when it is too long or has no word at all.
 */
function searchText(search: string): string {
  if (search.length > MAX_SEARCH_LENGTH) {
    throw badInput(`"search" takes at most ${MAX_SEARCH_LENGTH} characters, got ${search.length}`, "search");
  }
  const words = search.split(/\s+/).filter(Boolean);
  if (!words.some((word) => /[\p{L}\p{N}]/u.test(word))) throw badInput('"search" must contain at least one word (letters or digits)', "search");
  if (words.length > MAX_SEARCH_WORDS) throw badInput(`"search" takes at most ${MAX_SEARCH_WORDS} words`, "search");
  return words.join(" ");
}

/** Newest first. */
const ARTICLE_LIST: RootList = { table: '"Article"', model: "Article", alias: "a", sort: { column: "publishedAt", type: "timestamp", direction: "DESC" } };

/** The filter as SQL conditions over the alias `a`; every value from the client bound. */
function articleConditions(filter: ArticleFilter, bind: Bind): string[] {
  const conditions: string[] = [];
  const publishedAt = dateRange(filter.publishedFrom, filter.publishedTo, ["publishedFrom", "publishedTo"]);
  if (publishedAt?.gte) conditions.push(`a."publishedAt" >= ${bindInstant(bind, publishedAt.gte, "timestamp")}`);
  if (publishedAt?.lt) conditions.push(`a."publishedAt" < ${bindInstant(bind, publishedAt.lt, "timestamp")}`);
  // An undated article's column holds when it was ingested, not a publication time: no range holds it.
  if (publishedAt) conditions.push(`a."publishedAtSource" <> 'UNKNOWN'`);
  if (filter.publishedAtSources?.length) conditions.push(`a."publishedAtSource" = ANY(${bind(filter.publishedAtSources)}::"PublishedAtSource"[])`);
  const publisherId = optionalId(filter.publisherId, "publisherId");
  if (publisherId) conditions.push(`a."publisherId" = ${bind(publisherId)}::uuid`);
  const crisisId = optionalId(filter.crisisId, "crisisId");
  if (crisisId) conditions.push(`a."crisisId" = ${bind(crisisId)}::uuid`);
  if (filter.unassigned != null) {
    if (crisisId && filter.unassigned) throw badInput('"unassigned: true" and "crisisId" exclude each other', "unassigned");
    conditions.push(filter.unassigned ? `a."crisisId" IS NULL` : `a."crisisId" IS NOT NULL`);
  }
  const placeId = optionalId(filter.placeId, "placeId");
  if (placeId) conditions.push(`EXISTS (SELECT 1 FROM "ArticlePlace" ap WHERE ap."articleId" = a.id AND ap."placeId" = ${bind(placeId)}::uuid)`);
  if (filter.countryIsoCode) {
    const code = bind(isoCode(filter.countryIsoCode, "countryIsoCode"));
    conditions.push(
      `EXISTS (SELECT 1 FROM "ArticlePlace" ap JOIN "Place" pl ON pl.id = ap."placeId" JOIN "Country" co ON co.id = pl."countryId" WHERE ap."articleId" = a.id AND co."isoCode" = ${code})`,
    );
  }
  if (filter.search != null) conditions.push(`a."searchVector" @@ plainto_tsquery('${SEARCH_CONFIG}', ${bind(searchText(filter.search))})`);
  // The latest version of each page unless asked: no other version names this one as its previous.
  if (!filter.includeEarlierVersions) conditions.push(currentVersionSql("a.id"));
  return conditions;
}

/** Newest first; `plan` says which columns and which relations below to read (data/preload.ts pagePlan). */
export function listArticles(prisma: PrismaClient, filter: ArticleFilter | undefined, args: PageArgs, plan: PagePlan) {
  return readRootPage<Article>(prisma, ARTICLE_LIST, plan, args, (bind) => articleConditions(filter ?? {}, bind));
}

/** One article by id (articlesById); null when there is none. */
export async function findArticle(prisma: PrismaClient, id: string, plan: PagePlan): Promise<Article | null> {
  const [article] = await articlesById(prisma, [id], plan);
  return article ?? null;
}
