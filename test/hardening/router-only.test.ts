// The schema behind the contract stays private (issue 13, item 5), over real
// HTTP: a production server without ROUTER_SECRET refuses `_service`,
// `_entities`, @inaccessible fields and federated traces to every caller with
// ROUTER_ONLY (and says so at start-up); with the secret, only requests
// carrying it get them.
import { createLogger } from "../../src/logger";
import { startTestServer, type TestServer } from "../helpers/test-server";

const ROUTER_SECRET = "router-secret-for-router-only-tests-01";

async function post(server: TestServer, query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) {
  server.resetSql();
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: any }, text, sql: [...server.sql] };
}

const PROBES: [string, string][] = [
  ["_service { sdl }", `{ _service { sdl } }`],
  ["_entities", `{ _entities(representations: [{ __typename: "Country", isoCode: "KZ" }]) { ... on Country { name } } }`],
  ["an @inaccessible field (CasualtyStatistic.reviewedBy)", `{ casualtyStatistics(first: 1) { edges { node { id reviewedBy } } } }`],
  ["an @inaccessible field (Article.contentHash) through a fragment", `{ articles(first: 1) { edges { node { ...Hash } } } } fragment Hash on Article { contentHash }`],
  ["reviewedBy through _entities", `{ _entities(representations: [{ __typename: "CasualtyStatistic", id: "00000000-0000-4000-8000-000000000000" }]) { ... on CasualtyStatistic { reviewedBy } } }`],
];

describe("production without ROUTER_SECRET", () => {
  let server: TestServer;
  const lines: { level: string; msg: string }[] = [];
  beforeAll(async () => {
    const logger = createLogger("warn", {
      write(line: string) {
        lines.push(JSON.parse(line));
      },
    });
    server = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off" }, logger });
  });
  afterAll(() => server.stop());

  test("start-up warns that the router-only parts are closed", () => {
    expect(lines.some((line) => line.level === "warn" && /without ROUTER_SECRET: _service, _entities, @inaccessible fields and federated traces are refused/.test(line.msg))).toBe(true);
  });

  test.each(PROBES)("%s: 400 ROUTER_ONLY, before any SQL, nothing of the schema in the answer", async (_name, query) => {
    const { status, body, text, sql } = await post(server, query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors!.length).toBeGreaterThanOrEqual(1);
    expect(body.errors!.every((error) => error.extensions?.code === "ROUTER_ONLY")).toBe(true);
    expect(body.errors![0].message).toMatch(/for the federation router only/);
    expect(text).not.toMatch(/@key|type Article|reviewer|sha256/i);
    expect(sql).toEqual([]);
  });

  test("a trace request (ftv1) is refused with 403 ROUTER_ONLY, before anything runs", async () => {
    const { status, body, sql } = await post(server, `{ countries { isoCode } }`, { "apollo-federation-include-trace": "ftv1" });
    expect(status).toBe(403);
    expect(body.errors![0].extensions).toEqual({ code: "ROUTER_ONLY" });
    expect(body.extensions?.ftv1).toBeUndefined();
    expect(sql).toEqual([]);
  });

  test("the public schema still answers", async () => {
    const { status, body } = await post(server, `{ casualtyStatistics(first: 1) { edges { node { id reviewStatus } } } countries { isoCode } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe("production with ROUTER_SECRET", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off", ROUTER_SECRET } });
  });
  afterAll(() => server.stop());

  test.each(PROBES)("%s: answered to the router", async (_name, query) => {
    const { status, body } = await post(server, query, { "router-authorization": ROUTER_SECRET });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  test.each(PROBES)("%s: refused to anyone else (401)", async (_name, query) => {
    const { status, body, sql } = await post(server, query);
    expect(status).toBe(401);
    expect(body.errors![0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(sql).toEqual([]);
  });

  test("the router gets its trace", async () => {
    const { status, body } = await post(server, `{ countries { isoCode } }`, { "router-authorization": ROUTER_SECRET, "apollo-federation-include-trace": "ftv1" });
    expect(status).toBe(200);
    expect(typeof body.extensions?.ftv1).toBe("string");
  });
});

test("outside production (development, tests, a local gateway) they stay open without a secret", async () => {
  const server = await startTestServer({ env: { RESPONSE_CACHE: "off" } });
  try {
    const { status, body } = await post(server, `{ _service { sdl } }`);
    expect(status).toBe(200);
    expect(body.data._service.sdl).toContain("type Article");
  } finally {
    await server.stop();
  }
});
