// Versions of a page, over real HTTP on an empty migrated database: a
// revision replaces its page's claims and events in every list, filter and
// summary (the earlier ones on request); an earlier text sent again is current
// again; one text under many URLs, even 20 at once, is one article with its
// claims once; a page's versions move between crises together.
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "writer-key-0123456789abcdef0123";
let database: EmptyDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createEmptyDatabase("versions");
  server = await startTestServer({ databaseUrl: database.url, env: { API_KEYS: `newsroom:${WRITER_KEY}:write` } });
  const created = await post(`mutation { createCrisis(input: { slug: "sudan-2023", name: "War in Sudan", countryIsoCode: "SD", startDate: "2023-04-15" }) { slug } }`);
  expect(created.errors).toBeUndefined();
});
afterAll(async () => {
  await server.stop();
  await database.drop();
});

/** A GraphQL request with the writer's key. */
const post = (query: string, variables: Record<string, unknown> = {}) =>
  server.query(query, variables, WRITER_KEY) as Promise<{ data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] }>;

const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) { status claimsExtracted eventsExtracted article { id url alternateUrls headline crisis { slug } previousVersion { id } } }
}`;

/** An invented wire page about Sudan: a detention figure for Khartoum, and a protest on a weekday. */
function sudanPage(detained: string, weekday: string, town: string) {
  return [
    "12 May, 2023 10:00",
    "",
    `Sudan: ${detained} held in ${town} after the clashes`,
    "",
    `Police in ${town} made arrests after the weekend clashes`,
    "",
    `The Interior Ministry said that ${detained} people have been detained in ${town}.`,
    "",
    `On ${weekday}, protesters marched through ${town}.`,
  ].join("\n");
}

async function ingest(text: string, url?: string, extra: Record<string, unknown> = {}) {
  const response = await post(INGEST, { input: { text, publisher: "Example Wire", ...(url ? { url } : {}), ...extra } });
  expect(response.errors).toBeUndefined();
  return response.data.ingestArticle;
}

const VIEWS = `query ($earlier: Boolean!) {
  casualtyStatistics(first: 10, filter: { categories: [DETAINED], includeEarlierVersions: $earlier }) { totalCount edges { node { best article { id } } } }
  events(first: 10, filter: { includeEarlierVersions: $earlier }) { totalCount edges { node { startDate article { id } } } }
  crisis(slug: "sudan-2023") {
    casualtyStatistics(first: 10) { totalCount edges { node { best } } }
    events(first: 10) { totalCount edges { node { startDate } } }
  }
  claimants { name casualtyStatistics(first: 10) { totalCount edges { node { best } } } }
  casualtySummary(crisisSlug: "sudan-2023", category: DETAINED, asOf: "2023-05-31") { groups { claimants { latest { best } history { best } } } }
}`;

describe("a revised page", () => {
  const url = "https://wire.example/sudan-khartoum-arrests";
  let first: any;
  let second: any;

  beforeAll(async () => {
    first = await ingest(sudanPage("1,000", "Wednesday", "Khartoum"), url);
    second = await ingest(sudanPage("8,000", "Thursday", "Khartoum"), url);
  });

  test("is a new version, filed under the crisis of the one it replaces", () => {
    expect(first).toMatchObject({ status: "CREATED", claimsExtracted: 1, eventsExtracted: 1, article: { crisis: { slug: "sudan-2023" } } });
    expect(second).toMatchObject({ status: "REVISED", article: { url, previousVersion: { id: first.article.id }, crisis: { slug: "sudan-2023" } } });
  });

  test("its earlier version's claims and events are out of every list and the summary", async () => {
    const views = await post(VIEWS, { earlier: false });
    expect(views.errors).toBeUndefined();
    const { casualtyStatistics, events, crisis, claimants, casualtySummary } = views.data;
    expect(casualtyStatistics).toEqual({ totalCount: 1, edges: [{ node: { best: 8000, article: { id: second.article.id } } }] });
    expect(events).toEqual({ totalCount: 1, edges: [{ node: { startDate: "2023-05-11", article: { id: second.article.id } } }] });
    expect(crisis.casualtyStatistics).toEqual({ totalCount: 1, edges: [{ node: { best: 8000 } }] });
    expect(crisis.events).toEqual({ totalCount: 1, edges: [{ node: { startDate: "2023-05-11" } }] });
    expect(claimants).toEqual([{ name: "Ministry of Internal Affairs of Sudan", casualtyStatistics: { totalCount: 1, edges: [{ node: { best: 8000 } }] } }]);
    expect(casualtySummary.groups).toEqual([{ claimants: [{ latest: { best: 8000 }, history: [{ best: 8000 }] }] }]);
  });

  test("the filter's includeEarlierVersions lists them, and the earlier version keeps its own", async () => {
    const views = await post(VIEWS, { earlier: true });
    expect(views.data.casualtyStatistics.edges.map((e: any) => e.node.best).sort()).toEqual([1000, 8000]);
    expect(views.data.events.edges.map((e: any) => e.node.startDate)).toEqual(["2023-05-10", "2023-05-11"]);
    const old = await post(`query ($id: ID!) { article(id: $id) { nextVersion { id } casualtyStatistics { best } events { startDate } } }`, { id: first.article.id });
    expect(old.data.article).toEqual({ nextVersion: { id: second.article.id }, casualtyStatistics: [{ best: 1000 }], events: [{ startDate: "2023-05-10" }] });
  });
});

test("text A, then B, then A again at one URL: A is current again, and a fourth A changes nothing", async () => {
  const url = "https://wire.example/sudan-omdurman-arrests";
  const a = sudanPage("300", "Monday", "Omdurman");
  const b = sudanPage("450", "Tuesday", "Omdurman");
  const one = await ingest(a, url);
  const two = await ingest(b, url);
  const three = await ingest(a, url);
  expect([one.status, two.status, three.status]).toEqual(["CREATED", "REVISED", "REVISED"]);
  expect(three.article.previousVersion).toEqual({ id: two.article.id });
  expect(three.claimsExtracted).toBe(1);
  const four = await ingest(a, url);
  expect(four).toMatchObject({ status: "UNCHANGED", claimsExtracted: 0, article: { id: three.article.id } });

  const listed = await post(`{ articles(first: 50, filter: { search: "Omdurman" }) { edges { node { id headline } } } casualtyStatistics(first: 50, filter: { categories: [DETAINED] }) { edges { node { best } } } }`);
  expect(listed.data.articles.edges).toEqual([{ node: { id: three.article.id, headline: "Sudan: 300 held in Omdurman after the clashes" } }]);
  expect(listed.data.casualtyStatistics.edges.map((e: any) => e.node.best)).toContain(300);
  expect(listed.data.casualtyStatistics.edges.map((e: any) => e.node.best)).not.toContain(450);
});

test("twenty ingestions of one text under twenty URLs at once all succeed: one article, its claims once, every URL kept", async () => {
  const text = sudanPage("2,500", "Friday", "Port Sudan");
  const urls = Array.from({ length: 20 }, (_, i) => `https://mirror${i}.example/sudan-port-sudan-arrests?utm_source=feed${i}`);
  const before = await server.prisma.casualtyStatistic.count();
  const results = await Promise.all(urls.map((url) => post(INGEST, { input: { text, url, publisher: "Example Wire" } })));
  expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
  const statuses = results.map((r) => r.data.ingestArticle.status);
  expect(statuses.filter((s) => s === "CREATED")).toHaveLength(1);
  expect(statuses.filter((s) => s === "UNCHANGED")).toHaveLength(19);
  const ids = new Set(results.map((r) => r.data.ingestArticle.article.id));
  expect(ids.size).toBe(1);
  const [id] = ids;
  const stored = await post(`query ($id: ID!) { article(id: $id) { url alternateUrls casualtyStatistics { best } } }`, { id });
  expect([stored.data.article.url, ...stored.data.article.alternateUrls].sort()).toEqual([...urls].sort());
  expect(stored.data.article.casualtyStatistics).toEqual([{ best: 2500 }]);
  expect((await server.prisma.casualtyStatistic.count()) - before).toBe(1);

  // A revision at any of those URLs continues that article, keeping its URLs.
  const revised = await ingest(sudanPage("2,700", "Friday", "Port Sudan"), urls[7]);
  expect(revised).toMatchObject({ status: "REVISED", article: { previousVersion: { id }, url: stored.data.article.url } });
  expect(revised.article.alternateUrls.sort()).toEqual([...stored.data.article.alternateUrls].sort());
});

