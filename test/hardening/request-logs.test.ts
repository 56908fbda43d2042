// Request ids and logs: every response carries an id, every log line about a
// request carries the same id, errors are logged with it, and no credential
// ever reaches the log stream, whatever the level.
import { createLogger } from "../../src/logger";
import { startTestServer, type TestServer } from "../helpers/test-server";

const KEY = "log-test-api-key-0123456789abcdefgh";
const WRONG_KEY = "log-test-wrong-key-zyxwvutsrqponmlk";
const ROUTER_SECRET = "log-test-router-secret-0123456789";
const DB_PASSWORD = "log-test-db-password-0123456789";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function captured(level: string) {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, any>) };
}

async function post(server: TestServer, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, requestId: response.headers.get("x-request-id"), body: (await response.json()) as any };
}

describe("request ids", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  test("every response carries one: generated, or the caller's when it is sane", async () => {
    expect((await post(server, "{ __typename }")).requestId).toMatch(UUID);
    const first = await post(server, "{ __typename }");
    const second = await post(server, "{ __typename }");
    expect(first.requestId).not.toBe(second.requestId);
    expect((await post(server, "{ __typename }", { "x-request-id": "lb-7f3a:42" })).requestId).toBe("lb-7f3a:42");
    const health = await fetch(new URL("/healthz", server.url), { headers: { "x-request-id": "probe-1" } });
    expect(health.headers.get("x-request-id")).toBe("probe-1");
  });

  test.each([
    ["spaces and markup", "<script>alert(1)</script> x"],
    ["too long", "a".repeat(129)],
    ["a forged JSON field", '1","level":"fatal'],
  ])("an insane incoming id (%s) is replaced", async (_name, incoming) => {
    expect((await post(server, "{ __typename }", { "x-request-id": incoming })).requestId).toMatch(UUID);
  });
});

describe("log lines", () => {
  test("an internal error is logged at error level with the request id, its cause and no credential", async () => {
    const log = captured("trace");
    // A database that does not exist: every query fails inside a resolver.
    const broken = await startTestServer({
      env: { NODE_ENV: "production", RESPONSE_CACHE: "off", API_KEYS: `reader:${KEY}:write`, ROUTER_SECRET },
      databaseUrl: `postgresql://postgres:${DB_PASSWORD}@127.0.0.1:5432/crisis_graph_no_such_database`,
      logger: log.logger,
    });
    try {
      const router = { "router-authorization": ROUTER_SECRET };
      const failed = await post(broken, "{ articles(first: 1) { edges { node { id } } } }", { ...router, authorization: `Bearer ${KEY}`, "x-request-id": "req-internal-1" });
      expect(failed.body.errors[0].extensions.code).not.toBe("BAD_USER_INPUT");
      const refused = await post(broken, "{ __typename }", { ...router, authorization: `Bearer ${WRONG_KEY}`, "x-request-id": "req-unknown-key" });
      expect(refused.status).toBe(401);
      const mistaken = await post(broken, "{ nope }", { ...router, "x-request-id": "req-client" });
      expect(mistaken.status).toBe(400);

      const records = log.records();
      const internal = records.filter((record) => record.requestId === "req-internal-1" && record.level === "error");
      expect(internal).toHaveLength(1);
      expect(internal[0]).toMatchObject({ msg: "internal error", service: "crisis-graph", path: ["articles"], err: { message: expect.any(String), stack: expect.any(String) } });
      // At trace level there are client-error and access lines too: each names its request.
      expect(records.some((record) => record.requestId === "req-client" && record.level === "debug" && record.code === "GRAPHQL_VALIDATION_FAILED")).toBe(true);
      const access = records.filter((record) => record.msg === "request");
      expect(access.map((record) => [record.requestId, record.status])).toEqual(expect.arrayContaining([["req-unknown-key", 401]]));
      for (const record of records.filter((record) => record.msg === "request" || record.msg === "internal error" || record.msg === "client error")) {
        expect(record.requestId).toEqual(expect.any(String));
      }
      const everything = log.lines.join("\n");
      for (const secret of [KEY, WRONG_KEY, ROUTER_SECRET, DB_PASSWORD]) expect(everything).not.toContain(secret);
    } finally {
      await broken.stop();
    }
  });

  test("at the default level a good request writes nothing: no per-request line on the hot path", async () => {
    const log = captured("info");
    const server = await startTestServer({ env: { RESPONSE_CACHE: "off" }, logger: log.logger });
    try {
      for (let i = 0; i < 5; i++) expect((await post(server, "{ countries { isoCode } }")).status).toBe(200);
      expect(log.lines).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  test("a rate limit reached is logged once per window, not once per refused request", async () => {
    const log = captured("info");
    const server = await startTestServer({ env: { RATE_LIMIT_PER_ADDRESS: "1" }, logger: log.logger });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(server, "{ __typename }", { "x-request-id": `burst-${i}` })).status);
      expect(statuses).toEqual([200, 429, 429, 429]);
      const warnings = log.records().filter((record) => record.msg === "rate limit reached");
      expect(warnings).toEqual([expect.objectContaining({ level: "warn", requestId: "burst-1", bucket: "address", caller: expect.any(String) })]);
    } finally {
      await server.stop();
    }
  });
});
