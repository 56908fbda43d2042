// A real gateway (@apollo/gateway) in front of this server and the media
// subgraph, all over HTTP: queries that cross both, entity fetches batched
// into one SQL statement per type and plan step, and the router secret.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import fs from "node:fs";
import { SUBGRAPH_SDL_PATH } from "../../src/print-schema";
import { composeSupergraph } from "../../src/supergraph";
import { createSyntheticCrisis, type SyntheticCrisis } from "../helpers/synthetic-data";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { MEDIA_SDL, startMediaSubgraph } from "./media-subgraph";

const ROUTER_SECRET = "router-secret-for-tests-0123456789";
let crisisGraph: TestServer;
let media: { url: string; stop(): Promise<void> };
let gateway: ApolloServer;
let gatewayUrl: string;
let synthetic: SyntheticCrisis;

beforeAll(async () => {
  crisisGraph = await startTestServer({ env: { ROUTER_SECRET, MAX_ENTITY_REPRESENTATIONS: "100" } });
  synthetic = await createSyntheticCrisis(crisisGraph.prisma, { articles: 40, tag: "gateway" });
  media = await startMediaSubgraph([...synthetic.articleIds, "00000000-0000-4000-8000-000000000000"]);
  const { supergraphSdl } = composeSupergraph([
    { name: "crisis-graph", url: crisisGraph.url, sdl: withoutRouterOnlyDirectives(fs.readFileSync(SUBGRAPH_SDL_PATH, "utf8")) },
    { name: "media", url: media.url, sdl: MEDIA_SDL },
  ]);
  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource({
          url,
          willSendRequest: ({ request }) => {
            if (url === crisisGraph.url) request.http?.headers.set("router-authorization", ROUTER_SECRET);
          },
        }),
    }),
  });
  gatewayUrl = (await startStandaloneServer(gateway, { listen: { port: 0, host: "127.0.0.1" } })).url;
});

afterAll(async () => {
  await gateway?.stop();
  await media?.stop();
  await synthetic?.remove();
  await crisisGraph?.stop();
});

/**
 * @apollo/gateway refuses supergraphs with `for: SECURITY` features it cannot
 * enforce (@authenticated, @requiresScopes: Apollo Router enforces them), so
 * the gateway gets our SDL without them. They sit on mutations only and change
 * no query plan; the committed supergraph keeps them.
 */
function withoutRouterOnlyDirectives(sdl: string): string {
  const usage = / @authenticated @requiresScopes\(scopes: \[\["write"\]\]\)/g;
  // One per mutation: ingestArticle, createCrisis, updateCrisis, assignArticleToCrisis, mergeClaimants, the three reviews,
  // and the four of organisations (createOrganization, addMembership, endMembership, addChairmanship).
  expect(sdl.match(usage)).toHaveLength(12);
  return sdl.replace(usage, "");
}

async function throughGateway(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: any[] };
}

test("articles from this subgraph, with comments and fact-checks from the media subgraph", async () => {
  const result = await throughGateway(
    `query ($crisisId: ID) { articles(first: 5, filter: { crisisId: $crisisId }) { edges { node {
      id headline publisher { name } comments { author text } factChecks { verdict } wordCount
    } } } }`,
    { crisisId: synthetic.crisisId },
  );
  expect(result.errors).toBeUndefined();
  const nodes = result.data.articles.edges.map((edge: any) => edge.node);
  expect(nodes).toHaveLength(5);
  for (const node of nodes) {
    expect(node.comments).toEqual([
      { author: "reader-1", text: `First comment on ${node.id}` },
      { author: "reader-2", text: `Second comment on ${node.id}` },
    ]);
    expect(node.factChecks).toEqual([{ verdict: "UNVERIFIED" }]);
    expect(node.publisher).toEqual({ name: "Synthetic Wire gateway" });
    // percent(0): the override is staged, the media subgraph still serves the field.
    expect(node.wordCount).toBe(-1);
  }
});

test("comments from the media subgraph resolve our articles: one SQL statement for the entities and what is fetched ahead below them", async () => {
  crisisGraph.resetSql();
  const result = await throughGateway(`{ latestComments { text article { headline publisher { name } casualtyStatistics { best claimant { name } } } } }`);
  expect(result.errors).toBeUndefined();
  const comments = result.data.latestComments;
  expect(comments).toHaveLength(82);
  // In the order asked: each comment's article is the one it names.
  const known = comments.slice(0, 80);
  for (const [i, comment] of known.entries()) {
    const id = synthetic.articleIds[Math.floor(i / 2)];
    expect(comment.text).toContain(id);
    expect(comment.article.headline).toMatch(/^Synthetic headline \d+$/);
    expect(comment.article.casualtyStatistics).toHaveLength(2);
  }
  // Unknown key: null, not an error.
  expect(comments[80].article).toBeNull();
  expect(comments[81].article).toBeNull();
  // _entities(Article) with its publishers, claims and claimants fetched ahead: 1 statement for 40 articles.
  expect(crisisGraph.sql).toHaveLength(1);
});

test("countries enriched from the other side, joined by ISO code", async () => {
  crisisGraph.resetSql();
  const result = await throughGateway(`{ pressFreedomIndex { isoCode pressFreedomRank name memberships { from to organization { acronym } } } }`);
  expect(result.errors).toBeUndefined();
  const countries = result.data.pressFreedomIndex;
  expect(countries.map((c: any) => c.isoCode)).toEqual(["AM", "KG", "KZ", "TJ", "BY", "RU"]);
  expect(countries.find((c: any) => c.isoCode === "KZ")).toMatchObject({
    name: "Kazakhstan",
    pressFreedomRank: 122,
    memberships: [{ from: "1992-05-15", to: null, organization: { acronym: "CSTO" } }],
  });
  // _entities(Country by isoCode), memberships, organisations.
  expect(crisisGraph.sql).toHaveLength(3);
});

describe("behind a router", () => {
  async function direct(query: string, headers: Record<string, string> = {}) {
    const response = await fetch(crisisGraph.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  }

  test.each([
    ["a query", `{ countries { isoCode } }`],
    ["_service", `{ _service { sdl } }`],
    ["_entities", `{ _entities(representations: [{ __typename: "Country", isoCode: "KZ" }]) { ... on Country { name } } }`],
  ])("%s without the router secret: 401 before execution", async (_name, query) => {
    crisisGraph.resetSql();
    for (const headers of [{}, { "router-authorization": "wrong" }] as Record<string, string>[]) {
      const { status, body } = await direct(query, headers);
      expect(status).toBe(401);
      expect(body.errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
    }
    expect(crisisGraph.sql).toHaveLength(0);
  });

  test("with the secret, _service { sdl } answers", async () => {
    const { status, body } = await direct(`{ _service { sdl } }`, { "router-authorization": ROUTER_SECRET });
    expect(status).toBe(200);
    expect(body.data._service.sdl).toContain("@key");
  });

  test("more representations than the cap: a clear error, no SQL", async () => {
    crisisGraph.resetSql();
    const representations = Array.from({ length: 101 }, () => `{ __typename: "Country", isoCode: "KZ" }`).join(", ");
    const { body } = await direct(`{ _entities(representations: [${representations}]) { ... on Country { name } } }`, {
      "router-authorization": ROUTER_SECRET,
    });
    expect(body.errors?.[0]).toMatchObject({
      message: "_entities takes at most 100 representations per call, got 101",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(crisisGraph.sql).toHaveLength(0);
  });
});
