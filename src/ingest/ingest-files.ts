// Feeds files to ingestion one by one: the engine of `npm run ingest`.
//
// What the scraper knew about a page goes in a sidecar beside it: for
// `story.txt` or `story.html`, `story.json` with any of
//   { "url", "publishedAt", "headline", "publisher", "language", "crisisSlug" }
// (strings, checked as ingestArticle checks its input; each wins over what
// the page says). A sidecar that is not such an object fails its page, with
// the reason, and the other files go on.
import fs from "node:fs";
import path from "node:path";
import { GraphQLError } from "graphql";
import type { PrismaClient } from "../db/prisma";
import { checkPageFields, ingestPage, type CheckedPageFields, type IngestStatus, type PageFields } from "./ingest.service";

const PAGE_FILE = /\.(txt|html?)$/i;

/** The fields a sidecar may hold, as in IngestArticleInput. */
export const SIDECAR_FIELDS = ["url", "publishedAt", "headline", "publisher", "language", "crisisSlug"] as const;

export interface FileOutcome {
  file: string;
  status: IngestStatus | "FAILED";
  /** The crisis the article is filed under; null: unassigned (or FAILED). */
  crisisSlug?: string | null;
  claims: number;
  events: number;
  error?: string;
}

export interface IngestSummary {
  created: number;
  revised: number;
  unchanged: number;
  failed: number;
  claims: number;
  events: number;
  outcomes: FileOutcome[];
}

export interface IngestFilesOptions {
  /** For pages that do not name their publisher (--publisher): never relabels one that does. */
  publisher?: string;
  /** The crisis of every page whose sidecar names none (--crisis). */
  crisisSlug?: string;
  /** What the caller knows about the one page being ingested (--url, --published-at, --headline, --language): wins over its sidecar. */
  page?: CheckedPageFields;
  onProgress?: (outcome: FileOutcome, index: number, total: number) => void;
}

/** The page files a path names: the file itself, or a folder's .txt/.html files (recursively), sorted. */
export function pageFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) return pageFiles(full);
      return PAGE_FILE.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** `story.json` beside `story.txt` / `story.html`. */
export function sidecarPath(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.json`);
}

/** The page's sidecar, checked; {} when it has none. Throws an Error naming the sidecar when it is not valid. */
export function readSidecar(file: string): CheckedPageFields {
  const sidecar = sidecarPath(file);
  if (!fs.existsSync(sidecar)) return {};
  const name = path.basename(sidecar);
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(sidecar, "utf8"));
  } catch (error) {
    throw new Error(`${name} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error(`${name} must hold a JSON object with any of ${SIDECAR_FIELDS.join(", ")}`);
  const fields: PageFields = {};
  for (const [key, field] of Object.entries(value)) {
    if (!(SIDECAR_FIELDS as readonly string[]).includes(key)) throw new Error(`${name}: unknown field "${key}" (known: ${SIDECAR_FIELDS.join(", ")})`);
    if (field !== null && typeof field !== "string") throw new Error(`${name}: "${key}" must be a string, got ${JSON.stringify(field).slice(0, 40)}`);
    fields[key as (typeof SIDECAR_FIELDS)[number]] = field;
  }
  try {
    return checkPageFields(fields);
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function ingestFiles(prisma: PrismaClient, files: string[], options: IngestFilesOptions = {}): Promise<IngestSummary> {
  if (options.page && Object.keys(options.page).length && files.length !== 1) {
    throw new Error(`What is given for one page (url, publishedAt, headline, language) needs exactly one file, got ${files.length}`);
  }
  const summary: IngestSummary = { created: 0, revised: 0, unchanged: 0, failed: 0, claims: 0, events: 0, outcomes: [] };
  for (const [index, file] of files.entries()) {
    let outcome: FileOutcome;
    try {
      const fields = { crisisSlug: options.crisisSlug, ...readSidecar(file), ...options.page };
      const content = fs.readFileSync(file, "utf8");
      const page = /\.html?$/i.test(file) ? { html: content } : { text: content };
      const result = await ingestPage(prisma, { ...page, ...fields, fallbackPublisher: options.publisher });
      outcome = { file, status: result.status, crisisSlug: result.crisisSlug, claims: result.claims, events: result.events };
    } catch (error) {
      // One bad page must not stop a folder: report it and go on.
      const message = error instanceof GraphQLError || error instanceof Error ? error.message : String(error);
      outcome = { file, status: "FAILED", claims: 0, events: 0, error: message };
    }
    summary.outcomes.push(outcome);
    if (outcome.status === "CREATED") summary.created++;
    else if (outcome.status === "REVISED") summary.revised++;
    else if (outcome.status === "UNCHANGED") summary.unchanged++;
    else summary.failed++;
    summary.claims += outcome.claims;
    summary.events += outcome.events;
    options.onProgress?.(outcome, index, files.length);
  }
  return summary;
}

// ───────────────────────────── the command line (cli.ts) ─────────────────────────────

const USAGE =
  "Usage: npm run ingest -- <file or folder>… [--publisher NAME] [--crisis SLUG] [--url URL] [--published-at DATE] [--headline TEXT] [--language TAG]";

/** Flags that describe one page, with the PageFields key each sets. */
const ONE_PAGE_FLAGS: Record<string, keyof PageFields> = {
  "--url": "url",
  "--published-at": "publishedAt",
  "--headline": "headline",
  "--language": "language",
};

export interface IngestArguments {
  targets: string[];
  publisher?: string;
  crisisSlug?: string;
  /** From the one-page flags, checked as ingestArticle checks its input. */
  page: CheckedPageFields;
}

/** The command line, checked; an Error with the reason (and the usage) otherwise. */
export function parseArguments(argv: string[]): IngestArguments {
  const options: { targets: string[]; publisher?: string; crisisSlug?: string } = { targets: [] };
  const page: PageFields = {};
  const valueOf = (i: number) => {
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`${argv[i]} needs a value\n${USAGE}`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--publisher") options.publisher = valueOf(i++);
    else if (arg === "--crisis") options.crisisSlug = valueOf(i++);
    else if (arg in ONE_PAGE_FLAGS) page[ONE_PAGE_FLAGS[arg]] = valueOf(i++);
    else if (arg.startsWith("--")) throw new Error(`Unknown option ${arg}\n${USAGE}`);
    else options.targets.push(arg);
  }
  if (options.targets.length === 0) throw new Error(USAGE);
  let checked: CheckedPageFields;
  try {
    checked = checkPageFields({ ...page, publisher: options.publisher, crisisSlug: options.crisisSlug });
  } catch (error) {
    throw new Error(`${error instanceof GraphQLError ? error.message.replace(/"(\w+)"/, (_m, name: string) => `--${kebab(name)}`) : String(error)}`);
  }
  const { publisher, crisisSlug, ...onePage } = checked;
  return { targets: options.targets, publisher, crisisSlug, page: onePage };
}

const kebab = (name: string) => (name === "crisisSlug" ? "crisis" : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/** The files to read; refuses the one-page flags with more than one file. */
export function filesToIngest(args: IngestArguments): string[] {
  const files = args.targets.flatMap(pageFiles);
  if (files.length === 0) throw new Error("No .txt or .html files found");
  const given = Object.entries(ONE_PAGE_FLAGS).filter(([, key]) => args.page[key as keyof CheckedPageFields] !== undefined).map(([flag]) => flag);
  if (given.length && files.length > 1) {
    throw new Error(`${given.join(", ")} describe one page, but ${files.length} files were given: pass one file, or put a sidecar <name>.json beside each page`);
  }
  return files;
}
