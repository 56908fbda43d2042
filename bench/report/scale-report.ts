// The scale comparison's report (`npm run bench -- --scale`, bench/scale.ts):
// p50 latency of each server and shape at the largest dataset against the
// smallest, under the same offered load, checked against the issue's target
// (at most 2×), and the query plans of the statements the server really sent
// at the largest size. Pure: builds data and Markdown from a ScaleRun.
import { en, formatMs, formatRatio, formatRps, table } from "./format";

/** p50(large) ÷ p50(small) may be at most this. */
export const SCALE_LIMIT = 2;
/** The sizes the target is defined on; other sizes are reported but decide nothing. */
export const TARGET_SIZES = { small: "1k", large: "100k" } as const;
export const SCALE_TARGET_SHAPES = ["by-id", "filtered"] as const;
/** A sequential scan of a table this small is the planner's right call, not a missing index. */
export const SMALL_TABLE_ROWS = 1_000;
const OURS = "crisis-graph";

export type ScaleStatus = "pass" | "fail" | "missing";

/** One latency measurement: a server and shape on one dataset size, in one round. */
export interface ScaleMeasurement {
  server: string;
  shape: string;
  size: string;
  round: number;
  /** Closed-loop requests/s on this size. */
  rps: number | null;
  /** Latency at `offeredRps`, the same for every size of a server and shape. */
  p50Ms: number | null;
  p99Ms: number | null;
  /** The fixed rate asked for: half the smallest size's closed-loop maximum in round 1. */
  offeredRps: number | null;
  /** The rate achieved in the fixed-rate phase. */
  fixedRateRps?: number | null;
  sqlPerOp: number | null;
  cpuMsPerReq: number | null;
  errors: number;
  note?: string;
}

export interface ScalePlan {
  server: string;
  shape: string;
  size: string;
  /** Position among the distinct statements the server sent for the shape. */
  name: string;
  sql: string;
  params: (string | null)[] | null;
  /** EXPLAIN (ANALYZE, BUFFERS) text; absent when the statement could not be explained (see error). */
  plan?: string;
  error?: string;
  usesIndex: boolean;
  /** Tables read by sequential scan, with the planner's row estimate of each table. */
  seqScans: { table: string; rows: number | null }[];
  planningMs: number | null;
  executionMs: number | null;
}

export interface ScaleDataset {
  size: string;
  articles: number;
  events?: number;
  claims?: number;
  crises?: number;
  /** Database name (never its URL: no credentials in results). */
  database: string;
  /** How long the generator took (this run, or the run that made the reused dataset). */
  generatedSeconds?: number;
  reused: boolean;
}

export interface ScaleRun {
  kind: "scale";
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; model?: string; memoryGb?: number; node: string; os?: string; harnessNode?: string };
  versions?: Record<string, string>;
  settings: Record<string, unknown>;
  notes: string[];
  /** Smallest first. */
  datasets: ScaleDataset[];
  results: ScaleMeasurement[];
  plans: ScalePlan[];
  extraction?: { articlesPerSecond: number; cpuMsPerArticle: number; pages?: number; seconds?: number };
}

export interface SizePoint {
  size: string;
  /** Best (lowest) of the rounds: machine noise only ever adds latency. */
  p50Ms: number | null;
  p99Ms: number | null;
  rps: number | null;
  /** p50 of every round, in order. */
  rounds: (number | null)[];
}

export interface ScaleComparison {
  server: string;
  shape: string;
  small: SizePoint;
  large: SizePoint;
  p50Ratio: number | null;
  p99Ratio: number | null;
  /** Against SCALE_LIMIT; "missing" when a p50 is missing or any measurement failed. */
  status: ScaleStatus;
  /** Whether small → large are the target's 1k → 100k. */
  targetSizes: boolean;
  errors: number;
}

const min = (values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.min(...present) : null;
};
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

function pointOf(measurements: ScaleMeasurement[], size: string): SizePoint {
  const atSize = measurements.filter((m) => m.size === size).sort((a, b) => a.round - b.round);
  return {
    size,
    p50Ms: min(atSize.map((m) => m.p50Ms)),
    p99Ms: min(atSize.map((m) => m.p99Ms)),
    rps: atSize.reduce<number | null>((best, m) => (m.rps === null ? best : Math.max(best ?? 0, m.rps)), null),
    rounds: atSize.map((m) => m.p50Ms),
  };
}

