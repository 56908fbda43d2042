// Turns one benchmark run into a Markdown report, an SVG bar chart and the
// README's summary table. Pure string building: no chart library, no assets,
// so the files render the same on GitHub and offline.
import fs from "node:fs/promises";
import path from "node:path";
import { renderChart } from "./chart";
import { en, formatMs, formatRatio, formatRps, table } from "./format";
import { gridOf, type Grid } from "./grid";
import { CEILING, OURS, type BenchResult, type BenchRun } from "./run-shape";
import { appendHistory, benchHistoryRows, RUNS_DIR } from "./history";
import { WHERE_THE_TIME_GOES } from "./limits";
import { renderScaleReadme, scaleTargets, type ScaleRun } from "./scale-report";

export type { BenchRun } from "./run-shape";
export { gridOf } from "./grid";

export const README_START = "<!-- bench:start -->";
export const README_END = "<!-- bench:end -->";
/** The README block the scale comparison (`--scale`) keeps up to date. */
export const README_SCALE_START = "<!-- bench-scale:start -->";
export const README_SCALE_END = "<!-- bench-scale:end -->";

export interface ReportOptions {
  /** README whose `<!-- bench:start -->` … `<!-- bench:end -->` block gets the summary. */
  readmePath?: string;
  /** File name (without extension) for this run's copy; defaults to the start time and dataset size. */
  basename?: string;
  /** Markdown appended to the report, e.g. renderPlans() or the extraction speed. */
  appendix?: string;
  /** The last scale comparison (its own run, see bench/scale.ts): its targets are filled in, not ❔. */
  scale?: ScaleRun | null;
}

export interface ReportFiles {
  markdownPath: string;
  svgPath: string;
  /** history.csv, when the run's rows were appended to it (not for a smoke run). */
  historyPath?: string;
  /** Present when `readmePath` was given: whether the block was replaced, and why not. */
  readme?: { path: string; updated: boolean; reason?: string };
}

/**
 * A run's report: `<basename>.md` and `.svg` in `resultsDir`/runs/ (ignored by git), latest.md and
 * latest.svg in `resultsDir` (committed), and unless a smoke run, its rows appended to history.csv.
 */
export async function writeReport(run: BenchRun, resultsDir: string, options: ReportOptions = {}): Promise<ReportFiles> {
  const basename = options.basename ?? defaultBasename(run);
  const runsDir = basename === "latest" ? resultsDir : path.join(resultsDir, RUNS_DIR);
  await fs.mkdir(runsDir, { recursive: true });
  const svg = renderChart(run);
  const markdownPath = path.join(runsDir, `${basename}.md`);
  const svgPath = path.join(runsDir, `${basename}.svg`);
  // Each Markdown file embeds the chart written next to it, so both copies stand alone.
  const markdown = (chartFile: string) => renderMarkdown(run, chartFile, options.scale) + (options.appendix ? `\n${options.appendix.trim()}\n` : "");
  await fs.writeFile(markdownPath, markdown(`${basename}.svg`));
  await fs.writeFile(svgPath, svg);
  if (basename !== "latest") {
    await fs.writeFile(path.join(resultsDir, "latest.md"), markdown("latest.svg"));
    await fs.writeFile(path.join(resultsDir, "latest.svg"), svg);
  }
  const files: ReportFiles = { markdownPath, svgPath };
  if (!run.settings?.smoke) files.historyPath = appendHistory(resultsDir, benchHistoryRows(run));
  if (options.readmePath) files.readme = await updateReadme(run, options.readmePath, resultsDir);
  return files;
}

/** e.g. `2026-11-26T10-15-00Z-medium`: sorts by time, safe on every file system. */
export function defaultBasename(run: BenchRun): string {
  const started = run.startedAt ? new Date(run.startedAt) : new Date();
  const time = (Number.isNaN(started.getTime()) ? new Date() : started).toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return `${time}-${run.dataset.size}`.replace(/[^A-Za-z0-9._-]/g, "_");
}

function rpsOf(grid: Grid, server: string, shape: string): number | null {
  return grid.get(server, shape)?.rps ?? null;
}

/** a ÷ b, or null when either is missing or b is zero. */
function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

// ---------------------------------------------------------------- formatting

export { formatMs, formatRatio, formatRps } from "./format";

function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : en(2).format(value);
}

/** The wide table's cell: "rps (p50 / p99 ms, SQL/op)". */
function cell(result: BenchResult | undefined): string {
  if (!result) return "";
  if (result.rps === null) return result.note ? `— (${escapeCell(result.note)})` : "—";
  return `${formatRps(result.rps)} (${formatMs(result.p50Ms)} / ${formatMs(result.p99Ms)} ms, ${formatCount(result.sqlPerOp)} SQL)`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}


