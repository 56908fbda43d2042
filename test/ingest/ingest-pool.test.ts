// Ingestion off the main thread, over real HTTP on the test database: the
// server reads pages on an extraction pool of its own (worker threads, as
// main.ts starts it), a page past its budget is EXTRACTION_TOO_SLOW and a
// worker that dies is EXTRACTION_FAILED (nothing written either way, and the
// pool goes on), a page the pool has no room for (queue full, or waited too
// long for a thread) is EXTRACTION_BUSY, the server answers other requests
// while a worker reads, no page is read inside a transaction, and stopping the
// server closes the pool.
// No assertion is about time: only about what happened before what.
import pg from "pg";
import { shapeNamed } from "../../src/ingest/evaluation/hostile-pages";
import { loadConfig } from "../../src/config";
import { extractPage } from "../../src/ingest/extract-page";
import { ingestPage } from "../../src/ingest/ingest.service";
import type { PageInput } from "../../src/ingest/types";
import { countIngestionRows, rowDifference } from "../helpers/ingestion-rows";
import { startTestServer, testDatabaseUrl, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "pool-writer-key-0123456789abcdef";
const API_KEYS = `pool-suite:${WRITER_KEY}:write`;
const CRISIS = "kazakhstan-unrest-2022";
// The only publisher these tests' pages name: what they store is removed by it at the end.
const PUBLISHER = "Pool Test Wire";


const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    status claimsExtracted eventsExtracted
    article { id url crisis { slug } casualtyStatistics { best claimant { name } } }
  }
}`;

/** A short wire page with one claim ("The Interior Ministry said … killed"): read twice, the second time with the crisis's country. */
function wirePage(tag: string, options: { crisisSlug?: string | null } = {}) {
  return {
    url: `https://pool.example/${tag}`,
    publisher: PUBLISHER,
    ...(options.crisisSlug === null ? {} : { crisisSlug: options.crisisSlug ?? CRISIS }),
    text: [
      "15 Jan, 2022 10:00",
      "",
      `Kazakhstan toll rises to at least 21 among security forces (${tag})`,
      "",
      "The Interior Ministry updated its figures for the unrest in Almaty",
      "",
      "The Interior Ministry said that at least 21 police officers and military personnel have been killed in the unrest.",
    ].join("\n"),
  };
}

/** A big page (the hostile bench's short lines after a short article): hundreds of ms of work, well under the 1 MB body limit. */
function bigPage(tag: string, bytes: number) {
  return { url: `https://pool.example/${tag}`, publisher: PUBLISHER, crisisSlug: CRISIS, text: `${tag}\n\n${shapeNamed("short-lines").build(bytes).text}` };
}

// Our own connection: counting rows, and watching the server's sessions.
let db: pg.Client;

beforeAll(async () => {
  db = new pg.Client({ connectionString: testDatabaseUrl() });
  await db.connect();
});

afterAll(async () => {
  // Leave the database as the other test files expect it: the seed alone.
  const { rows } = await db.query<{ id: string }>(`SELECT a.id FROM "Article" a JOIN "Publisher" p ON p.id = a."publisherId" WHERE p.name = $1`, [PUBLISHER]);
  const ids = rows.map((r) => r.id);
  await db.query(`DELETE FROM "CasualtyStatistic" WHERE "articleId" = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Event" WHERE "articleId" = ANY($1::uuid[])`, [ids]);
  await db.query(`UPDATE "Article" SET "previousVersionId" = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Article" WHERE id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM "Publisher" WHERE name = $1`, [PUBLISHER]);
  await db.end();
});

const counts = () => countIngestionRows(db);
const difference = rowDifference;

