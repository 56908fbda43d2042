// Issue #12 end to end, over real HTTP, each part on an empty migrated
// database (reference data only, no seed): a crisis created in Sudan takes a
// Sudanese paragraph, whose claims name Sudan's bodies and link its places; a
// page that fits no crisis is stored unassigned, found by the filter, and
// assigned with its claims and events; a page about Sudan sent with another
// country's crisis is not filed there, and its bodies stay Sudan's.
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "writer-key-0123456789abcdef0123";

async function post(server: TestServer, query: string, variables: Record<string, unknown>) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${WRITER_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const CREATE = `mutation ($input: CreateCrisisInput!) { createCrisis(input: $input) { slug } }`;
const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    status
    article { id crisis { slug }
      mentionedPlaces { name country { isoCode } }
      casualtyStatistics { best category crisis { slug } claimant { name } place { name kind } }
      events { type crisis { slug } places { name } }
    }
  }
}`;

const SUDAN_PAGE = [
  "Fighting in El Geneina kills dozens as clashes spread in Darfur",
  "",
  "KHARTOUM, April 25, 2023 (Reuters) - Clashes between the army and the Rapid Support Forces in El Geneina, the capital of West Darfur, killed at least 74 people, the Ministry of Health said on Tuesday.",
  "",
  "In Khartoum, residents said shelling hit a market near the airport.",
].join("\n");

const LIBYA_PAGE = [
  "Floods in Derna leave thousands missing",
  "",
  "TRIPOLI, Sept 13, 2023 (Reuters) - At least 5,300 people were killed when floods swept through Derna in eastern Libya, the Ministry of Interior said on Wednesday.",
].join("\n");

function withServer(tag: string) {
  const state: { database?: EmptyDatabase; server?: TestServer } = {};
  beforeAll(async () => {
    state.database = await createEmptyDatabase(tag);
    state.server = await startTestServer({ databaseUrl: state.database.url, env: { API_KEYS: `newsroom:${WRITER_KEY}:write`, RESPONSE_CACHE: "off" } });
  });
  afterAll(async () => {
    await state.server?.stop();
    await state.database?.drop();
  });
  return () => state.server as TestServer;
}

describe("a crisis created in Sudan, and a paragraph about it", () => {
  const server = withServer("any_crisis_sudan");

  test("the page is filed under it without naming it; its claims name Sudan's ministry and link El Geneina and Khartoum", async () => {
    await post(server(), CREATE, { input: { slug: "sudan-2023", name: "War in Sudan", countryIsoCode: "SD", startDate: "2023-04-15" } });
    const { ingestArticle } = await post(server(), INGEST, { input: { text: SUDAN_PAGE, url: "https://wire.example/sudan-geneina", publisher: "Reuters" } });
    expect(ingestArticle.status).toBe("CREATED");
    const { article } = ingestArticle;
    expect(article.crisis).toEqual({ slug: "sudan-2023" });
    const killed = article.casualtyStatistics.find((c: { best: number }) => c.best === 74);
    expect(killed).toMatchObject({ category: "KILLED", crisis: { slug: "sudan-2023" }, claimant: { name: "Ministry of Health of Sudan" } });
    const places = article.mentionedPlaces.map((p: { name: string; country: { isoCode: string } }) => `${p.name}, ${p.country.isoCode}`);
    expect(places).toEqual(expect.arrayContaining(["Geneina, SD", "Khartoum, SD"]));
    // No town of another country for a name GeoNames also lists elsewhere.
    expect(places.every((p: string) => p.endsWith(", SD"))).toBe(true);
    for (const event of article.events) expect(event.crisis).toEqual({ slug: "sudan-2023" });
  });
});

describe("a page that fits no crisis", () => {
  const server = withServer("any_crisis_unassigned");

  test("is stored unassigned, listed by the filter, and assigned with its claims and events", async () => {
    // A crisis elsewhere: the Libyan page must not go there.
    await post(server(), CREATE, { input: { slug: "sudan-2023", name: "War in Sudan", countryIsoCode: "SD", startDate: "2023-04-15" } });
    const { ingestArticle } = await post(server(), INGEST, { input: { text: LIBYA_PAGE, url: "https://wire.example/derna", publisher: "Reuters" } });
    const { article } = ingestArticle;
    expect(article.crisis).toBeNull();
    expect(article.casualtyStatistics.length).toBeGreaterThan(0);
    for (const claim of article.casualtyStatistics) expect(claim.crisis).toBeNull();
    expect(article.mentionedPlaces).toEqual(expect.arrayContaining([{ name: "Darnah", country: { isoCode: "LY" } }]));
    // Named from the page's own country (Libya), not from the only crisis there is (Sudan's).
    expect(article.casualtyStatistics.find((c: { best: number }) => c.best === 5300)?.claimant.name).toMatch(/^Ministry of (Interior|Internal Affairs) of Libya$/);

    const LIST = `query ($filter: ArticleFilter) { articles(filter: $filter) { totalCount edges { node { id } } } }`;
    expect((await post(server(), LIST, { filter: { unassigned: true } })).articles).toEqual({ totalCount: 1, edges: [{ node: { id: article.id } }] });
    expect((await post(server(), LIST, { filter: { unassigned: false } })).articles.totalCount).toBe(0);

    await post(server(), CREATE, { input: { slug: "libya-floods-2023", name: "Storm Daniel floods", countryIsoCode: "LY", startDate: "2023-09-10" } });
    const assigned = await post(
      server(),
      `mutation ($id: ID!) { assignArticleToCrisis(articleId: $id, crisisSlug: "libya-floods-2023") { id crisis { slug } casualtyStatistics { crisis { slug } } events { crisis { slug } } } }`,
      { id: article.id },
    );
    expect(assigned.assignArticleToCrisis.crisis).toEqual({ slug: "libya-floods-2023" });
    for (const claim of assigned.assignArticleToCrisis.casualtyStatistics) expect(claim.crisis).toEqual({ slug: "libya-floods-2023" });
    expect((await post(server(), LIST, { filter: { unassigned: true } })).articles.totalCount).toBe(0);
    const crisis = await post(server(), `{ crisis(slug: "libya-floods-2023") { articles { totalCount } casualtyStatistics { totalCount } } }`, {});
    expect(crisis.crisis).toEqual({ articles: { totalCount: 1 }, casualtyStatistics: { totalCount: article.casualtyStatistics.length } });
    // In the database too: nothing of the article is left without the crisis.
    const stored = await server().prisma.casualtyStatistic.count({ where: { articleId: article.id, crisisId: null } });
    const events = await server().prisma.event.count({ where: { articleId: article.id, crisisId: null } });
    expect(stored + events).toBe(0);
  });

  test("assignArticleToCrisis on an unknown article or crisis is NOT_FOUND", async () => {
    const response = await fetch(server().url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${WRITER_KEY}` },
      body: JSON.stringify({ query: `mutation { a: assignArticleToCrisis(articleId: "00000000-0000-4000-8000-000000000000", crisisSlug: "sudan-2023") { id } }` }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("NOT_FOUND");
  });
});

describe("a page about Sudan sent with another country's crisis", () => {
  const server = withServer("any_crisis_mismatch");

  test("is not filed under it, and its ministry is Sudan's, not that country's", async () => {
    await post(server(), CREATE, { input: { slug: "kazakhstan-unrest-2022", name: "2022 Kazakh unrest", countryIsoCode: "KZ", startDate: "2022-01-02", endDate: "2022-01-11" } });
    const { ingestArticle } = await post(server(), INGEST, { input: { text: SUDAN_PAGE, url: "https://wire.example/sudan-mismatch", publisher: "Reuters", crisisSlug: "kazakhstan-unrest-2022" } });
    expect(ingestArticle.article.crisis).toBeNull();
    const names = ingestArticle.article.casualtyStatistics.map((c: { claimant: { name: string } }) => c.claimant.name);
    expect(names).toContain("Ministry of Health of Sudan");
    expect(names.some((name: string) => /Kazakhstan/.test(name))).toBe(false);
  });
});
