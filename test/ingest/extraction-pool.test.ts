// The extraction pool for real: worker threads started from the TypeScript
// sources (extraction-worker.js compiles them with @swc/core), pages sent to
// them and back, budgets enforced by terminating the thread.
import fs from "node:fs";
import path from "node:path";
import { ExtractionError } from "../../src/ingest/extract-article";
import { extractPage } from "../../src/ingest/extract-page";
import { createExtractionPool, ExtractionBusyError, type ExtractionPool } from "../../src/ingest/extraction-pool";
import { shapeNamed } from "../../src/ingest/evaluation/hostile-pages";
import type { PageInput } from "../../src/ingest/types";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const page = (name: string): PageInput => {
  const content = fs.readFileSync(path.join(FIXTURES, name), "utf8");
  return name.endsWith(".html") ? { html: content } : { text: content };
};
const RT = page("rt-2022-01-09-csto-summit-kazakhstan.txt");
const WIRE = page("pages/wire-2022-01-07-almaty-security-forces.html");
/** 300 KB of short lines: a few hundred ms of work, far past a 1 ms budget. */
const BIG = shapeNamed("short-lines").build(300 * 1024);
const HUGE = shapeNamed("short-lines").build(2 * 1024 * 1024);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("extraction pool", () => {
  let pool: ExtractionPool;

  beforeAll(() => {
    pool = createExtractionPool({ threads: 1, pageBudgetMs: 20_000 });
  });
  afterAll(async () => {
    await pool.close();
  });

  test("a page reads the same in a worker as in process", async () => {
    for (const input of [RT, WIRE]) {
      const inWorker = await pool.extract(input, { countryName: "Kazakhstan" });
      expect(inWorker).toEqual(extractPage(input, { countryName: "Kazakhstan" }));
    }
  });

  test("extractPage's refusals come back as the same ExtractionError", async () => {
    const error = await rejection(pool.extract({ text: "   " }));
    expect(error).toBeInstanceOf(ExtractionError);
    expect((error as ExtractionError).code).toBe("EMPTY_INPUT");
    const tooLarge = await rejection(pool.extract({ text: "a".repeat(2 * 1024 * 1024 + 1) }));
    expect((tooLarge as ExtractionError).code).toBe("TOO_LARGE");
  });

  test("a page past its budget is TOO_SLOW, its thread replaced, and the next page reads", async () => {
    const started = Date.now();
    const error = await rejection(pool.extract(BIG, {}, { budgetMs: 1 }));
    expect(error).toBeInstanceOf(ExtractionError);
    expect((error as ExtractionError).code).toBe("TOO_SLOW");
    expect((error as ExtractionError).message).toMatch(/1 ms budget/);
    // Stopped, not run to the end.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await pool.extract(RT)).toEqual(extractPage(RT));
    expect(pool.threads).toBe(1);
  });

  test("the main thread stays responsive while a worker reads a big page", async () => {
    const delays: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      delays.push(now - last);
      last = now;
    }, 10);
    try {
      const { ms } = await pool.extractTimed(BIG);
      expect(ms).toBeGreaterThan(100);
    } finally {
      clearInterval(timer);
    }
    // Timers kept firing every ~10 ms during the whole extraction (a blocked loop would show one long gap).
    expect(delays.length).toBeGreaterThan(5);
    expect(Math.max(...delays)).toBeLessThan(200);
  });

  test("pages queue behind a busy thread and all come back", async () => {
    const results = await Promise.all([RT, WIRE, RT].map((input) => pool.extract(input)));
    expect(results.map((r) => r.article.headline)).toEqual([RT, WIRE, RT].map((input) => extractPage(input).article.headline));
    expect(pool.pending).toBe(0);
  });
});

