// node dist/report/hostile-pages-cli.js [--cap-seconds 30] [--runs 2] [--shapes a,b] [--growth a,b] [--out file] [--json]
// Times extractPage on hostile pages (2 MB of one shape each, some shapes at
// growing sizes), each in a worker thread stopped at the cap, and writes the
// table to bench/results/hostile-latest.md.
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_CAP_MS, formatRow, hostileMarkdown, runHostileBench, type HostileBenchOptions } from "./hostile-pages";
import { resultsDir } from "../paths";

interface CliOptions extends HostileBenchOptions {
  out: string;
  json: boolean;
}

const USAGE = "Usage: hostile-pages-cli [--cap-seconds 30] [--runs 2] [--shapes a,b] [--growth a,b] [--out file] [--json]";

function list(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

function parseArguments(argv: string[]): CliOptions {
  const options: CliOptions = { capMs: DEFAULT_CAP_MS, out: path.join(resultsDir, "hostile-latest.md"), json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--cap-seconds") {
      options.capMs = Number(argv[++i]) * 1000;
      if (!(options.capMs > 0)) throw new Error("--cap-seconds takes a positive number");
    } else if (arg === "--runs") {
      options.runs = Number(argv[++i]);
      if (!(options.runs >= 1)) throw new Error("--runs takes a number ≥ 1");
    } else if (arg === "--shapes") options.shapes = list(argv[++i]);
    else if (arg === "--growth") options.growthShapes = list(argv[++i]);
    else if (arg === "--out") options.out = path.resolve(argv[++i]);
    else if (arg === "--json") options.json = true;
    else throw new Error(`Unknown option ${arg}. ${USAGE}`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (!options.json) {
    console.log("| shape | size | ms | growth | < 2 s | result |");
    console.log("| --- | ---: | ---: | ---: | :---: | --- |");
  }
  const results = await runHostileBench({ ...options, onResult: options.json ? undefined : (r) => console.log(formatRow(r)) });
  if (options.json) console.log(JSON.stringify(results));
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, hostileMarkdown(results, { capMs: options.capMs, runs: options.runs }));
  if (!options.json) console.log(`\nWritten to ${path.relative(process.cwd(), options.out) || options.out}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
