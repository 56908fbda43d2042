// The events filter as SQL conditions over the alias `e` (data/root-page.ts),
// every client value bound. Held to the same filter written as a Prisma query by
// test/event/event-filter.test.ts.
import { currentVersionSql } from "../article/article-versions";
import { isoCode, optionalId } from "../graphql/filters";
import { bindInstant, type Bind, type RootList } from "../data/root-page";
import { badInput } from "../errors";
import type { EventFilter } from "./event.filter";

/** In time order: earliest start first. */
export const EVENT_LIST: RootList = { table: '"Event"', model: "Event", alias: "e", sort: { column: "startDate", type: "date", direction: "ASC" } };

export function eventConditions(filter: EventFilter, bind: Bind): string[] {
  const conditions: string[] = [];
  if (filter.from && filter.to && filter.from > filter.to) throw badInput('"from" must not be after "to"', "from");
  // Overlap, not containment: a RANGE event that may have happened in the window counts.
  if (filter.from) conditions.push(`e."endDate" >= ${bindInstant(bind, filter.from, "date")}`);
  if (filter.to) conditions.push(`e."startDate" <= ${bindInstant(bind, filter.to, "date")}`);
  if (filter.types?.length) conditions.push(`e.type = ANY(${bind(filter.types)}::"EventType"[])`);
  const crisisId = optionalId(filter.crisisId, "crisisId");
  if (crisisId) conditions.push(`e."crisisId" = ${bind(crisisId)}::uuid`);
  const articleId = optionalId(filter.articleId, "articleId");
  if (articleId) conditions.push(`e."articleId" = ${bind(articleId)}::uuid`);
  const placeId = optionalId(filter.placeId, "placeId");
  if (placeId) conditions.push(`EXISTS (SELECT 1 FROM "EventPlace" ep WHERE ep."eventId" = e.id AND ep."placeId" = ${bind(placeId)}::uuid)`);
  if (filter.countryIsoCode) {
    const code = bind(isoCode(filter.countryIsoCode, "countryIsoCode"));
    conditions.push(
      `EXISTS (SELECT 1 FROM "EventPlace" ep JOIN "Place" pl ON pl.id = ep."placeId" JOIN "Country" co ON co.id = pl."countryId" WHERE ep."eventId" = e.id AND co."isoCode" = ${code})`,
    );
  }
  const publisherId = optionalId(filter.publisherId, "publisherId");
  if (publisherId) conditions.push(`EXISTS (SELECT 1 FROM "Article" ar WHERE ar.id = e."articleId" AND ar."publisherId" = ${bind(publisherId)}::uuid)`);
  // An event with no article (seeded ones may have none) is current.
  if (!filter.includeEarlierVersions) conditions.push(currentVersionSql(`e."articleId"`));
  return conditions;
}
