// Feeds files to ingestion one by one: the engine of `npm run ingest`.
import fs from "node:fs";
import path from "node:path";
import { GraphQLError } from "graphql";
import type { PrismaClient } from "../db/prisma";
import { ingestPage, type IngestStatus } from "./ingest.service";

const PAGE_FILE = /\.(txt|html?)$/i;

export interface FileOutcome {
  file: string;
  status: IngestStatus | "FAILED";
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

export async function ingestFiles(
  prisma: PrismaClient,
  files: string[],
  options: { publisher?: string; crisisSlug?: string; onProgress?: (outcome: FileOutcome, index: number, total: number) => void } = {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { created: 0, revised: 0, unchanged: 0, failed: 0, claims: 0, events: 0, outcomes: [] };
  for (const [index, file] of files.entries()) {
    let outcome: FileOutcome;
    try {
      const content = fs.readFileSync(file, "utf8");
      const page = /\.html?$/i.test(file) ? { html: content } : { text: content };
      const result = await ingestPage(prisma, { ...page, publisher: options.publisher, crisisSlug: options.crisisSlug });
      outcome = { file, status: result.status, claims: result.claims, events: result.events };
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
