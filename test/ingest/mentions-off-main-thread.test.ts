// A hostile 2 MB page ingested over HTTP: every scan of its text (place-name
// keys, countries, people's and organisations' names) happens on the
// extraction pool's worker thread, none on the main thread, which keeps
// answering /healthz and queries while the page is read and while it is
// linked and stored (issue #13, item 3: the page used to be scanned again on
// the main thread, inside the write transaction, for seconds).
// No assertion is about time: only about what happened before what, and
// where the text was scanned.
import pg from "pg";
import { shapeNamed } from "../../src/ingest/evaluation/hostile-pages";
import { textScanCount } from "../../src/ingest/text-mentions";
import { startTestServer, testDatabaseUrl, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "mentions-writer-key-0123456789abcdef";
const API_KEYS = `mentions-suite:${WRITER_KEY}:write`;
const CRISIS = "kazakhstan-unrest-2022";
const PUBLISHER = "Mentions Test Wire";

const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) { status claimsExtracted article { id } }
}`;

let db: pg.Client;
let server: TestServer;

beforeAll(async () => {
  db = new pg.Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  // The machine is shared: a budget no 2 MB page needs, so only the order of things is tested.
  server = await startTestServer({ env: { API_KEYS }, extractionPool: { threads: 1, pageBudgetMs: 120_000, maxQueueWaitMs: 120_000 } });
  // A process's first page is read without the names to scan for (they are loaded after it, so a refused
  // page costs no SQL) and read again once they are known: one small page first, so the page under test
  // is read once, or twice for the crisis's country when it has claims.
  const warmUp = await ingest({ text: "Crowds gathered in Almaty\n\nProtesters gathered in central Almaty on Wednesday, witnesses said.", url: "https://mentions.example/warm-up", publisher: PUBLISHER, crisisSlug: CRISIS });
  expect(warmUp.errors).toBeUndefined();
});

afterAll(async () => {
  await server?.stop();
  // Leave the database as the other test files expect it: the seed alone.
  const { rows } = await db.query<{ id: string }>(`SELECT a.id FROM "Article" a JOIN "Publisher" p ON p.id = a."publisherId" WHERE p.name = $1`, [PUBLISHER]);
  const ids = rows.map((r) => r.id);
  await db.query(`DELETE FROM "CasualtyStatistic" WHERE "articleId" = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Event" WHERE "articleId" = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Article" WHERE id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Publisher" WHERE name = $1`, [PUBLISHER]);
  await db.end();
});

async function ingest(input: Record<string, unknown>) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${WRITER_KEY}` },
    body: JSON.stringify({ query: INGEST, variables: { input } }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

test(
  "a 2 MB page of capitalised words: scanned on the worker only, while /healthz and a query answer between its reading and its answer",
  async () => {
    const pool = server.pool!;
    const page = shapeNamed("capitalised-words").build(2 * 1024 * 1024);
    const scansBefore = textScanCount();
    const readingsBefore = pool.completed;
    // What happened, in order: each answer of /healthz or the query with the readings the pool had answered by then.
    const events: { what: "healthz" | "query" | "ingestion"; readings: number }[] = [];
    let done = false;
    const ingestion = ingest({ text: page.text, url: "https://mentions.example/capitalised-words", publisher: PUBLISHER, crisisSlug: CRISIS }).then((response) => {
      events.push({ what: "ingestion", readings: pool.completed - readingsBefore });
      done = true;
      return response;
    });
    // Two pollers always in flight: one on /healthz, one on a small query.
    const poll = async (what: "healthz" | "query") => {
      while (!done) {
        if (what === "healthz") {
          const health = await fetch(new URL("/healthz", server.url));
          expect(health.status).toBe(200);
          await health.arrayBuffer();
        } else {
          const query = await server.query(`{ cstoMembers(asOf: "2022-01-09") { isoCode } }`);
          expect(query.errors).toBeUndefined();
        }
        if (!done) events.push({ what, readings: pool.completed - readingsBefore });
      }
    };
    const [response] = await Promise.all([ingestion, poll("healthz"), poll("query")]);

    expect(response.errors).toBeUndefined();
    expect(response.data.ingestArticle).toMatchObject({ status: "CREATED" });
    const readings = events[events.length - 1].readings;
    // Read once, and again with the crisis's country (it has claims): both on the worker.
    expect(readings).toBe(response.data.ingestArticle.claimsExtracted > 0 ? 2 : 1);
    // No page text was scanned on this (the server's main) thread: the worker scanned it, once per reading.
    expect(textScanCount()).toBe(scansBefore);
    // Once the worker had answered its last reading, the main thread linked and stored the page,
    // and answered /healthz in between: it was never busy reading the text.
    const afterReading = events.filter((e) => e.what !== "ingestion" && e.readings === readings);
    expect(afterReading.map((e) => e.what)).toContain("healthz");
    expect(events.filter((e) => e.what === "query").length).toBeGreaterThan(0);
    expect(events[events.length - 1].what).toBe("ingestion");

    // And the page was linked as the text says: the place and country of its lead ("central Almaty").
    const articleId = response.data.ingestArticle.article.id;
    const { rows: places } = await db.query<{ name: string }>(
      `SELECT p.name FROM "ArticlePlace" ap JOIN "Place" p ON p.id = ap."placeId" WHERE ap."articleId" = $1`,
      [articleId],
    );
    expect(places.map((p) => p.name)).toContain("Almaty");
  },
  300_000,
);
