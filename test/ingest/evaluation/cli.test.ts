// The eval:extraction command end to end, with the real extractor, on an
// invented folder: the report, --verbose, --out's JSON shape, the gates and
// the exit codes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main, parseArguments } from "../../../src/ingest/evaluation/cli";

const NORTHVALE = [
  "Clashes in Northvale leave 14 dead",
  "",
  "At least 14 people were killed in clashes in the northern city of Northvale on Tuesday, the Interior Ministry said.",
  "",
  "The ministry said 230 protesters were detained overnight. Some 3,000 troops were deployed to the city.",
].join("\n");

const RIVERTON = `<html><head><title>Flood toll rises in Riverton</title></head><body><article>
<h1>Flood toll rises in Riverton</h1>
<p>At least 9 people died in floods in Riverton, the Health Ministry said on Monday. Rescue teams searched for 4 people who remain missing.</p>
</article></body></html>`;

function claim(category: string, group: string, best: number, claimant: string, extra: Record<string, unknown> = {}) {
  return { category, group, qualifier: "EXACT", low: best, best, high: best, claimant, claimantKind: "GOVERNMENT", place: null, status: "current", subgroup: null, sentence: null, ...extra };
}

const GOLD = [
  {
    id: "northvale-01",
    url: "https://www.example-news.test/world/northvale-clashes-2031-05-06",
    // Not in the text: the extractor must not be given it.
    title: "Gold-only title the page never prints",
    publishedAt: "2031-05-06",
    claims: [
      claim("KILLED", "ALL", 14, "Ministry of Internal Affairs of Westland", { qualifier: "AT_LEAST", high: null }),
      claim("DETAINED", "PROTESTERS", 230, "MVD"),
      // A figure the page does not give: always missed, so recall stays below 1.
      claim("INJURED", "ALL", 55, "Interior Ministry"),
    ],
    notClaims: [{ text: "3,000 troops", why: "deployment" }],
  },
  {
    id: "riverton-02",
    url: "https://news.example.test/riverton-floods",
    title: "Flood toll rises in Riverton",
    publishedAt: null,
    claims: [claim("KILLED", "ALL", 9, "Ministry of Health", { qualifier: "AT_LEAST", high: null }), claim("MISSING", "ALL", 4, "Unattributed")],
    notClaims: [],
  },
  { id: "blank-03", url: "https://example.test/blank", title: "Blank", publishedAt: "2031-01-01", claims: [claim("KILLED", "ALL", 2, "Unattributed")], notClaims: [] },
];

let dir: string;
let out: string[];
let err: string[];
const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-cli-"));
  fs.mkdirSync(path.join(dir, "pages"));
  fs.writeFileSync(path.join(dir, "gold.json"), JSON.stringify(GOLD, null, 2));
  fs.writeFileSync(path.join(dir, "pages", "northvale-01.txt"), NORTHVALE);
  fs.writeFileSync(path.join(dir, "pages", "riverton-02.html"), RIVERTON);
  fs.writeFileSync(path.join(dir, "pages", "blank-03.txt"), "   \n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  out = [];
  err = [];
});

