// A page of claims is one hand-built SQL statement (src/casualty/casualty-statistic.conditions.ts,
// src/data/root-page.ts). Every filter must select exactly what the same filter written as a
// Prisma query selects, in the same order, page after page, with the same total.
import type { Prisma } from "../../src/generated/prisma/client";
import { allPages } from "../helpers/all-pages";
import { createSyntheticCrisis, type SyntheticCrisis } from "../helpers/synthetic-data";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let crisis: SyntheticCrisis;
let place: { id: string; countryIsoCode: string };
let claims: { id: string; claimantId: string }[];

beforeAll(async () => {
  server = await startTestServer({ env: { RESPONSE_CACHE: "off" } });
  crisis = await createSyntheticCrisis(server.prisma, { articles: 30, tag: "claim-filter" });
  const seedPlace = await server.prisma.place.findFirstOrThrow({ where: { country: { isNot: null } }, include: { country: true } });
  place = { id: seedPlace.id, countryIsoCode: seedPlace.country!.isoCode };
  claims = await server.prisma.casualtyStatistic.findMany({ where: { crisisId: crisis.crisisId }, orderBy: { figureText: "asc" }, select: { id: true, claimantId: true } });
  const some = (every: number) => claims.filter((_, i) => i % every === 0).map((c) => c.id);
  const [first, second] = crisis.articleIds;
  await server.prisma.$transaction([
    // The first article revised by the second: its claims are an earlier version's.
    server.prisma.article.update({ where: { id: second }, data: { previousVersionId: first } }),
    server.prisma.casualtyStatistic.updateMany({ where: { id: { in: some(3) } }, data: { category: "KILLED", affectedGroup: "SECURITY_FORCES" } }),
    server.prisma.casualtyStatistic.updateMany({ where: { id: { in: some(4) } }, data: { status: "DISPUTED", reviewStatus: "CONFIRMED" } }),
    server.prisma.casualtyStatistic.updateMany({ where: { id: { in: some(5) } }, data: { placeId: place.id } }),
    // Undated: the column holds the ingestion day, which no report range holds.
    server.prisma.casualtyStatistic.updateMany({ where: { id: { in: some(7) } }, data: { reportedAtKnown: false } }),
    // An editor's correction: the corrected claim is hidden unless asked.
    server.prisma.casualtyStatistic.update({ where: { id: claims[10].id }, data: { correctionOfId: claims[11].id } }),
  ]);
});

afterAll(async () => {
  await server.prisma.casualtyStatistic.updateMany({ where: { crisisId: crisis.crisisId }, data: { correctionOfId: null } });
  await server.prisma.article.updateMany({ where: { id: { in: crisis.articleIds } }, data: { previousVersionId: null } });
  await crisis.remove();
  await server.stop();
});

interface Filter {
  reportedFrom?: string;
  reportedTo?: string;
  categories?: ("KILLED" | "DETAINED")[];
  affectedGroups?: ("ALL" | "SECURITY_FORCES")[];
  statuses?: ("CURRENT" | "DISPUTED")[];
  reviewStatuses?: ("UNREVIEWED" | "CONFIRMED")[];
  claimantId?: string;
  publisherId?: string;
  crisisId?: string;
  articleId?: string;
  placeId?: string;
  countryIsoCode?: string;
  includeCorrected?: boolean;
  includeEarlierVersions?: boolean;
}

