// Ingestion over real HTTP: auth, one transaction per page, idempotence,
// revisions, concurrency, review with history, and the casualty summary.
import fs from "node:fs";
import path from "node:path";
import { ingestFiles } from "../../src/ingest/ingest-files";
import { startTestServer, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "writer-key-0123456789abcdef0123";
const READER_KEY = "reader-key-0123456789abcdef0123";
let server: TestServer;
const created: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: { API_KEYS: `newsroom:${WRITER_KEY}:write,dashboard:${READER_KEY}:read` } });
});
afterAll(async () => {
  // Remove what these tests stored, so other files see the seed alone.
  const ids = (await server.prisma.article.findMany({ where: { contentHash: { notIn: [SEED_HASH] } }, select: { id: true } })).map((a) => a.id);
  await server.prisma.casualtyStatistic.deleteMany({ where: { articleId: { in: ids }, correctionOfId: { not: null } } });
  await server.prisma.casualtyStatistic.deleteMany({ where: { articleId: { in: ids } } });
  await server.prisma.event.deleteMany({ where: { articleId: { in: ids } } });
  await server.prisma.article.updateMany({ where: { id: { in: ids } }, data: { previousVersionId: null } });
  await server.prisma.article.deleteMany({ where: { id: { in: ids } } });
  await server.stop();
});

const SEED_HASH = JSON.parse(fs.readFileSync(path.join(__dirname, "../../prisma/seed/kazakhstan-2022.json"), "utf8")).articles[0].contentHash;
const fixture = fs.readFileSync(path.join(__dirname, "../fixtures/rt-2022-01-09-csto-summit-kazakhstan.txt"), "utf8");

const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    status claimsExtracted eventsExtracted
    article { id headline publishedAt url previousVersion { id } crisis { slug }
      casualtyStatistics { id category affectedGroup qualifier low best high figureText quote quoteStart quoteEnd reviewStatus confidence claimant { name } }
      events { type startDate endDate datePrecision dateText quote quoteStart quoteEnd }
    }
  }
}`;

async function post(query: string, variables: Record<string, unknown>, key?: string) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

function wirePage(day: number, killed: string, url = `https://wire.example/kz-toll-${day}`) {
  return {
    url,
    publisher: "Example Wire",
    crisisSlug: "kazakhstan-unrest-2022",
    text: [
      `${day} Jan, 2022 10:00`,
      "",
      `Kazakhstan toll rises to ${killed} among security forces`,
      "",
      "The Interior Ministry updated its figures for the unrest in Almaty",
      "",
      `The Interior Ministry said that ${killed} police officers and military personnel have been killed in the unrest.`,
      "",
      "Officials gave no figure for civilians.",
    ].join("\n"),
  };
}

