// Command-line options of `node dist/run.js`.
import os from "node:os";
import { DEFAULT_SEED } from "./dataset/generate";
import { DATASET_SIZES, SERVER_NAMES, SHAPE_NAMES, type DatasetSize, type ServerName, type ShapeName } from "./types";

export interface BenchOptions {
  size: DatasetSize;
  seed: number;
  smoke: boolean;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Sequential requests per shape in the SQL-counting phase. */
  countRequests: number;
  servers: ServerName[];
  shapes: ShapeName[];
  databaseUrl: string | undefined;
  /** Results folder; smoke runs default to a temp folder, never bench/results. */
  out: string | undefined;
  /** Update the README's benchmark block (full runs only). */
  readme: boolean;
  /** The scale comparison (bench/scale.ts) instead of the full benchmark. */
  scale: boolean;
  /** Scale comparison: dataset sizes, smallest first, each in its own database. */
  sizes: DatasetSize[];
  /** Scale comparison: latency measurements per server and size, alternating sizes. */
  rounds: number;
  /** Scale comparison: drop the per-size databases at the end (they are kept for reuse otherwise). */
  dropDatabases: boolean;
}

/** What the scale comparison measures unless told otherwise: the "scale behaviour" shapes. */
export const SCALE_DEFAULTS = {
  servers: ["crisis-graph", "postgraphile"] as ServerName[],
  shapes: ["by-id", "filtered"] as ShapeName[],
  sizes: ["1k", "100k"] as DatasetSize[],
  smokeSizes: ["smoke", "1k"] as DatasetSize[],
};

/** A bad command line (or --help): print the message, not a stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help = false,
  ) {
    super(message);
  }
}

export const USAGE = `Usage: node dist/run.js [options]
  --size smoke|1k|10k|100k   dataset size (default 10k; smoke with --smoke)
  --seed N                    dataset seed (default ${DEFAULT_SEED}, the generator's)
  --smoke                     tiny dataset, very short runs: checks the harness, not the servers
  --duration S                seconds per measurement (default 10; smoke 0.3)
  --warmup S                  seconds of load before each shape's measurement (default 2; smoke 0)
  --connections N             concurrent connections (default 2 × CPU cores, at least 4)
  --servers a,b               subset of: ${SERVER_NAMES.join(", ")}
  --shapes x,y                subset of: ${SHAPE_NAMES.join(", ")}
  --database-url URL          benchmark database (default: DATABASE_URL, else an embedded PostgreSQL in .data/bench-postgres)
  --out DIR                   results folder (default bench/results; smoke: a temp folder)
  --no-readme                 do not update the README's benchmark block

Scale comparison (p50 at the large size against the small one, plans of the statements sent, at the large size):
  --scale                     run it instead of the full benchmark (servers ${SCALE_DEFAULTS.servers.join(",")}, shapes ${SCALE_DEFAULTS.shapes.join(",")} unless given)
  --sizes a,b                 dataset sizes, each in its own database <name>_<size> beside --database-url's (default ${SCALE_DEFAULTS.sizes.join(",")}; smoke ${SCALE_DEFAULTS.smokeSizes.join(",")})
  --rounds N                  latency measurements per server and size, sizes alternating (default 2; smoke 1)
  --drop-databases            drop the per-size databases afterwards (default: keep them, so the next run reuses the datasets)`;

function list<T extends string>(raw: string, allowed: readonly T[], what: string): T[] {
  const items = raw.split(",").map((item) => item.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new UsageError(`Unknown ${what} "${item}" (one of ${allowed.join(", ")})`);
  return allowed.filter((item) => items.includes(item));
}

function positive(raw: string, name: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const known = ["size", "seed", "duration", "warmup", "connections", "servers", "shapes", "database-url", "out", "sizes", "rounds"];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new UsageError(`Unexpected argument "${arg}"\n${USAGE}`);
    const [name, inline] = arg.slice(2).split("=", 2);
    if (["smoke", "no-readme", "help", "scale", "drop-databases"].includes(name)) flags.add(name);
    else if (!known.includes(name)) throw new UsageError(`Unknown option --${name}\n${USAGE}`);
    else if (inline !== undefined) values.set(name, inline);
    else if (i + 1 < argv.length) values.set(name, argv[++i]);
    else throw new UsageError(`--${name} needs a value\n${USAGE}`);
  }
  if (flags.has("help")) throw new UsageError(USAGE, true);

  const smoke = flags.has("smoke");
  const scale = flags.has("scale");
  const size = (values.get("size") ?? (smoke ? "smoke" : "10k")) as DatasetSize;
  if (!DATASET_SIZES.includes(size)) throw new UsageError(`--size must be one of ${DATASET_SIZES.join(", ")}`);
  for (const name of ["sizes", "rounds", "drop-databases"]) {
    if (!scale && (values.has(name) || flags.has(name))) throw new UsageError(`--${name} only applies with --scale\n${USAGE}`);
  }
  if (scale && values.has("size")) throw new UsageError("--scale takes --sizes (several), not --size");
  const sizes = values.has("sizes") ? list(values.get("sizes") as string, DATASET_SIZES, "size") : smoke ? SCALE_DEFAULTS.smokeSizes : SCALE_DEFAULTS.sizes;
  if (scale && sizes.length < 2) throw new UsageError("--sizes needs two sizes or more to compare");
  const rounds = Math.floor(positive(values.get("rounds") ?? (smoke ? "1" : "2"), "rounds"));
  if (rounds < 1) throw new UsageError("--rounds must be at least 1");
  const defaultServers = scale ? SCALE_DEFAULTS.servers : [...SERVER_NAMES];
  const defaultShapes = scale ? SCALE_DEFAULTS.shapes : [...SHAPE_NAMES];
  return {
    size,
    seed: Math.floor(positive(values.get("seed") ?? String(DEFAULT_SEED), "seed")),
    smoke,
    durationSeconds: positive(values.get("duration") ?? (smoke ? "0.3" : "10"), "duration"),
    warmupSeconds: positive(values.get("warmup") ?? (smoke ? "0" : "2"), "warmup"),
    connections: Math.max(1, Math.floor(positive(values.get("connections") ?? String(Math.max(4, 2 * os.cpus().length)), "connections"))),
    countRequests: smoke ? 3 : 10,
    servers: values.has("servers") ? list(values.get("servers") as string, SERVER_NAMES, "server") : defaultServers,
    shapes: values.has("shapes") ? list(values.get("shapes") as string, SHAPE_NAMES, "shape") : defaultShapes,
    databaseUrl: values.get("database-url") ?? (env.DATABASE_URL || undefined),
    out: values.get("out"),
    readme: !smoke && !flags.has("no-readme"),
    scale,
    // `list` keeps DATASET_SIZES order: smallest first.
    sizes,
    rounds,
    dropDatabases: flags.has("drop-databases"),
  };
}
