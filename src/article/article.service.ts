import type { Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { dateRange, isoCode, optionalId } from "../common/filters";
import { findPage, PageArgs } from "../common/pagination";
import { badInput } from "../errors";
import type { ArticleFilter } from "./article.filter";
import { WITHOUT_BODY } from "./article.loader";

const MAX_SEARCH_WORDS = 10;

function articleWhere(filter: ArticleFilter = {}): Prisma.ArticleWhereInput {
  const where: Prisma.ArticleWhereInput[] = [];
  const publishedAt = dateRange(filter.publishedFrom, filter.publishedTo, ["publishedFrom", "publishedTo"]);
  if (publishedAt) where.push({ publishedAt });
  const publisherId = optionalId(filter.publisherId, "publisherId");
  if (publisherId) where.push({ publisherId });
  const crisisId = optionalId(filter.crisisId, "crisisId");
  if (crisisId) where.push({ crisisId });
  const placeId = optionalId(filter.placeId, "placeId");
  if (placeId) where.push({ mentionedPlaces: { some: { placeId } } });
  if (filter.countryIsoCode) {
    where.push({ mentionedPlaces: { some: { place: { country: { isoCode: isoCode(filter.countryIsoCode, "countryIsoCode") } } } } });
  }
  if (filter.search != null) {
    const words = filter.search.split(/\s+/).filter(Boolean);
    if (words.length === 0) throw badInput('"search" must contain at least one word', "search");
    if (words.length > MAX_SEARCH_WORDS) throw badInput(`"search" takes at most ${MAX_SEARCH_WORDS} words`, "search");
    for (const word of words) {
      where.push({
        OR: [
          { headline: { contains: word, mode: "insensitive" } },
          { alternativeHeadline: { contains: word, mode: "insensitive" } },
          { body: { contains: word, mode: "insensitive" } },
        ],
      });
    }
  }
  if (!filter.includeEarlierVersions) where.push({ nextVersion: null });
  return { AND: where };
}

/**
 * Newest first. `columns`: read only these (the selection's, see
 * article.resolver.ts); all but the body when not given.
 */
export async function listArticles(prisma: PrismaClient, filter: ArticleFilter | undefined, args: PageArgs, columns?: readonly string[]) {
  const where = articleWhere(filter);
  const select = columns && (Object.fromEntries(columns.map((column) => [column, true])) as Prisma.ArticleSelect);
  return findPage(
    args,
    "publishedAt",
    "desc",
    ({ after, orderBy, take }) =>
      select
        ? prisma.article.findMany({ where: { AND: [where, after] }, orderBy, take, select })
        : prisma.article.findMany({ where: { AND: [where, after] }, orderBy, take, omit: WITHOUT_BODY }),
    () => prisma.article.count({ where }),
  );
}
