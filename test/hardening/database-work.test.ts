// Issue 13, item 2: one anonymous search request must not take the database
// pool. Search is an indexed full-text search with capped text; `totalCount`
// and `search` weigh in the cost limit; and a request runs at most
// DB_STATEMENTS_PER_REQUEST statements at once, so the rest of the pool stays
// free for other clients and /readyz.
import pg from "pg";
import { MAX_SEARCH_LENGTH } from "../../src/article/article.service";
import { SEARCH_COST, TOTAL_COUNT_COST } from "../../src/gatekeeping/database-cost";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await work();
  return { ms: Date.now() - started, value };
}

async function post(server: TestServer, body: unknown) {
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

async function readyz(server: TestServer) {
  const response = await fetch(new URL("/readyz", server.url));
  return { status: response.status, body: await response.json() };
}

const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => [...new Set(body.errors?.map((error) => error.extensions?.code))];

describe("on the seeded database", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RESPONSE_CACHE: "off" } });
  });
  afterAll(() => server.stop());

  test("the probe's 195 KB request (15 aliased counted searches of long words) is refused at once; another client's query and /readyz answer within a second", async () => {
    const word = (i: number, j: number) => `w${i}x${j}`.padEnd(1300, "qzx");
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: articles(filter: { search: "${Array.from({ length: 10 }, (_, j) => word(i, j)).join(" ")}" }) { totalCount }`);
    const query = `{ ${aliases.join(" ")} }`;
    expect(query.length).toBeGreaterThan(195_000);
    const [probe, other, ready] = await Promise.all([
      timed(() => post(server, { query })),
      timed(() => post(server, { query: `{ country(isoCode: "KZ") { name } }` })),
      timed(() => readyz(server)),
    ]);
    expect(probe.ms).toBeLessThan(1000);
    expect(probe.value.status).toBe(400);
    expect(codes(probe.value.body)).toEqual(["OPERATION_LIMIT_EXCEEDED"]);
    expect(other.ms).toBeLessThan(1000);
    expect(other.value).toEqual({ status: 200, body: { data: { country: { name: "Kazakhstan" } } } });
    expect(ready.ms).toBeLessThan(1000);
    expect(ready.value).toEqual({ status: 200, body: { status: "ready" } });
  });

  test("the same long words within the cost limit (5 aliases): each search refused as bad input before any SQL", async () => {
    const search = Array.from({ length: 10 }, (_, j) => `w${j}`.padEnd(1300, "qzx")).join(" ");
    const aliases = Array.from({ length: 5 }, (_, i) => `a${i}: articles(filter: { search: "${search}" }) { totalCount }`);
    server.resetSql();
    const { ms, value } = await timed(() => post(server, { query: `{ ${aliases.join(" ")} }` }));
    expect(ms).toBeLessThan(1000);
    expect(codes(value.body)).toEqual(["BAD_USER_INPUT"]);
    expect(value.body.errors![0]).toMatchObject({ message: `"search" takes at most ${MAX_SEARCH_LENGTH} characters, got ${search.length}`, extensions: { argumentName: "search" } });
    expect(server.sql).toEqual([]);
  });

  test(`search text of ${MAX_SEARCH_LENGTH} characters passes, one more is refused (literal or variable)`, async () => {
    // Ten words (the most a search takes) and the spaces between them: MAX_SEARCH_LENGTH characters.
    const atLimit = Array.from({ length: 10 }, (_, i) => (i === 0 ? "kazakhstan" : `kazakhstan${i}`).padEnd(i === 0 ? MAX_SEARCH_LENGTH - 9 * 20 - 9 : 20, "x")).join(" ");
    expect(atLimit.length).toBe(MAX_SEARCH_LENGTH);
    const query = `query ($search: String) { articles(filter: { search: $search }) { totalCount } }`;
    expect((await post(server, { query, variables: { search: atLimit } })).body.errors).toBeUndefined();
    const over = await post(server, { query, variables: { search: `${atLimit}x` } });
    expect(codes(over.body)).toEqual(["BAD_USER_INPUT"]);
  });

  test("totalCount and search weigh in the cost limit: 12 counted searches pass, 13 do not; a filter in a variable counts as a search", async () => {
    const counted = (n: number, filter: (i: number) => string) =>
      `query${filter(0).includes("$f") ? " ($f: ArticleFilter)" : ""} { ${Array.from({ length: n }, (_, i) => `a${i}: articles(${filter(i)}) { totalCount }`).join(" ")} }`;
    const literal = (i: number) => `filter: { search: "kazakhstan w${i}" }`;
    expect(12 * (SEARCH_COST + TOTAL_COUNT_COST)).toBeLessThanOrEqual(5000);
    expect(13 * (SEARCH_COST + TOTAL_COUNT_COST)).toBeGreaterThan(5000);
    const passes = await post(server, { query: counted(12, literal) });
    expect(passes.body.errors).toBeUndefined();
    const refused = await post(server, { query: counted(13, literal) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: "OPERATION_LIMIT_EXCEEDED", limit: "cost", max: 5000 }, message: expect.stringContaining("found 5200 in database work") }),
    ]);
    const viaVariable = await post(server, { query: counted(13, (i) => `first: ${i + 1}, filter: $f`), variables: { f: {} } });
    expect(codes(viaVariable.body)).toEqual(["OPERATION_LIMIT_EXCEEDED"]);
    // Through a fragment spread 13 times, each spread counts.
    const fragment = `query { ${Array.from({ length: 13 }, (_, i) => `a${i}: articles(filter: { search: "w${i}" }) { ...Count }`).join(" ")} } fragment Count on ArticleConnection { totalCount }`;
    expect(codes((await post(server, { query: fragment })).body)).toEqual(["OPERATION_LIMIT_EXCEEDED"]);
  });

  test("a search is answered from the GIN index on searchVector", async () => {
    const plans = await server.prisma.$transaction(async (tx) => {
      // The seed is small: without this PostgreSQL would rightly read the table instead.
      await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`);
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT count(*) FROM "Article" a WHERE a."searchVector" @@ plainto_tsquery('english', 'allied summit')`,
      );
    });
    expect(plans.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Article_searchVector_idx");
  });
});

describe("on a database of its own, with Article locked", () => {
  let database: EmptyDatabase;
  let server: TestServer;
  let admin: pg.Client;
  beforeAll(async () => {
    database = await createEmptyDatabase("database_work");
    server = await startTestServer({ databaseUrl: database.url, env: { RESPONSE_CACHE: "off", DB_POOL_MAX: "4", DB_STATEMENTS_PER_REQUEST: "2" } });
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await server.stop();
    await database.drop();
  });

  const waitingOnLocks = async () =>
    Number(
      (await admin.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`)).rows[0]
        .n,
    );

  test("a request of 10 aliased lists holds 2 of the 4 connections (DB_STATEMENTS_PER_REQUEST); another client's query and /readyz answer within a second", async () => {
    // Prisma's first query loads its query compiler, and every pool connection is opened: a connection
    // opened while Article is locked can wait on that lock in its start-up, before it runs anything.
    await Promise.all(Array.from({ length: 4 }, () => server.prisma.$queryRawUnsafe(`SELECT 1 AS one FROM pg_sleep(0.2)`)));
    await admin.query("BEGIN");
    await admin.query(`LOCK TABLE "Article" IN ACCESS EXCLUSIVE MODE`);
    let heavy: Promise<Awaited<ReturnType<typeof post>>> | undefined;
    try {
      const aliases = Array.from({ length: 10 }, (_, i) => `a${i}: articles(first: ${i + 1}) { edges { node { id } } }`);
      heavy = post(server, { query: `{ ${aliases.join(" ")} }` });
      for (let tries = 0; tries < 100 && (await waitingOnLocks()) < 2; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      // Let any statement over the limit reach the database if it were going to.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await waitingOnLocks()).toBe(2);
      const [other, ready] = await Promise.all([timed(() => post(server, { query: `{ country(isoCode: "KZ") { name } }` })), timed(() => readyz(server))]);
      expect(other.value).toEqual({ status: 200, body: { data: { country: { name: "Kazakhstan" } } } });
      expect(other.ms).toBeLessThan(1000);
      expect(ready.value).toEqual({ status: 200, body: { status: "ready" } });
      expect(ready.ms).toBeLessThan(1000);
    } finally {
      await admin.query("COMMIT");
    }
    const answered = await heavy!;
    expect(answered.status).toBe(200);
    expect(answered.body.errors).toBeUndefined();
    expect(Object.keys(answered.body.data!)).toHaveLength(10);
  });
});
