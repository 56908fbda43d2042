// An evaluation folder: pages/<id>.txt (or .html) and gold.json, one entry per
// page with its URL and the claims a careful reader takes from it (the format
// of the eval corpus' README). Read and checked here, so a broken folder fails
// with the field at fault instead of a score of zero.
import fs from "node:fs";
import path from "node:path";

export interface GoldClaim {
  category: string;
  group: string;
  qualifier: string;
  low: number | null;
  best: number;
  high: number | null;
  claimant: string;
  claimantKind: string | null;
  place: string | null;
  /** current, retracted, superseded or disputed. */
  status: string;
  subgroup: string | null;
  sentence: string | null;
  note?: string;
}

export interface GoldNotClaim {
  text: string;
  why: string | null;
}

export interface GoldPage {
  id: string;
  url: string | null;
  title: string | null;
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  claims: GoldClaim[];
  notClaims: GoldNotClaim[];
}

export interface EvalPage {
  gold: GoldPage;
  file: string;
  /** The page as stored: plain text (.txt) or HTML (.html). */
  format: "text" | "html";
  content: string;
}

export interface EvalFolder {
  folder: string;
  pages: EvalPage[];
  /** Page files that gold.json does not list (not evaluated). */
  unlisted: string[];
}

export class EvalFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvalFolderError";
  }
}

const STATUSES = ["current", "retracted", "superseded", "disputed"];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class Checker {
  constructor(private readonly where: string) {}

  fail(field: string, expected: string, value: unknown): never {
    throw new EvalFolderError(`gold.json: ${this.where}${field ? `.${field}` : ""} must be ${expected}, got ${JSON.stringify(value) ?? "nothing"}`);
  }

  string(object: Json, field: string): string {
    const value = object[field];
    if (typeof value !== "string" || value.trim() === "") this.fail(field, "a non-empty string", value);
    return value;
  }

  optionalString(object: Json, field: string): string | null {
    const value = object[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== "string") this.fail(field, "a string or null", value);
    return value;
  }

  number(object: Json, field: string): number {
    const value = object[field];
    if (typeof value !== "number" || !Number.isFinite(value)) this.fail(field, "a number", value);
    return value;
  }

  optionalNumber(object: Json, field: string): number | null {
    const value = object[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== "number" || !Number.isFinite(value)) this.fail(field, "a number or null", value);
    return value;
  }
}

function parseClaim(value: unknown, where: string): GoldClaim {
  // Explicitly typed, so that TypeScript narrows on fail()'s never.
  const check: Checker = new Checker(where);
  if (!isObject(value)) check.fail("", "an object", value);
  const status = check.string(value, "status").toLowerCase();
  if (!STATUSES.includes(status)) check.fail("status", STATUSES.join(", ") + " or the same in capitals", value.status);
  const note = check.optionalString(value, "note");
  return {
    category: check.string(value, "category").toUpperCase(),
    group: check.string(value, "group").toUpperCase(),
    qualifier: check.string(value, "qualifier").toUpperCase(),
    low: check.optionalNumber(value, "low"),
    best: check.number(value, "best"),
    high: check.optionalNumber(value, "high"),
    claimant: check.optionalString(value, "claimant") ?? "",
    claimantKind: check.optionalString(value, "claimantKind"),
    place: check.optionalString(value, "place"),
    status,
    subgroup: check.optionalString(value, "subgroup"),
    sentence: check.optionalString(value, "sentence"),
    ...(note === null ? {} : { note }),
  };
}

function parsePage(value: unknown, index: number): GoldPage {
  const at: Checker = new Checker(`[${index}]`);
  if (!isObject(value)) at.fail("", "an object", value);
  const id = at.string(value, "id");
  if (!/^[\w.-]+$/.test(id) || id.startsWith(".")) at.fail("id", "a file name without a folder", id);
  const check: Checker = new Checker(`[${index}] (${id})`);
  const publishedAt = check.optionalString(value, "publishedAt");
  if (publishedAt !== null && !/^\d{4}-\d{2}-\d{2}$/.test(publishedAt)) check.fail("publishedAt", "YYYY-MM-DD or null", publishedAt);
  if (!Array.isArray(value.claims)) check.fail("claims", "an array", value.claims);
  const notClaims = value.notClaims ?? [];
  if (!Array.isArray(notClaims)) check.fail("notClaims", "an array", value.notClaims);
  return {
    id,
    url: check.optionalString(value, "url"),
    title: check.optionalString(value, "title"),
    publishedAt,
    claims: value.claims.map((claim: unknown, i: number) => parseClaim(claim, `[${index}] (${id}).claims[${i}]`)),
    notClaims: notClaims.map((entry: unknown, i: number) => {
      const entryCheck: Checker = new Checker(`[${index}] (${id}).notClaims[${i}]`);
      if (!isObject(entry)) entryCheck.fail("", "an object", entry);
      return { text: entryCheck.string(entry, "text"), why: entryCheck.optionalString(entry, "why") };
    }),
  };
}

/** gold.json's pages, checked; throws EvalFolderError naming the first field at fault. */
export function parseGold(json: string): GoldPage[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new EvalFolderError(`gold.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(value)) throw new EvalFolderError("gold.json must be one JSON array with an object per page");
  const pages = value.map(parsePage);
  const seen = new Set<string>();
  for (const page of pages) {
    if (seen.has(page.id)) throw new EvalFolderError(`gold.json lists the page ${page.id} twice`);
    seen.add(page.id);
  }
  return pages;
}

/** The folder's pages in gold.json's order, each with its stored text. */
export function loadEvalFolder(folder: string): EvalFolder {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new EvalFolderError(`${folder} is not a folder`);
  const goldFile = path.join(folder, "gold.json");
  if (!fs.existsSync(goldFile)) throw new EvalFolderError(`${goldFile} is missing: an evaluation folder holds pages/ and gold.json`);
  const gold = parseGold(fs.readFileSync(goldFile, "utf8"));
  const pagesDir = path.join(folder, "pages");
  if (!fs.existsSync(pagesDir) || !fs.statSync(pagesDir).isDirectory()) throw new EvalFolderError(`${pagesDir} is missing: an evaluation folder holds pages/ and gold.json`);
  const files = new Set(fs.readdirSync(pagesDir));
  const pages = gold.map((page): EvalPage => {
    const candidates = [`${page.id}.txt`, `${page.id}.html`].filter((name) => files.has(name));
    if (candidates.length === 0) throw new EvalFolderError(`gold.json lists ${page.id}, but neither pages/${page.id}.txt nor pages/${page.id}.html exists`);
    if (candidates.length > 1) throw new EvalFolderError(`pages/${page.id}.txt and pages/${page.id}.html both exist: keep one`);
    const file = path.join(pagesDir, candidates[0]);
    return { gold: page, file, format: file.endsWith(".html") ? "html" : "text", content: fs.readFileSync(file, "utf8") };
  });
  const listed = new Set(pages.map((page) => path.basename(page.file)));
  const unlisted = [...files].filter((name) => /\.(?:txt|html)$/.test(name) && !listed.has(name)).sort();
  return { folder, pages, unlisted };
}
