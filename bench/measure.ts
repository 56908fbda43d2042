// Measures one server on every shape: first the SQL statements per request
// (through the counting proxy, sequential requests, each answer compared with
// the one-SQL reference), then, on a fresh instance connected directly, the
// closed-loop maximum, CPU and memory, and latency at half that rate.
import pg from "pg";
import type { BenchOptions } from "./args";
import { runLoad } from "./load";
import { cpuMs, peakRssMb, postgresCpuReader, resetPeakRss } from "./proc-stats";
import { post, startServer, type RunningServer } from "./server-process";
import type { HttpRequest, ServerDefinition } from "./servers/catalog";
import { ONE_SQL_STATEMENTS } from "./servers/one-sql-statements";
import { SHAPES, type Sample } from "./shapes";
import { startSqlCounter, viaProxy, type BindParams } from "./sql-counter";
import type { BenchResult, ShapeName } from "./types";
import { bodyVerifier, compareAnswers, markerCounts, type MarkerCounts } from "./validate";

export interface Reference {
  /** The one-SQL answer, parsed. */
  answer: unknown;
  markers: MarkerCounts;
  /** Compare the top-level list as a set for this server. */
  unorderedFor?: string;
}

export interface MeasureContext {
  options: BenchOptions;
  node: string;
  projectRoot: string;
  databaseUrl: string;
  sample: Sample;
  references: Map<ShapeName, Reference>;
  /** CPU milliseconds of the whole PostgreSQL server so far; null when unreadable. */
  postgresCpu: (() => number | null) | null;
  log: (message: string) => void;
  /**
   * Fixed rate (requests/s) of the latency phase per shape, instead of half
   * this run's closed-loop maximum: the scale comparison offers every dataset
   * size the same load.
   */
  fixedRates?: { [shape in ShapeName]?: number };
  /** Each statement the server sent for a shape in the counting phase, with its bind parameters. */
  onStatement?: (shape: ShapeName, sql: string, params: BindParams) => void;
}

/** What measuring on one dataset needs: its sample, the reference answers, PostgreSQL's CPU reader. */
export async function measureContext(
  base: Pick<MeasureContext, "options" | "node" | "projectRoot" | "log">,
  databaseUrl: string,
  sample: Sample,
): Promise<MeasureContext> {
  return {
    ...base,
    databaseUrl,
    sample,
    references: await references(databaseUrl, sample, base.options.shapes),
    postgresCpu: await postgresCpuReader(databaseUrl).catch(() => null),
  };
}

/** The one-SQL statements run directly: what every server must answer. */
export async function references(url: string, sample: Sample, shapes: ShapeName[]): Promise<Map<ShapeName, Reference>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out = new Map<ShapeName, Reference>();
    for (const shape of shapes) {
      const spec = SHAPES[shape];
      const { rows } = await client.query<{ body: string }>(ONE_SQL_STATEMENTS[shape], spec.oneSqlParams(sample));
      const markers = markerCounts(rows[0].body, spec.markers);
      // An empty answer would make every server look right: the dataset must fill each shape.
      if (markers[spec.markers[0]] === 0) throw new Error(`The dataset gives shape ${shape} an empty answer`);
      out.set(shape, { answer: JSON.parse(rows[0].body), markers, unorderedFor: spec.unorderedFor });
    }
    return out;
  } finally {
    await client.end();
  }
}

const MAX_RETRY_SECONDS = 20;

/** Lets requests cut off at the end of a run finish on the server before the next phase starts. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

type Partial = Pick<BenchResult, "sqlPerOp" | "errors"> & { notes: string[] };

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** One request by hand: status, GraphQL errors and the deep comparison with the reference. Returns a problem or null. */
async function checkOnce(server: RunningServer, request: HttpRequest, reference: Reference, serverName: string): Promise<string | null> {
  const { status, body } = await post(server.origin, request);
  if (status !== 200) return `HTTP ${status}: ${body.slice(0, 300)}`;
  const parsed = JSON.parse(body) as { errors?: unknown; data?: unknown };
  if (parsed.errors) return `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`;
  const difference = compareAnswers(parsed, reference.answer, reference.unorderedFor === serverName);
  if (difference) return `answers differently from the one-SQL reference at ${difference}`;
  return bodyVerifier(reference.markers)(body) ? null : "wrong number of items";
}

