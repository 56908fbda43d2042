// mergeClaimants over real HTTP on an empty migrated database: two names of
// one body become one claimant; the claims follow with their history kept, a
// later page naming the merged name files its claim under the survivor, and
// bad merges are refused with a reason.
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "writer-key-0123456789abcdef0123";
let database: EmptyDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createEmptyDatabase("claimant_merge");
  server = await startTestServer({ databaseUrl: database.url, env: { API_KEYS: `newsroom:${WRITER_KEY}:write`, RESPONSE_CACHE: "off" } });
});
afterAll(async () => {
  await server.stop();
  await database.drop();
});

/** A GraphQL request with the writer's key. */
const post = (query: string, variables: Record<string, unknown> = {}) =>
  server.query(query, variables, WRITER_KEY) as Promise<{ data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] }>;

const INGEST = `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { article { casualtyStatistics { id best claimant { id name } } } } }`;
const page = (day: number, sentence: string) =>
  `Toll rises in Darfur\n\nKHARTOUM, May ${day}, 2023 (Reuters) - ${sentence}`;

async function ingest(day: number, sentence: string) {
  const response = await post(INGEST, { input: { text: page(day, sentence), url: `https://wire.example/merge-${day}`, publisher: "Reuters", crisisSlug: "sudan-2023" } });
  expect(response.errors).toBeUndefined();
  return response.data.ingestArticle.article.casualtyStatistics as { id: string; best: number; claimant: { id: string; name: string } }[];
}

test("the claims of `from` move to `into` with their history; later pages follow the merge", async () => {
  await post(`mutation { createCrisis(input: { slug: "sudan-2023", name: "War in Sudan", countryIsoCode: "SD", startDate: "2023-04-15" }) { slug } }`);
  const [first] = await ingest(2, "At least 74 people were killed in El Geneina, the Sudan Doctors' Union said on Tuesday.");
  const [second] = await ingest(3, "At least 80 people were killed in El Geneina, the Sudanese Doctors Syndicate said on Wednesday.");
  expect(first.claimant.id).not.toBe(second.claimant.id);
  const into = first.claimant;
  const from = second.claimant;

  const merged = await post(
    `mutation ($into: ID!, $from: ID!) { mergeClaimants(into: $into, from: $from) { id name casualtyStatistics { totalCount edges { node { best claimantBeforeMerge { id } } } } } }`,
    { into: into.id, from: from.id },
  );
  expect(merged.errors).toBeUndefined();
  expect(merged.data.mergeClaimants.id).toBe(into.id);
  expect(merged.data.mergeClaimants.casualtyStatistics.totalCount).toBe(2);
  const moved = merged.data.mergeClaimants.casualtyStatistics.edges.map((e: { node: { best: number; claimantBeforeMerge: { id: string } | null } }) => e.node);
  expect(moved).toEqual(expect.arrayContaining([{ best: 74, claimantBeforeMerge: null }, { best: 80, claimantBeforeMerge: { id: from.id } }]));

  // The merged name stays, pointing at the survivor, with no claims of its own.
  const old = await post(`query ($id: ID!) { claimant(id: $id) { name mergedAt mergedInto { id } casualtyStatistics { totalCount } } }`, { id: from.id });
  expect(old.data.claimant).toMatchObject({ name: from.name, mergedInto: { id: into.id }, casualtyStatistics: { totalCount: 0 } });
  expect(old.data.claimant.mergedAt).toEqual(expect.any(String));

  // A later page naming the merged body files under the survivor.
  const [later] = await ingest(4, "At least 95 people were killed in El Geneina, the Sudanese Doctors Syndicate said on Thursday.");
  expect(later.claimant).toEqual(into);
});

test.each([
  ["the same claimant twice", (a: string) => ({ into: a, from: a }), "BAD_USER_INPUT", "SAME_CLAIMANT"],
  ["a claimant already merged", (_a: string, merged: string) => ({ into: _a, from: merged }), "BAD_USER_INPUT", "ALREADY_MERGED"],
  ["into a claimant that was merged away", (a: string, merged: string) => ({ into: merged, from: a }), "BAD_USER_INPUT", "ALREADY_MERGED"],
  ["an unknown claimant", (a: string) => ({ into: a, from: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND", undefined],
])("refuses %s", async (_name, args, code, reason) => {
  const survivor = await server.prisma.claimant.findFirstOrThrow({ where: { mergedIntoId: null, mergedFrom: { some: {} } } });
  const mergedAway = await server.prisma.claimant.findFirstOrThrow({ where: { mergedIntoId: { not: null } } });
  const counts = async () => (await server.prisma.casualtyStatistic.groupBy({ by: ["claimantId"], _count: true })).map((g) => `${g.claimantId}:${g._count}`).sort();
  const before = await counts();
  const refused = await post(`mutation ($into: ID!, $from: ID!) { mergeClaimants(into: $into, from: $from) { id } }`, args(survivor.id, mergedAway.id));
  expect(refused.errors?.[0].extensions).toMatchObject({ code, ...(reason ? { reason } : {}) });
  expect(await counts()).toEqual(before);
});