// ---------------------------------------------------------------- targets

export type TargetStatus = "pass" | "fail" | "missing";

export interface Target {
  stretch: boolean;
  description: string;
  status: TargetStatus;
  /** What was measured, e.g. "12.4×" or "3 SQL/op". */
  measured: string;
}

const NESTED = ["nested-2", "nested-3"];

/** The goals the design was set against; see the Targets section. The scale targets need a scale run (❔ without one). */
export function evaluateTargets(run: BenchRun, scale?: ScaleRun | null): Target[] {
  const grid = gridOf(run);
  const targets: Target[] = [];
  const atLeast = (value: number | null, floor: number): TargetStatus => (value === null ? "missing" : value >= floor ? "pass" : "fail");

  const vsNoLoaders = ratio(rpsOf(grid, OURS, "nested-3"), rpsOf(grid, "no-loaders", "nested-3"));
  targets.push({
    stretch: false,
    description: "nested-3: crisis-graph ≥ 10 × no-loaders (requests/s)",
    status: atLeast(vsNoLoaders, 10),
    measured: formatRatio(vsNoLoaders),
  });

  const sql = grid.get(OURS, "nested-3")?.sqlPerOp ?? null;
  targets.push({
    stretch: false,
    description: "nested-3: crisis-graph ≤ 5 SQL statements per operation",
    status: sql === null ? "missing" : sql <= 5 ? "pass" : "fail",
    measured: sql === null ? "—" : `${formatCount(sql)} SQL/op`,
  });

  for (const shape of ["nested-2", "nested-3", "by-id"]) {
    const value = ratio(rpsOf(grid, OURS, shape), rpsOf(grid, "postgraphile", shape));
    targets.push({
      stretch: false,
      description: `${shape}: crisis-graph ≥ postgraphile (requests/s)`,
      status: atLeast(value, 1),
      measured: formatRatio(value),
    });
  }

  // Stretch: every shape. Reported as the weakest shape, since that decides it.
  const perShape = grid.shapes.map((shape) => ({ shape, value: ratio(rpsOf(grid, OURS, shape), rpsOf(grid, "postgraphile", shape)) }));
  const measuredShapes = perShape.filter((s): s is { shape: string; value: number } => s.value !== null);
  const weakest = measuredShapes.reduce<{ shape: string; value: number } | null>((min, s) => (min && min.value <= s.value ? min : s), null);
  const unmeasured = perShape.length - measuredShapes.length;
  targets.push({
    stretch: true,
    description: "every shape: crisis-graph ≥ postgraphile (requests/s)",
    status: weakest === null ? "missing" : weakest.value < 1 ? "fail" : unmeasured > 0 ? "missing" : "pass",
    measured:
      weakest === null
        ? "—"
        : `lowest ${formatRatio(weakest.value)} (${weakest.shape})` + (unmeasured > 0 ? `; ${unmeasured} shape(s) not measured` : ""),
  });

  for (const shape of NESTED) {
    const value = ratio(rpsOf(grid, OURS, shape), rpsOf(grid, CEILING, shape));
    targets.push({
      stretch: true,
      description: `${shape}: crisis-graph ≥ 0.5 × ${CEILING} (requests/s)`,
      status: atLeast(value, 0.5),
      measured: formatRatio(value),
    });
  }
  targets.splice(targets.findIndex((t) => t.stretch), 0, ...scaleTargets(scale).map((t) => ({ stretch: false, ...t })));
  return targets;
}

const ICON: Record<TargetStatus, string> = { pass: "✅", fail: "❌", missing: "❔" };

// ---------------------------------------------------------------- Markdown

