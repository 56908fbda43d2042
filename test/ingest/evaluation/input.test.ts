// What the evaluation hands the extractor: each page's text or HTML and its
// URL, nothing else from the gold; and how a refusal or a crash is counted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ExtractionError } from "../../../src/ingest/extract-article";
import { extractPage } from "../../../src/ingest/extract-page";
import { main } from "../../../src/ingest/evaluation/cli";
import { evaluateFolder } from "../../../src/ingest/evaluation/run";

jest.mock("../../../src/ingest/extract-page", () => ({ extractPage: jest.fn() }));
const extract = extractPage as jest.MockedFunction<typeof extractPage>;

const claim = { category: "KILLED", group: "ALL", qualifier: "EXACT", low: 5, best: 5, high: 5, claimant: "Unattributed", claimantKind: "UNATTRIBUTED", place: null, status: "current", subgroup: null, sentence: "Five died." };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-input-"));
  fs.mkdirSync(path.join(dir, "pages"));
  const gold = [
    { id: "a", url: "https://www.example.test/a", title: "Gold title", publishedAt: "2031-02-03", outlet: "Gold Outlet", country: "XX", claims: [claim], notClaims: [] },
    { id: "b", url: null, title: "Other", publishedAt: null, claims: [claim], notClaims: [] },
    { id: "c", url: "https://example.test/c", title: "Third", publishedAt: null, claims: [claim], notClaims: [] },
  ];
  fs.writeFileSync(path.join(dir, "gold.json"), JSON.stringify(gold));
  fs.writeFileSync(path.join(dir, "pages", "a.txt"), "Page A text.");
  fs.writeFileSync(path.join(dir, "pages", "b.html"), "<p>Page B</p>");
  fs.writeFileSync(path.join(dir, "pages", "c.txt"), "Page C text.");
  extract.mockReset();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function page(headline: string, publisherName: string | null = null) {
  return {
    article: { headline, publishedAt: new Date("2031-02-03T15:00:00Z"), publisherName, language: "en", url: null, paragraphs: [] },
    body: "",
    claims: [{ category: "KILLED", affectedGroup: "ALL", qualifier: "EXACT", low: 5, best: 5, high: 5, claimant: { name: "Unattributed", kind: "UNATTRIBUTED" }, status: "CURRENT", quote: "Five died.", placeName: null, increment: false }],
    events: [],
  } as unknown as ReturnType<typeof extractPage>;
}

it("gives the extractor only the stored text (or HTML) and the URL", () => {
  extract.mockReturnValue(page("H"));
  evaluateFolder(dir);
  expect(extract.mock.calls.map(([input]) => input)).toEqual([
    { text: "Page A text.", url: "https://www.example.test/a" },
    { html: "<p>Page B</p>", url: undefined },
    { text: "Page C text.", url: "https://example.test/c" },
  ]);
  for (const [input, options] of extract.mock.calls) {
    expect(Object.keys(input).every((key) => ["text", "html", "url"].includes(key))).toBe(true);
    expect(options).toBeUndefined();
  }
});

it("counts an ExtractionError as a refusal with its message, and another error as a refused page with a warning", () => {
  extract
    .mockImplementationOnce(() => page("H", "The Gazette"))
    .mockImplementationOnce(() => {
      throw new ExtractionError("NO_ARTICLE", "No article on this page.");
    })
    .mockImplementationOnce(() => {
      throw new TypeError("cannot read x of undefined");
    });
  const evaluation = evaluateFolder(dir);
  expect(evaluation.runs.map((r) => [r.id, r.refused, r.crashed])).toEqual([
    ["a", null, false],
    ["b", "No article on this page.", false],
    ["c", "extractor failed: cannot read x of undefined", true],
  ]);
  expect(evaluation.runs[0].article).toEqual({ headline: "H", publishedAt: "2031-02-03", publisher: "The Gazette", language: "en" });
  expect(evaluation.total).toMatchObject({ pages: 3, refused: 2, full: 1, gold: 3 });

  extract.mockReset();
  extract
    .mockImplementationOnce(() => page("H"))
    .mockImplementationOnce(() => {
      throw new ExtractionError("NO_ARTICLE", "No article on this page.");
    })
    .mockImplementationOnce(() => {
      throw new TypeError("boom");
    });
  const out: string[] = [];
  const err: string[] = [];
  expect(main([dir], { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) })).toBe(0);
  expect(out.join("")).toMatch(/pages refused\s+2 of 3/);
  expect(err.join("")).toMatch(/the extractor failed on c \(counted as refused\): extractor failed: boom/);
});
