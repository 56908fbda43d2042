// The cache policy read from the document must be the one Apollo's own
// cacheControl plugin computes field by field while the operation runs
// (or stricter, never looser). Both run here on the real schema and data.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import { Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { operationCachePolicy, type CachePolicy } from "../../src/cache/cache-policy";
import { loadConfig } from "../../src/config";
import { createContext, type Context } from "../../src/context";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { buildFederatedSchema } from "../../src/schema";
import { startTestServer, testDatabaseUrl } from "../helpers/test-server";

const DEFAULT_MAX_AGE = 60;
const config = loadConfig({ NODE_ENV: "test" });
let prisma: PrismaClient;
let schema: GraphQLSchema;
let apollo: ApolloServer<Context>;
let placeId: string;
let lastPolicy: CachePolicy | undefined;

beforeAll(async () => {
  prisma = createPrismaClient(testDatabaseUrl(), config);
  schema = await buildFederatedSchema({ maxEntityRepresentations: 100 });
  apollo = new ApolloServer<Context>({
    schema: await buildFederatedSchema({ maxEntityRepresentations: 100 }),
    plugins: [
      ApolloServerPluginCacheControl({ defaultMaxAge: DEFAULT_MAX_AGE, calculateHttpHeaders: false }),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ overallCachePolicy }) {
              lastPolicy = { maxAge: overallCachePolicy.maxAge, scope: overallCachePolicy.scope };
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  placeId = (await prisma.place.findFirstOrThrow({ select: { id: true } })).id;
});
afterAll(async () => {
  await apollo.stop();
  await prisma.$disconnect();
});

/** What Apollo's plugin decides, hooking every field as it resolves. */
async function apolloPolicy(query: string, variables: Record<string, unknown>): Promise<CachePolicy> {
  lastPolicy = undefined;
  const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(prisma, config) });
  if (response.body.kind === "single" && response.body.singleResult.errors) throw new Error(JSON.stringify(response.body.singleResult.errors));
  return lastPolicy!;
}

async function staticPolicy(query: string): Promise<CachePolicy> {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return operationCachePolicy(schema, operation, fragments, DEFAULT_MAX_AGE);
}

const cases: [string, string, () => Record<string, unknown>][] = [
  ["a place (reference data, 300 s)", `query ($id: ID!) { place(id: $id) { name kind } }`, () => ({ id: placeId })],
  ["publishers only", `{ publishers { name } }`, () => ({})],
  ["articles with their publisher: the default wins", `{ articles(first: 2) { edges { node { headline publisher { name } } } } }`, () => ({})],
  ["a place entity", `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Place { name } } }`, () => ({ r: [{ __typename: "Place", id: placeId }] })],
  [
    "fragments and nested reference data",
    `query { countries { ...C } } fragment C on Country { isoCode name }`,
    () => ({}),
  ],
  ["only __typename", `{ __typename }`, () => ({})],
];

test.each(cases)("%s: the same policy as Apollo's per-field plugin", async (_name, query, variables) => {
  const expected = await apolloPolicy(query, variables());
  const actual = await staticPolicy(query);
  expect(actual).toEqual(expected);
});

test("a document naming entity types that are not returned gets a stricter policy, never a looser one", async () => {
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Place { name } ... on Article { headline } } }`;
  // Only a place comes back: Apollo sees 300 s; the document also names Article (60 s).
  expect(await apolloPolicy(query, { r: [{ __typename: "Place", id: placeId }] })).toEqual({ maxAge: 300, scope: undefined });
  expect(await staticPolicy(query)).toEqual({ maxAge: 60 });
});

test("the policies above are not all the same (the comparison can tell them apart)", async () => {
  const policies = await Promise.all(cases.map(([, query]) => staticPolicy(query)));
  expect(new Set(policies.map((p) => p.maxAge))).toEqual(new Set([300, 60, undefined]));
});

test("over HTTP: cache-control says what the policy allows, and no-store for errors", async () => {
  const server = await startTestServer({ env: { RESPONSE_CACHE: "off" } });
  try {
    const header = async (query: string, variables?: Record<string, unknown>) =>
      (await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) })).headers.get(
        "cache-control",
      );
    expect(await header(`query ($id: ID!) { place(id: $id) { name } }`, { id: placeId })).toBe("max-age=300, public");
    expect(await header(`{ articles(first: 1) { totalCount } }`)).toBe("max-age=60, public");
    expect(await header(`{ articles(first: 1000) { totalCount } }`)).toBe("no-store");
  } finally {
    await server.stop();
  }
});
