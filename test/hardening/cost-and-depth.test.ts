// The cost limit counts the work a request really asks for (issue 13, items 7
// and 13), over real HTTP on a production server: page sizes sent as variables
// are multiplied in, list arguments are counted and capped before anything is
// coerced or run, and a named fragment costs no depth of its own.
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off" } });
});
afterAll(() => server.stop());

async function send(query: string, variables?: Record<string, unknown>) {
  server.resetSql();
  const started = performance.now();
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
  return { status: response.status, body, bytes: text.length, ms: performance.now() - started, sql: [...server.sql] };
}

async function expectRefused(query: string, variables: Record<string, unknown> | undefined, limit: string, max: number) {
  const result = await send(query, variables);
  expect(result.status).toBe(400);
  expect(result.body.errors).toHaveLength(1);
  expect(result.body.errors![0].extensions).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit, max });
  expect(result.body.errors![0].message).toContain(`limit of ${max} exceeded`);
  expect(result.body.data).toBeUndefined();
  expect(result.sql).toEqual([]);
  return result;
}

const times = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(" ");

// The probe: 15 aliases of 100 articles with their relations, the page size as a variable.
const FIFTEEN_PAGES = `query Pages($first: Int) { ${times(
  15,
  (i) => `a${i}: articles(first: $first) { edges { node { id headline body publisher { name } events { title places { name } } casualtyStatistics { best claimant { name } } } } }`,
)} }`;

describe("cost counts page sizes sent as variables", () => {
  test("15 aliases x first: $first = 100 with relations are refused before any SQL", async () => {
    await expectRefused(FIFTEEN_PAGES, { first: 100 }, "cost", 5000);
  });

  test("the same document with a small page runs", async () => {
    const { status, body } = await send(FIFTEEN_PAGES, { first: 1 });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.a14.edges.length).toBeLessThanOrEqual(1);
  });

  test("a variable's declared default counts when the variable is not sent", async () => {
    await expectRefused(FIFTEEN_PAGES.replace("$first: Int", "$first: Int = 100"), {}, "cost", 5000);
  });

  test("a page size left out counts as the default page (20), not as one item", async () => {
    // 15 x 20 articles with their relations: over the limit, whatever the variables.
    await expectRefused(FIFTEEN_PAGES.replace(/\(first: \$first\)/g, "").replace("($first: Int)", ""), undefined, "cost", 5000);
  });

  test("a nested page size as a variable multiplies too", async () => {
    const query = `query ($outer: Int, $inner: Int) { publishers { articles(first: $outer) { edges { node { headline events { title } } } } } countries { articles(first: $inner) { edges { node { id } } } } }`;
    await expectRefused(query, { outer: 100, inner: 100 }, "cost", 5000);
    const fine = await send(query, { outer: 2, inner: 2 });
    expect(fine.status).toBe(200);
    expect(fine.body.errors).toBeUndefined();
  });
});

describe("list arguments are counted and capped (100 items)", () => {
  const EVENTS = `query ($types: [EventType!]) { events(first: 5, filter: { types: $types }) { edges { node { id type } } } }`;

  test("100,000 enum values in a variable: refused at once, before coercion or SQL, not an internal error", async () => {
    const result = await expectRefused(EVENTS, { types: Array.from({ length: 100_000 }, () => "RIOT") }, "listItems", 100);
    expect(result.body.errors![0].message).toBe("List size limit of 100 exceeded, found 100000 items in events(filter).types.");
    // The probe burnt 1-1.5 s of CPU and ended in INTERNAL_SERVER_ERROR; the refusal costs little more than reading the body.
    expect(result.ms).toBeLessThan(1000);
  });

  test("inside an input object variable too", async () => {
    const query = `query ($filter: CasualtyStatisticFilter) { casualtyStatistics(first: 1, filter: $filter) { edges { node { id } } } }`;
    await expectRefused(query, { filter: { categories: Array.from({ length: 101 }, () => "KILLED") } }, "listItems", 100);
  });

  test("a literal list over the cap is refused at validation", async () => {
    await expectRefused(`{ events(first: 1, filter: { types: [${times(101, () => "RIOT")}] }) { edges { node { id } } } }`, undefined, "listItems", 100);
  });

  test("list items count in the cost", async () => {
    // 15 x (2 + items + 1.5 x 7.25) x 20: 4163 with one value, 33863 with 100 (each item counts once per item served).
    const query = `query ($types: [EventType!]) { ${times(15, (i) => `e${i}: events(first: 20, filter: { types: $types }) { edges { node { id } } }`)} }`;
    const cheap = await send(query, { types: ["RIOT"] });
    expect(cheap.status).toBe(200);
    expect(cheap.body.errors).toBeUndefined();
    const costly = await expectRefused(query, { types: Array.from({ length: 100 }, () => "RIOT") }, "cost", 5000);
    expect(costly.body.errors![0].message).toBe("Query Cost limit of 5000 exceeded, found 33863.");
  });

  test("a short list runs and filters", async () => {
    const { status, body } = await send(EVENTS, { types: ["RIOT", "PROTEST"] });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    for (const edge of body.data.events.edges) expect(["RIOT", "PROTEST"]).toContain(edge.node.type);
  });
});

describe("depth: fragments count no level of their own, edges and node do", () => {
  test("the usual Apollo Client fragment pattern runs (was refused: depth 6, found 7)", async () => {
    const { status, body } = await send(`
      query Latest { articles(first: 2) { edges { node { ...ArticleCard } } } }
      fragment ArticleCard on Article { id headline publisher { name } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.articles.edges[0].node.publisher.name).toEqual(expect.any(String));
  });

  test("a fragment is as deep as its fields written in place: six levels run, through nested fragments too", async () => {
    const { status, body } = await send(`
      query { articles(first: 1) { ...Page } }
      fragment Page on ArticleConnection { edges { node { ...Claims } } }
      fragment Claims on Article { casualtyStatistics { ... on CasualtyStatistic { claimant { name } } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  test("seven field levels are refused, fragments or not", async () => {
    await expectRefused(
      `query { articles(first: 1) { edges { node { ...Card } } } }
       fragment Card on Article { casualtyStatistics { claimant { country { name } } } }`,
      undefined,
      "depth",
      6,
    );
  });

  test("a fragment costs what its fields cost inline", async () => {
    const inline = await send(`query ($n: Int) { articles(first: $n) { edges { node { id headline publisher { name } } } } }`, { n: 100 });
    const spread = await send(`query ($n: Int) { articles(first: $n) { edges { node { ...Card } } } } fragment Card on Article { id headline publisher { name } }`, { n: 100 });
    expect(inline.status).toBe(200);
    expect(spread.status).toBe(200);
  });
});