function headerLines(run: BenchRun): string[] {
  const d = run.dataset;
  const counts = [`${en(0).format(d.articles)} articles`];
  if (d.events !== undefined) counts.push(`${en(0).format(d.events)} events`);
  if (d.claims !== undefined) counts.push(`${en(0).format(d.claims)} claims`);
  const m = run.machine;
  const machine = [`${m.cpus} CPUs${m.model ? ` (${m.model})` : ""}`];
  if (m.memoryGb !== undefined) machine.push(`${en(1).format(m.memoryGb)} GB RAM`);
  machine.push(`Node ${m.node}`);
  if (m.os) machine.push(m.os);
  const lines = [
    `- **Dataset:** \`${d.size}\`: ${counts.join(", ")}${d.seed !== undefined ? ` (seed ${d.seed})` : ""}`,
    `- **Machine:** ${machine.join(", ")}`,
  ];
  const versions = Object.entries(run.versions ?? {});
  if (versions.length > 0) lines.push(`- **Versions:** ${versions.map(([name, version]) => `${name} ${version}`).join(", ")}`);
  const when: string[] = [];
  if (run.startedAt) when.push(`started ${run.startedAt}`);
  if (run.durationSeconds !== undefined) when.push(`took ${en(0).format(run.durationSeconds)} s`);
  if (when.length > 0) lines.push(`- **Run:** ${when.join(", ")}`);
  const settings = Object.entries(run.settings ?? {});
  if (settings.length > 0) lines.push(`- **Settings:** ${settings.map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`).join(", ")}`);
  for (const note of run.notes ?? []) lines.push(`- **Note:** ${note}`);
  return lines;
}

export function renderMarkdown(run: BenchRun, chartFile = "latest.svg", scale?: ScaleRun | null): string {
  const grid = gridOf(run);
  const out: string[] = [];
  out.push(`# Crisis Graph benchmark: \`${run.dataset.size}\` dataset`, "", ...headerLines(run), "");
  out.push(`![Requests per second per shape and server](${chartFile})`, "");

  out.push("## Throughput and latency", "");
  out.push(
    "Each cell: requests/s (p50 / p99 latency in ms, SQL statements per operation). Requests/s is the closed-loop peak (higher is better); the latencies are taken at a fixed rate of half that peak.",
    "",
  );
  out.push(table(["Shape", ...grid.servers.map(code)], grid.shapes.map((shape) => [code(shape), ...grid.servers.map((s) => cell(grid.get(s, shape)))])));
  out.push("");

  const compared = grid.servers.filter((s) => s !== CEILING);
  if (grid.servers.includes(CEILING)) {
    out.push(`## Ratio to \`${CEILING}\` (the ceiling)`, "");
    out.push(
      `Requests/s of each server ÷ requests/s of \`${CEILING}\`, the hand-written server that answers each operation with one SQL statement and no GraphQL execution. 1.00× would mean no overhead.`,
      "",
    );
    out.push(
      table(
        ["Shape", `\`${CEILING}\` requests/s`, ...compared.map(code)],
        grid.shapes.map((shape) => {
          const ceiling = rpsOf(grid, CEILING, shape);
          return [code(shape), formatRps(ceiling), ...compared.map((s) => formatRatio(ratio(rpsOf(grid, s, shape), ceiling)))];
        }),
      ),
    );
    out.push("");
  }

  out.push(renderTargets(run, scale), "");

  out.push("## What limits it", "");
  out.push(
    "Server-side cost per request. CPU ms/request is the server process's CPU time ÷ requests; × requests/s it gives the cores the server kept busy, so a single Node process near 1.0 core is CPU-bound, and one well below it waits on PostgreSQL or the network. RSS is the server's peak resident memory while the shape ran.",
    "",
  );
  const withDb = run.results.some((r) => r.dbCpuMsPerReq != null);
  out.push(`Each cell: server CPU ms/request (cores busy)${withDb ? ", PostgreSQL CPU ms/request" : ""}, RSS MB.`, "");
  out.push(
    table(
      ["Shape", ...grid.servers.map(code)],
      grid.shapes.map((shape) => [code(shape), ...grid.servers.map((s) => costCell(grid.get(s, shape), withDb))]),
    ),
  );
  out.push("");
  out.push(WHERE_THE_TIME_GOES, "");

  const notes = run.results.filter((r) => (r.errors ?? 0) > 0 || r.note);
  if (notes.length > 0) {
    out.push("## Notes", "");
    for (const r of notes) {
      const parts: string[] = [];
      if ((r.errors ?? 0) > 0) parts.push(`${en(0).format(r.errors ?? 0)} errors`);
      if (r.note) parts.push(r.note.replace(/\r?\n/g, " "));
      out.push(`- \`${r.server}\` × \`${r.shape}\`: ${parts.join("; ")}`);
    }
    out.push("");
  }
  return out.join("\n");
}

/** The Targets section, from its heading to the blank line after the table. */
export function renderTargets(run: BenchRun, scale?: ScaleRun | null): string {
  const targets = evaluateTargets(run, scale);
  const met = (stretch: boolean) => {
    const group = targets.filter((t) => t.stretch === stretch);
    return `${group.filter((t) => t.status === "pass").length}/${group.length}`;
  };
  const out = ["## Targets", ""];
  out.push(`Met ${met(false)} targets and ${met(true)} stretch targets. ❔ = not measured in this run.`, "");
  if (scale) out.push(`The scale rows come from the scale comparison started ${scale.startedAt} (\`${scale.datasets.map((d) => d.size).join("` → `")}\`; [scale-latest.md](scale-latest.md)), measured apart from the rest of this run.`, "");
  out.push(
    table(
      ["", "Target", "Measured"],
      targets.map((t) => [ICON[t.status], `${t.stretch ? "Stretch: " : ""}${t.description}`, t.measured]),
      [":-:", "---", "---:"],
    ),
  );
  return out.join("\n");
}

