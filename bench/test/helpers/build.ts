// Tests that run the bench's compiled output (dist/) as a child process: the
// smoke runs. Rebuilds the bench when one of its sources is newer. The
// product is a dependency here (crisis-graph, built to its own dist/): build
// it first at the repository root (`npm run build`; CI does).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { productMain } from "../../paths";

export const root = path.resolve(__dirname, "../..");

const SKIP = new Set(["node_modules", "dist", "results", ".data", ".bench-runtime"]);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Rebuilds bench/dist unless `output` (a path under bench/) is newer than every .ts of the bench. */
export function ensureBuilt(output = "dist/run.js"): void {
  productMain(); // throws, saying how, when the product is not built
  const target = path.join(root, output);
  const built = fs.existsSync(target) ? fs.statSync(target).mtimeMs : 0;
  if (built >= newestMtime(root)) return;
  try {
    execFileSync("npx", ["tsc", "-p", "."], { cwd: root, stdio: "pipe" });
  } catch (error) {
    // tsc still writes its output on type errors; the typecheck script reports those.
    if (!fs.existsSync(target)) throw error;
  }
}
