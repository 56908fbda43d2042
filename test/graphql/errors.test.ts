// Bad input is BAD_USER_INPUT with a clear message; unknown ids are null;
// database failures are INTERNAL_SERVER_ERROR without SQL or stack in production.
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  // The resolvers' own checks: the cost limit (which multiplies first, literal or variable) is raised out of their way.
  server = await startTestServer({ env: { MAX_COST: "2000000000" } });
});
afterAll(() => server.stop());

test.each([
  ["negative first", `{ articles(first: -1) { edges { cursor } } }`, /"first" must be zero or more/],
  ["first over the cap", `{ events(first: 101) { edges { cursor } } }`, /"first" must be at most 100/],
  // As a variable, with the cost limit raised (by default it refuses this before any resolver runs, literal or variable).
  ["first: 99999999", `query ($first: Int) { casualtyStatistics(first: $first) { edges { cursor } } }`, /at most 100/, { first: 99999999 }],
  ["malformed cursor", `{ articles(after: "garbage") { edges { cursor } } }`, /Malformed cursor/],
  ["malformed id", `{ article(id: "42") { id } }`, /not a valid id/],
  ["malformed ISO code", `{ country(isoCode: "Kazakhstan") { id } }`, /ISO 3166-1 alpha-2/],
  ["inverted date range", `{ articles(filter: { publishedFrom: "2022-02-01T00:00:00Z", publishedTo: "2022-01-01T00:00:00Z" }) { edges { cursor } } }`, /before/],
  ["asOf not a date", `{ cstoChair(asOf: "soon") { from } }`, /Date/],
])("%s → BAD_USER_INPUT", async (_name, query, message, variables: Record<string, unknown> | undefined = undefined) => {
  server.resetSql();
  const response = await server.query(query, variables);
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(response.errors![0].message).toMatch(message);
  expect(server.sql).toHaveLength(0);
});

test("unknown ids are null, not errors", async () => {
  const unknown = "00000000-0000-4000-8000-000000000000";
  const response = await server.query(`query ($id: ID!) {
    article(id: $id) { id } event(id: $id) { id } casualtyStatistic(id: $id) { id } organization(id: $id) { id }
    country(isoCode: "ZZ") { id }
  }`, { id: unknown });
  expect(response.errors).toBeUndefined();
  expect(response.data).toEqual({ article: null, event: null, casualtyStatistic: null, organization: null, country: null });
});

test("a database failure is masked in production: INTERNAL_SERVER_ERROR, no SQL, no stack", async () => {
  const broken = await startTestServer({
    env: { NODE_ENV: "production" },
    databaseUrl: "postgresql://postgres@127.0.0.1:5432/crisis_graph_no_such_database",
  });
  try {
    const response = await broken.query(`{ articles(first: 1) { edges { node { id } } } }`);
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error).toEqual({ message: "Internal server error", locations: expect.any(Array), path: ["articles"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(response)).not.toMatch(/SELECT|crisis_graph_no_such_database|stacktrace|at /);
  } finally {
    await broken.stop();
  }
});

test("in development the same failure keeps its message for the developer, still coded INTERNAL_SERVER_ERROR", async () => {
  const broken = await startTestServer({ databaseUrl: "postgresql://postgres@127.0.0.1:5432/crisis_graph_no_such_database" });
  try {
    const response = await broken.query(`{ articles(first: 1) { edges { node { id } } } }`);
    expect(response.errors![0].extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  } finally {
    await broken.stop();
  }
});

test("filters narrow the lists", async () => {
  const response = await server.query(`{
    killed: casualtyStatistics(filter: { categories: [KILLED] }) { totalCount edges { node { affectedGroup } } }
    un: casualtyStatistics(filter: { countryIsoCode: "KZ", reportedFrom: "2022-01-09", reportedTo: "2022-01-09" }) { totalCount }
    meetings: events(filter: { types: [MEETING], from: "2022-01-10", to: "2022-01-10" }) { edges { node { title } } }
    almaty: events(filter: { countryIsoCode: "KZ", from: "2022-01-06", to: "2022-01-07" }) { totalCount }
    search: articles(filter: { search: "peacekeepers Almaty" }) { totalCount }
    nothing: articles(filter: { search: "Djokovic" }) { totalCount }
  }`);
  expect(response.errors).toBeUndefined();
  const data = response.data!;
  expect(data.killed.totalCount).toBe(2);
  expect(data.killed.edges.map((e: any) => e.node.affectedGroup).sort()).toEqual(["RIOTERS", "SECURITY_FORCES"]);
  expect(data.un.totalCount).toBe(5);
  expect(data.meetings.edges).toEqual([{ node: { title: expect.stringContaining("Collective Security Council") } }]);
  expect(data.almaty.totalCount).toBeGreaterThanOrEqual(2);
  expect(data.search.totalCount).toBe(1);
  expect(data.nothing.totalCount).toBe(0);
});
