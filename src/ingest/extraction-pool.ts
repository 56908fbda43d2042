// Page extraction off the main thread: a piscina pool of worker threads runs
// extractPage, each page under a time budget, so a page that takes long to read
// never delays another request (not even /healthz).
//
// - A page past its budget rejects with ExtractionError TOO_SLOW and its
//   worker thread is terminated (the only way to stop a runaway regex: a
//   synchronous loop cannot be interrupted from inside its own thread); piscina
//   starts a fresh thread in its place. The budget runs from the moment a
//   worker starts on the page (the worker says so over a MessagePort), not from
//   when the page was queued: a page waiting behind others is not penalised.
// - The wait is bounded instead, twice over: at most `maxQueue` pages wait for
//   a thread (default 4 per thread), and none waits longer than
//   `maxQueueWaitMs` (default: as long as the page budget) for one. A page
//   past either is refused with an ExtractionBusyError (QUEUE_FULL at once,
//   QUEUE_TIMEOUT once it has waited that long, taken out of the queue):
//   nothing of it is read. Time in the queue is not taken from the budget.
//   The bound is counted here, not left to piscina: piscina 5.3.2 keeps a task
//   that carries an AbortSignal (every page here does, for its budget) in a
//   separate "skip queue" that its `maxQueue` check never looks at
//   (piscinajs/piscina#899), so its `maxQueue` alone bounds nothing. It is
//   still given the same limit, and its own refusal ("Task queue is at limit")
//   is the same ExtractionBusyError.
// - extractPage's own refusals (EMPTY_INPUT, NO_ARTICLE, TOO_LARGE,
//   UNSUPPORTED_ENCODING) come back as the same ExtractionError as in process:
//   they travel as data, since an Error crossing threads loses its class and code.
// - A worker that dies (out of memory past `maxHeapMb`, a native crash) rejects
//   its page with an ExtractionWorkerError and is replaced; the main process carries on.
//
// This module is also the workers' code: piscina loads it in each thread and
// calls runExtractionTask. From dist/ that is the compiled extraction-pool.js
// itself. From TypeScript sources (Jest runs them through @swc/jest, which a
// worker thread does not have) the thread starts from extraction-worker.js,
// which compiles the .ts sources with @swc/core as they are required.
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { Piscina } from "piscina";
import { ExtractionError, type ExtractionErrorCode } from "./extract-article";
import { extractPage, type ExtractedPage, type ExtractPageOptions } from "./extract-page";
import type { PageInput } from "./types";

/** Default time budget of one page: every page up to MAX_PAGE_BYTES reads in well under 2 s on one core. */
export const DEFAULT_PAGE_BUDGET_MS = 10_000;

/** Default heap ceiling (old generation) of one worker thread: every 2 MB hostile page of the bench reads within 256 MB. */
export const DEFAULT_MAX_HEAP_MB = 512;

/** Pages that may wait for a thread, per thread, by default: a few pages' worth of work queued behind each. */
export const DEFAULT_QUEUE_PER_THREAD = 4;

/** Why a page was refused without being read: the queue was full, or it waited too long in it. */
export type ExtractionBusyReason = "QUEUE_FULL" | "QUEUE_TIMEOUT";

/** The pool had no room for a page, or the page waited past `maxQueueWaitMs`: it was not read; retry later. */
export class ExtractionBusyError extends Error {
  constructor(
    readonly reason: ExtractionBusyReason,
    message: string,
    /** Seconds after which a retry stands a chance: one page budget, by when every page now being read is done or stopped. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "ExtractionBusyError";
  }
}

/** piscina's own refusals of a task for want of room (its errors carry no code, only these messages: dist/errors.js). */
const PISCINA_QUEUE_FULL = /^(Task queue is at limit|No task queue available and all Workers are busy)$/;

/** A worker thread died on a page (out of memory past `maxHeapMb`, a crash), or none could be started: the page was not read. */
export class ExtractionWorkerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExtractionWorkerError";
  }
}

export interface ExtractionPoolOptions {
  /** Worker threads (all started at once and kept). Default: one core less than the machine has, 1 to 4. */
  threads?: number;
  /** Time budget of one page, from the moment a worker starts on it. Default DEFAULT_PAGE_BUDGET_MS. */
  pageBudgetMs?: number;
  /** Old-generation heap limit of each worker thread, in MB: a page that needs more kills its worker, not the process. */
  maxHeapMb?: number;
  /** Most pages waiting for a thread (0: a page is read only if a thread is free). Default DEFAULT_QUEUE_PER_THREAD × threads. */
  maxQueue?: number;
  /** Longest a page may wait for a thread, in ms (its budget starts only after). Default: `pageBudgetMs`. */
  maxQueueWaitMs?: number;
}

