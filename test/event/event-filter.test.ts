// A page of events is one hand-built SQL statement (src/event/event.conditions.ts,
// src/data/root-page.ts). Every filter must select exactly what the same filter
// written as a Prisma query selects, in the same order, page after page, with the
// same total.
import type { Prisma } from "../../src/generated/prisma/client";
import { allPages } from "../helpers/all-pages";
import { createSyntheticCrisis, type SyntheticCrisis } from "../helpers/synthetic-data";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let crisis: SyntheticCrisis;
let place: { id: string; countryIsoCode: string };
let eventIds: string[];

beforeAll(async () => {
  server = await startTestServer({ env: { RESPONSE_CACHE: "off" } });
  crisis = await createSyntheticCrisis(server.prisma, { articles: 30, tag: "event-filter" });
  const seedPlace = await server.prisma.place.findFirstOrThrow({ where: { country: { isNot: null } }, include: { country: true } });
  place = { id: seedPlace.id, countryIsoCode: seedPlace.country!.isoCode };
  eventIds = (await server.prisma.event.findMany({ where: { crisisId: crisis.crisisId }, orderBy: { title: "asc" }, select: { id: true } })).map((e) => e.id);
  const [first, second] = crisis.articleIds;
  const some = (every: number) => eventIds.filter((_, i) => i % every === 0);
  await server.prisma.$transaction([
    // The first article revised by the second: its events are an earlier version's.
    server.prisma.article.update({ where: { id: second }, data: { previousVersionId: first } }),
    server.prisma.event.updateMany({ where: { id: { in: some(4) } }, data: { type: "RIOT" } }),
    server.prisma.event.updateMany({ where: { id: { in: some(5) } }, data: { type: "ARREST" } }),
    // Ranges: a window that overlaps them holds them, whether or not it contains them.
    server.prisma.event.updateMany({ where: { id: { in: some(7) } }, data: { startDate: new Date("2030-01-02"), endDate: new Date("2030-01-20"), datePrecision: "RANGE" } }),
    server.prisma.eventPlace.createMany({ data: some(3).map((eventId) => ({ eventId, placeId: place.id })) }),
    // Events with no article: current whatever the versions say.
    server.prisma.event.updateMany({ where: { id: { in: [eventIds[1], eventIds[2]] } }, data: { articleId: null } }),
  ]);
});

afterAll(async () => {
  await server.prisma.eventPlace.deleteMany({ where: { eventId: { in: eventIds }, placeId: place.id } });
  await server.prisma.article.updateMany({ where: { id: { in: crisis.articleIds } }, data: { previousVersionId: null } });
  await crisis.remove();
  await server.stop();
});

interface Filter {
  from?: string;
  to?: string;
  types?: ("ARREST" | "PROTEST" | "RIOT")[];
  crisisId?: string;
  articleId?: string;
  placeId?: string;
  countryIsoCode?: string;
  publisherId?: string;
  includeEarlierVersions?: boolean;
}

/** The same filter as a Prisma query: the reference. */
function prismaWhere(filter: Filter): Prisma.EventWhereInput {
  const where: Prisma.EventWhereInput[] = [];
  if (filter.from) where.push({ endDate: { gte: new Date(filter.from) } });
  if (filter.to) where.push({ startDate: { lte: new Date(filter.to) } });
  if (filter.types) where.push({ type: { in: filter.types } });
  if (filter.crisisId) where.push({ crisisId: filter.crisisId });
  if (filter.articleId) where.push({ articleId: filter.articleId });
  if (filter.placeId) where.push({ places: { some: { placeId: filter.placeId } } });
  if (filter.countryIsoCode) where.push({ places: { some: { place: { country: { isoCode: filter.countryIsoCode.toUpperCase() } } } } });
  if (filter.publisherId) where.push({ article: { publisherId: filter.publisherId } });
  if (!filter.includeEarlierVersions) where.push({ OR: [{ articleId: null }, { article: { nextVersion: null } }] });
  return { AND: where };
}

const filters: [string, () => Filter][] = [
  ["no filter (latest versions only, the seed's too)", () => ({})],
  ["earlier versions too", () => ({ includeEarlierVersions: true })],
  ["a crisis", () => ({ crisisId: crisis.crisisId })],
  ["an earlier version's article, asked for", () => ({ articleId: crisis.articleIds[0], includeEarlierVersions: true })],
  ["a window of days (overlapping ranges count)", () => ({ crisisId: crisis.crisisId, from: "2030-01-05", to: "2030-01-09" })],
  ["only a start", () => ({ from: "2030-01-25" })],
  ["only an end", () => ({ to: "2030-01-03" })],
  ["types", () => ({ types: ["ARREST", "RIOT"], crisisId: crisis.crisisId })],
  ["a place", () => ({ placeId: place.id })],
  ["a country (lower case)", () => ({ countryIsoCode: place.countryIsoCode.toLowerCase() })],
  ["a publisher", () => ({ publisherId: crisis.publisherId })],
  ["everything at once", () => ({ crisisId: crisis.crisisId, publisherId: crisis.publisherId, placeId: place.id, types: ["PROTEST", "RIOT"], from: "2030-01-02", includeEarlierVersions: true })],
];

describe.each(filters)("%s", (_name, makeFilter) => {
  test.each([1, 7, 100])("pages of %i: the same events in the same order as Prisma, the same total", async (first) => {
    const filter = makeFilter();
    const expected = await server.prisma.event.findMany({ where: prismaWhere(filter), orderBy: [{ startDate: "asc" }, { id: "asc" }], select: { id: true } });
    const { ids, totalCount } = await allPages(server, "events", "EventFilter", filter, first);
    expect(ids).toEqual(expected.map((event) => event.id));
    expect(totalCount).toBe(expected.length);
  });
});

test("every filter above matches something here, so no comparison is of two empty lists", async () => {
  for (const [name, makeFilter] of filters) {
    const { ids } = await allPages(server, "events", "EventFilter", makeFilter(), 100);
    expect([name, ids.length > 0]).toEqual([name, true]);
  }
});

test("a page is one statement, whatever its size, with the places it fetches ahead", async () => {
  const document = `query ($first: Int, $crisisId: ID) { events(first: $first, filter: { crisisId: $crisisId }) { edges { node { id title places { name } } } } }`;
  for (const first of [5, 50]) {
    server.resetSql();
    const response = await server.query<{ events: { edges: unknown[] } }>(document, { first, crisisId: crisis.crisisId });
    expect(response.errors).toBeUndefined();
    expect(response.data!.events.edges).toHaveLength(first);
    expect(server.sql).toHaveLength(1);
  }
});