test("a page stored without a URL gets it when the same text is sent with one", async () => {
  const text = sudanPage("120", "Saturday", "Kassala");
  const first = await ingest(text);
  expect(first.article.url).toBeNull();
  const again = await ingest(text, "https://wire.example/sudan-kassala-arrests");
  expect(again).toMatchObject({ status: "UNCHANGED", article: { id: first.article.id, url: "https://wire.example/sudan-kassala-arrests", alternateUrls: [] } });
});

test("assignArticleToCrisis moves every version of the page, and a later revision stays there", async () => {
  const url = "https://wire.example/sudan-nyala-arrests";
  // Named under a crisis of another country, the page is stored unassigned (never in another country's crisis).
  const other = await post(`mutation { createCrisis(input: { slug: "chad-2023", name: "Refugees in Chad", countryIsoCode: "TD", startDate: "2023-04-15" }) { slug } }`);
  expect(other.errors).toBeUndefined();
  const one = await ingest(sudanPage("60", "Sunday", "Nyala"), url, { crisisSlug: "chad-2023" });
  expect(one.article.crisis).toBeNull();
  const two = await ingest(sudanPage("75", "Sunday", "Nyala"), url, { crisisSlug: "chad-2023" });
  expect(two).toMatchObject({ status: "REVISED", article: { crisis: null } });

  const assigned = await post(`mutation ($id: ID!) { assignArticleToCrisis(articleId: $id, crisisSlug: "sudan-2023") { id crisis { slug } } }`, { id: two.article.id });
  expect(assigned.errors).toBeUndefined();
  const rows = await server.prisma.article.findMany({ where: { url }, select: { crisisId: true, casualtyStatistics: { select: { crisisId: true } }, events: { select: { crisisId: true } } } });
  const sudan = await server.prisma.crisis.findUniqueOrThrow({ where: { slug: "sudan-2023" } });
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    expect(row.crisisId).toBe(sudan.id);
    expect([...row.casualtyStatistics, ...row.events].every((item) => item.crisisId === sudan.id)).toBe(true);
  }

  const three = await ingest(sudanPage("90", "Sunday", "Nyala"), url);
  expect(three).toMatchObject({ status: "REVISED", article: { crisis: { slug: "sudan-2023" } } });
});
