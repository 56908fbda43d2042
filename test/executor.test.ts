// The compiled executor (graphql-jit) must answer exactly as graphql-js does.
// A request asking for a federated trace runs on graphql-js (src/executor.ts),
// so the same server answers each document both ways and the two must match.
import { startTestServer, type TestServer } from "./helpers/test-server";

const ROUTER_SECRET = "router-secret-for-executor-tests-0123";
let server: TestServer;
beforeAll(async () => {
  // Production: no stack traces, which differ between the two executors by nature.
  // Limits raised: the documents below are about execution, some past the default depth and cost.
  // As the router (ROUTER_SECRET): traces and _entities are the router's alone in production.
  server = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off", MAX_DEPTH: "10", MAX_COST: "100000", ROUTER_SECRET } });
});
afterAll(() => server.stop());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", "router-authorization": ROUTER_SECRET, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> } };
}

/** The same request on the compiled path and on graphql-js. */
async function bothWays(query: string, variables: Record<string, unknown> = {}) {
  const compiled = await post({ query, variables });
  const traced = await post({ query, variables }, { "apollo-federation-include-trace": "ftv1" });
  const { extensions, ...tracedBody } = traced.body;
  return { compiled, traced: { status: traced.status, body: tracedBody, ftv1: extensions?.ftv1 } };
}

const DOCUMENTS: [string, string, Record<string, unknown>][] = [
  [
    "nested lists, connections, fragments and aliases",
    `query Nested($first: Int!) {
      latest: articles(first: $first) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { ...ArticleFields events { id title startDate datePrecision places { name kind } } } } }
    }
    fragment ArticleFields on Article { id headline publishedAt publisher { name } casualtyStatistics { category best low high claimant { name } } }`,
    { first: 3 },
  ],
  [
    // graphql-jit leaves input field defaults out of variables (graphql-jit#142); the executor fills them in.
    "an input object variable that relies on a field default",
    `query Filtered($filter: ArticleFilter!) { articles(first: 5, filter: $filter) { totalCount edges { node { id headline } } } }`,
    { filter: { search: "Kazakhstan" } },
  ],
  [
    "@skip and @include driven by variables, enums in arguments and results",
    `query Summary($withGroups: Boolean!, $skipCrisis: Boolean!) {
      casualtySummary(crisisSlug: "kazakhstan-unrest-2022", category: KILLED) {
        category asOf crisis @skip(if: $skipCrisis) { slug }
        groups @include(if: $withGroups) { affectedGroup low high }
      }
    }`,
    { withGroups: true, skipCrisis: true },
  ],
  [
    "entities of two types through the _Entity union",
    `query Entities($representations: [_Any!]!) { _entities(representations: $representations) {
      __typename ... on Country { isoCode name } ... on Crisis { slug name } } }`,
    { representations: [{ __typename: "Country", isoCode: "KZ" }, { __typename: "Crisis", slug: "kazakhstan-unrest-2022" }, { __typename: "Country", isoCode: "ZZ" }] },
  ],
  [
    "an error inside a resolver, with its path",
    `query Bad { articles(first: 101) { totalCount } countries { isoCode } }`,
    {},
  ],
];

test.each(DOCUMENTS)("%s: the compiled executor answers as graphql-js does", async (_name, query, variables) => {
  const { compiled, traced } = await bothWays(query, variables);
  expect(compiled.status).toBe(traced.status);
  expect(compiled.body).toEqual(traced.body);
  // Executed (a data key, null where a non-null root failed), not refused before execution.
  expect(compiled.body).toHaveProperty("data");
});

test("the documents above return data, not only errors", async () => {
  const { compiled } = await bothWays(DOCUMENTS[1][1], DOCUMENTS[1][2]);
  expect(compiled.body.errors).toBeUndefined();
  expect((compiled.body.data as { articles: { totalCount: number } }).articles.totalCount).toBeGreaterThan(0);
});

test("a router asking for a federated trace gets one; nobody else does", async () => {
  const { compiled, traced } = await bothWays(`{ countries { isoCode } }`);
  expect(typeof traced.ftv1).toBe("string");
  expect((traced.ftv1 as string).length).toBeGreaterThan(20);
  expect(compiled.body.extensions).toBeUndefined();
});

test("a variable of the wrong type is BAD_USER_INPUT with its location, as graphql-js reports it", async () => {
  // Only the wording differs: jit adds "Expected type Int;".
  const { compiled, traced } = await bothWays(`query Var($first: Int!) { articles(first: $first) { totalCount } }`, { first: "ten" });
  expect(compiled.status).toBe(400);
  expect(traced.status).toBe(400);
  for (const body of [compiled.body, traced.body]) {
    expect(body.errors).toEqual([
      { message: expect.stringMatching(/^Variable "\$first" got invalid value "ten"; .*Int cannot represent non-integer value/), locations: [{ line: 1, column: 11 }], extensions: { code: "BAD_USER_INPUT" } },
    ]);
  }
});
