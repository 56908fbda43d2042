// The hostile-page benchmark on small pages: every shape builds a page of
// exactly the size asked, reads through the extraction pool, and lands in the table.
import { extractPage, MAX_PAGE_BYTES } from "crisis-graph/ingest";
import { HOSTILE_SHAPES, hostileCases, hostileMarkdown, pageBytes, runHostileBench } from "../report/hostile-pages";

describe("hostile-page benchmark", () => {
  test("every shape builds a page of exactly the size asked, up to MAX_PAGE_BYTES", () => {
    for (const shape of HOSTILE_SHAPES) {
      for (const bytes of [8 * 1024, MAX_PAGE_BYTES]) expect([shape.name, pageBytes(shape.build(bytes))]).toEqual([shape.name, bytes]);
    }
  });

  test("the small pages are articles: each reads in process", () => {
    for (const shape of HOSTILE_SHAPES) {
      const page = extractPage(shape.build(8 * 1024), { countryName: "Kazakhstan" });
      expect([shape.name, page.body.length > 0]).toEqual([shape.name, true]);
    }
  });

  test("cases: every shape at 2 MB, growth shapes at every growth size", () => {
    const cases = hostileCases({ shapes: ["spaces-line", "nested-html"], growthShapes: ["spaces-line"], growthSizes: [1000, 2000] });
    expect(cases.map((c) => [c.shape.name, c.bytes])).toEqual([
      ["spaces-line", 1000],
      ["spaces-line", 2000],
      ["nested-html", MAX_PAGE_BYTES],
    ]);
  });

  test("runs every shape in a worker and writes the table", async () => {
    const seen: string[] = [];
    const results = await runHostileBench({ sizes: [8 * 1024, 16 * 1024], capMs: 20_000, onResult: (r) => seen.push(r.shape) });
    expect(results).toHaveLength(HOSTILE_SHAPES.length * 2);
    expect(seen).toEqual(results.map((r) => r.shape));
    for (const r of results) {
      expect([r.shape, r.bytes, typeof r.ms, r.outcome]).toEqual([r.shape, r.bytes, "number", expect.stringMatching(/claims/)]);
      // The growth of the larger size is against the smaller one of the same shape.
      if (r.bytes === 16 * 1024) expect(r.growth).toEqual(expect.any(Number));
    }
    const markdown = hostileMarkdown(results);
    expect(markdown).toContain("| shape | size | ms | growth | < 2 s | result |");
    for (const shape of HOSTILE_SHAPES) expect(markdown).toContain(`| ${shape.name} | 16 KB |`);
  }, 120_000);

  test("a case past the cap is reported as stopped, and the next one still runs", async () => {
    const results = await runHostileBench({ shapes: ["short-lines", "spaces-line"], sizes: [MAX_PAGE_BYTES], capMs: 1 });
    expect(results.map((r) => [r.shape, r.ms, r.outcome])).toEqual([
      ["short-lines", null, "stopped at the 0.001 s cap"],
      ["spaces-line", null, "stopped at the 0.001 s cap"],
    ]);
  }, 60_000);
});
