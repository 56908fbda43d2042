// node dist/report/report-cli.js <run.json> [--out DIR] [--readme README.md] [--basename NAME]
// Rebuilds the report from a saved run, without measuring again.
import fs from "node:fs";
import path from "node:path";
import { writeReport } from "./report";
import type { BenchRun } from "./run-shape";

const USAGE = "Usage: report-cli <run.json> [--out DIR] [--readme README.md] [--basename NAME]";

async function main(argv: string[]): Promise<void> {
  let input: string | undefined;
  const options: { out?: string; readmePath?: string; basename?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out") options.out = argv[++i];
    else if (arg === "--readme") options.readmePath = argv[++i];
    else if (arg === "--basename") options.basename = argv[++i];
    else if (arg.startsWith("--") || input) throw new Error(`Unexpected ${arg}. ${USAGE}`);
    else input = arg;
  }
  if (!input) throw new Error(USAGE);
  const run = JSON.parse(fs.readFileSync(input, "utf8")) as BenchRun;
  if (!run || !Array.isArray(run.results) || !run.dataset || !run.machine) throw new Error(`${input} is not a benchmark run (no dataset, machine or results)`);
  const files = await writeReport(run, options.out ?? path.dirname(input), {
    readmePath: options.readmePath,
    basename: options.basename ?? path.basename(input, ".json"),
  });
  console.log(`Wrote ${files.markdownPath} and ${files.svgPath}`);
  if (files.readme) console.log(files.readme.updated ? `Updated ${files.readme.path}` : `README not updated: ${files.readme.reason}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
