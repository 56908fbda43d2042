// The pages the ingestion benches feed ingestPage: the test fixtures, each
// copy made distinct by a line (bench:startup, bench/ingest-profile.ts).
import fs from "node:fs";
import path from "node:path";
import type { PageInput } from "crisis-graph/ingest";
import { productRoot } from "./paths";

export function fixturePages(): PageInput[] {
  const dir = path.join(productRoot, "test/fixtures");
  const files = [
    ...fs.readdirSync(dir).filter((n) => n.endsWith(".txt")).map((n) => path.join(dir, n)),
    ...fs.readdirSync(path.join(dir, "pages")).filter((n) => /\.(txt|html)$/.test(n)).map((n) => path.join(dir, "pages", n)),
  ].sort();
  return files.map((file) => {
    const content = fs.readFileSync(file, "utf8");
    return file.endsWith(".html") ? { html: content } : { text: content };
  });
}

/** A page made distinct (another content hash, another URL) without changing what it says. */
export function variant(page: PageInput, n: number): PageInput {
  const mark = `\n\nBench copy ${n}.\n`;
  return page.html !== undefined ? { html: page.html.replace(/<\/body>/i, `<p>Bench copy ${n}.</p></body>`) } : { text: `${page.text}${mark}` };
}
