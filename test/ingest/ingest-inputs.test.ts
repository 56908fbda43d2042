// ingestArticle's page fields over real HTTP: what the caller knows
// (headline, publishedAt, language, publisher) wins over the page and is
// stored; a page with no findable date is stored with its date UNKNOWN (null
// in the API, never guessed) and keeps one stable place in every list; bad
// fields are BAD_USER_INPUT before anything runs.
import { startTestServer, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "inputs-writer-key-0123456789abcd";
const PREFIX = "https://inputs.example/";
const CRISIS = "kazakhstan-unrest-2022";
// Publishers only these tests create (the URL host is the last fallback).
const PUBLISHERS = ["Inputs Wire", "Steppe Post", "Steppe Media Holding", "inputs.example"];

let server: TestServer;
let claimantsBefore: Set<string>;

beforeAll(async () => {
  server = await startTestServer({ env: { API_KEYS: `inputs:${WRITER_KEY}:write`, RESPONSE_CACHE: "off" } });
  claimantsBefore = new Set((await server.prisma.claimant.findMany({ select: { id: true } })).map((c) => c.id));
});

afterAll(async () => {
  // Leave the seed alone, as the other test files expect it.
  const ids = (await server.prisma.article.findMany({ where: { OR: [{ url: { startsWith: PREFIX } }, { publisher: { name: { in: PUBLISHERS } } }] }, select: { id: true } })).map((a) => a.id);
  await server.prisma.casualtyStatistic.deleteMany({ where: { articleId: { in: ids } } });
  await server.prisma.event.deleteMany({ where: { articleId: { in: ids } } });
  await server.prisma.article.updateMany({ where: { id: { in: ids } }, data: { previousVersionId: null } });
  await server.prisma.article.deleteMany({ where: { id: { in: ids } } });
  await server.prisma.publisher.deleteMany({ where: { name: { in: PUBLISHERS } } });
  await server.prisma.claimant.deleteMany({ where: { id: { notIn: [...claimantsBefore] }, casualtyStatistics: { none: {} } } });
  await server.stop();
});

const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    status claimsExtracted eventsExtracted
    article { id headline language publishedAt publishedAtSource sortedAt url publisher { name } crisis { slug }
      casualtyStatistics { best reportedAt sortedOn status increment via subgroup placeText }
      events { type }
    }
  }
}`;

async function ingest(input: Record<string, unknown>) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${WRITER_KEY}` },
    body: JSON.stringify({ query: INGEST, variables: { input } }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

/** A wire story; `dateline` null for a page that gives no date anywhere. */
function page(slug: string, dateline: string | null, killed = 21, extra: string[] = []) {
  const lines = [
    ...(dateline ? [dateline, ""] : []),
    `Kazakhstan toll rises among security forces (${slug})`,
    "",
    "The Interior Ministry updated its figures for the unrest in Almaty",
    "",
    `The Interior Ministry said that ${killed} police officers and military personnel have been killed in the unrest.`,
    "",
    "Officials gave no figure for civilians.",
    ...extra,
  ];
  return lines.join("\n");
}

const today = () => new Date().toISOString().slice(0, 10);

describe("a page with no findable date", () => {
  let undated: any;

  beforeAll(async () => {
    const response = await ingest({ text: page("undated", null), url: `${PREFIX}undated`, publisher: "Inputs Wire", crisisSlug: CRISIS });
    expect(response.errors).toBeUndefined();
    undated = response.data.ingestArticle;
  });

  test("is stored with publishedAt null and source UNKNOWN, its claims with reportedAt null, and no events", async () => {
    const before = Date.now();
    expect(undated.status).toBe("CREATED");
    expect(undated.article).toMatchObject({ publishedAt: null, publishedAtSource: "UNKNOWN", url: `${PREFIX}undated` });
    // Its place in lists: when it was ingested.
    expect(Math.abs(new Date(undated.article.sortedAt).getTime() - before)).toBeLessThan(60_000);
    expect(undated.article.casualtyStatistics).toEqual([expect.objectContaining({ best: 21, reportedAt: null, sortedOn: today(), status: "CURRENT", increment: false })]);
    expect(undated.eventsExtracted).toBe(0);
    expect(undated.article.events).toEqual([]);
    const row = await server.prisma.casualtyStatistic.findFirstOrThrow({ where: { articleId: undated.article.id } });
    expect(row.reportedAtKnown).toBe(false);
  });

  test("keeps one place in pages, with cursors working across it, and stays there when more pages arrive", async () => {
    // A page dated by its caller an hour ago sorts right after the undated one (ingested now); a 2022 page far below.
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const caller = (await ingest({ text: page("an hour ago", null), url: `${PREFIX}hour-ago`, publisher: "Inputs Wire", crisisSlug: CRISIS, publishedAt: hourAgo })).data.ingestArticle;
    const dated = (await ingest({ text: page("dated", "12 Jan, 2022 10:00"), url: `${PREFIX}dated`, publisher: "Inputs Wire", crisisSlug: CRISIS })).data.ingestArticle;
    expect(caller.article).toMatchObject({ publishedAt: hourAgo, publishedAtSource: "CALLER", sortedAt: hourAgo });
    expect(dated.article).toMatchObject({ publishedAt: "2022-01-12T10:00:00.000Z", publishedAtSource: "PAGE", sortedAt: "2022-01-12T10:00:00.000Z" });

    const crisis = await server.prisma.crisis.findUniqueOrThrow({ where: { slug: CRISIS } });
    const expected = (
      await server.prisma.article.findMany({ where: { crisisId: crisis.id, nextVersion: null }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: { id: true } })
    ).map((a) => a.id);
    const ours = [undated.article.id, caller.article.id, dated.article.id];
    expect(expected.filter((id) => ours.includes(id))).toEqual(ours);

    const LIST = `query ($crisisId: ID, $first: Int, $after: String) { articles(filter: { crisisId: $crisisId }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id publishedAt sortedAt } } } }`;
    for (const first of [1, 2, 3]) {
      const ids: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 100; pages++) {
        const response = await server.query(LIST, { crisisId: crisis.id, first, after });
        expect(response.errors).toBeUndefined();
        const connection: any = response.data!.articles;
        expect(connection.totalCount).toBe(expected.length);
        ids.push(...connection.edges.map((edge: any) => edge.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(ids).toEqual(expected);
    }

    // A crisis's own article list (child pages): the same order, the undated one in it.
    const CHILD = `query ($after: String) { crisis(slug: "${CRISIS}") { articles(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id publishedAt } } } } }`;
    const nested: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const response = await server.query(CHILD, { after });
      expect(response.errors).toBeUndefined();
      const connection: any = response.data!.crisis.articles;
      nested.push(...connection.edges.map((edge: any) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(nested).toEqual(expected);

    // The cursor of the undated article still leads to the same next page after another page arrives above it.
    const atUndated = await server.query(LIST, { crisisId: crisis.id, first: expected.indexOf(undated.article.id) + 1 });
    const cursor = atUndated.data!.articles.pageInfo.endCursor;
    const later = (await ingest({ text: page("later", null), url: `${PREFIX}later`, publisher: "Inputs Wire", crisisSlug: CRISIS })).data.ingestArticle;
    expect(later.article.publishedAt).toBeNull();
    const next = await server.query(LIST, { crisisId: crisis.id, first: 1, after: cursor });
    expect(next.data!.articles.edges.map((edge: any) => edge.node.id)).toEqual([caller.article.id]);
    const top = await server.query(LIST, { crisisId: crisis.id, first: 2 });
    expect(top.data!.articles.edges.map((edge: any) => edge.node.id)).toEqual([later.article.id, undated.article.id]);
  });

  test("a publication range never holds it; publishedAtSources: [UNKNOWN] lists the undated", async () => {
    const ranged = await server.query(`{ articles(first: 100, filter: { publishedFrom: "2000-01-01T00:00:00Z" }) { edges { node { id publishedAt } } } }`);
    expect(ranged.errors).toBeUndefined();
    const nodes = ranged.data!.articles.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.id)).not.toContain(undated.article.id);
    expect(nodes.every((node: any) => node.publishedAt !== null)).toBe(true);
    const unknown = await server.query(`{ articles(first: 100, filter: { publishedAtSources: [UNKNOWN] }) { edges { node { id url publishedAt publishedAtSource } } } }`);
    const urls = unknown.data!.articles.edges.map((edge: any) => edge.node.url);
    expect(urls).toEqual(expect.arrayContaining([`${PREFIX}undated`, `${PREFIX}later`]));
    expect(unknown.data!.articles.edges.every((edge: any) => edge.node.publishedAt === null && edge.node.publishedAtSource === "UNKNOWN")).toBe(true);
  });

  test("read by id, as an entity, and through its claims, it still says null, never its sort key", async () => {
    const id = undated.article.id;
    const byId = await server.query(`query ($id: ID!) { article(id: $id) { publishedAt sortedAt } }`, { id });
    expect(byId.data!.article).toEqual({ publishedAt: null, sortedAt: undated.article.sortedAt });
    const entity = await server.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Article { publishedAt publishedAtSource } } }`, {
      r: [{ __typename: "Article", id }],
    });
    expect(entity.data!._entities).toEqual([{ publishedAt: null, publishedAtSource: "UNKNOWN" }]);
    const claims = await server.query(`query ($id: ID) { casualtyStatistics(filter: { articleId: $id }) { edges { node { reportedAt sortedOn article { publishedAt } } } } }`, { id });
    expect(claims.data!.casualtyStatistics.edges).toEqual([{ node: { reportedAt: null, sortedOn: today(), article: { publishedAt: null } } }]);
    // A claim range leaves out what has no report day.
    const ranged = await server.query(`query ($id: ID) { casualtyStatistics(filter: { articleId: $id, reportedFrom: "2000-01-01" }) { edges { node { id } } } }`, { id });
    expect(ranged.data!.casualtyStatistics.edges).toEqual([]);
  });

  test("without crisisSlug its crisis is found by country alone; when several crises of its country fit, it is stored unassigned", async () => {
    const found = await ingest({ text: page("no slug", null), url: `${PREFIX}no-slug`, publisher: "Inputs Wire" });
    expect(found.errors).toBeUndefined();
    expect(found.data.ingestArticle.article.crisis.slug).toBe(CRISIS);

    const kz = await server.prisma.country.findUniqueOrThrow({ where: { isoCode: "KZ" } });
    const other = await server.prisma.crisis.create({ data: { slug: "inputs-second-kz-crisis", name: "Another crisis in Kazakhstan", countryId: kz.id, startDate: new Date("2019-03-01"), endDate: new Date("2019-04-01") } });
    try {
      const ambiguous = await ingest({ text: page("ambiguous", null), url: `${PREFIX}ambiguous`, publisher: "Inputs Wire" });
      expect(ambiguous.errors).toBeUndefined();
      // Undated, so only the country can tell, and it fits both: filed under neither.
      expect(ambiguous.data.ingestArticle.article.crisis).toBeNull();
      const stored = await server.prisma.article.findUniqueOrThrow({ where: { id: ambiguous.data.ingestArticle.article.id }, include: { casualtyStatistics: true } });
      expect(stored.crisisId).toBeNull();
      expect(stored.casualtyStatistics.length).toBeGreaterThan(0);
      expect(stored.casualtyStatistics.every((claim) => claim.crisisId === null)).toBe(true);
      // With a date, the dates tell the two crises apart.
      const dated = await ingest({ text: page("dated, no slug", "12 Jan, 2022 10:00"), url: `${PREFIX}dated-no-slug`, publisher: "Inputs Wire" });
      expect(dated.errors).toBeUndefined();
      expect(dated.data.ingestArticle.article.crisis.slug).toBe(CRISIS);
    } finally {
      await server.prisma.crisis.delete({ where: { id: other.id } });
    }
  });
});

describe("what the caller knows wins over the page", () => {
  test("headline, publishedAt and language are stored as given (source CALLER), the claims reported on that day", async () => {
    const response = await ingest({
      text: page("caller", "12 Jan, 2022 10:00"),
      url: `${PREFIX}caller`,
      publisher: "Inputs Wire",
      crisisSlug: CRISIS,
      headline: "  Toll rises,   as the caller's scraper   read it ",
      publishedAt: "2022-01-10T08:00:00+06:00",
      language: "KK-cyrl-kz",
    });
    expect(response.errors).toBeUndefined();
    const { article } = response.data.ingestArticle;
    expect(article).toMatchObject({
      headline: "Toll rises, as the caller's scraper read it",
      publishedAt: "2022-01-10T02:00:00.000Z",
      publishedAtSource: "CALLER",
      language: "kk-Cyrl-KZ",
    });
    expect(article.casualtyStatistics.map((claim: any) => claim.reportedAt)).toEqual(["2022-01-10"]);
    const row = await server.prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row).toMatchObject({ headline: "Toll rises, as the caller's scraper read it", language: "kk-Cyrl-KZ", publishedAtSource: "CALLER", publishedAt: new Date("2022-01-10T02:00:00Z") });
  });

  test("a bare date is that day at 00:00 UTC", async () => {
    const response = await ingest({ text: page("bare date", null), url: `${PREFIX}bare-date`, publisher: "Inputs Wire", crisisSlug: CRISIS, publishedAt: "2022-01-11" });
    expect(response.data.ingestArticle.article).toMatchObject({ publishedAt: "2022-01-11T00:00:00.000Z", publishedAtSource: "CALLER" });
  });

  test("the publisher: the caller's, else the page's own name, else its copyright holder, else the URL's host", async () => {
    const copyright = ["", "Read Steppe Post Privacy policy", "", "© 2022 Steppe Media Holding. All rights reserved."];
    const cases: [string, Record<string, unknown>, string][] = [
      ["the caller's name wins", { text: page("pub 1", "12 Jan, 2022 10:00", 21, copyright), publisher: "Inputs Wire" }, "Inputs Wire"],
      ["the page names itself", { text: page("pub 2", "12 Jan, 2022 10:00", 21, copyright) }, "Steppe Post"],
      ["only a copyright line", { text: page("pub 3", "12 Jan, 2022 10:00", 21, copyright.slice(2)) }, "Steppe Media Holding"],
      ["nothing but the URL", { text: page("pub 4", "12 Jan, 2022 10:00") }, "inputs.example"],
    ];
    for (const [index, [name, input, publisher]] of cases.entries()) {
      const response = await ingest({ ...input, url: `${PREFIX}publisher-${index}`, crisisSlug: CRISIS });
      expect([name, response.errors]).toEqual([name, undefined]);
      expect([name, response.data.ingestArticle.article.publisher.name]).toEqual([name, publisher]);
    }
  });
});

describe("bad fields: BAD_USER_INPUT naming the field, and nothing read or written", () => {
  test.each([
    ["a month 13", { publishedAt: "2022-13-01" }, "publishedAt", /not a calendar date/],
    ["a day that does not exist", { publishedAt: "2022-02-30" }, "publishedAt", /not a calendar date/],
    ["words", { publishedAt: "yesterday" }, "publishedAt", /ISO 8601/],
    ["a US-style date", { publishedAt: "01/09/2022" }, "publishedAt", /ISO 8601/],
    ["a date-time without a zone", { publishedAt: "2022-01-09T12:13:00" }, "publishedAt", /has no zone/],
    ["an hour 25", { publishedAt: "2022-01-09T25:13:00Z" }, "publishedAt", /not a time of day/],
    ["the future", { publishedAt: "2999-01-01" }, "publishedAt", /future/],
    ["a language that is no tag", { language: "English!" }, "language", /BCP 47/],
    ["an underscore locale", { language: "en_US" }, "language", /BCP 47/],
    ["a language name, not a code", { language: "english" }, "language", /BCP 47/],
    ["a one-letter language", { language: "e" }, "language", /BCP 47/],
    ["an empty language", { language: "" }, "language", /BCP 47/],
    ["a blank headline", { headline: "   " }, "headline", /blank/],
    ["a headline of 600 characters", { headline: "x".repeat(600) }, "headline", /at most 500/],
    ["a URL that is no URL", { url: "ftp://example.org/x" }, "url", /http\(s\) URL/],
  ])("%s", async (_name, fields, argumentName, message) => {
    server.resetSql();
    const response = await ingest({ text: page("bad", "12 Jan, 2022 10:00"), publisher: "Inputs Wire", crisisSlug: CRISIS, ...fields });
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
    expect(response.errors![0].extensions).not.toHaveProperty("reason");
    expect(response.errors![0].message).toMatch(message);
    expect(server.sql).toEqual([]);
  });
});
