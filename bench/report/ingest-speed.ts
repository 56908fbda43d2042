// How fast one core turns pages into articles, claims and events: the pure
// extractors only (no database), over the real page fixtures, in a plain loop.
// This bounds ingestion throughput per worker before any SQL is counted.
import fs from "node:fs";
import path from "node:path";
import { extractPage, type PageInput } from "crisis-graph/ingest";
import { productRoot } from "../paths";

export interface ExtractionSpeed {
  articlesPerSecond: number;
  /** Distinct fixture pages in the loop. */
  pages: number;
  /** Process CPU time per article (≈ wall time per article, the loop being single-threaded). */
  cpuMsPerArticle: number;
  /** Articles extracted in the measured window (after one warm-up pass). */
  articles: number;
  seconds: number;
}

/** The fixtures are all about the January 2022 unrest; ingest passes the crisis country the same way. */
const COUNTRY = "Kazakhstan";

export function measureExtractionSpeed(options: { seconds?: number; fixturesDir?: string } = {}): ExtractionSpeed {
  const seconds = options.seconds ?? 5;
  const pages = loadPages(options.fixturesDir ?? findFixturesDir());
  if (pages.length === 0) throw new Error("No page fixtures found (test/fixtures/*.txt, test/fixtures/pages/*.txt|*.html)");

  // One untimed pass: JIT warm-up, and a fixture the extractors reject fails here loudly.
  for (const page of pages) extractAll(page);

  const budgetNs = BigInt(Math.round(seconds * 1e9));
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  let articles = 0;
  let elapsedNs = 0n;
  // Whole passes over the fixtures, so every page weighs the same.
  do {
    for (const page of pages) extractAll(page);
    articles += pages.length;
    elapsedNs = process.hrtime.bigint() - start;
  } while (elapsedNs < budgetNs);
  const cpu = process.cpuUsage(cpuStart);
  const elapsedSeconds = Number(elapsedNs) / 1e9;
  return {
    articlesPerSecond: articles / elapsedSeconds,
    pages: pages.length,
    cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / articles,
    articles,
    seconds: elapsedSeconds,
  };
}

/** One reading of a page as ingestPage reads it once the crisis's country is known (extractPage). */
function extractAll(page: PageInput): number {
  const { claims, events } = extractPage(page, { countryName: COUNTRY });
  // Returned so the work cannot be optimised away.
  return events.length + claims.length;
}

function loadPages(fixturesDir: string): PageInput[] {
  const files = [
    ...listPages(fixturesDir, [".txt"]).map((name) => path.join(fixturesDir, name)),
    ...listPages(path.join(fixturesDir, "pages"), [".txt", ".html"]).map((name) => path.join(fixturesDir, "pages", name)),
  ];
  return files.map((file) => {
    const content = fs.readFileSync(file, "utf8");
    return file.endsWith(".html") ? { html: content } : { text: content };
  });
}

function listPages(dir: string, extensions: string[]): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort();
}

/** The product's test/fixtures (crisis-graph, linked into node_modules from the repository). */
function findFixturesDir(): string {
  const dir = path.join(productRoot, "test", "fixtures");
  if (!fs.existsSync(dir)) throw new Error(`test/fixtures not found in the product at ${productRoot}`);
  return dir;
}
