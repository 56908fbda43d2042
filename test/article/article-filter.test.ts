// A page of articles is one hand-built SQL statement (src/article/article.service.ts).
// Every filter must select exactly what the same filter written as a Prisma
// query selects, in the same order, page after page, with the same total.
import type { Prisma } from "../../src/generated/prisma/client";
import { createSyntheticCrisis, type SyntheticCrisis } from "../helpers/synthetic-data";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let crisis: SyntheticCrisis;
let place: { id: string; countryIsoCode: string };

beforeAll(async () => {
  server = await startTestServer({ env: { RESPONSE_CACHE: "off" } });
  crisis = await createSyntheticCrisis(server.prisma, { articles: 40, tag: "article-filter" });
  const seedPlace = await server.prisma.place.findFirstOrThrow({ where: { country: { isNot: null } }, include: { country: true } });
  place = { id: seedPlace.id, countryIsoCode: seedPlace.country!.isoCode };
  const [first, second, third] = crisis.articleIds;
  await server.prisma.$transaction([
    // Two revisions: the first article revised by the second, the second by the third.
    server.prisma.article.update({ where: { id: second }, data: { previousVersionId: first } }),
    server.prisma.article.update({ where: { id: third }, data: { previousVersionId: second } }),
    server.prisma.articlePlace.createMany({ data: crisis.articleIds.filter((_, i) => i % 4 === 0).map((articleId) => ({ articleId, placeId: place.id })) }),
    server.prisma.article.update({ where: { id: crisis.articleIds[5] }, data: { headline: "Synthetic 100% turnout_at the square" } }),
    // Undated pages: their publishedAt column is only the sort key (the ingestion time), inside the ranges below.
    server.prisma.article.updateMany({ where: { id: { in: [crisis.articleIds[12], crisis.articleIds[30]] } }, data: { publishedAtSource: "UNKNOWN" } }),
    // Filed under no crisis (one of them a revised version's first, hidden by default).
    server.prisma.article.updateMany({ where: { id: { in: [first, crisis.articleIds[7], crisis.articleIds[21]] } }, data: { crisisId: null } }),
  ]);
});

afterAll(async () => {
  // Back under the crisis, so its removal takes them too.
  await server.prisma.article.updateMany({ where: { id: { in: crisis.articleIds } }, data: { crisisId: crisis.crisisId } });
  await server.prisma.articlePlace.deleteMany({ where: { articleId: { in: crisis.articleIds } } });
  await server.prisma.article.updateMany({ where: { id: { in: crisis.articleIds } }, data: { previousVersionId: null } });
  await crisis.remove();
  await server.stop();
});

interface Filter {
  publishedFrom?: string;
  publishedTo?: string;
  publishedAtSources?: ("CALLER" | "METADATA" | "PAGE" | "URL" | "UNKNOWN")[];
  publisherId?: string;
  crisisId?: string;
  unassigned?: boolean;
  placeId?: string;
  countryIsoCode?: string;
  search?: string;
  includeEarlierVersions?: boolean;
}

/**
 * The articles a search matches, by PostgreSQL's full-text search computed here from the
 * columns themselves (not the stored searchVector, nor its index): every word, stemmed.
 */