async function countPhase(
  context: MeasureContext,
  definition: ServerDefinition,
  shapes: ShapeName[],
  server: RunningServer,
  counts: () => number,
  counting: (shape: ShapeName | null) => void,
): Promise<Map<ShapeName, Partial>> {
  const out = new Map<ShapeName, Partial>();
  for (const shape of shapes) {
    const request = definition.request(shape, context.sample);
    if ("na" in request) continue;
    const reference = context.references.get(shape) as Reference;
    const partial: Partial = { sqlPerOp: null, errors: 0, notes: [] };
    // The first answers warm caches (and the response cache of the cached variant); they are not counted.
    for (let i = 0; i < 2; i++) {
      const problem = await checkOnce(server, request, reference, definition.name);
      if (problem) {
        partial.errors++;
        if (!partial.notes.includes(problem)) partial.notes.push(problem);
      }
    }
    const before = counts();
    counting(shape);
    for (let i = 0; i < context.options.countRequests; i++) {
      const problem = await checkOnce(server, request, reference, definition.name);
      if (problem) partial.errors++;
    }
    counting(null);
    partial.sqlPerOp = round((counts() - before) / context.options.countRequests, 2);
    out.set(shape, partial);
  }
  return out;
}

/**
 * Load on every shape before any is measured: otherwise the first shape
 * measured pays for the JIT compiling the code all shapes share (by-id, the
 * same code path in crisis-graph and no-loaders, measured 1,899 and 2,778
 * requests/s in one run). Each shape still gets its own warm-up after.
 */
async function warmUpEveryShape(context: MeasureContext, definition: ServerDefinition, shapes: readonly ShapeName[], server: RunningServer): Promise<void> {
  if (context.options.warmupSeconds <= 0) return;
  for (const shape of shapes) {
    if ("na" in definition.request(shape, context.sample)) continue;
    await runLoad({ ...loadTarget(context, definition, shape, server), durationSeconds: context.options.warmupSeconds });
  }
  await settle();
}

/** One shape's request to a server, each answer checked against the reference's markers. */
function loadTarget(context: MeasureContext, definition: ServerDefinition, shape: ShapeName, server: RunningServer) {
  const request = definition.request(shape, context.sample) as HttpRequest;
  const verify = bodyVerifier((context.references.get(shape) as Reference).markers);
  return { origin: server.origin, request, connections: context.options.connections, verify };
}

