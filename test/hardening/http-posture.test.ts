// What a production server answers to malformed or abusive HTTP requests:
// a clear status and code, and nothing reaching the database.
import pg from "pg";
import { startTestServer, testDatabaseUrl, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off" } });
});
afterAll(() => server.stop());

async function send(init: RequestInit & { path?: string }) {
  server.resetSql();
  const response = await fetch(new URL(init.path ?? "", server.url), init);
  const text = await response.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, sql: [...server.sql] };
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

test("introspection is refused in production", async () => {
  const { status, body, sql } = await send(json({ query: "{ __schema { types { name } } }" }));
  expect(status).toBe(400);
  expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  expect(sql).toEqual([]);
});

test("a misspelled field gets no suggestion", async () => {
  const { status, body } = await send(json({ query: "{ countries { isoCod } }" }));
  expect(status).toBe(400);
  expect(JSON.stringify(body)).not.toMatch(/Did you mean|isoCode/);
});

test("a parse error is GRAPHQL_PARSE_FAILED", async () => {
  const { status, body, sql } = await send(json({ query: "{ countries { " }));
  expect(status).toBe(400);
  expect(body.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
  expect(sql).toEqual([]);
});

test("a body over 1 MB is refused with 413", async () => {
  const { status, body, sql } = await send(json({ query: `{ countries { isoCode } }`, variables: { pad: "x".repeat(2 * 1024 * 1024) } }));
  expect(status).toBe(413);
  expect(body.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  expect(sql).toEqual([]);
});

test("a JSON array of operations (batching) is refused", async () => {
  const batch = Array.from({ length: 10 }, () => ({ query: "{ countries { isoCode } }" }));
  const { status, sql } = await send(json(batch));
  expect(status).toBe(400);
  expect(sql).toEqual([]);
});

test.each([
  ["GET without a preflight header", { method: "GET", path: "?query=%7Bcountries%7BisoCode%7D%7D" }],
  ["text/plain POST", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ countries { isoCode } }" }) }],
  ["url-encoded POST", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "query=%7Bcountries%7BisoCode%7D%7D" }],
])("%s is refused (CSRF prevention), nothing runs", async (_name, init) => {
  const { status, sql } = await send(init as RequestInit & { path?: string });
  expect(status).toBe(400);
  expect(sql).toEqual([]);
});

test("a mutation over GET is refused with 405", async () => {
  const query = encodeURIComponent('mutation { rejectCasualtyStatistic(id: "00000000-0000-4000-8000-000000000000") { id } }');
  const { status, sql } = await send({ method: "GET", path: `?query=${query}`, headers: { "apollo-require-preflight": "true" } });
  expect(status).toBe(405);
  expect(sql).toEqual([]);
});

test("a non-UTF-8 charset is refused with 415", async () => {
  const { status, sql } = await send({
    method: "POST",
    headers: { "content-type": "application/json; charset=iso-8859-1" },
    body: JSON.stringify({ query: "{ countries { isoCode } }" }),
  });
  expect(status).toBe(415);
  expect(sql).toEqual([]);
});

test("an object where a scalar variable is expected is BAD_USER_INPUT", async () => {
  const { status, body, sql } = await send(json({ query: "query ($id: ID!) { article(id: $id) { id } }", variables: { id: { $ne: null } } }));
  expect(status).toBe(400);
  expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  expect(sql).toEqual([]);
});

test("SQL in a string argument is only text", async () => {
  // Full-text search keeps the words of it ("or" is a stop word): it finds what the word "1" finds, never more.
  const { status, body } = await send(
    json({ query: `{ injected: articles(filter: { search: "' OR 1=1 --" }) { totalCount } words: articles(filter: { search: "1" }) { totalCount } all: articles { totalCount } }` }),
  );
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(body.data.injected.totalCount).toBe(body.data.words.totalCount);
  expect(body.data.injected.totalCount).toBeLessThanOrEqual(body.data.all.totalCount);
});

test("a statement past the statement timeout is cancelled by PostgreSQL and reported as QUERY_TIMEOUT", async () => {
  const impatient = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off", DB_STATEMENT_TIMEOUT_MS: "300" } });
  const locker = new pg.Client({ connectionString: testDatabaseUrl() });
  await locker.connect();
  try {
    // Holding a lock makes the server's read wait, deterministically, until PostgreSQL cancels it.
    await locker.query("BEGIN");
    await locker.query('LOCK TABLE "Country" IN ACCESS EXCLUSIVE MODE');
    const started = Date.now();
    const response = await fetch(impatient.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ countries { isoCode } }" }) });
    const body = (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] };
    expect(Date.now() - started).toBeLessThan(5000);
    expect(body.errors?.[0].extensions.code).toBe("QUERY_TIMEOUT");
    expect(body.errors?.[0].message).not.toMatch(/SELECT|Country|57014/);
  } finally {
    await locker.query("ROLLBACK");
    await locker.end();
    await impatient.stop();
  }
});