async function searchMatches(search: string): Promise<string[]> {
  const rows = await server.prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM "Article" WHERE to_tsvector('english', headline || ' ' || coalesce("alternativeHeadline", '') || ' ' || body) @@ plainto_tsquery('english', $1)`,
    search,
  );
  return rows.map((row) => row.id);
}

/** The same filter as a Prisma query: the reference. */
async function prismaWhere(filter: Filter): Promise<Prisma.ArticleWhereInput> {
  const where: Prisma.ArticleWhereInput[] = [];
  if (filter.publishedFrom) where.push({ publishedAt: { gte: new Date(filter.publishedFrom) } });
  if (filter.publishedTo) where.push({ publishedAt: { lt: new Date(filter.publishedTo) } });
  // No publication range holds an undated article.
  if (filter.publishedFrom || filter.publishedTo) where.push({ publishedAtSource: { not: "UNKNOWN" } });
  if (filter.publishedAtSources) where.push({ publishedAtSource: { in: filter.publishedAtSources } });
  if (filter.publisherId) where.push({ publisherId: filter.publisherId });
  if (filter.crisisId) where.push({ crisisId: filter.crisisId });
  if (filter.unassigned != null) where.push({ crisisId: filter.unassigned ? null : { not: null } });
  if (filter.placeId) where.push({ mentionedPlaces: { some: { placeId: filter.placeId } } });
  if (filter.countryIsoCode) where.push({ mentionedPlaces: { some: { place: { country: { isoCode: filter.countryIsoCode.toUpperCase() } } } } });
  if (filter.search != null) where.push({ id: { in: await searchMatches(filter.search) } });
  if (!filter.includeEarlierVersions) where.push({ nextVersion: null });
  return { AND: where };
}

const PAGE = `query ($filter: ArticleFilter, $first: Int, $after: String) {
  articles(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id publishedAt } }
  }
}`;

interface PageData {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

/** Every page of the filter, `first` at a time, over HTTP. */
async function allPages(filter: Filter, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 0; pages < 100; pages++) {
    const response = await server.query<{ articles: PageData }>(PAGE, { filter, first, after });
    expect(response.errors).toBeUndefined();
    const connection: PageData = response.data!.articles;
    totalCount = connection.totalCount;
    ids.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { ids, totalCount };
}

const filters: [string, () => Filter][] = [
  ["no filter (latest versions only)", () => ({})],
  ["earlier versions too", () => ({ includeEarlierVersions: true })],
  ["a crisis", () => ({ crisisId: crisis.crisisId })],
  ["a crisis, earlier versions too", () => ({ crisisId: crisis.crisisId, includeEarlierVersions: true })],
  ["a publisher", () => ({ publisherId: crisis.publisherId })],
  ["unassigned articles only", () => ({ unassigned: true })],
  ["assigned articles only, earlier versions too", () => ({ unassigned: false, includeEarlierVersions: true })],
  ["a publication range", () => ({ crisisId: crisis.crisisId, publishedFrom: "2030-01-01T00:03:00Z", publishedTo: "2030-01-01T00:09:00+00:00" })],
  ["only a start", () => ({ publishedFrom: "2030-01-01T00:10:00.000Z" })],
  ["only an end, with a zone offset", () => ({ publishedTo: "2030-01-01T05:05:00+05:00" })],
  ["undated articles only", () => ({ publishedAtSources: ["UNKNOWN"] })],
  ["dated ones of a crisis, by source", () => ({ crisisId: crisis.crisisId, publishedAtSources: ["PAGE", "CALLER"] })],
  ["a mentioned place", () => ({ placeId: place.id })],
  ["a country of a mentioned place (lower case)", () => ({ countryIsoCode: place.countryIsoCode.toLowerCase() })],
  ["search words, any case", () => ({ search: "SYNTHETIC detained" })],
  ["search across the seed", () => ({ search: "Kazakhstan" })],
  ["search with punctuation between and around words", () => ({ search: "100% turnout_at" })],
  ["search words stemmed, stop words left out", () => ({ search: "the detained people of synthetics" })],
  ["everything at once", () => ({ crisisId: crisis.crisisId, publisherId: crisis.publisherId, placeId: place.id, search: "synthetic", publishedFrom: "2030-01-01T00:00:00Z" })],
];

describe.each(filters)("%s", (_name, makeFilter) => {
  test.each([1, 7, 100])("pages of %i: the same articles in the same order as Prisma, the same total", async (first) => {
    const filter = makeFilter();
    const expected = await server.prisma.article.findMany({ where: await prismaWhere(filter), orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: { id: true } });
    const { ids, totalCount } = await allPages(filter, first);
    expect(ids).toEqual(expected.map((article) => article.id));
    expect(totalCount).toBe(expected.length);
  });
});

test("every filter above matches something here, so no comparison is of two empty lists", async () => {
  for (const [name, makeFilter] of filters) {
    const { ids } = await allPages(makeFilter(), 100);
    expect([name, ids.length > 0]).toEqual([name, true]);
  }
});

test("a search with no word in it (only punctuation, ILIKE's wildcards) is refused as bad input", async () => {
  for (const search of ["%", "_ %", "--", "  "]) {
    const response = await server.query(PAGE, { filter: { search }, first: 5 });
    expect([search, response.errors?.map((error) => [error.extensions?.code, error.extensions?.argumentName])]).toEqual([search, [["BAD_USER_INPUT", "search"]]]);
  }
});

test("a search is whole words: all must appear, stemmed, in any case; ILIKE's wildcards are not wildcards", async () => {
  const ids = async (search: string) => (await allPages({ search }, 100)).ids;
  // "Synthetic 100% turnout_at the square": "turnout" is a word of it, "turn" is not.
  expect(await ids("TURNOUT square")).toEqual([crisis.articleIds[5]]);
  expect(await ids("turnout nowhere-to-be-found")).toEqual([]);
  expect(await ids("turn")).not.toContain(crisis.articleIds[5]);
  expect(await ids("turnouts squares")).toEqual([crisis.articleIds[5]]);
  expect(await ids("turn%")).not.toContain(crisis.articleIds[5]);
});

test("a cursor from one page size continues at another", async () => {
  const filter = { crisisId: crisis.crisisId };
  const first = await server.query<{ articles: PageData }>(PAGE, { filter, first: 5 });
  const rest = await server.query<{ articles: PageData }>(PAGE, { filter, first: 100, after: first.data!.articles.pageInfo.endCursor });
  const { ids } = await allPages(filter, 100);
  expect([...first.data!.articles.edges, ...rest.data!.articles.edges].map((edge) => edge.node.id)).toEqual(ids);
});
