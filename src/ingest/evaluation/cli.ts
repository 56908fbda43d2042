// npm run eval:extraction -- <folder> [--out FILE] [--verbose] [--min-recall X] [--min-precision Y]
// Extracts every page of an evaluation folder (pages/ + gold.json) from its
// text and URL alone, scores the claims against the gold and prints the
// result. Exit 0; 1 when --min-recall / --min-precision (fractions, on full
// matches) is not reached; 2 on a usage error or a broken folder.
import fs from "node:fs";
import path from "node:path";
import { EvalFolderError } from "./gold";
import { formatReport } from "./report";
import { evaluateFolder, outJson } from "./run";
import { precision, recall } from "./score";

const USAGE = "Usage: npm run eval:extraction -- <folder> [--out FILE] [--verbose] [--min-recall X] [--min-precision Y]";

export interface CliOptions {
  folder: string;
  out?: string;
  verbose: boolean;
  minRecall?: number;
  minPrecision?: number;
}

export class UsageError extends Error {}

function fractionArgument(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (value === undefined || value.trim() === "" || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`${flag} takes a fraction between 0 and 1, e.g. ${flag} 0.6`);
  }
  return number;
}

export function parseArguments(argv: string[]): CliOptions {
  let folder: string | undefined;
  const options: Omit<CliOptions, "folder"> = { verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out") {
      const file = argv[++i];
      if (!file || file.startsWith("--")) throw new UsageError(`--out takes a file name. ${USAGE}`);
      options.out = file;
    } else if (arg === "--verbose" || arg === "-v") options.verbose = true;
    else if (arg === "--min-recall") options.minRecall = fractionArgument(arg, argv[++i]);
    else if (arg === "--min-precision") options.minPrecision = fractionArgument(arg, argv[++i]);
    else if (arg === "--help" || arg === "-h") throw new UsageError(USAGE);
    else if (arg.startsWith("-")) throw new UsageError(`Unknown option ${arg}. ${USAGE}`);
    else if (folder !== undefined) throw new UsageError(`One folder only (got ${folder} and ${arg}). ${USAGE}`);
    else folder = arg;
  }
  if (folder === undefined) throw new UsageError(USAGE);
  return { folder, ...options };
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs the command; returns its exit code. */
export function main(argv: string[], io: CliIo = processIo): number {
  let options: CliOptions;
  try {
    options = parseArguments(argv);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let evaluation: ReturnType<typeof evaluateFolder>;
  try {
    evaluation = evaluateFolder(options.folder);
  } catch (error) {
    if (error instanceof EvalFolderError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { folder, runs, scores, total } = evaluation;
  for (const name of folder.unlisted) io.stderr(`warning: pages/${name} is not in gold.json: not evaluated\n`);
  for (const run of runs) if (run.crashed) io.stderr(`warning: the extractor failed on ${run.id} (counted as refused): ${run.refused}\n`);
  io.stdout(formatReport(scores, total, { title: options.folder, verbose: options.verbose }));
  if (options.out) {
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    fs.writeFileSync(options.out, `${JSON.stringify(outJson(runs), null, 2)}\n`);
    io.stdout(`\nWrote what was extracted to ${options.out}\n`);
  }
  const failures: string[] = [];
  const r = recall(total.full, total.gold);
  const p = precision(total.full, total.extracted);
  if (options.minRecall !== undefined && r < options.minRecall) failures.push(`recall ${r.toFixed(3)} is below --min-recall ${options.minRecall}`);
  if (options.minPrecision !== undefined && p < options.minPrecision) failures.push(`precision ${p.toFixed(3)} is below --min-precision ${options.minPrecision}`);
  for (const failure of failures) io.stderr(`FAIL: ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error);
    process.exitCode = 2;
  }
}
