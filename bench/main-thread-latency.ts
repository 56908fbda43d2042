// node dist/main-thread-latency.js [--shapes a,b] [--database-url URL] [--out FILE]
// How long the server's main thread keeps /healthz and a small query waiting
// while a 2 MB hostile page (bench/report/hostile-pages.ts) is ingested over
// HTTP (issue #13, item 3). The built server's startServer with an extraction
// pool of one thread, on a database of its own on --database-url's server
// (default DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres),
// migrated and seeded. For each shape, one page is ingested (under the seed's
// Kazakhstan crisis) while one /healthz and one query are kept in flight, each
// sent again as soon as it is answered; their latencies (max, p99) are what a
// client waits at worst. Target: under 100 ms. The first row ("idle") polls
// for 10 s with no page: the machine's own noise. Writes a Markdown table to
// bench/results/main-thread-latency-latest.md (or --out).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { applyMigrations, createPrismaClient, loadConfig, seedDatabase } from "crisis-graph/dev";
import { createExtractionPool } from "crisis-graph/ingest";
import { startServer } from "crisis-graph/server";
import { resultsDir } from "./paths";
import { HOSTILE_SHAPES, shapeNamed } from "./report/hostile-pages";
import { dropDatabase, freshDatabase } from "./scratch-database";

const KEY = "latency-bench-key-0123456789abcdef";
const BYTES = 2 * 1024 * 1024;
const TARGET_MS = 100;
/** No page: the same polling for IDLE_MS, what the machine's own noise costs. */
const IDLE = "idle";
const IDLE_MS = 10_000;
const QUERY = `{ cstoMembers(asOf: "2022-01-09") { isoCode } }`;
const INGEST = `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { status claimsExtracted } }`;

interface Row {
  shape: string;
  ingestMs: number;
  outcome: string;
  healthz: number[];
  query: number[];
}

function parseOptions(argv: string[]) {
  const options = {
    shapes: [IDLE, ...HOSTILE_SHAPES.map((s) => s.name)],
    databaseUrl: process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
    out: path.join(resultsDir, "main-thread-latency-latest.md"),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--shapes") options.shapes = argv[++i].split(",").map((s) => (s.trim() === IDLE ? IDLE : shapeNamed(s.trim()).name));
    else if (arg === "--database-url") options.databaseUrl = argv[++i];
    else if (arg === "--out") options.out = path.resolve(argv[++i]);
    else throw new Error(`Unknown option ${arg}. Usage: main-thread-latency [--shapes a,b] [--database-url URL] [--out FILE]`);
  }
  return options;
}

const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function timed(send: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await send();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return performance.now() - start;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const name = `crisis_graph_latency_bench_${process.pid}`;
  const databaseUrl = await freshDatabase(options.databaseUrl, name);
  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", API_KEYS: `bench:${KEY}:write`, RATE_LIMIT_PER_ADDRESS: "0", RATE_LIMIT_PER_KEY: "0" });
  const prisma = createPrismaClient(databaseUrl, config);
  const pool = createExtractionPool({ threads: 1, pageBudgetMs: 120_000, maxQueueWaitMs: 120_000 });
  const rows: Row[] = [];
  try {
    await applyMigrations(databaseUrl);
    await seedDatabase(prisma);
    const server = await startServer({ config, prisma, databaseUrl, port: 0, host: "127.0.0.1", log: () => {}, extractionPool: pool });
    const post = (body: string, key?: string) =>
      fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) }, body });
    try {
      // Warm-up: the threads, the schema, the names the pages are scanned for.
      await post(JSON.stringify({ query: INGEST, variables: { input: { text: shapeNamed("short-lines").build(16 * 1024).text, url: "https://latency.example/warm-up", publisher: "Bench", crisisSlug: "kazakhstan-unrest-2022" } } }), KEY).then((r) => r.json());
      for (const shapeName of options.shapes) {
        const row: Row = { shape: shapeName, ingestMs: 0, outcome: "", healthz: [], query: [] };
        let done = false;
        const start = performance.now();
        const ingestion = shapeName === IDLE
          ? new Promise<void>((resolve) => setTimeout(resolve, IDLE_MS)).then(() => {
              row.ingestMs = performance.now() - start;
              row.outcome = "no page (polling only)";
            }).finally(() => (done = true))
          : post(JSON.stringify({ query: INGEST, variables: { input: { ...shapeNamed(shapeName).build(BYTES), url: `https://latency.example/${shapeName}`, publisher: "Bench", crisisSlug: "kazakhstan-unrest-2022" } } }), KEY)
          .then((r) => r.json() as Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }>)
          .then((body) => {
            row.ingestMs = performance.now() - start;
            row.outcome = body.errors ? `error ${body.errors[0].extensions?.code}` : `${body.data.ingestArticle.status}, ${body.data.ingestArticle.claimsExtracted} claims`;
          })
          .finally(() => (done = true));
        const poll = async (into: number[], send: () => Promise<Response>) => {
          while (!done) into.push(await timed(send));
        };
        await Promise.all([ingestion, poll(row.healthz, () => fetch(new URL("/healthz", server.url))), poll(row.query, () => post(JSON.stringify({ query: QUERY })))]);
        rows.push(row);
        console.log(formatRow(row));
      }
    } finally {
      await server.stop();
    }
  } finally {
    await pool.close();
    await prisma.$disconnect();
    await dropDatabase(options.databaseUrl, name);
  }
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, markdown(rows));
  console.log(`\nWritten to ${path.relative(process.cwd(), options.out)}`);
}

const ms = (value: number) => (Number.isNaN(value) ? "—" : value.toFixed(0));

function formatRow(row: Row): string {
  const worst = Math.max(...row.healthz, ...row.query);
  return `| ${row.shape} | ${ms(row.ingestMs)} | ${row.healthz.length} | ${ms(percentile(row.healthz, 99))} | ${ms(Math.max(...row.healthz))} | ${row.query.length} | ${ms(percentile(row.query, 99))} | ${ms(Math.max(...row.query))} | ${worst < TARGET_MS ? "yes" : "no"} | ${row.outcome} |`;
}

function markdown(rows: Row[]): string {
  return [
    "# Main-thread latency while a 2 MB hostile page is ingested",
    "",
    `${new Date().toISOString()} · Node ${process.version} · ${os.cpus()[0]?.model ?? "?"} (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)} at the end) · extraction pool of 1 thread`,
    "",
    "One page per shape over HTTP (`ingestArticle`, seed crisis `kazakhstan-unrest-2022`), while one `/healthz` and one small query (`cstoMembers`) are kept in flight, each sent again when answered. Latencies in ms (wall time; the machine may be shared). Target: every /healthz and query under 100 ms.",
    "",
    "| shape | ingest ms | /healthz n | p99 | max | query n | p99 | max | < 100 ms | result |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | --- |",
    ...rows.map(formatRow),
    "",
  ].join("\n");
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
