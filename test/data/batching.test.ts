// N+1 guard: a nested query costs at most one SQL statement per relation
// level, whatever the page size (below a root page, one in all).
import { createSyntheticCrisis, type SyntheticCrisis } from "../helpers/synthetic-data";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let crisis: SyntheticCrisis;
beforeAll(async () => {
  // One shape below (places → events(first) → article under a list) is 9 levels deep counting
  // edges and node, past the default depth limit of 6; this file is about batching, not limits.
  // Limits raised: these documents are about batching at page size 100, past the default depth and cost.
  server = await startTestServer({ env: { MAX_DEPTH: "9", MAX_COST: "100000" } });
  crisis = await createSyntheticCrisis(server.prisma, { articles: 120, tag: "batching" });
});
afterAll(async () => {
  await crisis.remove();
  await server.stop();
});

const NESTED = `query ($first: Int, $crisisId: ID) {
  articles(first: $first, filter: { crisisId: $crisisId }) {
    edges { node {
      headline
      publisher { name }
      events { title places { name } }
      casualtyStatistics { best claimant { name } }
    } }
  }
}`;

test.each([10, 50, 100])("articles → events → places, claims → claimant: 1 statement at page size %i", async (first) => {
  server.resetSql();
  const response = await server.query(NESTED, { first, crisisId: crisis.crisisId });
  expect(response.errors).toBeUndefined();
  const edges = response.data!.articles.edges;
  expect(edges).toHaveLength(first);
  expect(edges.every((edge: any) => edge.node.events.length === 3 && edge.node.events[0].places.length === 2)).toBe(true);
  expect(edges.every((edge: any) => edge.node.casualtyStatistics.length === 2 && edge.node.casualtyStatistics[0].claimant.name)).toBe(true);
  // The page and everything below it fetched ahead, in one statement (src/data/preload.ts).
  expect(server.sql).toHaveLength(1);
});

test("the same relations below Article entities are fetched ahead too: one statement", async () => {
  server.resetSql();
  const representations = crisis.articleIds.slice(0, 50).map((id) => ({ __typename: "Article", id }));
  const response = await server.query(
    `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Article {
      headline publisher { name } events { title places { name } } casualtyStatistics { best claimant { name } } } } }`,
    { representations },
  );
  expect(response.errors).toBeUndefined();
  expect(response.data!._entities).toHaveLength(50);
  expect(response.data!._entities.every((article: any) => article.events.length === 3 && article.casualtyStatistics.length === 2)).toBe(true);
  expect(server.sql).toHaveLength(1);
});

test("relations without fetching ahead cost one statement per level: Event entities → places, article → publisher", async () => {
  const events = await server.prisma.event.findMany({ where: { crisisId: crisis.crisisId }, take: 60, select: { id: true } });
  server.resetSql();
  const response = await server.query(
    `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Event {
      title places { name } article { headline publisher { name } } } } }`,
    { representations: events.map(({ id }) => ({ __typename: "Event", id })) },
  );
  expect(response.errors).toBeUndefined();
  expect(response.data!._entities).toHaveLength(60);
  expect(response.data!._entities.every((event: any) => event.places.length === 2 && event.article.publisher.name)).toBe(true);
  // events, places, articles, publishers
  expect(server.sql).toHaveLength(4);
});

test("nested connections under a list batch too: places → events(first) → article, with totalCount", async () => {
  // Page sizes as variables, as clients send them (a literal `first` multiplies the operation's cost).
  const query = `query ($crisisId: ID, $first: Int, $childFirst: Int) {
    events(first: $first, filter: { crisisId: $crisisId }) { edges { node { places {
      name
      events(first: $childFirst) { totalCount edges { node { article { headline } } } }
    } } } }
  }`;
  server.resetSql();
  const response = await server.query(query, { crisisId: crisis.crisisId, first: 100, childFirst: 3 });
  expect(response.errors).toBeUndefined();
  const places = response.data!.events.edges.flatMap((edge: any) => edge.node.places);
  expect(places.length).toBe(200);
  expect(places.every((place: any) => place.events.edges.length === 3 && place.events.totalCount > 3)).toBe(true);
  // events with their places (one statement), events per place (window query), their counts, articles
  expect(server.sql).toHaveLength(4);
});

test("cursor pagination walks every article once, newest first, and totalCount counts them all", async () => {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const response: any = await server.query(
      `query ($after: String, $crisisId: ID) {
        articles(first: 50, after: $after, filter: { crisisId: $crisisId }) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage endCursor }
          edges { cursor node { id publishedAt } }
        }
      }`,
      { after, crisisId: crisis.crisisId },
    );
    expect(response.errors).toBeUndefined();
    const { edges, pageInfo, totalCount } = response.data.articles;
    expect(totalCount).toBe(120);
    expect(pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...edges.map((edge: any) => edge.node.id));
    pages += 1;
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  expect(pages).toBe(3);
  expect(seen).toHaveLength(120);
  expect(new Set(seen).size).toBe(120);
  expect(new Set(seen)).toEqual(new Set(crisis.articleIds));
});

test("publisher → articles(first) pages within one parent", async () => {
  const query = `query ($id: ID!, $after: String) { publisher(id: $id) { articles(first: 40, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
  } } }`;
  const first: any = await server.query(query, { id: crisis.publisherId });
  const second: any = await server.query(query, { id: crisis.publisherId, after: first.data.publisher.articles.pageInfo.endCursor });
  const ids = [...first.data.publisher.articles.edges, ...second.data.publisher.articles.edges].map((edge: any) => edge.node.id);
  expect(first.data.publisher.articles.totalCount).toBe(120);
  expect(new Set(ids).size).toBe(80);
});
