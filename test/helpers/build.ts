// Tests that run compiled output (dist/) as a child process: the CLIs,
// the fault tests' server. Rebuilds when a source is newer.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(__dirname, "../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Rebuilds dist/ unless `output` (a path under the root) is newer than every .ts in `sources`. */
export function ensureBuilt(output = "dist/src/main.js", sources = ["src"]): void {
  const target = path.join(root, output);
  const built = fs.existsSync(target) ? fs.statSync(target).mtimeMs : 0;
  if (built >= Math.max(...sources.map((dir) => newestMtime(path.join(root, dir))))) return;
  try {
    execFileSync("npx", ["tsc", "-p", "."], { cwd: root, stdio: "pipe" });
  } catch (error) {
    // tsc still writes its output on type errors; the typecheck script reports those.
    if (!fs.existsSync(target)) throw error;
  }
}