async function post(server: TestServer, query: string, variables: Record<string, unknown>) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${WRITER_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

const ingest = (server: TestServer, input: Record<string, unknown>) => post(server, INGEST, { input });

const writes = (sql: string[]) => sql.filter((statement) => /^\s*(INSERT|UPDATE|DELETE|MERGE)\b/i.test(statement));

/** Until `check` holds, looking again every few ms (a wait, not an assertion: Jest's timeout bounds it). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe("the server reads pages on its extraction pool", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { API_KEYS }, extractionPool: { threads: 1, pageBudgetMs: 30_000 } });
  });
  afterAll(async () => {
    await server.stop();
  });

  test("an ingestion over HTTP is read by a worker thread, and stores what extractPage reads", async () => {
    const pool = server.pool!;
    const before = pool.completed;
    const input = wirePage("through-the-pool");
    const response = await ingest(server, input);
    expect(response.errors).toBeUndefined();
    expect(response.data.ingestArticle).toMatchObject({ status: "CREATED", claimsExtracted: 1, article: { url: input.url, crisis: { slug: CRISIS } } });
    // Two readings, both answered by the pool's worker: the page, then again with the crisis's country.
    expect(pool.completed).toBe(before + 2);
    expect(pool.pending).toBe(0);
    // The same reading as in this thread, national body named for the crisis's country.
    const inProcess = extractPage({ text: input.text, url: input.url, publisher: input.publisher }, { countryName: "Kazakhstan" });
    expect(response.data.ingestArticle.article.casualtyStatistics).toEqual(inProcess.claims.map((claim) => ({ best: claim.best, claimant: { name: claim.claimant.name } })));
    expect(response.data.ingestArticle.article.casualtyStatistics[0].claimant.name).toBe("Ministry of Internal Affairs of Kazakhstan");
  });

  test("while a worker reads a big page, /healthz and a query answer before the page is read", async () => {
    const pool = server.pool!;
    const before = pool.completed;
    const order: string[] = [];
    const ingestion = ingest(server, bigPage("big-while-healthz", 800 * 1024)).then((response) => {
      order.push("ingestion");
      return response;
    });
    // The page has reached the pool: from here until its worker answers, the main thread only waits.
    await until(() => pool.pending === 1);
    const health = await fetch(new URL("/healthz", server.url));
    order.push("healthz");
    const stillReadingAtHealth = pool.pending === 1 && pool.completed === before;
    const query = await server.query(`{ cstoMembers(asOf: "2022-01-09") { isoCode } }`);
    order.push("query");
    const stillReadingAtQuery = pool.pending === 1 && pool.completed === before;

    const response = await ingestion;
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect(query.errors).toBeUndefined();
    expect(query.data!.cstoMembers.map((m: { isoCode: string }) => m.isoCode)).toContain("KZ");
    // Both answered while the worker was still reading the page, so before the ingestion finished.
    expect(stillReadingAtHealth).toBe(true);
    expect(stillReadingAtQuery).toBe(true);
    expect(order).toEqual(["healthz", "query", "ingestion"]);
    expect(response.errors).toBeUndefined();
    expect(response.data.ingestArticle).toMatchObject({ status: "CREATED" });
    // Read once, and again with the crisis's country when it has claims.
    expect(pool.completed).toBe(before + (response.data.ingestArticle.claimsExtracted > 0 ? 2 : 1));
  });

  test("a page whose crisis is inferred is read again for its country, never inside a transaction", async () => {
    // ingestPage with the pool, as the resolver calls it; each reading looks at PostgreSQL for an open transaction.
    const pool = server.pool!;
    const openTransactions: number[] = [];
    const extract = async (input: PageInput, options: { countryName?: string }) => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()`,
      );
      openTransactions.push(rows[0].n);
      return pool.extract(input, options);
    };
    const page = wirePage("inferred-crisis", { crisisSlug: null });
    const result = await ingestPage(server.prisma, { text: page.text, url: page.url, publisher: page.publisher }, extract);
    expect(result).toMatchObject({ status: "CREATED", claims: 1 });
    // The page, then again with the inferred crisis's country (Kazakhstan), between transactions.
    expect(openTransactions).toEqual([0, 0]);
    const stored = await server.prisma.casualtyStatistic.findMany({ where: { articleId: result.articleId }, include: { claimant: true, crisis: true } });
    expect(stored.map((claim) => [claim.crisis?.slug, claim.claimant.name])).toEqual([[CRISIS, "Ministry of Internal Affairs of Kazakhstan"]]);
    // The same page again: UNCHANGED, read once (the first transaction finds it, no second reading).
    openTransactions.length = 0;
    const again = await ingestPage(server.prisma, { text: page.text, url: page.url, publisher: page.publisher }, extract);
    expect(again).toMatchObject({ status: "UNCHANGED", articleId: result.articleId });
    expect(openTransactions).toEqual([0]);
  });
});

describe("a page past the time budget", () => {
  let server: TestServer;

  beforeAll(async () => {
    // Production: the error must reach the client as it is, not masked as an internal one.
    server = await startTestServer({ env: { API_KEYS, NODE_ENV: "production" }, extractionPool: { threads: 1, pageBudgetMs: 1 } });
  });
  afterAll(async () => {
    await server.stop();
  });

  test("answers EXTRACTION_TOO_SLOW, runs no SQL and writes nothing; the pool keeps its thread", async () => {
    const before = await counts();
    server.resetSql();
    const response = await ingest(server, bigPage("too-slow", 300 * 1024));
    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toEqual({ code: "EXTRACTION_TOO_SLOW" });
    expect(response.errors![0].message).toMatch(/longer than its 1 ms budget/);
    expect(response.errors![0].path).toEqual(["ingestArticle"]);
    // Read before any SQL: the database saw nothing of it.
    expect(server.sql).toEqual([]);
    expect(writes(server.sql)).toEqual([]);
    expect(await counts()).toEqual(before);
    // The stopped thread was replaced.
    await until(() => server.pool!.threads === 1);
  });
});

describe("a worker that dies on a page", () => {
  let server: TestServer;

  beforeAll(async () => {
    // 32 MB of heap reads a short page, not an 800 KB one: its worker runs out of memory and dies.
    server = await startTestServer({ env: { API_KEYS, NODE_ENV: "production" }, extractionPool: { threads: 1, maxHeapMb: 32, pageBudgetMs: 30_000 } });
  });
  afterAll(async () => {
    await server.stop();
  });

  test("answers EXTRACTION_FAILED and writes nothing; the next page is read by a fresh worker", async () => {
    const before = await counts();
    server.resetSql();
    const failed = await ingest(server, bigPage("worker-dies", 800 * 1024));
    expect(failed.status).toBe(200);
    expect(failed.data).toBeNull();
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors![0].extensions).toEqual({ code: "EXTRACTION_FAILED" });
    expect(failed.errors![0].message).toMatch(/^Reading this page failed and nothing was stored: .*memory/);
    expect(server.sql).toEqual([]);
    expect(await counts()).toEqual(before);

    const next = await ingest(server, wirePage("after-a-dead-worker"));
    expect(next.errors).toBeUndefined();
    expect(next.data.ingestArticle).toMatchObject({ status: "CREATED", claimsExtracted: 1 });
    expect(server.pool!.threads).toBe(1);
  });
});

describe("pages waiting for a thread", () => {
  test("1 thread, a queue of 1: the third concurrent ingestion is EXTRACTION_BUSY (QUEUE_FULL) at once, nothing of it written; the other two are read", async () => {
    // Generous budget and wait: here only the queue's length may refuse a page.
    const server = await startTestServer({
      env: { API_KEYS, NODE_ENV: "production" },
      extractionPool: { threads: 1, maxQueue: 1, pageBudgetMs: 120_000, maxQueueWaitMs: 120_000 },
    });
    try {
      const pool = server.pool!;
      const before = await counts();
      const readBefore = pool.completed;
      const order: string[] = [];
      const first = ingest(server, bigPage("queue-first", 800 * 1024)).then((response) => (order.push("first"), response));
      // The thread is reading the first page …
      await until(() => pool.pending === 1 && pool.queued === 0);
      const second = ingest(server, wirePage("queue-second")).then((response) => (order.push("second"), response));
      // … and the second waits for it: the queue of one is full.
      await until(() => pool.pending === 2 && pool.queued === 1);
      const third = await ingest(server, wirePage("queue-third"));
      order.push("third");
      const readWhenRefused = pool.completed - readBefore;
      const [firstResponse, secondResponse] = await Promise.all([first, second]);

      expect(third.status).toBe(503);
      expect(third.data).toBeNull();
      expect(third.errors).toHaveLength(1);
      // The retry hint is one page budget: by then every page now being read is done or stopped.
      expect(third.errors![0].extensions).toEqual({ code: "EXTRACTION_BUSY", reason: "QUEUE_FULL", retryAfter: 120 });
      expect(third.errors![0].path).toEqual(["ingestArticle"]);
      expect(third.errors![0].message).toMatch(/not read and nothing was stored: retry in 120 s/);
      // Refused at once: before the first page was even read, and answered before either other ingestion.
      expect(readWhenRefused).toBe(0);
      expect(order[0]).toBe("third");
      for (const response of [firstResponse, secondResponse]) {
        expect(response.errors).toBeUndefined();
        expect(response.data.ingestArticle.status).toBe("CREATED");
      }
      // Two articles stored, none for the refused page.
      expect(difference(before, await counts()).Article).toBe(2);
      const refusedRows = await db.query(`SELECT id FROM "Article" WHERE url = $1`, [wirePage("queue-third").url]);
      expect(refusedRows.rows).toEqual([]);
      expect([pool.pending, pool.queued]).toEqual([0, 0]);
      // With room again, the same page is read.
      const retried = await ingest(server, wirePage("queue-third"));
      expect(retried.errors).toBeUndefined();
      expect(retried.data.ingestArticle.status).toBe("CREATED");
    } finally {
      await server.stop();
    }
  }, 180_000);

  test("a page that waits past EXTRACTION_MAX_QUEUE_WAIT_MS is EXTRACTION_BUSY (QUEUE_TIMEOUT), unread; the page being read is stored", async () => {
    // A wait of 1 ms: far less than the big page takes, so the page behind it cannot get the thread in time.
    const server = await startTestServer({
      env: { API_KEYS, NODE_ENV: "production" },
      extractionPool: { threads: 1, maxQueue: 4, pageBudgetMs: 120_000, maxQueueWaitMs: 1 },
    });
    try {
      const pool = server.pool!;
      const before = await counts();
      const order: string[] = [];
      const first = ingest(server, bigPage("wait-first", 800 * 1024)).then((response) => (order.push("first"), response));
      await until(() => pool.pending === 1 && pool.queued === 0);
      const waited = await ingest(server, wirePage("wait-second"));
      order.push("waited");
      const firstResponse = await first;

      expect(waited.data).toBeNull();
      expect(waited.errors).toHaveLength(1);
      expect(waited.errors![0].extensions).toEqual({ code: "EXTRACTION_BUSY", reason: "QUEUE_TIMEOUT", retryAfter: 120 });
      expect(waited.errors![0].message).toMatch(/waited 1 ms for a free thread/);
      expect(order).toEqual(["waited", "first"]);
      // The first page's second reading found the thread free: not timed, not refused.
      expect(firstResponse.errors).toBeUndefined();
      expect(firstResponse.data.ingestArticle.status).toBe("CREATED");
      expect(difference(before, await counts()).Article).toBe(1);
      expect((await db.query(`SELECT id FROM "Article" WHERE url = $1`, [wirePage("wait-second").url])).rows).toEqual([]);
      // The reading thread was never disturbed.
      expect(pool.threads).toBe(1);
    } finally {
      await server.stop();
    }
  }, 180_000);
});

describe("stopping the server", () => {
  test("closes its pool after the last request: its threads end and later pages are refused", async () => {
    const server = await startTestServer({ env: { API_KEYS }, extractionPool: { threads: 1 } });
    const pool = server.pool!;
    const response = await ingest(server, wirePage("before-stop"));
    expect(response.data.ingestArticle.status).toBe("CREATED");
    expect(pool.threads).toBe(1);
    await server.stop();
    expect(pool.threads).toBe(0);
    await expect(pool.extract({ text: "Police said 5 people were killed." })).rejects.toThrow(/closed/);
  });
});

describe("configuration", () => {
  test("defaults: a 10 s budget, 512 MB per thread, at most two threads, 4 waiting pages per thread, a wait of one budget", () => {
    const { extraction } = loadConfig({});
    expect(extraction).toMatchObject({ pageBudgetMs: 10_000, maxHeapMb: 512, maxQueue: 4 * extraction.threads, maxQueueWaitMs: 10_000 });
    expect(extraction.threads).toBeGreaterThanOrEqual(1);
    expect(extraction.threads).toBeLessThanOrEqual(2);
    // The queue follows the threads, the wait the budget, unless set.
    expect(loadConfig({ EXTRACTION_THREADS: "3", EXTRACTION_PAGE_BUDGET_MS: "2500" }).extraction).toMatchObject({ maxQueue: 12, maxQueueWaitMs: 2500 });
  });

  test("set from the environment; zero, negative or non-integer values are refused (a queue of 0 is allowed)", () => {
    expect(
      loadConfig({
        EXTRACTION_THREADS: "3",
        EXTRACTION_PAGE_BUDGET_MS: "2500",
        EXTRACTION_MAX_HEAP_MB: "256",
        EXTRACTION_MAX_QUEUE: "5",
        EXTRACTION_MAX_QUEUE_WAIT_MS: "4000",
      }).extraction,
    ).toEqual({ threads: 3, pageBudgetMs: 2500, maxHeapMb: 256, maxQueue: 5, maxQueueWaitMs: 4000 });
    expect(loadConfig({ EXTRACTION_MAX_QUEUE: "0" }).extraction.maxQueue).toBe(0);
    for (const name of ["EXTRACTION_THREADS", "EXTRACTION_PAGE_BUDGET_MS", "EXTRACTION_MAX_HEAP_MB", "EXTRACTION_MAX_QUEUE_WAIT_MS"]) {
      for (const value of ["0", "-1", "1.5", "many"]) expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
    }
    for (const value of ["-1", "1.5", "many"]) expect(() => loadConfig({ EXTRACTION_MAX_QUEUE: value })).toThrow(/EXTRACTION_MAX_QUEUE/);
  });
});
