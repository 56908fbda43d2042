// Fetching ahead must change how many statements run, never what comes back:
// every row fetched ahead must equal, column for column, what the loader it
// stands in for would have read, in the same order.
import { parse, type FieldNode, type OperationDefinitionNode } from "graphql";
import { loadConfig } from "../../src/config";
import { Loaders, PRELOADS } from "../../src/context";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { preloaded, preloadPage } from "../../src/data/preload";
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

/** Loader rows carry the join key they were grouped by; rows fetched ahead do not need it. */
const withoutParentKey = <T>(rows: T[]) => rows.map((row) => Object.fromEntries(Object.entries(row as object).filter(([key]) => key !== "parentKey")));

async function pageWithPreload(selection: string) {
  // The seed's real article (dates, nulls, a real claim) and the synthetic ones (shared places and claimants, ties in time).
  const articles = await prisma.article.findMany({ omit: { body: true }, where: { OR: [{ crisisId: crisis.crisisId }, { crisis: { slug: "kazakhstan-unrest-2022" } }] } });
  expect(articles.length).toBeGreaterThan(30);
  sql.splice(0);
  await preloadPage(prisma, new Loaders(prisma, options).preloads, infoFor(`{ articles { edges { node { ${selection} } } } }`), "Article", articles);
  expect(sql).toHaveLength(1);
  return { articles, statement: sql[0] };
}

/** Every relation fetched ahead for the page, beside what its loader reads, shaped by `expected`. */
async function compareWithLoaders(articles: { id: string; publisherId: string }[], expected: (fetched: object, fromLoader: object) => object) {
  const fresh = new Loaders(prisma, options);
  let compared = 0;
  const check = (fetched: object | null | undefined, fromLoader: object | null) => {
    expect(fetched).not.toBeUndefined();
    expect(fromLoader).not.toBeNull();
    expect(fetched).toEqual(expected(fetched!, fromLoader!));
    compared++;
  };
  for (const article of articles) {
    const events = preloaded<Record<string, unknown>[]>(article, "events")!;
    const claims = preloaded<Record<string, unknown>[]>(article, "casualtyStatistics")!;
    const fromLoaderEvents = await fresh.event.articleEvents.load(article.id);
    const fromLoaderClaims = await fresh.casualtyStatistic.articleCasualtyStatistics.load(article.id);
    expect(events.map((e) => e.id)).toEqual(fromLoaderEvents.map((e) => e.id)); // same rows, same order
    expect(claims.map((c) => c.id)).toEqual(fromLoaderClaims.map((c) => c.id));
    check(preloaded(article, "publisher"), await fresh.publisher.byId.load(article.publisherId));
    for (const [i, event] of events.entries()) {
      check(event, fromLoaderEvents[i]);
      const places = preloaded<object[]>(event, "places")!;
      const fromLoaderPlaces = withoutParentKey(await fresh.event.eventPlaces.load(event.id as string));
      expect(places).toHaveLength(fromLoaderPlaces.length);
      places.forEach((place, k) => check(place, fromLoaderPlaces[k]));
    }
    for (const [i, claim] of claims.entries()) {
      check(claim, fromLoaderClaims[i]);
      check(preloaded(claim, "claimant"), await fresh.claimant.byId.load(fromLoaderClaims[i].claimantId));
    }
  }
  expect(compared).toBeGreaterThan(300);
}

const pick = (row: object, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([key]) => keys.includes(key)));

test("only the selected columns, the id and what a sort reads are fetched, each equal to the loader's", async () => {
  const { articles, statement } = await pageWithPreload(
    `publisher { name } events { title startDate places { name } } casualtyStatistics { best claimant { name } }`,
  );
  expect(statement).not.toMatch(/row_to_json/);
  expect(statement).not.toMatch(/"description"|"confidence"/);
  await compareWithLoaders(articles, (fetched, fromLoader) => pick(fromLoader, Object.keys(fetched)));
  const event = preloaded<object[]>(articles[0], "events")![0];
  // No keys: nothing but the selection reads a row whose other fields are all fetched ahead.
  expect(Object.keys(event).sort()).toEqual(["id", "startDate", "title"]);
});

test("a field that is neither a column nor fetched ahead gets the whole row, equal to the loader's", async () => {
  const { articles, statement } = await pageWithPreload(
    `publisher { country { isoCode } } events { crisis { slug } places { parent { name } } } casualtyStatistics { article { id } claimant { organization { name } } }`,
  );
  expect(statement).not.toMatch(/json_build_object/);
  await compareWithLoaders(articles, (_fetched, fromLoader) => fromLoader);
});

test("only what the query selects is fetched, and fields with arguments are left to their loaders", async () => {
  const article = await prisma.article.findFirstOrThrow({ where: { crisisId: crisis.crisisId }, omit: { body: true } });
  const loaders = new Loaders(prisma, options);
  sql.splice(0);
  await preloadPage(prisma, loaders.preloads, infoFor(`{ articles { edges { node { headline events { title } } } } }`), "Article", [article]);
  expect(sql).toHaveLength(1);
  expect(sql[0]).toMatch(/"Event"/);
  expect(sql[0]).not.toMatch(/"Place"|"CasualtyStatistic"|"Publisher"/);

  sql.splice(0);
  await preloadPage(prisma, loaders.preloads, infoFor(`{ articles { edges { node { headline } } } }`), "Article", [article]);
  expect(sql).toEqual([]);
});

test("fragments and aliases are followed; the same relation twice is fetched once", async () => {
  const article = await prisma.article.findFirstOrThrow({ where: { crisisId: crisis.crisisId }, omit: { body: true } });
  const query = `query { articles { edges { node { ...A first: events { title } } } } } fragment A on Article { again: events { places { name } } }`;
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const info = { fieldNodes: [operation.selectionSet.selections[0]], fragments: { A: document.definitions[1] } } as never;
  const loaders = new Loaders(prisma, options);
  sql.splice(0);
  await preloadPage(prisma, loaders.preloads, info, "Article", [article]);
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
  ])("the %s roots fetch ahead in their page's statement: one statement, the same answer", async (_name, query) => {
    batched.resetSql();
    const fast = await batched.query(query, { crisisId: crisis.crisisId });
    expect(fast.errors).toBeUndefined();
    // The page and what it fetches ahead, in one (the page read through data/root-page.ts, as articles are).
    expect(batched.sql).toHaveLength(1);
    expect(fast).toEqual(await naive.query(query, { crisisId: crisis.crisisId }));
    expect(JSON.stringify(fast.data).length).toBeGreaterThan(2000);
  });

  test("a page of articles and the relations with a spec below it cost one statement, at any page size", async () => {
    for (const first of [10, 30]) {
      batched.resetSql();
      const response = await batched.query(
        `query ($first: Int, $crisisId: ID) { articles(first: $first, filter: { crisisId: $crisisId }) { edges { node {
          headline publisher { name } events { title places { name } } casualtyStatistics { best claimant { name } } } } } }`,
        { first, crisisId: crisis.crisisId },
      );
      expect(response.data!.articles.edges).toHaveLength(first);
      expect(batched.sql).toHaveLength(1);
    }
  });
});
