// Fetching ahead must change how many statements run, never what comes back:
// every primed row must equal, column for column, what the loader it stands
// in for would have read, in the same order.
import { parse, type FieldNode, type OperationDefinitionNode } from "graphql";
import { loadConfig } from "../../src/config";
import { Loaders, type Context } from "../../src/context";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { preloadPage, PRELOADS } from "../../src/preloads";
import { createSyntheticCrisis, type SyntheticCrisis } from "../helpers/synthetic-data";
import { startTestServer, testDatabaseUrl, type TestServer } from "../helpers/test-server";

const config = loadConfig({ NODE_ENV: "test" });
const options = { maxBatchSize: 1000 };
let sql: string[];
let prisma: PrismaClient;
let crisis: SyntheticCrisis;

beforeAll(async () => {
  sql = [];
  prisma = createPrismaClient(testDatabaseUrl(), config, ({ query }) => void sql.push(query));
  crisis = await createSyntheticCrisis(prisma, { articles: 30, tag: "preload" });
});
afterAll(async () => {
  await crisis.remove();
  await prisma.$disconnect();
});

function infoFor(query: string) {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments: {} } as never;
}

/** Loader rows carry the join key they were grouped by; primed rows do not need it. */
const withoutParentKey = <T>(rows: T[]) => rows.map((row) => Object.fromEntries(Object.entries(row as object).filter(([key]) => key !== "parentKey")));

test("every primed row equals the loader's own: events, places, claims, claimants, publishers", async () => {
  // The seed's real article (dates, nulls, a real claim) and the synthetic ones (shared places and claimants, ties in time).
  const articles = await prisma.article.findMany({ omit: { body: true }, where: { OR: [{ crisisId: crisis.crisisId }, { crisis: { slug: "kazakhstan-unrest-2022" } }] } });
  expect(articles.length).toBeGreaterThan(30);
  const primed = new Loaders(prisma, options);
  const info = infoFor(`{ articles { edges { node { publisher { id } events { places { id } } casualtyStatistics { claimant { id } } } } } }`);

  sql.splice(0);
  await preloadPage({ prisma, loaders: primed } as Context, info, "Article", articles);
  expect(sql).toHaveLength(1);

  const fresh = new Loaders(prisma, options);
  let compared = 0;
  for (const article of articles) {
    sql.splice(0);
    const events = await primed.event.byArticle.load(article.id);
    const claims = await primed.casualtyStatistic.byArticle.load(article.id);
    const publisher = await primed.publisher.byId.load(article.publisherId);
    const places = await Promise.all(events.map((event) => primed.place.ofEvent.load(event.id)));
    const claimants = await Promise.all(claims.map((claim) => primed.claimant.byId.load(claim.claimantId)));
    expect(sql).toEqual([]); // all of it was primed

    expect(events).toEqual(await fresh.event.byArticle.load(article.id));
    expect(claims).toEqual(await fresh.casualtyStatistic.byArticle.load(article.id));
    expect(publisher).toEqual(await fresh.publisher.byId.load(article.publisherId));
    for (const [i, event] of events.entries()) expect(places[i]).toEqual(withoutParentKey(await fresh.place.ofEvent.load(event.id)));
    for (const [i, claim] of claims.entries()) expect(claimants[i]).toEqual(await fresh.claimant.byId.load(claim.claimantId));
    compared += events.length + claims.length;
  }
  expect(compared).toBeGreaterThan(100);
});

test("only what the query selects is fetched, and fields with arguments are left to their loaders", async () => {
  const article = await prisma.article.findFirstOrThrow({ where: { crisisId: crisis.crisisId }, omit: { body: true } });
  const primed = new Loaders(prisma, options);
  sql.splice(0);
  await preloadPage({ prisma, loaders: primed } as Context, infoFor(`{ articles { edges { node { headline events { title } } } } }`), "Article", [article]);
  expect(sql).toHaveLength(1);
  expect(sql[0]).toMatch(/"Event"/);
  expect(sql[0]).not.toMatch(/"Place"|"CasualtyStatistic"|"Publisher"/);

  sql.splice(0);
  await preloadPage({ prisma, loaders: primed } as Context, infoFor(`{ articles { edges { node { headline } } } }`), "Article", [article]);
  expect(sql).toEqual([]);
});

