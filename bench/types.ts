// The shape of one benchmark run as written to bench/results/*.json. The
// report (bench/report/) reads it; keep it structurally compatible with
// bench/report/run-shape.ts.

export const SERVER_NAMES = ["crisis-graph", "crisis-graph-cached", "no-loaders", "postgraphile", "one-sql-limit"] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

export const SHAPE_NAMES = [
  "by-id",
  "flat-50",
  "nested-2",
  "nested-3",
  "entities-100",
  "filtered",
  "page-100",
  "claims-page",
  "events-timeline",
  "nested-under-list",
  "entities-event",
  "entities-claim",
  "entities-place",
  "countries-memberships",
  "organizations-memberships",
  "casualty-summary",
] as const;
export type ShapeName = (typeof SHAPE_NAMES)[number];

export const DATASET_SIZES = ["smoke", "1k", "10k", "100k"] as const;
export type DatasetSize = (typeof DATASET_SIZES)[number];

/** The hand-written single-statement server every ratio is taken against. */
export const CEILING: ServerName = "one-sql-limit";

export interface BenchResult {
  server: ServerName;
  shape: ShapeName;
  /** Closed-loop requests per second; null when the shape was not run (see note). */
  rps: number | null;
  /** Latency percentiles at a fixed rate of half `rps`. */
  p50Ms: number | null;
  p99Ms: number | null;
  /** SQL statements per request, counted on the wire by bench/sql-counter.ts. */
  sqlPerOp: number | null;
  /** CPU time of the server process per request (user + system), closed-loop phase. */
  cpuMsPerReq: number | null;
  /** CPU time of all PostgreSQL processes per request, closed-loop phase; null when they cannot be read. */
  dbCpuMsPerReq?: number | null;
  /** Peak resident set of the server process while this shape ran. */
  rssMb: number | null;
  /** rps ÷ the ceiling's rps for the same shape. */
  ratioToCeiling?: number | null;
  /** Requests sent in the measured phases (closed loop + fixed rate). */
  requests?: number;
  /** Failed requests: transport errors, non-2xx, GraphQL errors, wrong result size. Any makes the run fail. */
  errors: number;
  /** Achieved rate in the fixed-rate phase (target: rps / 2). */
  fixedRateRps?: number | null;
  note?: string;
}

export interface BenchRun {
  dataset: {
    size: DatasetSize;
    seed?: number;
    articles: number;
    events?: number;
    claims?: number;
    [count: string]: unknown;
  };
  machine: { cpus: number; model?: string; memoryGb?: number; node: string; os?: string; harnessNode?: string };
  versions: Record<string, string>;
  settings: {
    smoke: boolean;
    durationSeconds: number;
    warmupSeconds: number;
    connections: number;
    sqlCountRequests: number;
  };
  startedAt: string;
  durationSeconds: number;
  /** Caveats that apply to the whole run (shared cores, load generator on the same machine, ...). */
  notes: string[];
  results: BenchResult[];
}
