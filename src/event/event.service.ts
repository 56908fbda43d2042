import type { Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { EVENT_OF_CURRENT_VERSION } from "../article/article-versions";
import { isoCode, optionalId } from "../graphql/filters";
import { PageArgs } from "../graphql/connection";
import { findPage } from "../data/keyset";
import { badInput } from "../errors";
import type { EventFilter } from "./event.filter";

function eventWhere(filter: EventFilter = {}): Prisma.EventWhereInput {
  const where: Prisma.EventWhereInput[] = [];
  if (filter.from && filter.to && filter.from > filter.to) throw badInput('"from" must not be after "to"', "from");
  // Overlap, not containment: a RANGE event that may have happened in the window counts.
  if (filter.from) where.push({ endDate: { gte: filter.from } });
  if (filter.to) where.push({ startDate: { lte: filter.to } });
  if (filter.types?.length) where.push({ type: { in: filter.types } });
  const crisisId = optionalId(filter.crisisId, "crisisId");
  if (crisisId) where.push({ crisisId });
  const articleId = optionalId(filter.articleId, "articleId");
  if (articleId) where.push({ articleId });
  const placeId = optionalId(filter.placeId, "placeId");
  if (placeId) where.push({ places: { some: { placeId } } });
  if (filter.countryIsoCode) {
    where.push({ places: { some: { place: { country: { isoCode: isoCode(filter.countryIsoCode, "countryIsoCode") } } } } });
  }
  const publisherId = optionalId(filter.publisherId, "publisherId");
  if (publisherId) where.push({ article: { publisherId } });
  if (!filter.includeEarlierVersions) where.push(EVENT_OF_CURRENT_VERSION);
  return { AND: where };
}

/** In time order (earliest start first). */
export async function listEvents(prisma: PrismaClient, filter: EventFilter | undefined, args: PageArgs) {
  const where = eventWhere(filter);
  return findPage(
    args,
    "startDate",
    "asc",
    ({ after, orderBy, take }) => prisma.event.findMany({ where: { AND: [where, after] }, orderBy, take }),
    () => prisma.event.count({ where }),
  );
}