/** Smallest against largest size, per server and shape, in the order they were measured. */
export function compareSizes(run: Pick<ScaleRun, "datasets" | "results">): ScaleComparison[] {
  const sizes = run.datasets.map((d) => d.size);
  if (sizes.length < 2) return [];
  const [small, large] = [sizes[0], sizes[sizes.length - 1]];
  const pairs: { server: string; shape: string }[] = [];
  for (const r of run.results) if (!pairs.some((p) => p.server === r.server && p.shape === r.shape)) pairs.push({ server: r.server, shape: r.shape });
  return pairs.map(({ server, shape }) => {
    const measurements = run.results.filter((r) => r.server === server && r.shape === shape);
    const errors = measurements.reduce((sum, m) => sum + m.errors, 0);
    const smallPoint = pointOf(measurements, small);
    const largePoint = pointOf(measurements, large);
    const p50Ratio = ratio(largePoint.p50Ms, smallPoint.p50Ms);
    return {
      server,
      shape,
      small: smallPoint,
      large: largePoint,
      p50Ratio,
      p99Ratio: ratio(largePoint.p99Ms, smallPoint.p99Ms),
      status: p50Ratio === null || errors > 0 ? "missing" : p50Ratio <= SCALE_LIMIT ? "pass" : "fail",
      targetSizes: small === TARGET_SIZES.small && large === TARGET_SIZES.large,
      errors,
    };
  });
}

/** Seq scans that point at a missing index: on tables above SMALL_TABLE_ROWS (or of unknown size). */
export function largeSeqScans(plan: ScalePlan): string[] {
  return plan.seqScans.filter((s) => s.rows === null || s.rows > SMALL_TABLE_ROWS).map((s) => s.table);
}

export interface ScaleTarget {
  description: string;
  status: ScaleStatus;
  measured: string;
}

/**
 * The issue's scale targets for our server, as rows of the report's Targets
 * table: ❔ ("missing") without a scale run, or when it used other sizes.
 */
export function scaleTargets(scale: ScaleRun | null | undefined): ScaleTarget[] {
  const comparisons = scale ? compareSizes(scale) : [];
  const targets: ScaleTarget[] = SCALE_TARGET_SHAPES.map((shape) => {
    const description = `${shape}: crisis-graph p50 at ${TARGET_SIZES.large} ≤ ${SCALE_LIMIT} × p50 at ${TARGET_SIZES.small} (scale run)`;
    const c = comparisons.find((x) => x.server === OURS && x.shape === shape);
    if (!c) return { description, status: "missing", measured: "—" };
    const measured = `${formatRatio(c.p50Ratio)} (${formatMs(c.small.p50Ms)} → ${formatMs(c.large.p50Ms)} ms${c.targetSizes ? "" : `, ${c.small.size} → ${c.large.size}`})`;
    return { description, status: c.targetSizes ? c.status : "missing", measured };
  });

  const largest = scale?.datasets[scale.datasets.length - 1]?.size;
  const plans = (scale?.plans ?? []).filter((p) => p.server === OURS && p.size === largest && (SCALE_TARGET_SHAPES as readonly string[]).includes(p.shape));
  const description = `${SCALE_TARGET_SHAPES.join(", ")} at ${TARGET_SIZES.large}: every statement crisis-graph sends uses an index, no seq scan of a table over ${en(0).format(SMALL_TABLE_ROWS)} rows (scale run)`;
  if (!scale || plans.length === 0) {
    targets.push({ description, status: "missing", measured: "—" });
  } else {
    const bad = plans.filter((p) => p.error || largeSeqScans(p).length > 0);
    const measured =
      bad.length === 0
        ? `${plans.length} statement${plans.length === 1 ? "" : "s"}, none`
        : bad.map((p) => (p.error ? `${p.shape}: not explained` : `${p.shape}: seq scan on ${largeSeqScans(p).join(", ")}`)).join("; ");
    const status: ScaleStatus = bad.some((p) => !p.error) ? "fail" : bad.length > 0 || largest !== TARGET_SIZES.large ? "missing" : "pass";
    targets.push({ description, status, measured: largest === TARGET_SIZES.large ? measured : `${measured} (at ${largest})` });
  }
  return targets;
}

// ---------------------------------------------------------------- Markdown