/** The same filter as a Prisma query: the reference. */
function prismaWhere(filter: Filter): Prisma.CasualtyStatisticWhereInput {
  const where: Prisma.CasualtyStatisticWhereInput[] = [];
  if (filter.reportedFrom) where.push({ reportedAt: { gte: new Date(filter.reportedFrom) } });
  if (filter.reportedTo) where.push({ reportedAt: { lte: new Date(filter.reportedTo) } });
  if (filter.reportedFrom || filter.reportedTo) where.push({ reportedAtKnown: true });
  if (filter.categories) where.push({ category: { in: filter.categories } });
  if (filter.affectedGroups) where.push({ affectedGroup: { in: filter.affectedGroups } });
  if (filter.statuses) where.push({ status: { in: filter.statuses } });
  if (filter.reviewStatuses) where.push({ reviewStatus: { in: filter.reviewStatuses } });
  if (filter.claimantId) where.push({ claimantId: filter.claimantId });
  if (filter.publisherId) where.push({ article: { publisherId: filter.publisherId } });
  if (filter.crisisId) where.push({ crisisId: filter.crisisId });
  if (filter.articleId) where.push({ articleId: filter.articleId });
  if (filter.placeId) where.push({ placeId: filter.placeId });
  if (filter.countryIsoCode) where.push({ place: { country: { isoCode: filter.countryIsoCode.toUpperCase() } } });
  if (!filter.includeCorrected) where.push({ correctedBy: null });
  if (!filter.includeEarlierVersions) where.push({ article: { nextVersion: null } });
  return { AND: where };
}

const filters: [string, () => Filter][] = [
  ["no filter (latest versions, corrections in place of what they correct; the seed's too)", () => ({})],
  ["earlier versions and corrected claims too", () => ({ includeEarlierVersions: true, includeCorrected: true })],
  ["a crisis", () => ({ crisisId: crisis.crisisId })],
  ["a crisis, corrected claims too", () => ({ crisisId: crisis.crisisId, includeCorrected: true })],
  ["an earlier version's article, asked for", () => ({ articleId: crisis.articleIds[0], includeEarlierVersions: true })],
  ["a report range (undated claims left out)", () => ({ crisisId: crisis.crisisId, reportedFrom: "2030-01-05", reportedTo: "2030-01-12" })],
  ["only a start", () => ({ reportedFrom: "2030-01-20" })],
  ["only an end", () => ({ reportedTo: "2030-01-03", crisisId: crisis.crisisId })],
  ["categories and groups", () => ({ categories: ["KILLED"], affectedGroups: ["SECURITY_FORCES", "ALL"] })],
  ["statuses and review statuses", () => ({ statuses: ["DISPUTED"], reviewStatuses: ["CONFIRMED"] })],
  ["a claimant", () => ({ claimantId: claims[0].claimantId })],
  ["a publisher", () => ({ publisherId: crisis.publisherId })],
  ["a place", () => ({ placeId: place.id })],
  ["a country (lower case)", () => ({ countryIsoCode: place.countryIsoCode.toLowerCase() })],
  ["everything at once", () => ({ crisisId: crisis.crisisId, publisherId: crisis.publisherId, categories: ["KILLED", "DETAINED"], reportedFrom: "2030-01-02", includeCorrected: true })],
];

describe.each(filters)("%s", (_name, makeFilter) => {
  test.each([1, 7, 100])("pages of %i: the same claims in the same order as Prisma, the same total", async (first) => {
    const filter = makeFilter();
    const expected = await server.prisma.casualtyStatistic.findMany({ where: prismaWhere(filter), orderBy: [{ reportedAt: "desc" }, { id: "desc" }], select: { id: true } });
    const { ids, totalCount } = await allPages(server, "casualtyStatistics", "CasualtyStatisticFilter", filter, first);
    expect(ids).toEqual(expected.map((claim) => claim.id));
    expect(totalCount).toBe(expected.length);
  });
});

test("every filter above matches something here, so no comparison is of two empty lists", async () => {
  for (const [name, makeFilter] of filters) {
    const { ids } = await allPages(server, "casualtyStatistics", "CasualtyStatisticFilter", makeFilter(), 100);
    expect([name, ids.length > 0]).toEqual([name, true]);
  }
});

test("a page is one statement, whatever its size, with the claimants it fetches ahead", async () => {
  const document = `query ($first: Int, $crisisId: ID) { casualtyStatistics(first: $first, filter: { crisisId: $crisisId }) { edges { node { id best claimant { name } } } } }`;
  for (const first of [5, 50]) {
    server.resetSql();
    const response = await server.query<{ casualtyStatistics: { edges: unknown[] } }>(document, { first, crisisId: crisis.crisisId });
    expect(response.errors).toBeUndefined();
    expect(response.data!.casualtyStatistics.edges).toHaveLength(first);
    expect(server.sql).toHaveLength(1);
  }
});
