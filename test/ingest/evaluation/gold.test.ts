// Reading an evaluation folder: a clear error for each way it can be broken.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EvalFolderError, loadEvalFolder, parseGold } from "../../../src/ingest/evaluation/gold";

const CLAIM = { category: "killed", group: "ALL", qualifier: "EXACT", low: 3, best: 3, high: 3, claimant: "Unattributed", claimantKind: "UNATTRIBUTED", place: null, status: "CURRENT", subgroup: null, sentence: "Three people died." };
const PAGE = { id: "made-up-01", url: "https://example.test/a", title: "T", publishedAt: "2031-01-02", claims: [CLAIM], notClaims: [{ text: "40 cars", why: "vehicles" }] };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-gold-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(gold: unknown, pages: Record<string, string> = {}): void {
  if (gold !== undefined) fs.writeFileSync(path.join(dir, "gold.json"), typeof gold === "string" ? gold : JSON.stringify(gold));
  fs.mkdirSync(path.join(dir, "pages"), { recursive: true });
  for (const [name, text] of Object.entries(pages)) fs.writeFileSync(path.join(dir, "pages", name), text);
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EvalFolderError);
    return (error as Error).message;
  }
  throw new Error("expected an EvalFolderError");
}

describe("gold.json", () => {
  it("reads pages, normalising category and status case, and notClaims", () => {
    const [page] = parseGold(JSON.stringify([PAGE]));
    expect(page.claims[0]).toMatchObject({ category: "KILLED", status: "current", best: 3 });
    expect(page.notClaims).toEqual([{ text: "40 cars", why: "vehicles" }]);
    expect(parseGold(JSON.stringify([{ ...PAGE, notClaims: undefined }]))[0].notClaims).toEqual([]);
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["not an array", JSON.stringify({ pages: [] }), /one JSON array/],
    ["a page without id", JSON.stringify([{ ...PAGE, id: undefined }]), /\[0\]\.id must be a non-empty string/],
    ["an id with a folder", JSON.stringify([{ ...PAGE, id: "../x" }]), /\[0\]\.id must be a file name/],
    ["no claims", JSON.stringify([{ ...PAGE, claims: null }]), /\(made-up-01\)\.claims must be an array/],
    ["a best that is text", JSON.stringify([{ ...PAGE, claims: [{ ...CLAIM, best: "3" }] }]), /claims\[0\]\.best must be a number, got "3"/],
    ["an unknown status", JSON.stringify([{ ...PAGE, claims: [{ ...CLAIM, status: "maybe" }] }]), /claims\[0\]\.status must be current, retracted/],
    ["a bad date", JSON.stringify([{ ...PAGE, publishedAt: "2 Jan 2031" }]), /publishedAt must be YYYY-MM-DD or null/],
    ["a page twice", JSON.stringify([PAGE, PAGE]), /lists the page made-up-01 twice/],
  ])("refuses %s", (_, json, message) => {
    expect(errorOf(() => parseGold(json))).toMatch(message);
  });
});

describe("evaluation folder", () => {
  it("reads .txt and .html pages in gold order and lists pages the gold does not know", () => {
    write([PAGE, { ...PAGE, id: "made-up-02" }], { "made-up-01.txt": "text", "made-up-02.html": "<p>html</p>", "stray.txt": "x", "notes.md": "x" });
    const folder = loadEvalFolder(dir);
    expect(folder.pages.map((p) => [p.gold.id, p.format, p.content])).toEqual([
      ["made-up-01", "text", "text"],
      ["made-up-02", "html", "<p>html</p>"],
    ]);
    expect(folder.unlisted).toEqual(["stray.txt"]);
  });

  it("says what is missing", () => {
    expect(errorOf(() => loadEvalFolder(path.join(dir, "nope")))).toMatch(/is not a folder/);
    write(undefined);
    expect(errorOf(() => loadEvalFolder(dir))).toMatch(/gold\.json is missing/);
    write([PAGE]);
    expect(errorOf(() => loadEvalFolder(dir))).toMatch(/neither pages\/made-up-01\.txt nor pages\/made-up-01\.html exists/);
    write([PAGE], { "made-up-01.txt": "a", "made-up-01.html": "b" });
    expect(errorOf(() => loadEvalFolder(dir))).toMatch(/both exist/);
  });
});