describe("authorisation", () => {
  test("no key: 401 UNAUTHENTICATED, nothing written", async () => {
    const before = await server.prisma.article.count();
    const response = await post(INGEST, { input: wirePage(12, "at least 16") });
    expect(response.errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(await server.prisma.article.count()).toBe(before);
  });

  test("an unknown key is refused even for reads", async () => {
    const response = await post(`{ countries { isoCode } }`, {}, "not-a-valid-key-at-all-0000000000");
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  test("a key without the write scope: 403 FORBIDDEN", async () => {
    const response = await post(INGEST, { input: wirePage(12, "at least 16") }, READER_KEY);
    expect(response.status).toBe(403);
    expect(response.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});

describe("ingestArticle", () => {
  test("stores the article with its claims and events; the same page again changes nothing", async () => {
    const first = await post(INGEST, { input: wirePage(12, "at least 16") }, WRITER_KEY);
    expect(first.errors).toBeUndefined();
    const result = first.data.ingestArticle;
    created.push(result.article.id);
    expect(result.status).toBe("CREATED");
    expect(result.article.crisis.slug).toBe("kazakhstan-unrest-2022");
    expect(result.claimsExtracted).toBe(1);
    expect(result.article.casualtyStatistics).toEqual([
      expect.objectContaining({
        category: "KILLED",
        affectedGroup: "SECURITY_FORCES",
        qualifier: "AT_LEAST",
        low: 16,
        best: 16,
        high: null,
        reviewStatus: "UNREVIEWED",
        claimant: { name: "Ministry of Internal Affairs of Kazakhstan" },
      }),
    ]);
    const claim = result.article.casualtyStatistics[0];
    expect(claim.confidence).toBeGreaterThan(0);
    expect(claim.confidence).toBeLessThanOrEqual(1);

    const articles = await server.prisma.article.count();
    const claims = await server.prisma.casualtyStatistic.count();
    const again = await post(INGEST, { input: wirePage(12, "at least 16") }, WRITER_KEY);
    expect(again.data.ingestArticle).toMatchObject({ status: "UNCHANGED", claimsExtracted: 0, article: { id: result.article.id } });
    expect(await server.prisma.article.count()).toBe(articles);
    expect(await server.prisma.casualtyStatistic.count()).toBe(claims);
  });

  test("a new version of the same URL is stored as a revision; lists show the newest", async () => {
    const url = "https://wire.example/kz-revised";
    const v1 = await post(INGEST, { input: wirePage(13, "at least 17", url) }, WRITER_KEY);
    const v2 = await post(INGEST, { input: { ...wirePage(13, "at least 18", url) } }, WRITER_KEY);
    expect(v2.errors).toBeUndefined();
    expect(v2.data.ingestArticle.status).toBe("REVISED");
    expect(v2.data.ingestArticle.article.previousVersion).toEqual({ id: v1.data.ingestArticle.article.id });
    const listed = await server.query(`query ($from: DateTime) { articles(filter: { search: "toll rises", publishedFrom: $from }) { edges { node { url headline } } } }`, {
      from: "2022-01-13T00:00:00Z",
    });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.articles.edges.filter((e: any) => e.node.url === url)).toEqual([{ node: { url, headline: "Kazakhstan toll rises to at least 18 among security forces" } }]);
    // Nested lists agree with the root list: the replaced version is left out there too.
    const nested = await server.query(`{ crisis(slug: "kazakhstan-unrest-2022") { articles(first: 100) { edges { node { url headline } } } } }`);
    expect(nested.data!.crisis.articles.edges.filter((e: any) => e.node.url === url)).toEqual([
      { node: { url, headline: "Kazakhstan toll rises to at least 18 among security forces" } },
    ]);
  });

  test.each([
    ["empty text", { text: "" }, "EMPTY_INPUT"],
    ["blank text", { text: "   \n\n  " }, "EMPTY_INPUT"],
    ["a page with no article", { text: "Home\nNews\nSport\nWeather\nContact us\n© Example 2022" }, "NO_ARTICLE"],
    ["binary bytes", { text: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)).toString("latin1") }, "UNSUPPORTED_ENCODING"],
  ])("%s: BAD_USER_INPUT with a reason, and no SQL write", async (_name, input, reason) => {
    server.resetSql();
    const response = await post(INGEST, { input }, WRITER_KEY);
    expect(response.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason });
    expect(server.sql.filter((sql) => /^\s*(INSERT|UPDATE|DELETE)/i.test(sql))).toEqual([]);
  });

  test("twenty concurrent ingestions of one page store it once", async () => {
    const input = wirePage(14, "at least 18", "https://wire.example/kz-concurrent");
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(INGEST, { input }, WRITER_KEY)));
    expect(responses.every((r) => r.errors === undefined)).toBe(true);
    const statuses = responses.map((r) => r.data.ingestArticle.status).sort();
    expect(statuses.filter((s) => s === "CREATED")).toHaveLength(1);
    expect(statuses.filter((s) => s === "UNCHANGED")).toHaveLength(19);
    expect(await server.prisma.article.count({ where: { url: input.url } })).toBe(1);
  });
});

describe("the seed page through the CLI's engine", () => {
  test("gives the same claims and events as the reference reading", async () => {
    // One extra trailing newline: a different content hash, so it is stored beside the seed.
    const file = path.join(fs.mkdtempSync(path.join(require("node:os").tmpdir(), "ingest-")), "rt.txt");
    fs.writeFileSync(file, `${fixture}\n`);
    const summary = await ingestFiles(server.prisma, [file]);
    expect(summary).toMatchObject({ created: 1, failed: 0, claims: 5, events: 9 });
    const response = await server.query(`{ articles(first: 10, filter: { search: "allied summit" }) { edges { node {
      contentHash headline alternativeHeadline section publishedAt publishedText body publisher { name }
      images { caption credit } relatedLinks { title }
      casualtyStatistics { category affectedGroup affectedGroupText qualifier figureText low best high quote quoteStart quoteEnd reportedAt claimant { name kind } place { name } }
      events { type startDate endDate datePrecision dateText quote quoteStart quoteEnd }
    } } } }`);
    const [ingested, seeded] = [...response.data!.articles.edges.map((e: any) => e.node)].sort((a: any) => (a.contentHash === SEED_HASH ? 1 : -1));
    expect(seeded.contentHash).toBe(SEED_HASH);
    const { contentHash: _a, ...ingestedRest } = ingested;
    const { contentHash: _b, ...seededRest } = seeded;
    expect(ingestedRest).toEqual(seededRest);
  });
});

