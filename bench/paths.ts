// Where things are. The bench is its own package (bench/package.json) that
// depends on the product through `"crisis-graph": "file:.."`, so the product
// is found the way any dependency is: through node_modules and its "exports".
import fs from "node:fs";
import path from "node:path";

/** This package's root (bench/), whether running from its sources or from dist/. */
export const benchRoot = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === "crisis-graph-bench") return dir;
    if (path.dirname(dir) === dir) throw new Error(`crisis-graph-bench's package.json not found above ${__dirname}`);
  }
})();

/** The product's root (its package.json, README, prisma/ and test/fixtures/). */
export const productRoot = path.dirname(require.resolve("crisis-graph/package.json"));

/** The product's built server (`crisis-graph/main`): build the product first (`npm run build` at its root). */
export function productMain(): string {
  try {
    return require.resolve("crisis-graph/main");
  } catch {
    throw new Error(`The product's server (crisis-graph/main, dist/src/main.js under ${productRoot}) is not built: run \`npm run build\` in ${productRoot}`);
  }
}

/** Where runs are written: the committed latest/scale files, history.csv, and the git-ignored runs/ of every run. */
export const resultsDir = path.join(benchRoot, "results");
