// Hostile and broken pages sent to ingestArticle over real HTTP, on a
// production server: each gets a clear status and code, or exactly one stored
// article, and never a partial write. Every case counts the rows of every
// table an ingestion can touch before and after, and the SQL the server ran.
// (test/ingest/ingest.test.ts covers the happy paths, revisions and review.)
import pg from "pg";
import { MAX_PAGE_BYTES } from "../../src/ingest/extract-article";
import { MAX_BODY_BYTES, MAX_WRITE_BODY_BYTES } from "../../src/server";
import { countIngestionRows, rowDifference, type RowCounts } from "../helpers/ingestion-rows";
import { startTestServer, testDatabaseUrl, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "soak-writer-key-0123456789abcdef";
const READER_KEY = "bad-input-reader-key-0123456789abcdef";
const API_KEYS = `bad-input-suite:${WRITER_KEY}:write,bad-input-reader:${READER_KEY}:read`;
const CRISIS = "kazakhstan-unrest-2022";
// Publishers only these tests create, removed again at the end.
const PUBLISHERS = ["Bad Input Wire", "Script Test Wire", "Timeout Wire", "Race Wire", "Big Page Wire"];
// A claimant only the race test names (a person, so the extractor takes the name as printed).
const RACE_CLAIMANT = "Erlan Qasymov";


let server: TestServer;
// Our own connection: counting rows must not show up among the server's SQL.
let db: pg.Client;

beforeAll(async () => {
  server = await startTestServer({ env: { NODE_ENV: "production", API_KEYS } });
  db = new pg.Client({ connectionString: testDatabaseUrl() });
  await db.connect();
});

afterAll(async () => {
  // Leave the database as the other test files expect it: the seed alone.
  const { rows } = await db.query<{ id: string }>(
    `SELECT a.id FROM "Article" a JOIN "Publisher" p ON p.id = a."publisherId" WHERE p.name = ANY($1)`,
    [PUBLISHERS],
  );
  const ids = rows.map((r) => r.id);
  await db.query(`DELETE FROM "CasualtyStatistic" WHERE "articleId" = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Event" WHERE "articleId" = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Article" WHERE id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Publisher" WHERE name = ANY($1)`, [PUBLISHERS]);
  await db.query(`DELETE FROM "Claimant" WHERE name = $1`, [RACE_CLAIMANT]);
  await db.end();
  await server.stop();
});

const counts = () => countIngestionRows(db);
const difference = rowDifference;

const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    status claimsExtracted eventsExtracted
    article { id headline byline alternativeHeadline section publishedText body
      images { url title caption credit copyrightNotice }
      relatedLinks { title url }
      casualtyStatistics { category affectedGroup best quote }
      events { type quote }
    }
  }
}`;

interface Sent {
  status: number;
  body: any;
  /** Statements the server ran for this request. */
  sql: string[];
}

/** POSTs raw bytes to /graphql, as a scraper's HTTP client would. */
async function postRaw(body: NonNullable<RequestInit["body"]>, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<Sent> {
  server.resetSql();
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${WRITER_KEY}`, ...headers },
    body,
    ...init,
  });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the assertions show the text.
  }
  return { status: response.status, body: parsed, sql: [...server.sql] };
}

const ingest = (input: Record<string, unknown>) => postRaw(JSON.stringify({ query: INGEST, variables: { input } }));

const writes = (sql: string[]) => sql.filter((statement) => /^\s*(INSERT|UPDATE|DELETE|MERGE)\b/i.test(statement));

/** The request was refused before the resolver: nothing ran at all. */
async function expectRefusedUpFront(sent: Sent, before: RowCounts, status: number, code: string) {
  expect(sent.status).toBe(status);
  expect(sent.body.errors?.[0]?.extensions?.code).toBe(code);
  expect(sent.sql).toEqual([]);
  expect(difference(before, await counts())).toEqual({});
}

