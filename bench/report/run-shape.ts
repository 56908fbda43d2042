// The part of a benchmark run the report reads. bench/types.ts exports the
// full `BenchRun`; this looser copy also takes partial or older runs loaded
// from JSON. bench/test/report.test.ts checks that the full type fits it.

export interface BenchResult {
  server: string;
  shape: string;
  /** null when the server could not run the shape (or failed). */
  rps: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  /** SQL statements per GraphQL operation. */
  sqlPerOp: number | null;
  /** Server process CPU time per request. */
  cpuMsPerReq: number | null;
  /** PostgreSQL's CPU time per request, when the harness could read it. */
  dbCpuMsPerReq?: number | null;
  /** Server resident memory, MB. */
  rssMb: number | null;
  errors?: number;
  note?: string;
}

export interface BenchRun {
  dataset: { size: string; articles: number; events?: number; claims?: number; seed?: number };
  machine: { cpus: number; model?: string; memoryGb?: number; node: string; os?: string };
  versions?: Record<string, string>;
  /** How the load was applied (duration per shape, connections, …); shown as given. */
  settings?: Record<string, unknown>;
  startedAt?: string;
  durationSeconds?: number;
  /** Caveats that apply to the whole run. */
  notes?: string[];
  results: BenchResult[];
}

/** Report order; servers or shapes a run adds beyond these follow in the order they appear. */
export const SERVERS = ["crisis-graph", "crisis-graph-cached", "no-loaders", "postgraphile", "one-sql-limit"] as const;
export const SHAPES = ["by-id", "flat-50", "nested-2", "nested-3", "entities-100", "filtered", "page-100"] as const;

/** The hand-written single-statement server: the ceiling every ratio is taken against. */
export const CEILING = "one-sql-limit";
export const OURS = "crisis-graph";