async function loadPhase(context: MeasureContext, definition: ServerDefinition, shape: ShapeName, server: RunningServer): Promise<Omit<BenchResult, "server" | "shape" | "sqlPerOp">> {
  const { options } = context;
  const base = loadTarget(context, definition, shape, server);
  const notes: string[] = [];
  let errors = 0;

  if (options.warmupSeconds > 0) {
    errors += (await runLoad({ ...base, durationSeconds: options.warmupSeconds })).errors;
    await settle();
  }

  const rssReset = resetPeakRss(server.pid);
  if (!rssReset) notes.push("peak RSS since the server started (VmHWM could not be reset)");
  let cpu0: number | null = null;
  let db0: number | null = null;
  const closedLoop = (durationSeconds: number) =>
    runLoad({
      ...base,
      durationSeconds,
      onStart: () => {
        cpu0 = cpuMs(server.pid);
        db0 = context.postgresCpu?.() ?? null;
      },
    });
  let max = await closedLoop(options.durationSeconds);
  // A very slow shape (no-loaders, short smoke runs) may finish nothing in the window: measure longer.
  for (let seconds = options.durationSeconds * 4; max.requests < options.connections && seconds <= MAX_RETRY_SECONDS; seconds *= 4) {
    errors += max.errors;
    await settle();
    max = await closedLoop(seconds);
  }
  const cpu1 = cpuMs(server.pid);
  const db1 = context.postgresCpu?.() ?? null;
  errors += max.errors;
  if (max.sampleFailure) notes.push(`failed answer: ${max.sampleFailure.slice(0, 200)}`);

  if (max.requests === 0) notes.push("no request completed in the closed-loop phase");
  await settle();
  const rate = context.fixedRates?.[shape] ?? Math.max(1, Math.round(max.rps / 2));
  // At a few requests per second, run long enough to collect a handful of latencies.
  const fixed = await runLoad({ ...base, durationSeconds: Math.max(options.durationSeconds, Math.min(MAX_RETRY_SECONDS, 4 / rate)), rate });
  errors += fixed.errors;
  if (fixed.sampleFailure && !max.sampleFailure) notes.push(`failed answer: ${fixed.sampleFailure.slice(0, 200)}`);

  const perRequest = (a: number | null, b: number | null) => (a === null || b === null || max.requests === 0 ? null : (b - a) / max.requests);
  return {
    rps: round(max.rps, 1),
    p50Ms: round(fixed.p50Ms, 3),
    p99Ms: round(fixed.p99Ms, 3),
    cpuMsPerReq: round(perRequest(cpu0, cpu1), 3),
    dbCpuMsPerReq: round(perRequest(db0, db1), 3),
    rssMb: round(peakRssMb(server.pid), 1),
    requests: max.requests + fixed.requests,
    fixedRateRps: round(fixed.rps, 1),
    errors,
    ...(notes.length ? { note: notes.join("; ") } : {}),
  };
}

export async function measureServer(context: MeasureContext, definition: ServerDefinition): Promise<BenchResult[]> {
  const { options, log } = context;
  const shapes = options.shapes;
  const start = (databaseUrl: string) => startServer({ definition, node: context.node, projectRoot: context.projectRoot, databaseUrl });
  const target = new URL(context.databaseUrl);
  const counter = await startSqlCounter({ host: target.hostname, port: Number(target.port || 5432) });
  const counted = () => counter.counts().statements;
  let shapeCounted: ShapeName | null = null;
  counter.onStatement = (sql, params) => {
    // BENCH_DEBUG_SQL=1 prints every counted statement.
    if (process.env.BENCH_DEBUG_SQL) log(`  SQL: ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
    if (shapeCounted) context.onStatement?.(shapeCounted, sql, params);
  };

  let countResults: Map<ShapeName, Partial>;
  let server = await start(viaProxy(context.databaseUrl, counter.port));
  try {
    log(`${definition.name}: counting SQL statements per request`);
    countResults = await countPhase(context, definition, shapes, server, counted, (shape) => (shapeCounted = shape));
    // A smoke run measures load through the proxy too: it checks the harness, not the numbers.
    if (!options.smoke) {
      await server.stop();
      await counter.close();
      server = await start(context.databaseUrl);
    }
    await warmUpEveryShape(context, definition, shapes, server);
    const results: BenchResult[] = [];
    for (const shape of shapes) {
      const request = definition.request(shape, context.sample);
      if ("na" in request) {
        results.push({ server: definition.name, shape, rps: null, p50Ms: null, p99Ms: null, sqlPerOp: null, cpuMsPerReq: null, rssMb: null, errors: 0, note: `n/a: ${request.na}` });
        continue;
      }
      const counts = countResults.get(shape) as Partial;
      const load = await loadPhase(context, definition, shape, server);
      const notes = [...counts.notes, ...(load.note ? [load.note] : [])];
      const result: BenchResult = { server: definition.name, shape, ...load, sqlPerOp: counts.sqlPerOp, errors: load.errors + counts.errors };
      if (notes.length) result.note = notes.join("; ");
      else delete result.note;
      results.push(result);
      log(
        `${definition.name} ${shape}: ${result.rps} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
          `${result.sqlPerOp} SQL/op, ${result.cpuMsPerReq} CPU ms/req, ${result.rssMb} MB` +
          (result.errors ? `, ${result.errors} ERRORS (${result.note})` : ""),
      );
    }
    return results;
  } finally {
    await server.stop();
    await counter.close();
  }
}