/** The resolver refused the page with BAD_USER_INPUT and a reason, before any SQL. */
async function expectBadPage(sent: Sent, before: RowCounts, reason: string) {
  // A resolver error is a GraphQL error in a 200 response; the mutation field is null.
  expect(sent.status).toBe(200);
  expect(sent.body.data).toBeNull();
  expect(sent.body.errors).toHaveLength(1);
  expect(sent.body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", argumentName: "input", reason });
  // Extraction runs before the transaction opens: not even a read reached PostgreSQL.
  expect(sent.sql).toEqual([]);
  expect(difference(before, await counts())).toEqual({});
}

describe("empty input", () => {
  test.each([
    ["empty text", { text: "" }],
    ["whitespace-only HTML", { html: " \n\t " }],
    ["neither text nor html", {}],
    ["text and html at once", { text: "A headline", html: "<p>A headline</p>" }],
  ])("%s: EMPTY_INPUT, nothing written", async (_name, input) => {
    const before = await counts();
    await expectBadPage(await ingest({ ...input, crisisSlug: CRISIS, publisher: PUBLISHERS[0] }), before, "EMPTY_INPUT");
  });
});

describe("oversized input", () => {
  const TEN_MB = 10 * 1024 * 1024;
  const bigPage = () => JSON.stringify({ query: INGEST, variables: { input: { text: "Protesters gathered in Almaty. ".repeat(TEN_MB / 31), crisisSlug: CRISIS } } });

  test("10 MB of text: 413 PAYLOAD_TOO_LARGE at the body cap, nothing parsed, nothing written", async () => {
    const before = await counts();
    const body = bigPage();
    expect(Buffer.byteLength(body)).toBeGreaterThan(TEN_MB - 1024);
    await expectRefusedUpFront(await postRaw(body), before, 413, "PAYLOAD_TOO_LARGE");
  });

  test("10 MB streamed without a Content-Length (chunked): the same 413, counted while it arrives", async () => {
    const before = await counts();
    const bytes = Buffer.from(bigPage());
    const CHUNK = 64 * 1024;
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + CHUNK));
        offset += CHUNK;
      },
    });
    const sent = await postRaw(stream as unknown as NonNullable<RequestInit["body"]>, {}, { duplex: "half" } as RequestInit);
    await expectRefusedUpFront(sent, before, 413, "PAYLOAD_TOO_LARGE");
  });
});

describe("the body limit follows the caller: a write key may send a full page, nobody else more than 1 MB", () => {
  const NEAR_FULL = 1.8 * 1024 * 1024;
  /** An article of `bytes` UTF-8 bytes: short dull notes (no claim, no event) after a dated headline. */
  function longPage(tag: string, note: (i: number) => string, bytes = NEAR_FULL) {
    const lines = ["9 Jan, 2022 10:00", "", `A long record of a quiet week in the archive (${tag})`, "", "The archive kept its notes in many short paragraphs.", ""];
    let size = Buffer.byteLength(lines.join("\n"));
    for (let i = 1; size < bytes; i++) {
      const line = note(i);
      lines.push(line, "");
      size += Buffer.byteLength(line) + 2;
    }
    return { publisher: "Big Page Wire", crisisSlug: CRISIS, text: lines.join("\n") };
  }
  const english = (i: number) => `Note ${i} of the archive describes the weather of that day, the colour of the sky and the sound of the wind over the steppe.`;
  const russian = (i: number) => `Заметка ${i} из архива описывает погоду того дня, цвет неба и шум ветра над степью.`;
  const body = (input: Record<string, unknown>) => JSON.stringify({ query: INGEST, variables: { input } });

  async function expectStored(sent: Sent, before: RowCounts, bodyLength: number) {
    expect(sent.status).toBe(200);
    expect(sent.body.errors).toBeUndefined();
    expect(sent.body.data.ingestArticle).toMatchObject({ status: "CREATED", claimsExtracted: 0 });
    expect(sent.body.data.ingestArticle.article.body.length).toBeGreaterThan(bodyLength);
    expect(difference(before, await counts()).Article).toBe(1);
  }

  test("the limits: 1 MB, and for write keys a 2 MB page JSON-encoded with every non-ASCII character escaped (under the 10 MB refused below)", () => {
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
    expect(MAX_WRITE_BODY_BYTES).toBeGreaterThan(3 * MAX_PAGE_BYTES);
    expect(MAX_WRITE_BODY_BYTES).toBeLessThan(10 * 1024 * 1024 - 1024);
  });

  test("a 1.8 MB page with a write key, over the 1 MB limit: read and stored", async () => {
    const before = await counts();
    const input = longPage("english", english);
    const sent = body(input);
    expect(Buffer.byteLength(sent)).toBeGreaterThan(MAX_BODY_BYTES);
    expect(Buffer.byteLength(input.text)).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    await expectStored(await postRaw(sent), before, 1024 * 1024);
  });

  test("a 1.8 MB Cyrillic page sent with every character \\u-escaped (a 5 MB body, as Python's json.dumps writes it): read and stored", async () => {
    const before = await counts();
    const input = longPage("escaped", russian);
    const escaped = body(input).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    expect(Buffer.byteLength(escaped)).toBeGreaterThan(2.5 * Buffer.byteLength(input.text));
    const sent = await postRaw(escaped);
    await expectStored(sent, before, 512 * 1024);
    expect(sent.body.data.ingestArticle.article.headline).toBe("A long record of a quiet week in the archive (escaped)");
  });

  test.each([
    ["without a key", undefined],
    ["with a key that may only read", READER_KEY],
    ["with an unknown key", "not-a-key-of-this-server-0123456789"],
  ])("the same 1.8 MB request %s: 413 PAYLOAD_TOO_LARGE, nothing parsed, nothing written", async (_name, key) => {
    const before = await counts();
    server.resetSql();
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: body(longPage("refused", english)),
    });
    const sent: Sent = { status: response.status, body: await response.json(), sql: [...server.sql] };
    await expectRefusedUpFront(sent, before, 413, "PAYLOAD_TOO_LARGE");
    expect(sent.body.errors[0].message).toMatch(/over 1 MB, the limit for requests without a write key/);
  });

  test("a write key's body one byte over its limit: 413 PAYLOAD_TOO_LARGE", async () => {
    const before = await counts();
    const padded = body({ text: "", crisisSlug: CRISIS });
    const over = padded.replace('"text":""', `"text":"${"a".repeat(MAX_WRITE_BODY_BYTES + 1 - Buffer.byteLength(padded))}"`);
    expect(Buffer.byteLength(over)).toBe(MAX_WRITE_BODY_BYTES + 1);
    const sent = await postRaw(over);
    await expectRefusedUpFront(sent, before, 413, "PAYLOAD_TOO_LARGE");
    expect(sent.body.errors[0].message).toMatch(/the limit for requests with a write key/);
  });
});

