// The scale comparison (`npm run bench -- --scale`): its report logic on
// crafted runs, the wire capture of bind parameters it explains statements
// with, and a smoke run end to end (tiny sizes, seconds) so it cannot rot.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { parseArgs, UsageError } from "../args";
import { evaluateTargets, renderMarkdown, withScaleTargets } from "../report/report";
import type { BenchRun } from "../report/run-shape";
import { compareSizes, renderScaleMarkdown, scaleTargets, type ScaleMeasurement, type ScaleRun } from "../report/scale-report";
import { sizeDatabase } from "../scale-database";
import { startSqlCounter, viaProxy, type BindParams } from "../sql-counter";
import { ensureBuilt, root } from "./helpers/build";

function measurement(server: string, shape: string, size: string, round: number, p50Ms: number | null, extra: Partial<ScaleMeasurement> = {}): ScaleMeasurement {
  return { server, shape, size, round, rps: p50Ms === null ? null : 1000, p50Ms, p99Ms: p50Ms === null ? null : p50Ms * 3, offeredRps: 500, sqlPerOp: 1, cpuMsPerReq: 0.5, errors: 0, ...extra };
}

function scaleRun(results: ScaleMeasurement[], sizes = ["1k", "100k"], plans: ScaleRun["plans"] = []): ScaleRun {
  return {
    kind: "scale",
    startedAt: "2026-11-26T10:15:00.000Z",
    durationSeconds: 300,
    machine: { cpus: 2, node: "22.23.3" },
    settings: { rounds: 2 },
    notes: ["shared machine"],
    datasets: sizes.map((size, i) => ({ size, articles: 1000 * 100 ** i, database: `db_${size}`, generatedSeconds: 90, reused: i === 0 })),
    results,
    plans,
  };
}

const plan = (shape: string, seqScans: { table: string; rows: number | null }[], extra: Partial<ScaleRun["plans"][number]> = {}): ScaleRun["plans"][number] => ({
  server: "crisis-graph",
  shape,
  size: "100k",
  name: "statement 1 of 1",
  sql: "SELECT 1",
  params: [],
  plan: "Index Scan …",
  usesIndex: seqScans.length === 0,
  seqScans,
  planningMs: 0.1,
  executionMs: 0.2,
  ...extra,
});

