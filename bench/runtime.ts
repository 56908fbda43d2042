// Every server under test runs on one Node version, 22 (PostGraphile 5 needs
// >= 22). The machine may have another, so the harness installs the npm
// package `node` (which carries a Node binary) into a git-ignored folder of
// the project on first use.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const NODE_VERSION = "22.23.3";

export function ensureNodeRuntime(projectRoot: string, log: (message: string) => void): string {
  const dir = path.join(projectRoot, ".bench-runtime");
  const binary = path.join(dir, "node_modules", ".bin", "node");
  if (fs.existsSync(binary) && versionOf(binary) === NODE_VERSION) return binary;

  log(`Installing Node ${NODE_VERSION} for the servers under test into ${dir} (once)`);
  fs.mkdirSync(dir, { recursive: true });
  // npm 11 runs a dependency's install script only when allowScripts names it;
  // the `node` package's preinstall fetches the platform's binary package.
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "crisis-graph-bench-runtime", private: true, allowScripts: { node: true } }, null, 2) + "\n",
  );
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["install", "--prefix", dir, "--no-save", "--no-audit", "--no-fund", `node@${NODE_VERSION}`], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const installed = versionOf(binary);
  if (installed !== NODE_VERSION) throw new Error(`Installing node@${NODE_VERSION} into ${dir} failed (found ${installed ?? "nothing"})`);
  return binary;
}

function versionOf(binary: string): string | null {
  try {
    return execFileSync(binary, ["--version"], { encoding: "utf8" }).trim().replace(/^v/, "");
  } catch {
    return null;
  }
}
