// Where an ingestion's time goes on the database side: the fixture pages
// (bench/fixture-pages.ts) through ingestPage, one after another, on a
// database of its own with the reference data (as bench:startup does), and
// for each SQL statement Prisma sends how often per page and how long it took
// (Prisma's query events: the time from sending to the answer, so it includes
// the driver, the wire and any wait for a CPU). Also the time per page and
// the extraction alone for the same pages.
//   npm run build (root, then bench/) && node dist/ingest-profile.js (npm run profile) [--rounds 40] [--database-url URL] [--cpu-prof FILE]
// --cpu-prof writes a V8 CPU profile of the measured ingestions only (open it in Chrome DevTools).
import fs from "node:fs";
import inspector from "node:inspector/promises";
import os from "node:os";
import { applyMigrations, createPrismaClient, loadConfig } from "crisis-graph/dev";
import { extractPage, ingestPage } from "crisis-graph/ingest";
import { fixturePages, variant } from "./fixture-pages";
import { dropDatabase, freshDatabase } from "./scratch-database";

function parseOptions(argv: string[]) {
  const options = { rounds: 40, databaseUrl: process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres", cpuProfile: undefined as string | undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--rounds") options.rounds = Number(argv[++i]);
    else if (argv[i] === "--database-url") options.databaseUrl = argv[++i];
    else if (argv[i] === "--cpu-prof") options.cpuProfile = argv[++i];
    else throw new Error(`Unknown option ${argv[i]}. Usage: ingest-profile [--rounds 40] [--database-url URL] [--cpu-prof FILE]`);
  }
  if (!(options.rounds > 0)) throw new Error("--rounds takes a positive number");
  return options;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const name = `crisis_graph_ingest_profile_${process.pid}`;
  const databaseUrl = await freshDatabase(options.databaseUrl, name);
  const statements = new Map<string, { count: number; ms: number }>();
  let counting = false;
  const prisma = createPrismaClient(databaseUrl, loadConfig({}), ({ query, durationMs }) => {
    if (!counting) return;
    const key = query.replace(/\s+/g, " ").trim().slice(0, 110);
    const entry = statements.get(key) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += durationMs;
    statements.set(key, entry);
  });
  try {
    await applyMigrations(databaseUrl);
    await prisma.crisis.create({ data: { slug: "bench-crisis", name: "Bench crisis", startDate: new Date("2022-01-02"), endDate: new Date("2022-01-11") } });
    const pages = fixturePages();
    let n = 0;
    const ingestAll = async () => {
      for (const page of pages) await ingestPage(prisma, { ...variant(page, n++), url: `https://bench.example/${n}`, publisher: "Bench", crisisSlug: "bench-crisis" });
    };
    // Warm-up, untimed.
    for (let round = 0; round < 3; round++) await ingestAll();
    let started = process.hrtime.bigint();
    for (let round = 0; round < options.rounds; round++) for (const page of pages) extractPage(variant(page, round), {});
    const extractionMs = Number(process.hrtime.bigint() - started) / 1e6;

    const session = new inspector.Session();
    if (options.cpuProfile) {
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
    }
    counting = true;
    started = process.hrtime.bigint();
    for (let round = 0; round < options.rounds; round++) await ingestAll();
    const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
    counting = false;
    if (options.cpuProfile) {
      const { profile } = await session.post("Profiler.stop");
      fs.writeFileSync(options.cpuProfile, JSON.stringify(profile));
      session.disconnect();
    }

    const articles = options.rounds * pages.length;
    const rows = [...statements].sort((a, b) => b[1].ms - a[1].ms);
    const perPage = (x: number) => (x / articles).toFixed(2);
    console.log("| per page | ms per page | statement |\n| ---: | ---: | --- |");
    for (const [sql, { count, ms }] of rows) console.log(`| ${perPage(count)} | ${perPage(ms)} | \`${sql.replace(/\|/g, "\\|")}\` |`);
    const sum = (pick: (e: { count: number; ms: number }) => number) => rows.reduce((total, [, e]) => total + pick(e), 0);
    console.log(
      `\n${articles} pages: ${perPage(totalMs)} ms a page (${((articles / totalMs) * 1000).toFixed(1)} articles/s), of which extraction alone ${perPage(extractionMs)} ms; ` +
        `${perPage(sum((e) => e.count))} statements, ${perPage(sum((e) => e.ms))} ms in them; load average ${os.loadavg()[0].toFixed(2)}`,
    );
  } finally {
    await prisma.$disconnect();
    await dropDatabase(options.databaseUrl, name);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  },
);
