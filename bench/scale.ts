// `npm run bench -- --scale`: does latency hold as the data grows? Each
// dataset size lives in its own database beside the one given (<name>_1k,
// <name>_100k), generated once and reused by later runs. Every server is
// measured on each size with the harness's machinery (bench/measure.ts), the
// sizes alternating round by round so the machine's noise falls on both, and
// every size gets the same offered load: half the smallest size's closed-loop
// maximum. At the largest size, the statements each server sent for a shape
// (captured on the wire with their parameters) are explained. Report:
// bench/report/scale-report.ts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { BenchOptions } from "./args";
import { ensureDataset, findDataset, migrate, openBenchDatabase, sampleOf, waitForQuietDatabase } from "./bench-database";
import { describeMachine, describeVersions } from "./machine";
import { productRoot, resultsDir } from "./paths";
import { appendHistory, RUNS_DIR, scaleHistoryRows } from "./report/history";
import { measureContext, measureServer, type MeasureContext } from "./measure";
import { measureExtractionSpeed } from "./report/ingest-speed";
import { updateReadmeScale, withScaleTargets } from "./report/report";
import type { BenchRun as ReportRun } from "./report/run-shape";
import { compareSizes, renderScaleMarkdown, type ScaleDataset, type ScaleMeasurement, type ScaleRun } from "./report/scale-report";
import { ensureNodeRuntime } from "./runtime";
import { SERVERS } from "./servers/catalog";
import { explainCaptured, statementCapture, type CapturedStatement } from "./captured-plans";
import { createDatabaseIfMissing, dropDatabase, sizeDatabase } from "./scale-database";
import type { DatasetSize, ServerName, ShapeName } from "./types";

type Log = (message: string) => void;

function notes(options: BenchOptions): string[] {
  const out = [
    `The load generator (autocannon), PostgreSQL and the server under test share this ${os.cpus().length}-core machine, which other work also uses: a burst of someone else's load lands in whichever measurement is running. Sizes alternate round by round and each p50 is the best of ${options.rounds} round(s) to damp that; ratios near the limit deserve a rerun.`,
    "Each size's database is its own (<name>_<size>), with the same schema, indexes and generator seed; its autovacuum is waited out before each measurement.",
    "The by-id shape asks for one article of the dataset's sample; filtered asks for the largest crisis's articles in a publication window that holds about 70 of them (bench-database.ts sampleOf), so both return the same number of rows at every size: what grows is the table around them.",
  ];
  if (options.smoke) out.unshift("SMOKE RUN: tiny datasets, sub-second measurements through the SQL-counting proxy; the numbers mean nothing.");
  return out;
}