describe("npm run eval:extraction", () => {
  it("prints per-page rows, totals, field and article accuracy, and counts the refused page", () => {
    expect(main([dir], io)).toBe(0);
    const text = out.join("");
    expect(text).toMatch(/3 pages, 6 gold claims/);
    expect(text).toMatch(/^northvale-01\s+3\s+\d+\s+\d+/m);
    expect(text).toMatch(/^blank-03\s+1\s+-\s+-\s+REFUSED: The page text is empty\./m);
    for (const label of ["full match", "relaxed (claimant ignored)", "figure only (category + best)"]) {
      expect(text).toMatch(new RegExp(`^  ${label.replace(/[()+]/g, "\\$&")}\\s+recall\\s+\\d+/6 .* precision\\s+\\d+/\\d+`, "m"));
    }
    expect(text).toMatch(/^ {2}pages refused\s+1 of 3$/m);
    expect(text).toMatch(/^ {2}non-claims taken\s+\d+$/m);
    for (const label of ["qualifier", "low/high", "status", "place", "status, non-current gold", "headline present", "publishedAt = gold"]) {
      expect(text).toMatch(new RegExp(`^  ${label}\\s+\\d+/\\d+`, "m"));
    }
    // The gold's last claim is never in the page, and the blank page's claim is lost with it.
    const full = /full match\s+recall\s+(\d+)\/6/.exec(text);
    expect(Number(full![1])).toBeLessThanOrEqual(4);
    expect(Number(full![1])).toBeGreaterThanOrEqual(1);
    expect(err.join("")).toBe("");
  });

  it("with --verbose lists what each page missed and took, with the quote", () => {
    expect(main([dir, "--verbose"], io)).toBe(0);
    const text = out.join("");
    expect(text).toMatch(/missed {2}INJURED\s+ALL\s+55 {2}Interior Ministry/);
    expect(text).toMatch(/missed {2}KILLED\s+ALL\s+2 {2}Unattributed/);
    expect(text).toMatch(/^ {12}"At least 14 people|^ {4}(?:missed|extra) .*\n {12}"/m);
  });

  it("--out writes what was extracted, in the documented shape, from the text and URL only", () => {
    const file = path.join(dir, "out", "extracted.json");
    expect(main([dir, "--out", file], io)).toBe(0);
    const written = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(written.map((p: { id: string }) => p.id)).toEqual(["northvale-01", "riverton-02", "blank-03"]);
    const [northvale, riverton, blank] = written;
    expect(Object.keys(northvale)).toEqual(["id", "refused", "article", "claims"]);
    expect(northvale.refused).toBeNull();
    expect(Object.keys(northvale.article)).toEqual(["headline", "publishedAt", "publisher", "language"]);
    expect(northvale.article.headline).not.toBe(GOLD[0].title);
    expect(northvale.article.publishedAt === null || /^\d{4}-\d{2}-\d{2}$/.test(northvale.article.publishedAt)).toBe(true);
    // No publisher on the page: the URL's host without www.
    expect(northvale.article.publisher).toBe("example-news.test");
    expect(riverton.article.publisher).toBe("news.example.test");
    expect(northvale.claims.length).toBeGreaterThan(0);
    for (const c of [...northvale.claims, ...riverton.claims]) {
      expect(Object.keys(c)).toEqual(["category", "affectedGroup", "qualifier", "low", "best", "high", "claimant", "status", "quote"]);
      expect(Object.keys(c.claimant)).toEqual(["name", "kind"]);
      expect(typeof c.best).toBe("number");
      expect(["CURRENT", "RETRACTED", "SUPERSEDED", "DISPUTED"]).toContain(c.status);
    }
    expect(northvale.claims).toContainEqual(expect.objectContaining({ category: "KILLED", best: 14, quote: expect.stringContaining("At least 14 people were killed") }));
    expect(riverton.claims).toContainEqual(expect.objectContaining({ category: "KILLED", best: 9 }));
    expect(blank).toEqual({ id: "blank-03", refused: "The page text is empty.", article: null, claims: [] });
  });

  it("exits 1 below --min-recall or --min-precision and 0 at or above them", () => {
    expect(main([dir, "--min-recall", "1"], io)).toBe(1);
    expect(err.join("")).toMatch(/recall 0\.\d+ is below --min-recall 1/);
    err = [];
    expect(main([dir, "--min-recall", "0", "--min-precision", "0"], io)).toBe(0);
    expect(err.join("")).toBe("");
    // A gold that lists none of the page's claims: everything extracted is wrong.
    const noGold = fs.mkdtempSync(path.join(os.tmpdir(), "eval-nogold-"));
    try {
      fs.mkdirSync(path.join(noGold, "pages"));
      fs.writeFileSync(path.join(noGold, "pages", "northvale-01.txt"), NORTHVALE);
      fs.writeFileSync(path.join(noGold, "gold.json"), JSON.stringify([{ ...GOLD[0], claims: [] }]));
      err = [];
      expect(main([noGold, "--min-precision", "0.5"], io)).toBe(1);
      expect(err.join("")).toMatch(/precision 0\.000 is below --min-precision 0\.5/);
      expect(main([noGold, "--min-recall", "1"], io)).toBe(0);
    } finally {
      fs.rmSync(noGold, { recursive: true, force: true });
    }
  });

  it("exits 2 with a clear message for bad arguments or a broken folder", () => {
    expect(main([], io)).toBe(2);
    expect(err.join("")).toMatch(/Usage: npm run eval:extraction/);
    expect(main([dir, "--min-recall", "60"], io)).toBe(2);
    expect(main([dir, "--bogus"], io)).toBe(2);
    err = [];
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "eval-empty-"));
    try {
      expect(main([empty], io)).toBe(2);
      expect(err.join("")).toMatch(/gold\.json is missing/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it("parses its flags", () => {
    expect(parseArguments(["f", "--out", "o.json", "--verbose", "--min-recall", "0.5", "--min-precision", "0.25"])).toEqual({
      folder: "f",
      out: "o.json",
      verbose: true,
      minRecall: 0.5,
      minPrecision: 0.25,
    });
    expect(() => parseArguments(["a", "b"])).toThrow(/One folder only/);
    expect(() => parseArguments(["a", "--out"])).toThrow(/--out takes a file name/);
  });
});
