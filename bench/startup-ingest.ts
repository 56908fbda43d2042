// `npm run bench:startup`: what a new user waits for and what ingestion costs
// with the reference data in the database (issue #12).
//   1. Start-up: the built server (node dist/src/main.js) on a fresh embedded
//      PostgreSQL in a temp folder, timed from spawn to /readyz 200 (initdb,
//      migrations, reference data, seed); then stopped and started again on
//      the same folder (a second start: everything already there).
//   2. Ingestion: distinct pages (the fixtures, each made unique by a line)
//      through ingestPage, one after another, on a database of its own on
//      --database-url's server (default DATABASE_URL, else the machine's
//      postgresql://postgres@127.0.0.1:5432/postgres), for --seconds.
// Prints a Markdown table; --out FILE also writes it there.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { applyMigrations, createPrismaClient, freePort, loadConfig, withPgClient } from "crisis-graph/dev";
import { ingestPage } from "crisis-graph/ingest";
import { fixturePages, variant } from "./fixture-pages";

import { productMain, productRoot } from "./paths";

interface Options {
  seconds: number;
  databaseUrl: string;
  out: string | undefined;
  skipStartup: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    seconds: 20,
    databaseUrl: process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
    out: undefined,
    skipStartup: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--seconds") options.seconds = Number(argv[++i]);
    else if (arg === "--database-url") options.databaseUrl = argv[++i];
    else if (arg === "--out") options.out = argv[++i];
    else if (arg === "--skip-startup") options.skipStartup = true;
    else throw new Error(`Unknown option ${arg}. Usage: startup-ingest [--seconds 20] [--database-url URL] [--out FILE] [--skip-startup]`);
  }
  if (!(options.seconds > 0)) throw new Error("--seconds takes a positive number");
  return options;
}

function readyz(port: number): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/readyz", timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", () => resolve(0));
    request.on("timeout", () => {
      request.destroy();
      resolve(0);
    });
  });
}

/** Seconds from spawn to /readyz 200, then SIGTERM and wait for exit. */
async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const pgPort = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [productMain()], {
    cwd: productRoot,
    env: { ...process.env, DATABASE_URL: "", PORT: String(port), EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: "warn", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was ready`);
      if ((await readyz(port)) === 200) return Number(process.hrtime.bigint() - started) / 1e9;
      if (Number(process.hrtime.bigint() - started) > 300e9) throw new Error("not ready after 300 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

async function measureIngestion(serverUrl: string, seconds: number): Promise<{ articlesPerSecond: number; articles: number; seconds: number; places: number }> {
  const name = `crisis_graph_ingest_bench_${process.pid}`;
  await withPgClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  await withPgClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const prisma = createPrismaClient(url.toString(), loadConfig({}));
  try {
    await applyMigrations(url.toString());
    const places = await prisma.place.count();
    await prisma.crisis.create({ data: { slug: "bench-crisis", name: "Bench crisis", startDate: new Date("2022-01-02"), endDate: new Date("2022-01-11") } });
    const pages = fixturePages();
    let n = 0;
    // Warm-up: one of each, untimed.
    for (const page of pages) await ingestPage(prisma, { ...variant(page, n++), url: `https://bench.example/${n}`, publisher: "Bench", crisisSlug: "bench-crisis" });
    const start = process.hrtime.bigint();
    let articles = 0;
    let elapsed = 0;
    do {
      for (const page of pages) {
        await ingestPage(prisma, { ...variant(page, n++), url: `https://bench.example/${n}`, publisher: "Bench", crisisSlug: "bench-crisis" });
        articles++;
      }
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    } while (elapsed < seconds);
    return { articlesPerSecond: articles / elapsed, articles, seconds: elapsed, places };
  } finally {
    await prisma.$disconnect();
    await withPgClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const lines = [`Start-up and ingestion, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}, ${new Date().toISOString().slice(0, 10)}.`, ""];
  if (!options.skipStartup) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-startup-"));
    fs.chmodSync(dataDir, 0o777);
    try {
      const first = await timeStart(path.join(dataDir, "pg"));
      const second = await timeStart(path.join(dataDir, "pg"));
      lines.push("| start | seconds to /readyz 200 |", "| --- | ---: |", `| fresh (initdb, migrations, reference data, seed) | ${first.toFixed(2)} |`, `| again on the same data | ${second.toFixed(2)} |`, "");
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const ingestion = await measureIngestion(options.databaseUrl, options.seconds);
  lines.push(
    "| ingestion (ingestPage, one at a time, fixture pages) | |",
    "| --- | ---: |",
    `| places in the gazetteer | ${ingestion.places.toLocaleString("en-US")} |`,
    `| articles/s | ${ingestion.articlesPerSecond.toFixed(1)} (${ingestion.articles} in ${ingestion.seconds.toFixed(1)} s) |`,
  );
  const text = lines.join("\n");
  console.log(text);
  if (options.out) fs.writeFileSync(options.out, `${text}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  },
);
