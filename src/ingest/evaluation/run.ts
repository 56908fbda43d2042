// Runs the extractor over an evaluation folder as a scraper would feed it:
// each page's stored text (or HTML) and its URL, nothing else from the gold.
import { ExtractionError } from "../extract-article";
import { extractPage } from "../extract-page";
import type { ExtractedClaim, PageInput } from "../types";
import { loadEvalFolder, type EvalFolder, type EvalPage } from "./gold";
import { scorePage, totalScore, type ArticleSummary, type PageExtraction, type PageScore, type TotalScore } from "./score";

export interface PageRun extends PageExtraction {
  claims: ExtractedClaim[];
  /** Set when the extractor failed with something other than an ExtractionError (a bug, not a refusal). */
  crashed: boolean;
}

export interface Evaluation {
  folder: EvalFolder;
  runs: PageRun[];
  scores: PageScore[];
  total: TotalScore;
}

/** The URL's host without "www.", or null. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./i, "") || null;
  } catch {
    return null;
  }
}

function day(date: Date | null): string | null {
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : null;
}

/** Extracts one page from its text and URL only. */
export function runPage(page: EvalPage): PageRun {
  const url = page.gold.url ?? undefined;
  const input: PageInput = page.format === "html" ? { html: page.content, url } : { text: page.content, url };
  try {
    const { article, claims } = extractPage(input);
    const summary: ArticleSummary = {
      headline: article.headline || null,
      publishedAt: day(article.publishedAt),
      publisher: article.publisherName || hostOf(url ?? article.url),
      language: article.language || null,
    };
    return { id: page.gold.id, refused: null, crashed: false, article: summary, claims };
  } catch (error) {
    if (error instanceof ExtractionError) return { id: page.gold.id, refused: error.message, crashed: false, article: null, claims: [] };
    const message = error instanceof Error ? error.message : String(error);
    return { id: page.gold.id, refused: `extractor failed: ${message}`, crashed: true, article: null, claims: [] };
  }
}

export function evaluateFolder(folderPath: string): Evaluation {
  const folder = loadEvalFolder(folderPath);
  const runs = folder.pages.map(runPage);
  const scores = folder.pages.map((page, i) => scorePage(page.gold, runs[i]));
  return { folder, runs, scores, total: totalScore(scores) };
}

/** What --out writes: per page, refused or the article and its claims. */
export interface OutPage {
  id: string;
  refused: string | null;
  article: ArticleSummary | null;
  claims: {
    category: string;
    affectedGroup: string;
    qualifier: string;
    low: number | null;
    best: number;
    high: number | null;
    claimant: { name: string; kind: string };
    status: string;
    quote: string;
  }[];
}

export function outJson(runs: PageRun[]): OutPage[] {
  return runs.map((run) => ({
    id: run.id,
    refused: run.refused,
    article: run.article
      ? { headline: run.article.headline, publishedAt: run.article.publishedAt, publisher: run.article.publisher, language: run.article.language }
      : null,
    claims: run.claims.map((c) => ({
      category: c.category,
      affectedGroup: c.affectedGroup,
      qualifier: c.qualifier,
      low: c.low,
      best: c.best,
      high: c.high,
      claimant: { name: c.claimant.name, kind: c.claimant.kind },
      status: c.status,
      quote: c.quote,
    })),
  }));
}