const ICON: Record<ScaleStatus, string> = { pass: "✅", fail: "❌", missing: "❔" };
const code = (name: string) => `\`${name}\``;

function datasetLine(d: ScaleDataset): string {
  const counts = [`${en(0).format(d.articles)} articles`];
  if (d.events !== undefined) counts.push(`${en(0).format(d.events)} events`);
  if (d.claims !== undefined) counts.push(`${en(0).format(d.claims)} claims`);
  if (d.crises !== undefined) counts.push(`${en(0).format(d.crises)} crises`);
  const made = d.generatedSeconds === undefined ? "" : `; generated in ${en(1).format(d.generatedSeconds)} s${d.reused ? " by an earlier run, reused" : ""}`;
  return `- **\`${d.size}\`:** ${counts.join(", ")} (database \`${d.database}\`${made})`;
}

export function renderScaleMarkdown(run: ScaleRun): string {
  const comparisons = compareSizes(run);
  const small = run.datasets[0]?.size ?? "?";
  const large = run.datasets[run.datasets.length - 1]?.size ?? "?";
  const m = run.machine;
  const out: string[] = [`# Crisis Graph scale comparison: \`${small}\` → \`${large}\``, ""];
  out.push(...run.datasets.map(datasetLine));
  out.push(`- **Machine:** ${m.cpus} CPUs${m.model ? ` (${m.model})` : ""}${m.memoryGb !== undefined ? `, ${en(1).format(m.memoryGb)} GB RAM` : ""}, Node ${m.node}${m.os ? `, ${m.os}` : ""}`);
  const versions = Object.entries(run.versions ?? {});
  if (versions.length) out.push(`- **Versions:** ${versions.map(([name, version]) => `${name} ${version}`).join(", ")}`);
  out.push(`- **Run:** started ${run.startedAt}, took ${en(0).format(run.durationSeconds)} s`);
  const settings = Object.entries(run.settings);
  if (settings.length) out.push(`- **Settings:** ${settings.map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(", ")}`);
  for (const note of run.notes) out.push(`- **Note:** ${note}`);
  out.push("");

  out.push("## p50 latency at each size", "");
  out.push(
    `Every size of a server and shape gets the same fixed rate (half the \`${small}\` closed-loop maximum), so the latencies compare like with like. p50/p99 are the best of the rounds (noise only adds latency); the round columns show each round's p50. Target: p50 at \`${TARGET_SIZES.large}\` ≤ ${SCALE_LIMIT} × p50 at \`${TARGET_SIZES.small}\`.`,
    "",
  );
  out.push(
    table(
      ["", "Server", "Shape", "Offered req/s", `p50 ms \`${small}\``, `p50 ms \`${large}\``, "p50 ratio", `p99 ms \`${small}\` → \`${large}\``, "p99 ratio", `max req/s \`${small}\` → \`${large}\``, "p50 per round (ms)"],
      comparisons.map((c) => {
        const offered = run.results.find((r) => r.server === c.server && r.shape === c.shape && r.offeredRps !== null)?.offeredRps ?? null;
        const rounds = (p: SizePoint) => p.rounds.map(formatMs).join(", ");
        return [
          ICON[c.targetSizes ? c.status : "missing"],
          code(c.server),
          code(c.shape),
          formatRps(offered),
          formatMs(c.small.p50Ms),
          formatMs(c.large.p50Ms),
          formatRatio(c.p50Ratio),
          `${formatMs(c.small.p99Ms)} → ${formatMs(c.large.p99Ms)}`,
          formatRatio(c.p99Ratio),
          `${formatRps(c.small.rps)} → ${formatRps(c.large.rps)}`,
          `${small}: ${rounds(c.small)}; ${large}: ${rounds(c.large)}`,
        ];
      }),
      [":-:", "---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---"],
    ),
  );
  if (comparisons.some((c) => !c.targetSizes)) out.push("", `❔: sizes other than \`${TARGET_SIZES.small}\` → \`${TARGET_SIZES.large}\` decide nothing.`);
  out.push("");

  const failed = run.results.filter((r) => r.errors > 0 || r.note);
  if (failed.length) {
    out.push("### Notes", "");
    for (const r of failed) out.push(`- \`${r.server}\` × \`${r.shape}\` at \`${r.size}\`, round ${r.round}: ${r.errors > 0 ? `${r.errors} errors; ` : ""}${(r.note ?? "").replace(/\r?\n/g, " ")}`);
    out.push("");
  }

  out.push("## Targets", "");
  out.push(table(["", "Target", "Measured"], scaleTargets(run).map((t) => [ICON[t.status], t.description, t.measured]), [":-:", "---", "---:"]));
  out.push("");

  out.push(renderCapturedPlans(run.plans, `Query plans at \`${large}\`: the statements each server sent`), "");

  if (run.extraction) {
    out.push("## Ingestion: extraction speed", "");
    out.push(
      `Article, event and claim extraction over the fixture pages on one core: **${run.extraction.articlesPerSecond.toFixed(0)} articles/s** (${run.extraction.cpuMsPerArticle.toFixed(2)} CPU ms per article; \`npm run bench:extraction\`). ` +
        `Bulk loading, for comparison: the \`${large}\` dataset went in at ${bulkRate(run.datasets[run.datasets.length - 1])}.`,
      "",
    );
  }
  return out.join("\n");
}