describe("the queue of pages waiting for a thread", () => {
  test("past maxQueue waiting pages, the next is refused at once with QUEUE_FULL; the others are read", async () => {
    const pool = createExtractionPool({ threads: 1, maxQueue: 1, pageBudgetMs: 60_000 });
    try {
      const order: string[] = [];
      const running = pool.extract(BIG).then(() => order.push("running"));
      const waiting = pool.extract(RT).then(() => order.push("waiting"));
      expect([pool.pending, pool.queued]).toEqual([2, 2]);
      const refused = await rejection(pool.extract(WIRE));
      order.push("refused");
      expect(refused).toBeInstanceOf(ExtractionBusyError);
      expect(refused).toMatchObject({ reason: "QUEUE_FULL", retryAfterSeconds: 60 });
      expect((refused as Error).message).toMatch(/at most 1 may wait.*retry in 60 s/);
      await Promise.all([running, waiting]);
      // Refused before the first page was read, not after a wait.
      expect(order).toEqual(["refused", "running", "waiting"]);
      expect([pool.pending, pool.queued, pool.completed]).toEqual([0, 0, 2]);
      // Room again: the next page is read.
      expect(await pool.extract(WIRE)).toEqual(extractPage(WIRE));
    } finally {
      await pool.close();
    }
  });

  test("maxQueue 0: a page is read only when a thread is free", async () => {
    const pool = createExtractionPool({ threads: 1, maxQueue: 0, pageBudgetMs: 60_000 });
    try {
      const running = pool.extract(BIG);
      expect(await rejection(pool.extract(RT))).toMatchObject({ reason: "QUEUE_FULL" });
      await running;
      expect(await pool.extract(RT)).toEqual(extractPage(RT));
    } finally {
      await pool.close();
    }
  });

  test("a page waiting past maxQueueWaitMs is taken out of the queue with QUEUE_TIMEOUT, unread; the running page is not disturbed", async () => {
    // 1 ms is far less than BIG takes: the second page cannot get the thread in time.
    const pool = createExtractionPool({ threads: 1, maxQueueWaitMs: 1, pageBudgetMs: 60_000 });
    try {
      const order: string[] = [];
      const running = pool.extract(BIG).then(() => order.push("running"));
      const waited = await rejection(pool.extract(RT));
      order.push("waited");
      expect(waited).toBeInstanceOf(ExtractionBusyError);
      expect(waited).toMatchObject({ reason: "QUEUE_TIMEOUT" });
      expect((waited as Error).message).toMatch(/waited 1 ms for a free thread/);
      await running;
      expect(order).toEqual(["waited", "running"]);
      // Only the running page reached the worker, whose thread was kept; a page finding the thread free is not timed.
      expect(pool.completed).toBe(1);
      expect(pool.threads).toBe(1);
      expect(await pool.extract(RT)).toEqual(extractPage(RT));
    } finally {
      await pool.close();
    }
  });
});

describe("extraction pool lifecycle", () => {
  test("close() ends every thread; later pages are refused", async () => {
    const pool = createExtractionPool({ threads: 2 });
    expect(pool.threads).toBe(2);
    await pool.extract(RT);
    await pool.close();
    expect(pool.threads).toBe(0);
    await expect(pool.extract(RT)).rejects.toThrow(/closed/);
  });

  test("close({ force: true }) rejects the page in progress and ends the thread", async () => {
    const pool = createExtractionPool({ threads: 1 });
    const running = rejection(pool.extract(BIG));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close({ force: true });
    expect(await running).toBeInstanceOf(Error);
    expect(pool.threads).toBe(0);
  });

  test("a worker that dies (out of memory) fails its page, not the process, and the pool goes on", async () => {
    // 8 MB of heap cannot hold a 2 MB page being read: V8's limit kills the thread.
    const pool = createExtractionPool({ threads: 1, maxHeapMb: 8 });
    try {
      const error = await rejection(pool.extract(HUGE));
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(ExtractionError);
      expect((error as Error).message).toMatch(/extraction worker failed|lost its worker threads/i);
      // The next page settles (read by a fresh thread, or refused if 8 MB cannot even start one): it never hangs.
      let timer: NodeJS.Timeout | undefined;
      const next = await Promise.race([
        pool.extract(RT).then(
          () => "read",
          (e: Error) => e.message,
        ),
        new Promise((resolve) => (timer = setTimeout(() => resolve("hung"), 20_000))),
      ]);
      clearTimeout(timer);
      expect(next).not.toBe("hung");
    } finally {
      await pool.close({ force: true });
    }
  });

  test("options are checked", () => {
    expect(() => createExtractionPool({ threads: 0 })).toThrow(RangeError);
    expect(() => createExtractionPool({ pageBudgetMs: -1 })).toThrow(RangeError);
    expect(() => createExtractionPool({ maxQueue: -1 })).toThrow(RangeError);
    expect(() => createExtractionPool({ maxQueue: 1.5 })).toThrow(RangeError);
    expect(() => createExtractionPool({ maxQueueWaitMs: 0 })).toThrow(RangeError);
  });
});