describe("binary bytes", () => {
  // Bytes a scraper saved without decoding: every control character, NULs included.
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256));

  test("raw bytes as the request body: 400 BAD_REQUEST from the JSON parser, nothing ran", async () => {
    const before = await counts();
    await expectRefusedUpFront(await postRaw(binary), before, 400, "BAD_REQUEST");
  });

  test("raw non-UTF-8 bytes inside the JSON string: decoded to U+FFFD, refused as UNSUPPORTED_ENCODING", async () => {
    const before = await counts();
    // Only bytes ≥ 0x80 (no quote, backslash or control byte), so the JSON stays well-formed and the page reaches the resolver.
    const high = Buffer.from(Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 53) % 128)));
    const [head, tail] = JSON.stringify({ query: INGEST, variables: { input: { crisisSlug: CRISIS, publisher: PUBLISHERS[0], text: "@@" } } }).split("@@");
    await expectBadPage(await postRaw(Buffer.concat([Buffer.from(head), high, Buffer.from(tail)])), before, "UNSUPPORTED_ENCODING");
  });

  test("binary escaped into valid JSON (NULs as \\u0000): UNSUPPORTED_ENCODING", async () => {
    const before = await counts();
    await expectBadPage(await ingest({ text: binary.toString("latin1"), crisisSlug: CRISIS, publisher: PUBLISHERS[0] }), before, "UNSUPPORTED_ENCODING");
  });

  test("a readable article with NUL bytes sprinkled in: refused, not stored with them (PostgreSQL text cannot hold NUL)", async () => {
    const before = await counts();
    const text = wirePage("nul").text.replace(/killed/, "kil\u0000led");
    await expectBadPage(await ingest({ text, crisisSlug: CRISIS, publisher: PUBLISHERS[0] }), before, "UNSUPPORTED_ENCODING");
  });
});

describe("a page with no article", () => {
  test.each([
    [
      "an HTML front page of menus, links and a cookie banner",
      `<!DOCTYPE html><html lang="en"><head><title>Caspian Wire — Home</title></head><body>
        <nav><a href="/world">World</a> <a href="/business">Business</a></nav>
        <div class="cookie-banner"><p>We use cookies to improve your experience. Accept?</p><button>Accept</button></div>
        <ul class="headlines"><li><a href="/a">Markets rally</a></li><li><a href="/b">Weather turns cold</a></li></ul>
        <footer>© 2022 Caspian Wire. All rights reserved.</footer></body></html>`,
    ],
  ])("%s: NO_ARTICLE, nothing written", async (_name, html) => {
    const before = await counts();
    await expectBadPage(await ingest({ html, crisisSlug: CRISIS, publisher: PUBLISHERS[0] }), before, "NO_ARTICLE");
  });
});