/** Plans of captured statements (bench/captured-plans.ts): a summary table, then each statement's SQL, parameters and plan. */
export function renderCapturedPlans(plans: ScalePlan[], title: string): string {
  const out: string[] = [`## ${title}`, ""];
  out.push(
    "Captured on the wire (bench/sql-counter.ts) while the server answered each shape, with their bind parameters, then run again under `EXPLAIN (ANALYZE, BUFFERS)` on the same database, warm. A sequential scan of a table under " +
      `${en(0).format(SMALL_TABLE_ROWS)} rows is the planner's right choice and is not counted against the target.`,
    "",
  );
  out.push(
    table(
      ["Server", "Shape", "Statement", "Index", "Seq scans", "Planning ms", "Execution ms"],
      plans.map((p) => [
        code(p.server),
        code(p.shape),
        p.name,
        p.error ? "—" : p.usesIndex ? "✅" : "❌",
        p.error ? `not explained: ${p.error.replace(/\|/g, "\\|")}` : p.seqScans.length ? p.seqScans.map((s) => `\`${s.table}\` (${s.rows === null ? "?" : en(0).format(s.rows)} rows)`).join(", ") : "none",
        p.planningMs === null ? "—" : p.planningMs.toFixed(3),
        p.executionMs === null ? "—" : p.executionMs.toFixed(3),
      ]),
      ["---", "---", "---", ":-:", "---", "---:", "---:"],
    ),
  );
  out.push("");
  for (const p of plans) {
    out.push(`### \`${p.server}\` × \`${p.shape}\`: ${p.name}`, "");
    out.push("<details><summary>SQL and parameters</summary>", "", "```sql", p.sql.trim(), "```", "");
    if (p.params?.length) out.push("```json", JSON.stringify(p.params), "```", "");
    out.push("</details>", "");
    if (p.plan) out.push("```text", p.plan, "```", "");
  }
  return out.join("\n").trimEnd();
}

function bulkRate(d: ScaleDataset | undefined): string {
  if (!d?.generatedSeconds) return "an unknown rate";
  return `${en(0).format(d.articles / d.generatedSeconds)} articles/s with their events and claims (generator, \`INSERT … SELECT FROM unnest\`)`;
}

/** The README's scale block: one line per target shape and server, and a link to the report. */
export function renderScaleReadme(run: ScaleRun, link: string): string {
  const comparisons = compareSizes(run);
  const small = run.datasets[0]?.size ?? "?";
  const large = run.datasets[run.datasets.length - 1]?.size ?? "?";
  return [
    `Scale: p50 latency at \`${large}\` against \`${small}\` articles, same offered load, ${run.machine.cpus} CPUs, ${run.startedAt.slice(0, 10)}. Target ≤ ${SCALE_LIMIT}×.`,
    "",
    table(
      ["Shape", "Server", `p50 \`${small}\``, `p50 \`${large}\``, "Ratio"],
      comparisons.map((c) => [code(c.shape), code(c.server), `${formatMs(c.small.p50Ms)} ms`, `${formatMs(c.large.p50Ms)} ms`, `${ICON[c.targetSizes ? c.status : "missing"]} ${formatRatio(c.p50Ratio)}`]),
      ["---", "---", "---:", "---:", "---:"],
    ),
    "",
    `Query plans of the statements sent at \`${large}\`: [${link.split("/").pop()}](${link})`,
  ].join("\n");
}
