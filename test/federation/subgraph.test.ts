// The subgraph contract: `_service { sdl }`, batched `_entities`, and the
// committed schema/subgraph.graphql kept current.
import fs from "node:fs";
import { printSubgraphSdl, SUBGRAPH_SDL_PATH } from "../../src/print-schema";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let ids: { articles: string[]; events: string[]; claims: string[] };
beforeAll(async () => {
  server = await startTestServer();
  ids = {
    articles: (await server.prisma.article.findMany({ select: { id: true } })).map((row) => row.id),
    events: (await server.prisma.event.findMany({ select: { id: true } })).map((row) => row.id),
    claims: (await server.prisma.casualtyStatistic.findMany({ select: { id: true } })).map((row) => row.id),
  };
});
afterAll(() => server.stop());

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Article { id headline }
    ... on Event { id title }
    ... on CasualtyStatistic { id figureText }
    ... on Country { id isoCode name }
  }
}`;

test("_service.sdl links Federation 2.7 and puts @key on the entities (Country also by isoCode)", async () => {
  const response = await server.query(`{ _service { sdl } }`);
  const sdl: string = response.data!._service.sdl;
  expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
  for (const type of ["Article", "Event", "CasualtyStatistic", "Organization", "Person", "Place", "Publisher", "Claimant", "Crisis"]) {
    expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
  }
  expect(sdl).toMatch(/type Country\s+@key\(fields: "id"\)\s+@key\(fields: "isoCode"\)/);
  expect(sdl).toMatch(/type PageInfo\s+@shareable/);
});

test("schema/subgraph.graphql is current (run `npm run schema:print` after changing the schema)", async () => {
  const committed = fs.readFileSync(SUBGRAPH_SDL_PATH, "utf8");
  expect(committed).toBe(await printSubgraphSdl());
  const served = await server.query(`{ _service { sdl } }`);
  expect(`${served.data!._service.sdl.trim()}\n`).toBe(committed);
});

test("_entities answers in the order asked, null for unknown keys, one statement per entity type", async () => {
  const unknown = "00000000-0000-4000-8000-000000000000";
  const representations = [
    { __typename: "Article", id: ids.articles[0] },
    ...ids.events.map((id) => ({ __typename: "Event", id })),
    { __typename: "Event", id: unknown },
    ...ids.claims.map((id) => ({ __typename: "CasualtyStatistic", id })),
    { __typename: "Country", isoCode: "KZ" },
    { __typename: "Country", isoCode: "ZZ" },
    { __typename: "Article", id: "not-a-uuid" },
  ];
  server.resetSql();
  const response = await server.query(ENTITIES, { representations });
  expect(response.errors).toBeUndefined();
  const entities = response.data!._entities;
  expect(entities).toHaveLength(representations.length);
  expect(entities[0]).toMatchObject({ __typename: "Article", id: ids.articles[0] });
  ids.events.forEach((id, i) => expect(entities[1 + i]).toMatchObject({ __typename: "Event", id }));
  expect(entities[1 + ids.events.length]).toBeNull();
  const claimsAt = 2 + ids.events.length;
  ids.claims.forEach((id, i) => expect(entities[claimsAt + i]).toMatchObject({ __typename: "CasualtyStatistic", id }));
  expect(entities[claimsAt + ids.claims.length]).toMatchObject({ __typename: "Country", isoCode: "KZ", name: "Kazakhstan" });
  expect(entities[claimsAt + ids.claims.length + 1]).toBeNull();
  expect(entities[entities.length - 1]).toBeNull();
  // Article, Event, CasualtyStatistic, Country (by isoCode)
  expect(server.sql).toHaveLength(4);
});

describe("exploration and tracing", () => {
  test("development: the landing page embeds Apollo Sandbox on this endpoint, and introspection works", async () => {
    const page = await fetch(server.url, { headers: { accept: "text/html" } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("embeddable-sandbox");
    const introspection = await server.query(`{ __schema { queryType { name } } }`);
    expect(introspection.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  test("production: no playground, introspection off, but _service { sdl } still answers the router (it carries ROUTER_SECRET)", async () => {
    const secret = "router-secret-for-subgraph-tests-0123";
    const production = await startTestServer({ env: { NODE_ENV: "production", ROUTER_SECRET: secret } });
    const post = (query: string) =>
      fetch(production.url, { method: "POST", headers: { "content-type": "application/json", "router-authorization": secret }, body: JSON.stringify({ query }) }).then(
        (response) => response.json() as Promise<{ data?: any; errors?: { message: string; extensions?: { code?: string } }[] }>,
      );
    try {
      const page = await fetch(production.url, { headers: { accept: "text/html" } });
      expect(await page.text()).not.toContain("embeddable-sandbox");
      const introspection = await post(`{ __schema { queryType { name } } }`);
      expect(introspection.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(introspection.errors?.[0].message).toMatch(/introspection is not allowed/i);
      const service = await post(`{ _service { sdl } }`);
      expect(service.errors).toBeUndefined();
      expect(service.data!._service.sdl).toContain("type Article");
      // Without ROUTER_SECRET a production server serves _service to nobody: test/hardening/router-only.test.ts.
    } finally {
      await production.stop();
    }
  });

  test("a router asking for a federated trace (ftv1) gets one", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "apollo-federation-include-trace": "ftv1" },
      body: JSON.stringify({ query: `{ countries { isoCode } }` }),
    });
    const body = (await response.json()) as { extensions?: { ftv1?: string } };
    expect(typeof body.extensions?.ftv1).toBe("string");
    expect(body.extensions!.ftv1!.length).toBeGreaterThan(20);
  });
});
