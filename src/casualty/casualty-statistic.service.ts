import type { Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { CLAIM_OF_CURRENT_VERSION } from "../article/article-versions";
import { isoCode, optionalId } from "../graphql/filters";
import { PageArgs } from "../graphql/connection";
import { findPage } from "../data/keyset";
import { badInput } from "../errors";
import type { CasualtyStatisticFilter } from "./casualty-statistic.filter";

function casualtyStatisticWhere(filter: CasualtyStatisticFilter = {}): Prisma.CasualtyStatisticWhereInput {
  const where: Prisma.CasualtyStatisticWhereInput[] = [];
  if (filter.reportedFrom && filter.reportedTo && filter.reportedFrom > filter.reportedTo) {
    throw badInput('"reportedFrom" must not be after "reportedTo"', "reportedFrom");
  }
  if (filter.reportedFrom) where.push({ reportedAt: { gte: filter.reportedFrom } });
  if (filter.reportedTo) where.push({ reportedAt: { lte: filter.reportedTo } });
  // An undated claim's column holds its ingestion day, not a report day: no range holds it.
  if (filter.reportedFrom || filter.reportedTo) where.push({ reportedAtKnown: true });
  if (filter.statuses?.length) where.push({ status: { in: filter.statuses } });
  if (filter.categories?.length) where.push({ category: { in: filter.categories } });
  if (filter.affectedGroups?.length) where.push({ affectedGroup: { in: filter.affectedGroups } });
  if (filter.reviewStatuses?.length) where.push({ reviewStatus: { in: filter.reviewStatuses } });
  const claimantId = optionalId(filter.claimantId, "claimantId");
  if (claimantId) where.push({ claimantId });
  const publisherId = optionalId(filter.publisherId, "publisherId");
  if (publisherId) where.push({ article: { publisherId } });
  const crisisId = optionalId(filter.crisisId, "crisisId");
  if (crisisId) where.push({ crisisId });
  const articleId = optionalId(filter.articleId, "articleId");
  if (articleId) where.push({ articleId });
  const placeId = optionalId(filter.placeId, "placeId");
  if (placeId) where.push({ placeId });
  if (filter.countryIsoCode) where.push({ place: { country: { isoCode: isoCode(filter.countryIsoCode, "countryIsoCode") } } });
  if (!filter.includeCorrected) where.push({ correctedBy: null });
  if (!filter.includeEarlierVersions) where.push(CLAIM_OF_CURRENT_VERSION);
  return { AND: where };
}

/** Newest report first. */
export async function listCasualtyStatistics(prisma: PrismaClient, filter: CasualtyStatisticFilter | undefined, args: PageArgs) {
  const where = casualtyStatisticWhere(filter);
  return findPage(
    args,
    "reportedAt",
    "desc",
    ({ after, orderBy, take }) => prisma.casualtyStatistic.findMany({ where: { AND: [where, after] }, orderBy, take }),
    () => prisma.casualtyStatistic.count({ where }),
  );
}
