// The edges an outside probe found (issue 13, items 4, 10, 11, 12 and 14), each
// sent over HTTP to a production server: script URLs from scraped pages, names
// too long for an index row, a page over the page limit, refusals Apollo Client
// can read, /readyz under load, slow uploads, echoed names, repeated error logs,
// and a page with thousands of events.
import net from "node:net";
import pg from "pg";
import { MAX_PAGE_BYTES } from "../../src/ingest/extract-article";
import { MAX_CLAIMS_PER_ARTICLE, MAX_EVENTS_PER_ARTICLE } from "../../src/ingest/ingest.service";
import { createLogger, createRepeatFilter } from "../../src/logger";
import { countIngestionRows, rowDifference } from "../helpers/ingestion-rows";
import { startTestServer, testDatabaseUrl, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "edges-writer-key-0123456789abcdef";
const API_KEYS = `edges-suite:${WRITER_KEY}:write`;
const CRISIS = "kazakhstan-unrest-2022";
// Publishers only these tests create, removed again at the end.
const PUBLISHERS = ["Edges Wire", "Edges Long Wire", "edges.example"];
const GRAPHQL_RESPONSE = "application/graphql-response+json";

let server: TestServer;
let db: pg.Client;

beforeAll(async () => {
  server = await startTestServer({ env: { NODE_ENV: "production", API_KEYS, HTTP_REQUEST_TIMEOUT_MS: "1500", HTTP_HEADERS_TIMEOUT_MS: "1000" } });
  db = new pg.Client({ connectionString: testDatabaseUrl() });
  await db.connect();
});

afterAll(async () => {
  const { rows } = await db.query<{ id: string }>(`SELECT a.id FROM "Article" a JOIN "Publisher" p ON p.id = a."publisherId" WHERE p.name = ANY($1)`, [PUBLISHERS]);
  const ids = rows.map((r) => r.id);
  await db.query(`DELETE FROM "CasualtyStatistic" WHERE "articleId" = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Event" WHERE "articleId" = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Article" WHERE id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Publisher" WHERE name = ANY($1)`, [PUBLISHERS]);
  await db.query(`DELETE FROM "Crisis" WHERE slug LIKE 'edges-%'`);
  await db.end();
  await server.stop();
});

const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    status claimsExtracted eventsExtracted claimsLeftOut eventsLeftOut charactersUnread
    article { id url headline publisher { name } images { url } relatedLinks { title url } }
  }
}`;

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${WRITER_KEY}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const ingest = (input: Record<string, unknown>) => post({ query: INGEST, variables: { input } });

const PROSE = [
  "<p>Security forces patrolled the streets of Almaty on Friday after a night of sporadic gunfire.</p>",
  "<p>The Interior Ministry said that 16 police officers and military personnel have been killed in the unrest.</p>",
  "<p>Residents queued for bread and cash as shops reopened in the city centre on Friday morning.</p>",
].join("\n");

describe("item 4: only http(s) URLs from a scraped page are stored and served", () => {
  const page = (tag: string, canonical: string) => `<!DOCTYPE html><html lang="en"><head>
    <title>Almaty after the unrest (${tag})</title>
    <meta property="og:site_name" content="Edges Wire">
    <link rel="canonical" href="${canonical}">
    <meta property="article:published_time" content="2022-01-07T08:00:00Z">
  </head><body><article><h1>Almaty after the unrest (${tag})</h1>
    <figure><img src="javascript:alert(1)"><figcaption>Script image.</figcaption></figure>
    <figure><img src="java&#9;script:alert(1)"><figcaption>Tabbed script image.</figcaption></figure>
    <figure><img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="><figcaption>Data image.</figcaption></figure>
    <figure><img src="/photos/almaty.jpg"><figcaption>Police officers in Almaty.</figcaption></figure>
    ${PROSE}
    <div class="related"><h2>Read more</h2><ul>
      <li><a href="javascript:alert('x')">Curfew extended in Almaty</a></li>
      <li><a href="java&#9;script:alert('x')">Banks reopen in Almaty</a></li>
      <li><a href="vbscript:msgbox('x')">Airport reopens in Almaty</a></li>
      <li><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">Internet restored in Kazakhstan</a></li>
      <li><a href="/world/csto-troops-leave">CSTO troops begin to leave Kazakhstan</a></li>
    </ul></div>
  </article></body></html>`;

  test("script, data and vbscript URLs are dropped (java&#9;script: too); relative ones are resolved against the page's URL", async () => {
    const sent = await ingest({ html: page("relative", "https://edges.example/world/almaty-after-the-unrest"), crisisSlug: CRISIS });
    expect(sent.body.errors).toBeUndefined();
    const { article } = sent.body.data.ingestArticle;
    expect(article.url).toBe("https://edges.example/world/almaty-after-the-unrest");
    const urls = [...article.images.map((i: { url: string | null }) => i.url), ...article.relatedLinks.map((l: { url: string | null }) => l.url)];
    expect(urls.filter((url) => url !== null)).toEqual(["https://edges.example/photos/almaty.jpg", "https://edges.example/world/csto-troops-leave"]);
    expect(JSON.stringify(article)).not.toMatch(/script:|data:|vbscript/i);
  });

  test.each([
    ["javascript:", "javascript:alert(document.cookie)"],
    ["java&#9;script:", "java&#9;script:alert(document.cookie)"],
    ["data:", "data:text/html,hello"],
  ])("a %s canonical URL is not the article's URL (and relative links have nothing to resolve against)", async (name, canonical) => {
    const sent = await ingest({ html: page(`canonical ${name.replace(/\W/g, "")}`, canonical), crisisSlug: CRISIS });
    expect(sent.body.errors).toBeUndefined();
    const { article } = sent.body.data.ingestArticle;
    expect(article.url).toBeNull();
    expect(JSON.stringify(article)).not.toMatch(/script:|data:|vbscript/i);
  });

  test("the caller's URL must be http(s) too", async () => {
    const sent = await ingest({ html: page("caller", "https://edges.example/x"), url: "javascript:alert(1)" });
    expect(sent.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "url" });
  });
});

describe("item 10: text too long for an index row is refused or left out, never an internal error", () => {
  const text = (tag: string) => ["7 Jan, 2022 08:00", "", `Almaty after the unrest (${tag})`, "", "Security forces patrolled the streets of Almaty on Friday after a night of sporadic gunfire."].join("\n");

  test.each([
    ["a 2.7 KB ASCII URL", { url: `https://edges.example/${"a".repeat(2700)}` }, "url"],
    ["a 2,000-character URL of 4 KB (UTF-8)", { url: `https://edges.example/${"é".repeat(2000)}` }, "url"],
    ["a 2.7 KB publisher", { publisher: "P".repeat(2700) }, "publisher"],
    ["a 2.7 KB crisis slug", { crisisSlug: "a".repeat(2700) }, "crisisSlug"],
  ])("%s: BAD_USER_INPUT naming it, nothing written", async (_name, fields, argumentName) => {
    const before = await countIngestionRows(db);
    const sent = await ingest({ text: text(argumentName), publisher: "Edges Wire", ...fields });
    expect(sent.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
    expect(sent.body.errors[0].message).toMatch(/at most/);
    expect(rowDifference(before, await countIngestionRows(db))).toEqual({});
  });

  test("createCrisis with a 2.7 KB slug or name: BAD_USER_INPUT", async () => {
    const create = (input: Record<string, unknown>) => post({ query: "mutation($i: CreateCrisisInput!) { createCrisis(input: $i) { slug } }", variables: { i: input } });
    expect((await create({ slug: "a".repeat(2700), name: "x" })).body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_SLUG" });
    expect((await create({ slug: "edges-long-name", name: "N".repeat(2700) })).body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BLANK" });
  });

  test("a page's own 3 KB site name and 3 KB canonical URL are left out: the article is stored under the next publisher source", async () => {
    const html = `<html><head><title>Almaty after the unrest (long names)</title>
      <meta property="og:site_name" content="${"Edges ".repeat(500)}">
      <link rel="canonical" href="https://edges.example/${"b".repeat(3000)}">
      <meta property="article:published_time" content="2022-01-07T08:00:00Z"></head>
      <body><article><h1>Almaty after the unrest (long names)</h1>${PROSE}<p>© Edges Long Wire 2022</p></article></body></html>`;
    const sent = await ingest({ html, crisisSlug: CRISIS });
    expect(sent.body.errors).toBeUndefined();
    const { article } = sent.body.data.ingestArticle;
    expect(article.url).toBeNull();
    expect(article.publisher.name.length).toBeLessThanOrEqual(200);
  });
});

describe("item 11: the body limit fits the page limit", () => {
  test("a page over 2 MB from a write key gets past the body limit and is refused as documented: BAD_USER_INPUT, reason TOO_LARGE", async () => {
    const before = await countIngestionRows(db);
    const text = `Almaty after the unrest\n\n${"Security forces patrolled the streets of Almaty on Friday. ".repeat(Math.ceil((MAX_PAGE_BYTES + 300_000) / 59))}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_PAGE_BYTES);
    const sent = await ingest({ text, publisher: "Edges Wire" });
    expect(sent.status).toBe(200);
    expect(sent.body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", argumentName: "input", reason: "TOO_LARGE" });
    expect(rowDifference(before, await countIngestionRows(db))).toEqual({});
  });
});

describe("item 12: refusals a browser and Apollo Client can read", () => {
  const ACCEPT = { accept: `${GRAPHQL_RESPONSE}, application/json;q=0.9`, origin: "https://app.example" };

  test("413: GraphQL-over-HTTP JSON in the GraphQL media type, with the CORS headers exposed", async () => {
    const sent = await post({ query: "{ __typename }", variables: { pad: "x".repeat(2 * 1024 * 1024) } }, { ...ACCEPT, authorization: "" });
    expect(sent.status).toBe(413);
    expect(sent.headers.get("content-type")).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
    expect(sent.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    expect(sent.headers.get("access-control-expose-headers")).toBe("X-Request-Id,Retry-After");
  });

  test("a client that does not ask for it gets application/json", async () => {
    const sent = await post({ query: "{ __typename }", variables: { pad: "x".repeat(2 * 1024 * 1024) } }, { authorization: "" });
    expect(sent.status).toBe(413);
    expect(sent.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  test("429: the same shape, Retry-After readable by the browser", async () => {
    const limited = await startTestServer({ env: { NODE_ENV: "production", RATE_LIMIT_PER_ADDRESS: "1", RESPONSE_CACHE: "off" } });
    try {
      const send = () => fetch(limited.url, { method: "POST", headers: { "content-type": "application/json", ...ACCEPT }, body: JSON.stringify({ query: "{ __typename }" }) });
      expect((await send()).status).toBe(200);
      const refused = await send();
      expect(refused.status).toBe(429);
      expect(refused.headers.get("content-type")).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(refused.headers.get("access-control-expose-headers")).toContain("Retry-After");
      expect(await refused.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "RATE_LIMITED", retryAfter: expect.any(Number) } }] });
    } finally {
      await limited.stop();
    }
  });

  test("mutation responses are Cache-Control: no-store (reads keep their max-age)", async () => {
    const created = await post({ query: 'mutation { createCrisis(input: { slug: "edges-no-store", name: "No store" }) { slug } }' });
    expect(created.body.data.createCrisis.slug).toBe("edges-no-store");
    expect(created.headers.get("cache-control")).toBe("no-store");
    const failed = await post({ query: 'mutation { createCrisis(input: { slug: "edges-no-store", name: "Again" }) { slug } }' });
    expect(failed.headers.get("cache-control")).toBe("no-store");
    const read = await post({ query: "{ countries { isoCode } }" }, { authorization: "" });
    expect(read.headers.get("cache-control")).toMatch(/^max-age=\d+, public$/);
  });

  test("EXTRACTION_BUSY is a 503 with a Retry-After header", async () => {
    const busy = await startTestServer({
      env: { NODE_ENV: "production", API_KEYS, RESPONSE_CACHE: "off" },
      extractionPool: { threads: 1, maxQueue: 0, pageBudgetMs: 120_000, maxQueueWaitMs: 120_000 },
    });
    try {
      const send = (text: string) =>
        fetch(busy.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${WRITER_KEY}` },
          body: JSON.stringify({ query: INGEST, variables: { input: { text, publisher: "Edges Wire" } } }),
        });
      const long = `A quiet week in the archive\n\n${"The archive kept its notes in many short paragraphs about the weather of the day.\n\n".repeat(9000)}`;
      const first = send(long);
      for (let i = 0; i < 400 && busy.pool!.pending === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      const refused = await send("Another page.\n\nSecurity forces patrolled the streets of Almaty on Friday after a night of gunfire.");
      const body = (await refused.json()) as any;
      expect(body.errors[0].extensions).toMatchObject({ code: "EXTRACTION_BUSY", retryAfter: 120 });
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("120");
      await (await first).json();
    } finally {
      await busy.stop();
    }
  });
});