describe("review and the casualty summary", () => {
  test("8, then 18, then 19: each claimant's history, latest and range; other groups never summed in", async () => {
    for (const [day, killed] of [[8, "8"], [15, "18"], [27, "19"]] as const) {
      const response = await post(INGEST, { input: wirePage(day, killed, `https://wire.example/toll-history-${day}`) }, WRITER_KEY);
      expect(response.errors).toBeUndefined();
    }
    const summary = await server.query(`{
      casualtySummary(crisisSlug: "kazakhstan-unrest-2022", category: KILLED, asOf: "2022-01-31") {
        asOf groups { affectedGroup low high claimants { claimant { name } latest { best reportedAt } history { best reportedAt } } }
      }
    }`);
    expect(summary.errors).toBeUndefined();
    const groups = summary.data!.casualtySummary.groups;
    expect(groups.map((g: any) => g.affectedGroup)).toEqual(["RIOTERS", "SECURITY_FORCES"]);
    const security = groups.find((g: any) => g.affectedGroup === "SECURITY_FORCES");
    const ministry = security.claimants.find((c: any) => c.claimant.name === "Ministry of Internal Affairs of Kazakhstan");
    expect(ministry.latest).toEqual({ best: 19, reportedAt: "2022-01-27" });
    expect(ministry.history.map((h: any) => h.best)).toEqual(expect.arrayContaining([8, 18, 19]));
    expect(ministry.history.map((h: any) => h.reportedAt)).toEqual([...ministry.history.map((h: any) => h.reportedAt)].sort());
    expect(security.high).toBe(19);

    const early = await server.query(`{ casualtySummary(crisisSlug: "kazakhstan-unrest-2022", category: KILLED, asOf: "2022-01-09") {
      groups { affectedGroup claimants { claimant { name } latest { best } } } } }`);
    const earlySecurity = early.data!.casualtySummary.groups.find((g: any) => g.affectedGroup === "SECURITY_FORCES");
    expect(earlySecurity.claimants.find((c: any) => c.claimant.name === "Ministry of Internal Affairs of Kazakhstan").latest.best).toBe(18);
  });

  test("confirm, reject and correct a claim; a correction keeps the original and its history", async () => {
    const page = await post(INGEST, { input: wirePage(20, "at least 20", "https://wire.example/toll-review") }, WRITER_KEY);
    const claimId = page.data.ingestArticle.article.casualtyStatistics[0].id;

    const confirmed = await post(`mutation ($id: ID!) { confirmCasualtyStatistic(id: $id, note: "matches the ministry's release") { reviewStatus reviewedBy reviewNote } }`, { id: claimId }, WRITER_KEY);
    expect(confirmed.data.confirmCasualtyStatistic).toEqual({ reviewStatus: "CONFIRMED", reviewedBy: "newsroom", reviewNote: "matches the ministry's release" });

    const corrected = await post(
      `mutation ($id: ID!) { correctCasualtyStatistic(id: $id, correction: { best: 21, low: 21 }, note: "typo in the wire copy") {
        id best low reviewStatus correctionOf { id best correctedBy { id } } } }`,
      { id: claimId },
      WRITER_KEY,
    );
    expect(corrected.errors).toBeUndefined();
    const correction = corrected.data.correctCasualtyStatistic;
    expect(correction).toMatchObject({ best: 21, low: 21, reviewStatus: "CONFIRMED", correctionOf: { id: claimId, best: 20, correctedBy: { id: correction.id } } });

    const again = await post(`mutation ($id: ID!) { rejectCasualtyStatistic(id: $id) { id } }`, { id: claimId }, WRITER_KEY);
    expect(again.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(again.errors?.[0].message).toContain(correction.id);

    const rejected = await post(`mutation ($id: ID!) { rejectCasualtyStatistic(id: $id) { reviewStatus } }`, { id: correction.id }, WRITER_KEY);
    expect(rejected.data.rejectCasualtyStatistic.reviewStatus).toBe("REJECTED");

    const unknown = await post(`mutation { confirmCasualtyStatistic(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, WRITER_KEY);
    expect(unknown.errors?.[0].extensions.code).toBe("NOT_FOUND");

    const bad = await post(`mutation ($id: ID!) { correctCasualtyStatistic(id: $id, correction: { low: 50, best: 10 }) { id } }`, { id: correction.id }, WRITER_KEY);
    expect(bad.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});
