// The casualty statistics filter as SQL conditions over the alias `s`
// (data/root-page.ts), every client value bound. Held to the same filter
// written as a Prisma query by test/casualty/claim-filter.test.ts.
import { currentVersionSql } from "../article/article-versions";
import { isoCode, optionalId } from "../graphql/filters";
import { bindInstant, type Bind, type RootList } from "../data/root-page";
import { badInput } from "../errors";
import type { CasualtyStatisticFilter } from "./casualty-statistic.filter";

/** Newest report first. */
export const CASUALTY_STATISTIC_LIST: RootList = {
  table: '"CasualtyStatistic"',
  model: "CasualtyStatistic",
  alias: "s",
  sort: { column: "reportedAt", type: "date", direction: "DESC" },
};

const anyOf = (bind: Bind, values: readonly string[], type: string) => `ANY(${bind(values)}::"${type}"[])`;

export function casualtyStatisticConditions(filter: CasualtyStatisticFilter, bind: Bind): string[] {
  const conditions: string[] = [];
  if (filter.reportedFrom && filter.reportedTo && filter.reportedFrom > filter.reportedTo) {
    throw badInput('"reportedFrom" must not be after "reportedTo"', "reportedFrom");
  }
  if (filter.reportedFrom) conditions.push(`s."reportedAt" >= ${bindInstant(bind, filter.reportedFrom, "date")}`);
  if (filter.reportedTo) conditions.push(`s."reportedAt" <= ${bindInstant(bind, filter.reportedTo, "date")}`);
  // An undated claim's column holds its ingestion day, not a report day: no range holds it.
  if (filter.reportedFrom || filter.reportedTo) conditions.push(`s."reportedAtKnown"`);
  if (filter.statuses?.length) conditions.push(`s.status = ${anyOf(bind, filter.statuses, "ClaimStatus")}`);
  if (filter.categories?.length) conditions.push(`s.category = ${anyOf(bind, filter.categories, "CasualtyCategory")}`);
  if (filter.affectedGroups?.length) conditions.push(`s."affectedGroup" = ${anyOf(bind, filter.affectedGroups, "AffectedGroup")}`);
  if (filter.reviewStatuses?.length) conditions.push(`s."reviewStatus" = ${anyOf(bind, filter.reviewStatuses, "ReviewStatus")}`);
  const claimantId = optionalId(filter.claimantId, "claimantId");
  if (claimantId) conditions.push(`s."claimantId" = ${bind(claimantId)}::uuid`);
  const publisherId = optionalId(filter.publisherId, "publisherId");
  if (publisherId) conditions.push(`EXISTS (SELECT 1 FROM "Article" ar WHERE ar.id = s."articleId" AND ar."publisherId" = ${bind(publisherId)}::uuid)`);
  const crisisId = optionalId(filter.crisisId, "crisisId");
  if (crisisId) conditions.push(`s."crisisId" = ${bind(crisisId)}::uuid`);
  const articleId = optionalId(filter.articleId, "articleId");
  if (articleId) conditions.push(`s."articleId" = ${bind(articleId)}::uuid`);
  const placeId = optionalId(filter.placeId, "placeId");
  if (placeId) conditions.push(`s."placeId" = ${bind(placeId)}::uuid`);
  if (filter.countryIsoCode) {
    const code = bind(isoCode(filter.countryIsoCode, "countryIsoCode"));
    conditions.push(`EXISTS (SELECT 1 FROM "Place" pl JOIN "Country" co ON co.id = pl."countryId" WHERE pl.id = s."placeId" AND co."isoCode" = ${code})`);
  }
  // A correction replaces the claim it corrects: that one is left out unless asked.
  if (!filter.includeCorrected) conditions.push(`NOT EXISTS (SELECT 1 FROM "CasualtyStatistic" k WHERE k."correctionOfId" = s.id)`);
  if (!filter.includeEarlierVersions) conditions.push(currentVersionSql(`s."articleId"`));
  return conditions;
}
