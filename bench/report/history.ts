// The results history: one CSV line per measured row of every run (the 10k
// run's server × shape rows, the scale run's server × shape × size × round
// rows), appended by each run. Committed, compact (a few KB per run), where
// the full JSON/Markdown/SVG of each run go to the git-ignored results/runs/.
import fs from "node:fs";
import path from "node:path";
import type { BenchRun } from "./run-shape";
import type { ScaleRun } from "./scale-report";

export const HISTORY_FILE = "history.csv";
export const HISTORY_COLUMNS = ["startedAt", "run", "size", "round", "server", "shape", "rps", "p50Ms", "p99Ms", "sqlPerOp", "rssMb", "ratioToCeiling", "errors"] as const;
export type HistoryRow = Record<(typeof HISTORY_COLUMNS)[number], string | number | null | undefined>;

/** The runs' folder for the full files of each run: beside history.csv, ignored by git. */
export const RUNS_DIR = "runs";

export function benchHistoryRows(run: BenchRun): HistoryRow[] {
  return run.results.map((r) => ({
    startedAt: run.startedAt,
    run: run.settings?.smoke ? "smoke" : "bench",
    size: run.dataset.size,
    round: 1,
    server: r.server,
    shape: r.shape,
    rps: r.rps,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    sqlPerOp: r.sqlPerOp,
    rssMb: r.rssMb,
    ratioToCeiling: (r as { ratioToCeiling?: number | null }).ratioToCeiling,
    errors: r.errors,
  }));
}

export function scaleHistoryRows(run: ScaleRun): HistoryRow[] {
  return run.results.map((r) => ({
    startedAt: run.startedAt,
    run: run.settings.smoke ? "scale-smoke" : "scale",
    size: r.size,
    round: r.round,
    server: r.server,
    shape: r.shape,
    rps: r.rps,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    sqlPerOp: r.sqlPerOp,
    rssMb: null,
    ratioToCeiling: null,
    errors: r.errors,
  }));
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function historyLines(rows: HistoryRow[]): string {
  return rows.map((row) => HISTORY_COLUMNS.map((column) => cell(row[column])).join(",")).join("\n") + (rows.length ? "\n" : "");
}

/** Appends rows to `dir`/history.csv, writing the header first when the file is new; skips rows of a run already there. */
export function appendHistory(dir: string, rows: HistoryRow[]): string {
  const file = path.join(dir, HISTORY_FILE);
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, HISTORY_COLUMNS.join(",") + "\n");
  const existing = fs.readFileSync(file, "utf8");
  const fresh = rows.filter((row) => !existing.includes(`\n${cell(row.startedAt)},${cell(row.run)},`));
  if (fresh.length) fs.appendFileSync(file, historyLines(fresh));
  return file;
}