test("fragments and aliases are followed; the same relation twice is fetched once", async () => {
  const article = await prisma.article.findFirstOrThrow({ where: { crisisId: crisis.crisisId }, omit: { body: true } });
  const query = `query { articles { edges { node { ...A first: events { title } } } } } fragment A on Article { again: events { places { name } } }`;
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const info = { fieldNodes: [operation.selectionSet.selections[0]], fragments: { A: document.definitions[1] } } as never;
  const primed = new Loaders(prisma, options);
  sql.splice(0);
  await preloadPage({ prisma, loaders: primed } as Context, info, "Article", [article]);
  expect(sql).toHaveLength(1);
  expect(sql[0].match(/FROM "Event"/g)).toHaveLength(1);
  expect(sql[0]).toMatch(/"Place"/);
});

test("every relation with a spec is exercised above", () => {
  expect(Object.fromEntries(Object.entries(PRELOADS).map(([type, fields]) => [type, Object.keys(fields).sort()]))).toEqual({
    Article: ["casualtyStatistics", "events", "publisher"],
    Event: ["places"],
    CasualtyStatistic: ["claimant"],
  });
});

describe("over HTTP", () => {
  let batched: TestServer;
  let naive: TestServer;
  beforeAll(async () => {
    // The query below asks for every field, past the default depth and cost limits; this file is about fetching ahead.
    const env = { RESPONSE_CACHE: "off", MAX_DEPTH: "8", MAX_COST: "100000" };
    batched = await startTestServer({ env });
    naive = await startTestServer({ env: { ...env, LOADER_BATCHING: "false" } });
  });
  afterAll(async () => {
    await batched.stop();
    await naive.stop();
  });

  // Every field of every type fetched ahead, so any column that came back wrong would show.
  const EVERYTHING = `query ($crisisId: ID) { articles(first: 40, filter: { crisisId: $crisisId }) { edges { node {
    id headline publishedAt
    publisher { id name url copyrightHolder country { isoCode } }
    events { id type title description startDate endDate datePrecision dateText quote quoteStart quoteEnd crisis { slug }
      places { id name kind latitude longitude population country { isoCode } parent { name } } }
    casualtyStatistics { id category affectedGroup affectedGroupText qualifier figureText low best high reportedAt
      quote quoteStart quoteEnd confidence reviewStatus reviewedAt place { name }
      claimant { id name kind country { isoCode } organization { name } } }
  } } } }`;

  test.each<[string, () => string | null]>([
    ["the seed's crisis", () => null],
    ["a synthetic crisis", () => crisis.crisisId],
  ])(
    "%s: the same answer as one query per parent",
    async (_name, crisisId) => {
      const fast = await batched.query(EVERYTHING, { crisisId: crisisId() });
      expect(fast.errors).toBeUndefined();
      naive.resetSql();
      const slow = await naive.query(EVERYTHING, { crisisId: crisisId() });
      expect(fast).toEqual(slow);
      expect(naive.sql.length).toBeGreaterThan(40);
    },
  );

  test.each([
    ["events → places", `query ($crisisId: ID) { events(first: 50, filter: { crisisId: $crisisId }) { edges { node { id title startDate places { id name kind } } } } }`],
    [
      "claims → claimant",
      `query ($crisisId: ID) { casualtyStatistics(first: 50, filter: { crisisId: $crisisId }) { edges { node { id best reportedAt claimant { id name kind } } } } }`,
    ],
  ])("the %s roots fetch ahead too: two statements, the same answer", async (_name, query) => {
    batched.resetSql();
    const fast = await batched.query(query, { crisisId: crisis.crisisId });
    expect(fast.errors).toBeUndefined();
    expect(batched.sql).toHaveLength(2);
    expect(fast).toEqual(await naive.query(query, { crisisId: crisis.crisisId }));
    expect(JSON.stringify(fast.data).length).toBeGreaterThan(2000);
  });

  test("the relations with a spec cost one statement below the page, at any page size", async () => {
    for (const first of [10, 30]) {
      batched.resetSql();
      const response = await batched.query(
        `query ($first: Int, $crisisId: ID) { articles(first: $first, filter: { crisisId: $crisisId }) { edges { node {
          headline publisher { name } events { title places { name } } casualtyStatistics { best claimant { name } } } } } }`,
        { first, crisisId: crisis.crisisId },
      );
      expect(response.data!.articles.edges).toHaveLength(first);
      expect(batched.sql).toHaveLength(2);
    }
  });
});