describe("an HTML page with scripts", () => {
  // Script text is prose-shaped, casualty-shaped and marked, so a leak anywhere shows.
  const LEAK = "SCRIPTLEAK";
  const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <title>Security forces patrol Almaty after a night of unrest | Script Test Wire</title>
  <meta property="og:site_name" content="Script Test Wire">
  <script>globalThis.__crisisGraphPwned = true; document.write("<p>${LEAK} 99 protesters were killed, the ministry said.</p>");</script>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
    "headline":"Security forces patrol Almaty after a night of unrest","datePublished":"2022-01-07T08:00:00Z",
    "publisher":{"@type":"Organization","name":"Script Test Wire"}}</script>
  <script src="https://evil.example/${LEAK}.js"></script>
  <style>body::after { content: "${LEAK} 77 people were detained."; }</style>
</head>
<body onload="globalThis.__crisisGraphPwned = true">
  <article>
    <h1>Security forces patrol Almaty after a night of unrest</h1>
    <p class="byline">By Aliya Serikbayeva<script>window.track("${LEAK} byline")</script></p>
    <time datetime="2022-01-07T08:00:00Z">7 January 2022<script>/* ${LEAK} time */</script></time>
    <figure><img src="/almaty.jpg" onerror="globalThis.__crisisGraphPwned = true">
      <figcaption>Police officers in Almaty.<script>"${LEAK} caption"</script> © Script Test Wire</figcaption></figure>
    <p>Security forces patrolled the streets of Almaty on Friday after a night of sporadic gunfire.<script>alert("${LEAK} 55 civilians were injured.")</script></p>
    <script>var story = "${LEAK} 44 journalists were detained, reports said.";</script>
    <noscript><p>${LEAK} 33 rioters were killed, officials said.</p></noscript>
    <template><p>${LEAK} 22 people were hospitalized, doctors said.</p></template>
    <iframe srcdoc="<p>${LEAK} 11 police officers were wounded.</p>"></iframe>
    <p>The Interior Ministry said that 16 police officers and military personnel have been killed in the unrest.</p>
    <p>On Wednesday, protesters stormed the mayor's office in Almaty.<script>"${LEAK}: On Thursday, rioters seized the airport."</script></p>
    <p><a href="javascript:globalThis.__crisisGraphPwned = true" onclick="globalThis.__crisisGraphPwned = true">Witnesses said</a> the shooting stopped before dawn.</p>
    <div class="related"><h2>Read more</h2><a href="javascript:alert('${LEAK}')">Curfew extended in Almaty</a></div>
  </article>
</body>
</html>`;

  test("is stored once, without any script text anywhere, and nothing in it runs", async () => {
    const before = await counts();
    const sent = await ingest({ html: page, crisisSlug: CRISIS });
    expect(sent.status).toBe(200);
    expect(sent.body.errors).toBeUndefined();
    const result = sent.body.data.ingestArticle;
    expect(result.status).toBe("CREATED");
    // The page was parsed in this very process (the test server is in-process): nothing of it ran.
    expect((globalThis as { __crisisGraphPwned?: boolean }).__crisisGraphPwned).toBeUndefined();

    const article = result.article;
    expect(article.headline).toBe("Security forces patrol Almaty after a night of unrest");
    expect(article.body).toBe(
      "Security forces patrolled the streets of Almaty on Friday after a night of sporadic gunfire.\n\n" +
        "The Interior Ministry said that 16 police officers and military personnel have been killed in the unrest.\n\n" +
        "On Wednesday, protesters stormed the mayor's office in Almaty.\n\n" +
        "Witnesses said the shooting stopped before dawn.",
    );
    // Only the page's one real claim: none of the figures hidden in scripts, noscript, templates or iframes.
    expect(article.casualtyStatistics).toEqual([
      expect.objectContaining({ category: "KILLED", affectedGroup: "SECURITY_FORCES", best: 16 }),
    ]);
    // The events are the body's, dated from it; the airport seizure lives only in a script.
    expect(result.eventsExtracted).toBeGreaterThanOrEqual(1);
    expect(article.events.every((event: { quote: string }) => article.body.includes(event.quote))).toBe(true);
    expect(article.relatedLinks.every((link: { url: string | null }) => link.url === null || /^https?:/.test(link.url))).toBe(true);

    // Every stored text of the article and its children, read from the database itself.
    const stored = await db.query(
      `SELECT to_jsonb(a) AS article,
              (SELECT jsonb_agg(to_jsonb(i)) FROM "ArticleImage" i WHERE i."articleId" = a.id) AS images,
              (SELECT jsonb_agg(to_jsonb(l)) FROM "RelatedLink" l WHERE l."articleId" = a.id) AS links,
              (SELECT jsonb_agg(to_jsonb(c)) FROM "CasualtyStatistic" c WHERE c."articleId" = a.id) AS claims,
              (SELECT jsonb_agg(to_jsonb(e)) FROM "Event" e WHERE e."articleId" = a.id) AS events
         FROM "Article" a WHERE a.id = $1`,
      [article.id],
    );
    const everything = JSON.stringify(stored.rows[0]);
    expect(everything).not.toContain(LEAK);
    expect(everything).not.toMatch(/<script|javascript:|onerror|onload|onclick|alert\(|__crisisGraphPwned/i);

    const after = await counts();
    expect(difference(before, after)).toEqual({
      Article: 1,
      ArticleImage: article.images.length,
      RelatedLink: article.relatedLinks.length,
      ...expectedMentions(before, after),
      Event: result.eventsExtracted,
      CasualtyStatistic: 1,
      Publisher: 1,
    });
  });
});

/** Mention and event-link rows depend on the gazetteer: taken as found here (test/ingest asserts them). */
function expectedMentions(before: RowCounts, after: RowCounts): Partial<RowCounts> {
  const found: Partial<RowCounts> = {};
  for (const table of ["ArticlePerson", "ArticlePlace", "ArticleCountry", "EventPlace", "EventParticipant"] as const) {
    if (after[table] !== before[table]) found[table] = after[table] - before[table];
  }
  return found;
}

function wirePage(tag: string) {
  return {
    publisher: PUBLISHERS[0],
    crisisSlug: CRISIS,
    text: [
      "10 Jan, 2022 09:00",
      "",
      `Almaty counts its dead after the unrest (${tag})`,
      "",
      "The Interior Ministry updated its figures for the unrest in Almaty",
      "",
      "The Interior Ministry said that 16 police officers and military personnel have been killed in the unrest.",
      "",
      "More than 5,800 people have been detained, the ministry said.",
      "",
      "On Wednesday, protesters stormed the mayor's office in Almaty.",
    ].join("\n"),
  };
}

describe("the same page sent 20 times at once", () => {
  test("one article with its claims and events, stored once; the other 19 answer UNCHANGED with the same article", async () => {
    // No URL: the page's content hash alone serialises the 20 transactions.
    const input = wirePage("twenty at once");
    const before = await counts();
    const sent = await Promise.all(Array.from({ length: 20 }, () => ingest(input)));

    expect(sent.map((s) => s.status)).toEqual(Array(20).fill(200));
    expect(sent.flatMap((s) => s.body.errors ?? [])).toEqual([]);
    const results = sent.map((s) => s.body.data.ingestArticle);
    const created = results.filter((r) => r.status === "CREATED");
    const unchanged = results.filter((r) => r.status === "UNCHANGED");
    expect(created).toHaveLength(1);
    expect(unchanged).toHaveLength(19);
    const [first] = created;
    expect(first.claimsExtracted).toBe(2);
    expect(first.eventsExtracted).toBeGreaterThanOrEqual(1);
    // Consistent answers: every response names the same stored article, with the same claims and events.
    for (const result of unchanged) {
      expect(result).toEqual({ ...first, status: "UNCHANGED", claimsExtracted: 0, eventsExtracted: 0 });
    }
    expect(first.article.casualtyStatistics).toEqual([
      expect.objectContaining({ category: "KILLED", affectedGroup: "SECURITY_FORCES", best: 16 }),
      expect.objectContaining({ category: "DETAINED", affectedGroup: "ALL", best: 5800 }),
    ]);

    const after = await counts();
    expect(difference(before, after)).toEqual({
      Article: 1,
      CasualtyStatistic: 2,
      Event: first.eventsExtracted,
      ...expectedMentions(before, after),
      Publisher: 1,
    });
    // And in the database, by the page's content: one article, its claims once each.
    const { rows } = await db.query(
      `SELECT c.category, c.best, count(*)::int AS n FROM "CasualtyStatistic" c WHERE c."articleId" = $1 GROUP BY 1, 2 ORDER BY 1`,
      [first.article.id],
    );
    // Ordered as the enum is declared (KILLED first).
    expect(rows).toEqual([
      { category: "KILLED", best: 16, n: 1 },
      { category: "DETAINED", best: 5800, n: 1 },
    ]);
    const events = await db.query(`SELECT count(*)::int AS n FROM "Event" WHERE "articleId" = $1`, [first.article.id]);
    expect(events.rows[0].n).toBe(first.eventsExtracted);
  });
});

describe("different pages at once", () => {
  test("20 pages of a new publisher naming a new claimant, sent at once: all stored, the publisher and claimant once", async () => {
    // Each page is distinct (its own lock), but all need the same new Publisher and Claimant row:
    // a read-then-insert would let two of them insert it and one fail with a 500.
    const before = await counts();
    const pages = Array.from({ length: 20 }, (_, i) => ({
      publisher: "Race Wire",
      crisisSlug: CRISIS,
      text: [
        "11 Jan, 2022 09:00",
        "",
        `Race report ${i}: the mayor of Almaty gives a new toll`,
        "",
        `At least ${20 + i} protesters were killed, said Mayor ${RACE_CLAIMANT}.`,
      ].join("\n"),
    }));
    const sent = await Promise.all(pages.map((page) => ingest(page)));
    expect(sent.map((s) => s.status)).toEqual(Array(20).fill(200));
    expect(sent.flatMap((s) => s.body.errors ?? [])).toEqual([]);
    expect(sent.map((s) => s.body.data.ingestArticle.status)).toEqual(Array(20).fill("CREATED"));
    const after = await counts();
    expect(difference(before, after)).toEqual({ Article: 20, CasualtyStatistic: 20, Publisher: 1, Claimant: 1, ...expectedMentions(before, after) });
    const claims = await db.query(
      `SELECT count(DISTINCT c."claimantId")::int AS claimants, count(*)::int AS n FROM "CasualtyStatistic" c JOIN "Claimant" k ON k.id = c."claimantId" WHERE k.name = $1`,
      [RACE_CLAIMANT],
    );
    expect(claims.rows[0]).toEqual({ claimants: 1, n: 20 });
  });
});

describe("a failure after the first writes of a page", () => {
  test("a statement cancelled mid-transaction rolls the whole page back: QUERY_TIMEOUT, not one row left", async () => {
    const impatient = await startTestServer({ env: { NODE_ENV: "production", API_KEYS, DB_STATEMENT_TIMEOUT_MS: "500" } });
    const locker = new pg.Client({ connectionString: testDatabaseUrl() });
    await locker.connect();
    try {
      const before = await counts();
      // SHARE mode blocks writes to the claims table, not reads: the article, its mentions
      // and events are written, then the claims' INSERT waits until PostgreSQL cancels it.
      await locker.query("BEGIN");
      await locker.query('LOCK TABLE "CasualtyStatistic" IN SHARE MODE');
      impatient.resetSql();
      const response = await fetch(impatient.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${WRITER_KEY}` },
        body: JSON.stringify({ query: INGEST, variables: { input: { ...wirePage("timeout"), publisher: "Timeout Wire" } } }),
      });
      const body = (await response.json()) as { data: unknown; errors?: { message: string; extensions: { code: string } }[] };
      expect(response.status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors?.[0].extensions.code).toBe("QUERY_TIMEOUT");
      expect(body.errors?.[0].message).not.toMatch(/INSERT|CasualtyStatistic|57014/);
      // The writes before the cancelled one did happen inside the transaction …
      const ran = writes(impatient.sql);
      expect(ran.some((sql) => /INSERT INTO "public"\."Article"/.test(sql))).toBe(true);
      expect(ran.some((sql) => /INSERT INTO "public"\."Publisher"/.test(sql))).toBe(true);
      await locker.query("ROLLBACK");
      // … and none of them survived it.
      expect(difference(before, await counts())).toEqual({});
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Publisher" WHERE name = 'Timeout Wire'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await locker.query("ROLLBACK").catch(() => {});
      await locker.end();
      await impatient.stop();
    }
  });
});