export async function runScale(options: BenchOptions, projectRoot: string, log: Log): Promise<ScaleRun> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const node = ensureNodeRuntime(projectRoot, log);
  // Only the databases per size are migrated and filled; the one given just names them.
  const base = await openBenchDatabase(options.databaseUrl, projectRoot, log, { migrate: false });
  const created: string[] = [];
  const used: string[] = [];
  try {
    const largest = options.sizes[options.sizes.length - 1];
    const contexts = new Map<DatasetSize, MeasureContext>();
    const datasets: ScaleDataset[] = [];
    for (const size of options.sizes) {
      const database = sizeDatabase(base.url, size);
      if (await createDatabaseIfMissing(base.url, database.name)) {
        created.push(database.name);
        log(`Created database ${database.name}`);
      }
      used.push(database.name);
      await migrate(database.url, log);
      const reused = (await findDataset(database.url, size, options.seed)) !== null;
      const summary = await ensureDataset(database.url, size, options.seed, log);
      datasets.push({
        size,
        articles: summary.articles,
        events: summary.events,
        claims: summary.casualtyStatistics,
        crises: summary.crises,
        database: database.name,
        generatedSeconds: summary.seconds,
        reused,
      });
      const sample = await sampleOf(database.url, summary);
      contexts.set(size, await measureContext({ options, node, projectRoot, log }, database.url, sample));
    }

    const results: ScaleMeasurement[] = [];
    const captured: CapturedStatement[] = [];
    for (const name of options.servers) {
      let rates: { [shape in ShapeName]?: number } | undefined;
      for (let round = 1; round <= options.rounds; round++) {
        for (const size of options.sizes) {
          const context = contexts.get(size) as MeasureContext;
          if (!(await waitForQuietDatabase(context.databaseUrl, log))) log("autovacuum still running: measuring anyway");
          log(`${name} on ${size}, round ${round}/${options.rounds}`);
          const capture = round === 1 && size === largest;
          const measured = await measureServer(
            { ...context, fixedRates: rates, onStatement: capture ? statementCapture(name, captured) : undefined },
            SERVERS[name],
          ).catch((error: Error) => {
            log(`${name} on ${size} FAILED: ${error.message}`);
            return options.shapes.map((shape) => ({ server: name, shape, rps: null, p50Ms: null, p99Ms: null, sqlPerOp: null, cpuMsPerReq: null, errors: 1, fixedRateRps: null, note: `failed: ${error.message.split("\n")[0]}` }));
          });
          // The first measurement (smallest size, round 1) sets the rate every later one is offered.
          rates ??= Object.fromEntries(measured.filter((r) => r.rps !== null && r.rps > 0).map((r) => [r.shape, Math.max(1, Math.round((r.rps as number) / 2))]));
          for (const r of measured) {
            results.push({
              server: name,
              shape: r.shape,
              size,
              round,
              rps: r.rps,
              p50Ms: r.p50Ms,
              p99Ms: r.p99Ms,
              offeredRps: rates[r.shape] ?? null,
              fixedRateRps: r.fixedRateRps ?? null,
              sqlPerOp: r.sqlPerOp,
              cpuMsPerReq: r.cpuMsPerReq,
              errors: r.errors,
              ...(r.note ? { note: r.note } : {}),
            });
          }
        }
      }
    }

    const largeUrl = (contexts.get(largest) as MeasureContext).databaseUrl;
    log(`Explaining the ${captured.length} distinct statements sent at ${largest}`);
    const plans = await explainCaptured(largeUrl, largest, captured);
    const extraction = measureExtractionSpeed({ seconds: options.smoke ? 0.3 : 5 });
    const run: ScaleRun = {
      kind: "scale",
      startedAt,
      durationSeconds: 0,
      machine: describeMachine(node),
      versions: await describeVersions(largeUrl),
      settings: {
        smoke: options.smoke,
        sizes: options.sizes.join(","),
        rounds: options.rounds,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
        connections: options.connections,
        seed: options.seed,
      },
      notes: notes(options),
      datasets,
      results,
      plans,
      extraction: { articlesPerSecond: extraction.articlesPerSecond, cpuMsPerArticle: extraction.cpuMsPerArticle, pages: extraction.pages, seconds: extraction.seconds },
    };
    run.durationSeconds = Math.round((Date.now() - started) / 1000);
    return run;
  } finally {
    if (options.dropDatabases) {
      for (const name of used) {
        await dropDatabase(base.url, name).catch((error: Error) => log(`Could not drop ${name}: ${error.message}`));
      }
      log(`Dropped ${used.join(", ")}`);
    } else if (created.length) {
      log(`Kept ${created.join(", ")} for the next run (--drop-databases removes them)`);
    }
    await base.stop();
  }
}

/** scale-<time>.json/.md, and unless smoke: scale-latest.*, the main report's Targets, the README's scale block. */
export async function writeScaleResults(run: ScaleRun, options: BenchOptions, projectRoot: string, log: Log): Promise<string> {
  const outDir = options.out ? path.resolve(options.out) : options.smoke ? fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-scale-")) : resultsDir;
  fs.mkdirSync(outDir, { recursive: true });
  const basename = `scale-${run.startedAt.replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}`;
  const json = JSON.stringify(run, null, 2) + "\n";
  const markdown = renderScaleMarkdown(run) + "\n";
  // Every run's files in runs/ (git-ignored); the committed scale-latest.* and history.csv beside it.
  const runsDir = path.join(outDir, RUNS_DIR);
  fs.mkdirSync(runsDir, { recursive: true });
  fs.writeFileSync(path.join(runsDir, `${basename}.json`), json);
  fs.writeFileSync(path.join(runsDir, `${basename}.md`), markdown);
  log(`Results: ${path.join(runsDir, `${basename}.json`)} and .md`);
  for (const c of compareSizes(run)) {
    log(`${c.server} ${c.shape}: p50 ${c.small.p50Ms} ms (${c.small.size}) → ${c.large.p50Ms} ms (${c.large.size}) = ${c.p50Ratio?.toFixed(2) ?? "—"}× [${c.status}]`);
  }
  if (options.smoke) return outDir;

  appendHistory(outDir, scaleHistoryRows(run));
  fs.writeFileSync(path.join(outDir, "scale-latest.json"), json);
  fs.writeFileSync(path.join(outDir, "scale-latest.md"), markdown);
  // The main report's Targets table gets the scale rows; the rest of it (and latest.json) stays as that run wrote it.
  const latestJson = path.join(outDir, "latest.json");
  const latestMd = path.join(outDir, "latest.md");
  if (fs.existsSync(latestJson) && fs.existsSync(latestMd)) {
    const main = JSON.parse(fs.readFileSync(latestJson, "utf8")) as ReportRun;
    const updated = withScaleTargets(fs.readFileSync(latestMd, "utf8"), main, run);
    if (updated) {
      fs.writeFileSync(latestMd, updated);
      log(`Scale targets written into ${latestMd}`);
    }
  }
  if (options.readme) {
    const readme = await updateReadmeScale(run, path.join(productRoot, "README.md"), path.join(outDir, "scale-latest.md"));
    log(readme.updated ? "README scale block updated" : `README not updated: ${readme.reason}`);
  }
  return outDir;
}