/** Writes the start of a request on a raw socket, never the rest, and returns what the server sent before it closed (10 s at most). */
function sendAndWait(start: (host: string) => string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(start(hostname)));
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString()));
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
    setTimeout(() => socket.destroy(), 10_000);
  });
}

describe("item 14", () => {
  test("/readyz answers from one check a second: 50 calls run its SQL at most twice", async () => {
    server.resetSql();
    const answers = await Promise.all(Array.from({ length: 50 }, () => fetch(new URL("/readyz", server.url)).then((r) => r.status)));
    expect(new Set(answers)).toEqual(new Set([200]));
    expect(server.sql.filter((sql) => /_prisma_migrations/.test(sql)).length).toBeLessThanOrEqual(2);
  });

  test("a slow upload is cut off at HTTP_REQUEST_TIMEOUT_MS with 408, not held for 300 s", async () => {
    const started = Date.now();
    const answer = await sendAndWait((host) => `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":`);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("headers that never end are cut off at HTTP_HEADERS_TIMEOUT_MS", async () => {
    const answer = await sendAndWait((host) => `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nX-Slow: a`);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  test("a 500 KB unknown field name is not echoed back whole", async () => {
    const sent = await post({ query: `{ ${"x".repeat(500_000)} }` }, { authorization: "" });
    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body).length).toBeLessThan(1000);
  });

  test("repeated identical error lines: one written per window, the next says how many were left out", () => {
    let now = 0;
    const filter = createRepeatFilter(10_000, () => now);
    expect(filter("a")).toEqual({ write: true, repeatsLeftOut: 0 });
    for (let i = 0; i < 383; i++) expect(filter("a").write).toBe(false);
    expect(filter("b").write).toBe(true);
    now = 10_000;
    expect(filter("a")).toEqual({ write: true, repeatsLeftOut: 383 });
  });

  test("an outage: 40 failing requests write one error line, not 40", async () => {
    const lines: string[] = [];
    const broken = await startTestServer({
      env: { NODE_ENV: "production", RESPONSE_CACHE: "off" },
      databaseUrl: "postgresql://postgres@127.0.0.1:5432/crisis_graph_edges_no_such_database",
      logger: createLogger("info", { write: (line: string) => void lines.push(line) }),
    });
    try {
      for (let i = 0; i < 40; i++) {
        await fetch(broken.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ countries { isoCode } }" }) });
      }
      await new Promise((resolve) => setImmediate(resolve));
      const errorLines = lines.filter((line) => /"level":"(error|warn)"/.test(line));
      expect(errorLines.length).toBeGreaterThanOrEqual(1);
      expect(errorLines.length).toBeLessThanOrEqual(2);
    } finally {
      await broken.stop();
    }
  });

  test(`a repetitive page: at most ${MAX_EVENTS_PER_ARTICLE} events and ${MAX_CLAIMS_PER_ARTICLE} claims stored, the rest counted as left out`, async () => {
    const cities = ["Almaty", "Aktobe", "Taraz", "Shymkent", "Atyrau", "Aktau", "Kyzylorda", "Oral", "Semey", "Karaganda"];
    const paragraphs: string[] = [];
    for (let i = 0; i < 600; i++) {
      const city = cities[i % cities.length];
      paragraphs.push(`On ${1 + (i % 28)} January, protesters stormed the mayor's office in ${city}, and police said ${i + 3} people were detained in ${city}.`);
    }
    const text = ["10 Feb, 2022 09:00", "", "A month of protests, city by city", "", ...paragraphs.flatMap((p) => [p, ""])].join("\n");
    const sent = await ingest({ text, publisher: "Edges Wire", crisisSlug: CRISIS });
    expect(sent.body.errors).toBeUndefined();
    const result = sent.body.data.ingestArticle;
    expect(result.eventsExtracted).toBeLessThanOrEqual(MAX_EVENTS_PER_ARTICLE);
    expect(result.claimsExtracted).toBeLessThanOrEqual(MAX_CLAIMS_PER_ARTICLE);
    expect(result.eventsLeftOut + result.claimsLeftOut).toBeGreaterThan(0);
    expect(result.charactersUnread).toBe(0);
    const { rows } = await db.query(`SELECT (SELECT count(*) FROM "Event" WHERE "articleId" = $1)::int AS events, (SELECT count(*) FROM "CasualtyStatistic" WHERE "articleId" = $1)::int AS claims`, [result.article.id]);
    expect(rows[0]).toEqual({ events: result.eventsExtracted, claims: result.claimsExtracted });
  });
});