describe("scale report", () => {
  const results = [
    // by-id: best of two rounds 1.0 → 1.5 ms: 1.5×, within 2×.
    measurement("crisis-graph", "by-id", "1k", 1, 1.2),
    measurement("crisis-graph", "by-id", "100k", 1, 1.5),
    measurement("crisis-graph", "by-id", "1k", 2, 1.0),
    measurement("crisis-graph", "by-id", "100k", 2, 9.0),
    // filtered: 2.0 → 5.0 ms: 2.5×, over.
    measurement("crisis-graph", "filtered", "1k", 1, 2.0),
    measurement("crisis-graph", "filtered", "100k", 1, 5.0),
    measurement("postgraphile", "by-id", "1k", 1, 1.0),
    measurement("postgraphile", "by-id", "100k", 1, null, { errors: 3, note: "failed: boom" }),
  ];

  it("compares the best p50 of the rounds, smallest size against largest", () => {
    const [byId, filtered, pgById] = compareSizes(scaleRun(results));
    expect(byId).toMatchObject({ server: "crisis-graph", shape: "by-id", p50Ratio: 1.5, status: "pass", targetSizes: true });
    expect(byId.small).toMatchObject({ size: "1k", p50Ms: 1.0, rounds: [1.2, 1.0] });
    expect(byId.large).toMatchObject({ size: "100k", p50Ms: 1.5, rounds: [1.5, 9.0] });
    expect(filtered).toMatchObject({ p50Ratio: 2.5, status: "fail" });
    // A failed measurement decides nothing.
    expect(pgById).toMatchObject({ p50Ratio: null, status: "missing", errors: 3 });
  });

  it("gives the targets as measured, ❔ without a scale run or at other sizes", () => {
    const plans = [plan("by-id", []), plan("filtered", [{ table: "Publisher", rows: 200 }])];
    const targets = scaleTargets(scaleRun(results, ["1k", "100k"], plans));
    expect(targets.map((t) => [t.status, t.measured])).toEqual([
      ["pass", "1.50× (1 → 1.5 ms)"],
      ["fail", "2.50× (2 → 5 ms)"],
      // A tiny table read whole is not a missing index.
      ["pass", "2 statements, none"],
    ]);
    expect(scaleTargets(undefined).map((t) => t.status)).toEqual(["missing", "missing", "missing"]);
    const otherSizes = scaleTargets(scaleRun(results.map((r) => ({ ...r, size: r.size === "1k" ? "smoke" : "1k" })), ["smoke", "1k"]));
    expect(otherSizes[0]).toMatchObject({ status: "missing", measured: "1.50× (1 → 1.5 ms, smoke → 1k)" });

    const seqScan = scaleTargets(scaleRun(results, ["1k", "100k"], [plan("filtered", [{ table: "Article", rows: 100000 }])]));
    expect(seqScan[2]).toMatchObject({ status: "fail", measured: "filtered: seq scan on Article" });
  });

  it("renders the comparison, the targets and every plan", () => {
    const run = scaleRun(results, ["1k", "100k"], [plan("by-id", [], { sql: "SELECT * FROM \"Article\" WHERE id = $1", params: ["abc"] })]);
    const markdown = renderScaleMarkdown(run);
    expect(markdown).toContain("# Crisis Graph scale comparison: `1k` → `100k`");
    expect(markdown).toContain("| ✅ | `crisis-graph` | `by-id` | 500 | 1 | 1.5 | 1.50× | 3 → 4.5 | 1.50× | 1,000 → 1,000 | 1k: 1.2, 1; 100k: 1.5, 9 |");
    expect(markdown).toContain("| ❌ | `crisis-graph` | `filtered` |");
    expect(markdown).toContain("`postgraphile` × `by-id` at `100k`, round 1: 3 errors; failed: boom");
    expect(markdown).toContain("### `crisis-graph` × `by-id`: statement 1 of 1");
    expect(markdown).toContain('["abc"]');
    expect(markdown).toContain("- **Note:** shared machine");
  });

  it("adds the scale rows to the main report's targets, and refreshes only that section", () => {
    const main: BenchRun = { dataset: { size: "10k", articles: 10000 }, machine: { cpus: 2, node: "22" }, results: [] };
    const without = evaluateTargets(main).filter((t) => t.description.includes("(scale run)"));
    expect(without.map((t) => t.status)).toEqual(["missing", "missing", "missing"]);
    expect(without.every((t) => !t.stretch)).toBe(true);

    const markdown = `${renderMarkdown(main)}\n## Query plans of the hot statements\n\nplans\n`;
    expect(markdown).toContain("| ❔ | by-id: crisis-graph p50 at 100k ≤ 2 × p50 at 1k (scale run) | — |");
    const scale = scaleRun(results, ["1k", "100k"], [plan("by-id", [])]);
    const refreshed = withScaleTargets(markdown, main, scale) as string;
    expect(refreshed).toContain("| ✅ | by-id: crisis-graph p50 at 100k ≤ 2 × p50 at 1k (scale run) | 1.50× (1 → 1.5 ms) |");
    expect(refreshed).toContain("scale comparison started 2026-11-26T10:15:00.000Z");
    // Everything outside the Targets section is as it was.
    const outside = (text: string) => text.replace(/\n## Targets\n[\s\S]*?\n(?=## )/, "");
    expect(outside(refreshed)).toBe(outside(markdown));
    expect(refreshed.endsWith("## Query plans of the hot statements\n\nplans\n")).toBe(true);
    expect(withScaleTargets("# no targets here\n", main, scale)).toBeNull();
  });
});

describe("scale options", () => {
  it("defaults to the issue's shapes and sizes, and refuses what does not apply", () => {
    const options = parseArgs(["--scale"], {});
    expect(options).toMatchObject({ scale: true, sizes: ["1k", "100k"], rounds: 2, servers: ["crisis-graph", "postgraphile"], shapes: ["by-id", "filtered"], dropDatabases: false });
    expect(parseArgs(["--scale", "--smoke"], {})).toMatchObject({ sizes: ["smoke", "1k"], rounds: 1 });
    // Sizes come out smallest first, whatever the order given.
    expect(parseArgs(["--scale", "--sizes", "100k,10k"], {}).sizes).toEqual(["10k", "100k"]);
    expect(() => parseArgs(["--scale", "--sizes", "1k"], {})).toThrow(UsageError);
    expect(() => parseArgs(["--scale", "--size", "1k"], {})).toThrow(UsageError);
    expect(() => parseArgs(["--rounds", "3"], {})).toThrow(/only applies with --scale/);
    expect(parseArgs([], {}).servers).toHaveLength(5);
  });

  it("names each size's database after the one given", () => {
    expect(sizeDatabase("postgresql://u:p@h:5432/bench?sslmode=disable", "100k")).toEqual({
      name: "bench_100k",
      url: "postgresql://u:p@h:5432/bench_100k?sslmode=disable",
    });
  });
});

describe("SQL counter: bind parameters", () => {
  it("captures each statement with its parameters as text, as the server sent them", async () => {
    const databaseUrl = process.env.CRISIS_GRAPH_BENCH_DATABASE_URL as string;
    const target = new URL(databaseUrl);
    const counter = await startSqlCounter({ host: target.hostname, port: Number(target.port || 5432) });
    const seen: { sql: string; params: BindParams }[] = [];
    counter.onStatement = (sql, params) => seen.push({ sql, params });
    const client = new pg.Client({ connectionString: viaProxy(databaseUrl, counter.port) });
    try {
      await client.connect();
      await client.query("SELECT $1::int + $2::int AS n, $3::text IS NULL AS none", [2, 3, null]);
      await client.query("SELECT 1");
      // node-postgres sends a Buffer in binary: not something EXPLAIN can be handed back as text.
      await client.query("SELECT length($1::bytea) AS n", [Buffer.from([1, 2, 3])]);
    } finally {
      await client.end();
      await counter.close();
    }
    expect(seen).toEqual([
      { sql: "SELECT $1::int + $2::int AS n, $3::text IS NULL AS none", params: ["2", "3", null] },
      { sql: "SELECT 1", params: null },
      { sql: "SELECT length($1::bytea) AS n", params: null },
    ]);
  });
});

describe("scale comparison (smoke)", () => {
  let run: ScaleRun;
  const databaseUrl = process.env.CRISIS_GRAPH_BENCH_DATABASE_URL as string;

  beforeAll(() => {
    ensureBuilt();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-scale-smoke-"));
    try {
      execFileSync(
        process.execPath,
        [path.join(root, "dist/run.js"), "--scale", "--smoke", "--servers", "crisis-graph", "--database-url", databaseUrl, "--out", out, "--drop-databases"],
        { cwd: root, stdio: "pipe", timeout: 110_000 },
      );
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      if (!fs.existsSync(path.join(out, "runs")) || !fs.readdirSync(path.join(out, "runs")).some((name) => name.endsWith(".json"))) throw new Error(`The scale smoke run failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
    }
    // A smoke run never replaces the published results, nor adds to the history; its files go to runs/.
    expect(fs.readdirSync(out)).toEqual(["runs"]);
    const files = fs.readdirSync(path.join(out, "runs"));
    run = JSON.parse(fs.readFileSync(path.join(out, "runs", files.find((name) => name.endsWith(".json")) as string), "utf8"));
    expect(fs.readFileSync(path.join(out, "runs", files.find((name) => name.endsWith(".md")) as string), "utf8")).toContain("## Query plans at `1k`");
    fs.rmSync(out, { recursive: true, force: true });
  }, 120_000);

  it("measures both shapes on both sizes without an error", () => {
    expect(run.datasets.map((d) => d.size)).toEqual(["smoke", "1k"]);
    expect(run.results.filter((r) => r.errors > 0)).toEqual([]);
    for (const shape of ["by-id", "filtered"]) {
      for (const size of ["smoke", "1k"]) {
        const r = run.results.find((x) => x.shape === shape && x.size === size);
        expect({ shape, size, p50: (r?.p50Ms ?? 0) > 0 }).toEqual({ shape, size, p50: true });
      }
      // Both sizes were offered the same load.
      const offered = new Set(run.results.filter((r) => r.shape === shape).map((r) => r.offeredRps));
      expect(offered.size).toBe(1);
    }
    expect(compareSizes(run).every((c) => c.p50Ratio !== null && c.p50Ratio > 0)).toBe(true);
  });

  it("explains the statements the server sent at the largest size, with their parameters", () => {
    const byId = run.plans.filter((p) => p.shape === "by-id");
    expect(byId.length).toBeGreaterThanOrEqual(1);
    expect(run.plans.filter((p) => p.error)).toEqual([]);
    for (const p of run.plans) {
      expect(p.size).toBe("1k");
      expect(p.plan).toContain("Execution Time");
    }
    // by-id looks up the sample article: its id went over the wire as a parameter.
    expect(JSON.stringify(byId.map((p) => p.params))).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(byId.some((p) => p.usesIndex)).toBe(true);
  });

  it("drops the per-size databases it was told to", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const names = run.datasets.map((d) => d.database);
      expect(names).toEqual([sizeDatabase(databaseUrl, "smoke").name, sizeDatabase(databaseUrl, "1k").name]);
      const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname = ANY($1)", [names]);
      expect(rows).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
