// The benchmark's smoke runs execute compiled output (dist/): rebuild it when
// a source under src/ or bench/ is newer. Shared by the smoke tests.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(__dirname, "../..");
const runner = path.join(root, "dist/bench/run.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const built = fs.existsSync(runner) ? fs.statSync(runner).mtimeMs : 0;
  if (built >= Math.max(newestMtime(path.join(root, "src")), newestMtime(path.join(root, "bench")))) return;
  try {
    execFileSync("npx", ["tsc", "-p", "."], { cwd: root, stdio: "pipe" });
  } catch (error) {
    // tsc still writes its output on type errors; the typecheck script reports those.
    if (!fs.existsSync(runner)) throw error;
  }
}