export interface ExtractOptions {
  /** This page's budget instead of the pool's. */
  budgetMs?: number;
}

export interface TimedExtraction {
  page: ExtractedPage;
  /** Time extractPage took inside the worker, in ms (no queueing, no copying between threads). */
  ms: number;
}

export interface ExtractionPool {
  /**
   * extractPage(input, options) on a worker thread; rejects with ExtractionError (TOO_SLOW past the budget),
   * or ExtractionBusyError when the queue is full or the page waited past `maxQueueWaitMs`.
   */
  extract(input: PageInput, options?: ExtractPageOptions, extractOptions?: ExtractOptions): Promise<ExtractedPage>;
  /** The same, with the time extractPage took in the worker (the hostile-page benchmark reads it). */
  extractTimed(input: PageInput, options?: ExtractPageOptions, extractOptions?: ExtractOptions): Promise<TimedExtraction>;
  /** Live worker threads. */
  readonly threads: number;
  /** Pages running or waiting for a thread. */
  readonly pending: number;
  /** Pages waiting for a thread (sent to the pool, no worker started on them yet). */
  readonly queued: number;
  /** Pages a worker thread answered (read, or refused by extractPage) since the pool started. */
  readonly completed: number;
  /**
   * Stops taking pages, lets the running and queued ones finish (each still
   * under its budget), then ends every thread. `force`: rejects queued and
   * running pages and ends the threads at once.
   */
  close(options?: { force?: boolean }): Promise<void>;
}

/** What the worker gets: the page, the claim options, and a port to say it started. */
export interface ExtractionTask {
  input: PageInput;
  options: ExtractPageOptions;
  started: MessagePort;
}

/** What the worker answers: the page, or extractPage's refusal as data. */
export type ExtractionReply =
  | { ok: true; page: ExtractedPage; ms: number }
  | { ok: false; code: ExtractionErrorCode; message: string; ms: number };

/** Runs in the worker thread (piscina calls it by name). */
export function runExtractionTask(task: ExtractionTask): ExtractionReply {
  task.started.postMessage("started");
  task.started.close();
  const start = performance.now();
  try {
    const page = extractPage(task.input, task.options);
    return { ok: true, page, ms: performance.now() - start };
  } catch (error) {
    if (error instanceof ExtractionError) return { ok: false, code: error.code, message: error.message, ms: performance.now() - start };
    throw error;
  }
}

/** The file a worker thread starts from, and what it is told about where the sources are. */
function workerEntry(): { filename: string; workerData: { sourceModule: string } | undefined } {
  if (__filename.endsWith(".ts")) {
    return { filename: path.join(__dirname, "extraction-worker.js"), workerData: { sourceModule: __filename } };
  }
  return { filename: __filename, workerData: undefined };
}

function defaultThreads(): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.min(4, Math.max(1, cores - 1));
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

function nonNegativeInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

