// The benchmark's smoke mode (tiny dataset, sub-second measurements), so the
// harness cannot rot: every server answers every shape correctly, and the
// SQL statement counts show what the loaders are for. `npm run bench` runs
// the real thing; it is not part of the suite.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SERVER_NAMES, SHAPE_NAMES, type BenchRun } from "../types";
import { ensureBuilt, root } from "./helpers/build";

const runner = path.join(root, "dist/run.js");

/** Shapes a server cannot be asked, with the reason documented in bench/shapes.ts. */
const NOT_APPLICABLE: Array<{ server: string; shape: string }> = [{ server: "postgraphile", shape: "casualty-summary" }];

describe("benchmark harness (smoke)", () => {
  let run: BenchRun;

  beforeAll(() => {
    const databaseUrl = process.env.CRISIS_GRAPH_BENCH_DATABASE_URL;
    if (!databaseUrl) throw new Error("CRISIS_GRAPH_BENCH_DATABASE_URL is not set (test/global-setup.ts provides it)");
    ensureBuilt();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-bench-smoke-"));
    try {
      execFileSync(process.execPath, [runner, "--smoke", "--database-url", databaseUrl, "--out", out], {
        cwd: root,
        stdio: "pipe",
        timeout: 400_000,
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      // A failed run still writes its results; the assertions below say what failed.
      if (!fs.existsSync(path.join(out, "runs")) || !fs.readdirSync(path.join(out, "runs")).some((name) => name.endsWith(".json"))) {
        throw new Error(`The smoke run failed:\n${stdout?.toString() ?? ""}\n${stderr?.toString() ?? ""}`);
      }
    }
    // The run's own files go to runs/; a smoke run writes no latest.* and no history line.
    const file = fs.readdirSync(path.join(out, "runs")).find((name) => name.endsWith(".json")) as string;
    run = JSON.parse(fs.readFileSync(path.join(out, "runs", file), "utf8"));
    expect(fs.existsSync(path.join(out, "latest.json"))).toBe(false);
    expect(fs.existsSync(path.join(out, "history.csv"))).toBe(false);
    fs.rmSync(out, { recursive: true, force: true });
  }, 420_000);

  const row = (server: string, shape: string) => run.results.find((r) => r.server === server && r.shape === shape);

  it("measures every server on every shape", () => {
    for (const server of SERVER_NAMES) {
      for (const shape of SHAPE_NAMES) {
        const result = row(server, shape);
        expect({ server, shape, found: result !== undefined }).toEqual({ server, shape, found: true });
        if (NOT_APPLICABLE.some((na) => na.server === server && na.shape === shape)) {
          expect(result?.note).toMatch(/^n\/a: /);
        } else {
          expect({ server, shape, rps: (result?.rps ?? 0) > 0, sqlPerOp: result?.sqlPerOp !== null }).toEqual({ server, shape, rps: true, sqlPerOp: true });
        }
      }
    }
  });

  it("gets no error and no wrong-sized answer from any server", () => {
    const failed = run.results.filter((r) => r.errors > 0).map((r) => `${r.server}/${r.shape}: ${r.errors} (${r.note})`);
    expect(failed).toEqual([]);
  });

  it("records the dataset, the machine and the versions", () => {
    expect(run.dataset.size).toBe("smoke");
    expect(run.dataset.articles).toBeGreaterThan(0);
    expect(run.machine.node).toMatch(/^22\./);
    expect(run.versions.postgraphile).toBeDefined();
    expect(run.settings.smoke).toBe(true);
  });

  it("explains the statements crisis-graph sent for every shape", () => {
    const plans = (run as unknown as { plans: { name: string; error?: string; usesIndex: boolean }[] }).plans;
    for (const shape of SHAPE_NAMES) expect({ shape, explained: plans.some((p) => p.name.startsWith(`${shape}: statement 1 of`)) }).toEqual({ shape, explained: true });
    expect(plans.filter((p) => p.error)).toEqual([]);
  });

  it("answers three nested levels in at most 5 SQL statements, fewer than without loaders", () => {
    const ours = row("crisis-graph", "nested-3")?.sqlPerOp as number;
    expect(ours).toBeLessThanOrEqual(5);
    expect(row("no-loaders", "nested-3")?.sqlPerOp).toBeGreaterThan(ours);
    expect(row("one-sql-limit", "nested-3")?.sqlPerOp).toBe(1);
    expect(row("crisis-graph-cached", "nested-3")?.sqlPerOp).toBeLessThan(ours);
  });
});