/**
 * A report's Markdown with its Targets section recomputed against a scale
 * run (the rest, plans included, unchanged); null when it has no such section.
 */
export function withScaleTargets(markdown: string, run: BenchRun, scale: ScaleRun): string | null {
  const start = markdown.indexOf("\n## Targets\n");
  if (start === -1) return null;
  const end = markdown.indexOf("\n## ", start + 1);
  return `${markdown.slice(0, start + 1)}${renderTargets(run, scale)}\n${end === -1 ? "" : markdown.slice(end)}`;
}

function code(name: string): string {
  return `\`${name}\``;
}

function costCell(result: BenchResult | undefined, withDb: boolean): string {
  if (!result) return "";
  const cpu = result.cpuMsPerReq;
  const cores = cpu !== null && result.rps !== null ? (cpu * result.rps) / 1000 : null;
  const parts = [cpu === null ? "—" : `${formatMs(cpu)} ms${cores === null ? "" : ` (${cores.toFixed(2)} cores)`}`];
  if (withDb) parts.push(result.dbCpuMsPerReq == null ? "db —" : `db ${formatMs(result.dbCpuMsPerReq)} ms`);
  parts.push(result.rssMb === null ? "—" : `${en(0).format(result.rssMb)} MB`);
  return parts.join(", ");
}

// ---------------------------------------------------------------- README

/** The README block: requests/s per shape and server, and links to the full report. */
export function renderReadmeSummary(run: BenchRun, links: { markdown: string; svg: string }): string {
  const grid = gridOf(run);
  const m = run.machine;
  return [
    `Requests/s on the \`${run.dataset.size}\` dataset (${en(0).format(run.dataset.articles)} articles), ${m.cpus} CPUs${m.model ? ` (${m.model})` : ""}, Node ${m.node}${run.startedAt ? `, ${run.startedAt.slice(0, 10)}` : ""}. Higher is better.`,
    "",
    table(["Shape", ...grid.servers.map(code)], grid.shapes.map((shape) => [code(shape), ...grid.servers.map((s) => formatRps(rpsOf(grid, s, shape)))])),
    "",
    `Full report with latency, SQL per operation, targets and CPU cost: [${path.posix.basename(links.markdown)}](${links.markdown}) · chart: [${path.posix.basename(links.svg)}](${links.svg})`,
  ].join("\n");
}

async function updateReadme(run: BenchRun, readmePath: string, resultsDir: string): Promise<NonNullable<ReportFiles["readme"]>> {
  return replaceReadmeBlock(readmePath, README_START, README_END, (relative) =>
    renderReadmeSummary(run, { markdown: relative(path.join(resultsDir, "latest.md")), svg: relative(path.join(resultsDir, "latest.svg")) }),
  );
}

/** Puts the scale comparison's summary between the README's bench-scale markers. */
export async function updateReadmeScale(scale: ScaleRun, readmePath: string, reportPath: string): Promise<NonNullable<ReportFiles["readme"]>> {
  return replaceReadmeBlock(readmePath, README_SCALE_START, README_SCALE_END, (relative) => renderScaleReadme(scale, relative(reportPath)));
}

async function replaceReadmeBlock(
  readmePath: string,
  startMarker: string,
  endMarker: string,
  render: (relative: (file: string) => string) => string,
): Promise<NonNullable<ReportFiles["readme"]>> {
  let text: string;
  try {
    text = await fs.readFile(readmePath, "utf8");
  } catch (error) {
    return { path: readmePath, updated: false, reason: `could not read the README: ${(error as Error).message}` };
  }
  const start = text.indexOf(startMarker);
  const end = start === -1 ? -1 : text.indexOf(endMarker, start + startMarker.length);
  if (start === -1 || end === -1) {
    return { path: readmePath, updated: false, reason: `no ${startMarker} … ${endMarker} markers in ${readmePath}; left it unchanged` };
  }
  // Links relative to the README, with forward slashes so they work on GitHub.
  const relative = (file: string) => path.relative(path.dirname(path.resolve(readmePath)), path.resolve(file)).split(path.sep).join("/");
  const next = `${text.slice(0, start + startMarker.length)}\n${render(relative)}\n${text.slice(end)}`;
  await fs.writeFile(readmePath, next);
  return { path: readmePath, updated: true };
}