export function createExtractionPool(poolOptions: ExtractionPoolOptions = {}): ExtractionPool {
  const threads = Math.floor(positive(poolOptions.threads ?? defaultThreads(), "threads"));
  const pageBudgetMs = positive(poolOptions.pageBudgetMs ?? DEFAULT_PAGE_BUDGET_MS, "pageBudgetMs");
  const maxHeapMb = positive(poolOptions.maxHeapMb ?? DEFAULT_MAX_HEAP_MB, "maxHeapMb");
  const maxQueue = nonNegativeInteger(poolOptions.maxQueue ?? DEFAULT_QUEUE_PER_THREAD * threads, "maxQueue");
  const maxQueueWaitMs = positive(poolOptions.maxQueueWaitMs ?? pageBudgetMs, "maxQueueWaitMs");
  const retryAfterSeconds = Math.max(1, Math.ceil(pageBudgetMs / 1000));
  const entry = workerEntry();
  /** Pages sent and not settled; `fail` rejects one with the error given; `started` once a worker took it. */
  const running = new Set<{ fail(error: Error): void; started: boolean }>();
  let closing = false;
  let broken = false;
  let completed = 0;
  /** close({ force: true }) was called: pages cut off by it say so. */
  let destroyed = false;

  function start(): Piscina {
    const started = new Piscina({
      filename: entry.filename,
      name: "runExtractionTask",
      workerData: entry.workerData,
      minThreads: threads,
      maxThreads: threads,
      // One page per thread at a time: a page's budget is its own thread's time.
      concurrentTasksPerWorker: 1,
      // Threads are kept (minThreads), not started per page: a start costs about half a second (modules, first-use compiles).
      idleTimeout: Number.POSITIVE_INFINITY,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      // The same bound as ours (see the header: with AbortSignals piscina does not apply it itself).
      maxQueue,
    });
    // An error outside any page (a thread failing while it starts, a close timing out) would be thrown
    // by the EventEmitter and end the process. piscina stops starting threads once one fails to
    // start: with none left, queued pages would wait forever, so they fail and the pool restarts.
    started.on("error", (error: Error) => {
      if (started === piscina) checkThreads(error);
    });
    return started;
  }

  function checkThreads(cause: unknown): void {
    if (closing || broken || piscina.threads.length > 0) return;
    broken = true;
    const error = new ExtractionWorkerError(`The extraction pool lost its worker threads: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    for (const page of running) page.fail(error);
  }

  let piscina = start();

  async function extractTimed(input: PageInput, options: ExtractPageOptions = {}, extractOptions: ExtractOptions = {}): Promise<TimedExtraction> {
    if (closing) throw new Error("The extraction pool is closed.");
    const budgetMs = positive(extractOptions.budgetMs ?? pageBudgetMs, "budgetMs");
    // Every thread busy and the queue full: refused before anything is sent. Counted on the configured
    // threads, not the live ones, so a thread being replaced does not shrink the room.
    if (running.size >= threads + maxQueue) {
      const waiting = [...running].filter((page) => !page.started).length;
      throw new ExtractionBusyError(
        "QUEUE_FULL",
        `The server is reading as many pages as it can take (${running.size - waiting} being read, ${waiting} waiting, at most ${maxQueue} may wait); this page was not read and nothing was stored: retry in ${retryAfterSeconds} s.`,
        retryAfterSeconds,
      );
    }
    if (broken) {
      // Threads that could not start, or died and were not replaced: a fresh pool for this page.
      const old = piscina;
      piscina = start();
      broken = false;
      void old.destroy();
    }
    const abort = new AbortController();
    const channel = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    let failure: Error | null = null;
    const page = {
      started: false,
      fail(error: Error) {
        failure = error;
        abort.abort();
      },
    };
    // A page that queues behind busy threads gets the wait bound until a worker starts on it (a page that
    // finds a thread free is not timed while the thread says so). Aborting a page still queued takes it
    // out of the queue (piscina); in the rare case a worker took it an instant before, that worker is
    // stopped and replaced.
    let waitTimer: NodeJS.Timeout | undefined;
    if (running.size >= threads) {
      waitTimer = setTimeout(() => {
        page.fail(
          new ExtractionBusyError(
            "QUEUE_TIMEOUT",
            `This page waited ${formatMs(maxQueueWaitMs)} for a free thread and was not read; nothing was stored: retry in ${retryAfterSeconds} s.`,
            retryAfterSeconds,
          ),
        );
      }, maxQueueWaitMs);
    }
    channel.port1.once("message", () => {
      page.started = true;
      clearTimeout(waitTimer);
      waitTimer = undefined;
      timer = setTimeout(() => {
        page.fail(
          new ExtractionError(
            "TOO_SLOW",
            `Reading this page took longer than its ${formatMs(budgetMs)} budget and was stopped; no page of up to 2 MB should need that long, so the page is refused.`,
          ),
        );
      }, budgetMs);
    });
    const task: ExtractionTask = { input, options, started: channel.port2 };
    running.add(page);
    try {
      const reply = (await piscina.run(task, { signal: abort.signal, transferList: [channel.port2] })) as ExtractionReply;
      completed++;
      if (!reply.ok) throw new ExtractionError(reply.code, reply.message);
      return { page: reply.page, ms: reply.ms };
    } catch (error) {
      if (failure) throw failure;
      if (error instanceof ExtractionError) throw error;
      if (error instanceof Error && PISCINA_QUEUE_FULL.test(error.message)) {
        throw new ExtractionBusyError("QUEUE_FULL", `The server's extraction queue is full; this page was not read and nothing was stored: retry in ${retryAfterSeconds} s.`, retryAfterSeconds);
      }
      if (destroyed) throw new Error("The extraction pool was shut down while this page was being read.", { cause: error });
      // A thread that died on this page is replaced by piscina, unless its threads had failed to start.
      checkThreads(error);
      throw new ExtractionWorkerError(`The extraction worker failed on this page: ${(error as Error)?.message ?? String(error)}`, { cause: error });
    } finally {
      running.delete(page);
      clearTimeout(waitTimer);
      clearTimeout(timer);
      channel.port1.close();
    }
  }

  return {
    extractTimed,
    async extract(input, options, extractOptions) {
      return (await extractTimed(input, options, extractOptions)).page;
    },
    get threads() {
      return piscina.threads.length;
    },
    get pending() {
      return running.size;
    },
    get queued() {
      let waiting = 0;
      for (const page of running) if (!page.started) waiting++;
      return waiting;
    },
    get completed() {
      return completed;
    },
    async close(options = {}) {
      closing = true;
      destroyed ||= options.force === true;
      if (options.force) await piscina.destroy();
      else await piscina.close();
    },
  };
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`;
}
