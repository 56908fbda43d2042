// Trusted documents over real HTTP: Apollo's automatic persisted queries by
// default, and safelist mode with a manifest built from a frontend's
// .graphql files (test/fixtures/frontend-operations).
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config";
import { buildManifest, graphqlFiles } from "../../src/gatekeeping/manifest";
import { operationLimitRules } from "../../src/gatekeeping/operation-limits";
import type { PersistedQueryManifest } from "../../src/gatekeeping/persisted-queries";
import { buildFederatedSchema } from "../../src/schema";
import { startTestServer, type TestServer } from "../helpers/test-server";

const FRONTEND = path.join(__dirname, "../fixtures/frontend-operations");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function post(server: TestServer, body: unknown, headers: Record<string, string> = {}) {
  server.resetSql();
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] }, sql: [...server.sql] };
}

async function get(server: TestServer, params: Record<string, unknown>) {
  server.resetSql();
  const search = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, typeof value === "string" ? value : JSON.stringify(value)]));
  const response = await fetch(`${server.url}?${search}`, { headers: { "apollo-require-preflight": "true" } });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] }, sql: [...server.sql] };
}

const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe("automatic persisted queries (the default)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off" } });
  });
  afterAll(() => server.stop());

  test("hash first, then hash and query, then the hash alone runs it (also over GET)", async () => {
    // A query no other test sends, so the APQ cache cannot know it yet.
    const query = `{ countries { isoCode apq: name } }`;
    const hash = sha256(query);
    const unknown = await post(server, { extensions: persisted(hash) });
    expect(unknown.status).toBe(200); // the APQ protocol: the client resends with the query
    expect(unknown.body.errors![0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(unknown.sql).toEqual([]);

    const registered = await post(server, { query, extensions: persisted(hash) });
    expect(registered.status).toBe(200);
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data.countries.length).toBeGreaterThan(0);

    const byHash = await post(server, { extensions: persisted(hash) });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(registered.body);
    expect(byHash.sql.length).toBeGreaterThan(0);

    const overGet = await get(server, { extensions: persisted(hash) });
    expect(overGet.status).toBe(200);
    expect(overGet.body).toEqual(registered.body);
  });

  test("an unknown hash is PERSISTED_QUERY_NOT_FOUND, nothing runs", async () => {
    const { status, body, sql } = await post(server, { extensions: persisted("0".repeat(64)) });
    expect(status).toBe(200);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(sql).toEqual([]);
  });

  test("a hash that is not the query's SHA-256 is refused (400 PERSISTED_QUERY_HASH_MISMATCH), nothing registered or run", async () => {
    const query = `{ countries { mismatch: isoCode } }`;
    const wrong = sha256("something else");
    const { status, body, sql } = await post(server, { query, extensions: persisted(wrong) });
    expect(status).toBe(400);
    expect(body.errors![0].extensions.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
    expect(sql).toEqual([]);
    expect((await post(server, { extensions: persisted(wrong) })).body.errors![0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  test("an operation over a limit is refused and never registered", async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    const hash = sha256(query);
    const refused = await post(server, { query, extensions: persisted(hash) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors![0].extensions.code).toBe("OPERATION_LIMIT_EXCEEDED");
    expect((await post(server, { extensions: persisted(hash) })).body.errors![0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  test("PERSISTED_QUERIES=off: a hash gets PERSISTED_QUERY_NOT_SUPPORTED", async () => {
    const off = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off", PERSISTED_QUERIES: "off" } });
    try {
      const { body, sql } = await post(off, { extensions: persisted("0".repeat(64)) });
      expect(body.errors![0].extensions.code).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
      expect(sql).toEqual([]);
    } finally {
      await off.stop();
    }
  });
});

describe("safelist mode", () => {
  const ROUTER_SECRET = "router-secret-for-safelist-tests-0123";
  let manifest: PersistedQueryManifest;
  let manifestFile: string;
  let server: TestServer;
  const byName = (name: string) => manifest.operations.find((operation) => operation.name === name)!;

  beforeAll(async () => {
    const config = loadConfig({});
    const schema = await buildFederatedSchema();
    manifest = buildManifest(
      graphqlFiles([FRONTEND]).map((file) => ({ name: file, text: fs.readFileSync(file, "utf8") })),
      schema,
      operationLimitRules(config.operationLimits),
    );
    manifestFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-pq-")), "manifest.json");
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    server = await startTestServer({
      env: { NODE_ENV: "production", RESPONSE_CACHE: "off", PERSISTED_QUERIES: "safelist", PERSISTED_QUERIES_MANIFEST: manifestFile },
    });
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(path.dirname(manifestFile), { recursive: true, force: true });
  });

  test("the manifest: one entry per named operation, with every fragment it spreads, the id its body's SHA-256", () => {
    expect(manifest.format).toBe("apollo-persisted-query-manifest");
    expect(manifest.version).toBe(1);
    expect(manifest.operations.map((operation) => operation.name)).toEqual(["CstoMembers", "LatestArticles"]);
    for (const operation of manifest.operations) expect(operation.id).toBe(sha256(operation.body));
    // MemberState spreads CountryName: both come along, from another file for LatestArticles' card.
    expect(byName("CstoMembers").body).toMatch(/fragment CountryName on Country[\s\S]*fragment MemberState on Country/);
    expect(byName("LatestArticles").body).toContain("fragment ArticleCard on Article");
    expect(byName("LatestArticles").body).not.toContain("MemberState");
  });

  test("an operation sent by id alone runs (POST and GET)", async () => {
    const { id } = byName("CstoMembers");
    const posted = await post(server, { extensions: persisted(id), variables: { asOf: "2022-01-09" } });
    expect(posted.status).toBe(200);
    expect(posted.body.errors).toBeUndefined();
    expect(posted.body.data.cstoMembers.map((country: { isoCode: string }) => country.isoCode)).toContain("KZ");

    const overGet = await get(server, { extensions: persisted(id), variables: { asOf: "2022-01-09" } });
    expect(overGet.status).toBe(200);
    expect(overGet.body).toEqual(posted.body);
  });

  test("the manifest's body runs, exactly or up to whitespace and comments", async () => {
    const { body } = byName("LatestArticles");
    const exact = await post(server, { query: body, variables: { first: 1 } });
    expect(exact.status).toBe(200);
    expect(exact.body.data.articles.edges).toHaveLength(1);
    const reformatted = await post(server, { query: `# from the app\n${body.replace(/\s+/g, " ")}`, variables: { first: 1 } });
    expect(reformatted.status).toBe(200);
    expect(reformatted.body).toEqual(exact.body);
  });

  test("any other operation is refused (403 QUERY_NOT_IN_SAFELIST), nothing runs", async () => {
    const { status, body, sql } = await post(server, { query: "{ countries { isoCode } }" });
    expect(status).toBe(403);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: "QUERY_NOT_IN_SAFELIST" } })]);
    expect(sql).toEqual([]);
    // A manifest operation changed in any way but layout is another operation.
    const changed = await post(server, { query: byName("LatestArticles").body.replace("headline", "headline url"), variables: { first: 1 } });
    expect(changed.status).toBe(403);
  });

  test("an unknown id is refused (404 PERSISTED_QUERY_NOT_IN_LIST), and APQ cannot register one", async () => {
    const query = "{ countries { isoCode } }";
    const unknown = await post(server, { extensions: persisted(sha256(query)) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors![0].extensions.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    expect(unknown.sql).toEqual([]);
    const registering = await post(server, { query, extensions: persisted(sha256(query)) });
    expect(registering.status).toBe(403);
    expect((await post(server, { extensions: persisted(sha256(query)) })).status).toBe(404);
  });

  test("router traffic (valid ROUTER_SECRET) is not safelisted: _entities and _service keep working", async () => {
    const behindRouter = await startTestServer({
      env: { NODE_ENV: "production", RESPONSE_CACHE: "off", PERSISTED_QUERIES: "safelist", PERSISTED_QUERIES_MANIFEST: manifestFile, ROUTER_SECRET },
    });
    try {
      const router = { "router-authorization": ROUTER_SECRET };
      const entities = await post(
        behindRouter,
        {
          query: "query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { isoCode name } } }",
          variables: { representations: [{ __typename: "Country", isoCode: "KZ" }] },
        },
        router,
      );
      expect(entities.status).toBe(200);
      expect(entities.body.data._entities).toEqual([{ isoCode: "KZ", name: "Kazakhstan" }]);
      const service = await post(behindRouter, { query: "{ _service { sdl } }" }, router);
      expect(service.status).toBe(200);
      expect(service.body.data._service.sdl).toContain("type Article");
      // Anyone else is still refused before the safelist is even consulted.
      expect((await post(behindRouter, { query: "{ _service { sdl } }" })).status).toBe(401);
    } finally {
      await behindRouter.stop();
    }
  });
});

describe("the manifest builder refuses what the server would refuse", () => {
  let schema: Awaited<ReturnType<typeof buildFederatedSchema>>;
  const limits = operationLimitRules(loadConfig({}).operationLimits);
  beforeAll(async () => {
    schema = await buildFederatedSchema();
  });
  const build = (text: string) => () => buildManifest([{ name: "app.graphql", text }], schema, limits);

  test.each([
    ["an anonymous operation", "{ countries { isoCode } }", /needs a name/],
    ["an unknown field", "query Q { countries { nope } }", /Cannot query field "nope"/],
    ["an operation over the depth limit", "query Deep { articles { edges { node { casualtyStatistics { claimant { country { name } } } } } } }", /depth limit of 6/],
    ["an unknown fragment", "query Q { countries { ...Missing } }", /unknown fragment Missing|Unknown fragment/],
    ["two operations of one name", "query Q { countries { isoCode } } query Q { countries { name } }", /also in/],
  ])("%s", (_name, text, message) => {
    expect(build(text)).toThrow(message);
  });
});
