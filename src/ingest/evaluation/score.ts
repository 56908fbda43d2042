// Scoring extracted claims against gold, by the eval corpus' README: per page,
// extracted and gold claims are matched one to one on category (WOUNDED and
// INJURED interchangeable), group, best figure and claimant equivalence
// (claimants.ts). Among equally good pairs the place breaks ties, then the
// sentence; the matching is a maximum one (Hungarian algorithm on weights
// that put the number of pairs first), so a greedy early choice never costs
// a pair. Pure: no files, no extractor.
import type { ExtractedClaim } from "../types";
import { findNumbers } from "../numbers";
import { claimantMatches, normalizeName, pageAffiliations, splitCountries } from "./claimants";
import type { GoldClaim, GoldPage } from "./gold";

/** The fields of an extracted claim that scoring reads. */
export type ScoredClaim = Pick<ExtractedClaim, "category" | "affectedGroup" | "qualifier" | "low" | "best" | "high" | "claimant" | "status" | "quote"> &
  Partial<Pick<ExtractedClaim, "placeName" | "increment" | "subgroup">>;

export interface ArticleSummary {
  headline: string | null;
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  publisher: string | null;
  language: string | null;
}

/** What the extractor made of one page. */
export interface PageExtraction {
  id: string;
  /** Why the extractor refused the page, or null. */
  refused: string | null;
  article: ArticleSummary | null;
  claims: ScoredClaim[];
}

export type MatchMode = "full" | "relaxed" | "figure";

export interface Ratio {
  right: number;
  total: number;
}

export interface FieldAccuracy {
  qualifier: Ratio;
  lowHigh: Ratio;
  status: Ratio;
  place: Ratio;
  /** Status on matched gold claims whose status is not current. */
  nonCurrentStatus: Ratio;
}

export interface UnmatchedExtracted {
  claim: ScoredClaim;
  /** Its best figure is a number of the page's notClaims. */
  nonClaim: boolean;
}

export interface UnmatchedGold {
  claim: GoldClaim;
  /** Extracted claims with the same best figure, and what differs ("group CIVILIANS", "claimant Police"). */
  near: string[];
}

export interface PageScore {
  id: string;
  refused: string | null;
  gold: number;
  extracted: number;
  /** Matches on category, group, best and claimant: [extracted index, gold index]. */
  pairs: [number, number][];
  relaxed: number;
  figure: number;
  nonClaimsTaken: number;
  /** Gold claims whose status is not current (all, matched or not). */
  nonCurrentGold: number;
  fields: FieldAccuracy;
  unmatchedGold: UnmatchedGold[];
  unmatchedExtracted: UnmatchedExtracted[];
  headlinePresent: boolean;
  /** null when the gold has no publication date. */
  publishedAtRight: boolean | null;
}

export interface TotalScore {
  pages: number;
  refused: number;
  gold: number;
  extracted: number;
  full: number;
  relaxed: number;
  figure: number;
  nonClaimsTaken: number;
  nonCurrentGold: number;
  fields: FieldAccuracy;
  headlinePresent: Ratio;
  publishedAt: Ratio;
}

// ───────────────────────── fields ─────────────────────────

export function categoriesMatch(extracted: string, gold: string): boolean {
  const fold = (category: string) => (category === "WOUNDED" ? "INJURED" : category);
  return fold(extracted.toUpperCase()) === fold(gold.toUpperCase());
}

const PLACE_NOISE = new Set(["city", "town", "village", "district", "province", "county", "region", "oblast", "governorate", "state", "area", "areas"]);

/** A place's names: the whole and each parenthesis ("Khartoum North (Khartoum Bahri)"); countries as their code. */
function placeKeys(place: string): string[] {
  const names = [place, place.replace(/\([^()]*\)/g, " "), ...[...place.matchAll(/\(([^()]*)\)/g)].map((m) => m[1])];
  return [
    ...new Set(
      names.map((name) => {
        const { countries, words } = splitCountries(normalizeName(name));
        return [...countries, ...words.filter((w) => !PLACE_NOISE.has(w) && w !== "in" && w !== "of")].sort().join(" ");
      }),
    ),
  ].filter(Boolean);
}

/** Both absent, or the same place after normalising (case, punctuation, "town"/"district" words, country names). */
export function placesMatch(extracted: string | null | undefined, gold: string | null | undefined): boolean {
  const a = extracted?.trim() ? extracted : null;
  const b = gold?.trim() ? gold : null;
  if (a === null || b === null) return a === b;
  const keys = placeKeys(b);
  return placeKeys(a).some((key) => keys.includes(key));
}

function qualifierRight(extracted: ScoredClaim, gold: GoldClaim): boolean {
  // The extractor marks "N more" with its increment flag; the gold writes it as the qualifier INCREMENT.
  if (gold.qualifier === "INCREMENT") return extracted.increment === true;
  return extracted.qualifier === gold.qualifier;
}

function lowHighRight(extracted: ScoredClaim, gold: GoldClaim): boolean {
  return (extracted.low ?? null) === gold.low && (extracted.high ?? null) === gold.high;
}

function statusRight(extracted: ScoredClaim, gold: GoldClaim): boolean {
  return (extracted.status ?? "CURRENT").toLowerCase() === gold.status;
}

function sentenceAgrees(quote: string, sentence: string | null): boolean {
  if (!sentence) return false;
  const squash = (s: string) => s.replace(/\s+/g, " ").trim();
  const a = squash(quote);
  const b = squash(sentence);
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

/** Every number in the page's notClaims texts ("1,300", "twenty-one", "55 out of 79" gives both). */
export function notClaimNumbers(page: Pick<GoldPage, "notClaims">): Set<number> {
  return new Set(page.notClaims.flatMap((entry) => findNumbers(entry.text).map((n) => n.value)));
}

// ───────────────────────── matching ─────────────────────────

/**
 * Maximum-weight assignment (Hungarian algorithm, O(n³)) on a rectangular
 * matrix of non-negative weights; 0 means "no pair". Returns [row, column] pairs.
 */
export function maxWeightMatching(weights: number[][]): [number, number][] {
  const rows = weights.length;
  const columns = rows === 0 ? 0 : weights[0].length;
  if (rows === 0 || columns === 0) return [];
  const n = Math.max(rows, columns);
  const max = Math.max(0, ...weights.flat());
  // Square cost matrix, 1-based as in the classic formulation.
  const cost = (i: number, j: number) => max - (i <= rows && j <= columns ? weights[i - 1][j - 1] : 0);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const current = cost(i0, j) - u[i0] - v[j];
        if (current < minv[j]) {
          minv[j] = current;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const pairs: [number, number][] = [];
  for (let j = 1; j <= n; j++) {
    const i = p[j];
    if (i >= 1 && i <= rows && j <= columns && weights[i - 1][j - 1] > 0) pairs.push([i - 1, j - 1]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** The match rule of each mode: full = category + group + best + claimant; relaxed drops the claimant; figure keeps category + best. */
export function claimsMatch(
  mode: MatchMode,
  extracted: ScoredClaim,
  gold: GoldClaim,
  alternativesOf?: (gold: string) => string[],
): boolean {
  if (!categoriesMatch(extracted.category, gold.category) || extracted.best !== gold.best) return false;
  if (mode === "figure") return true;
  if (extracted.affectedGroup !== gold.group) return false;
  return mode === "relaxed" || claimantMatches(extracted.claimant, gold.claimant, alternativesOf);
}

// A pair is worth PAIR; the tie-breaks add less than a pair, so the number of pairs comes first.
const PAIR = 100;
const PLACE_AGREES = 8;
const SENTENCE_AGREES = 4;

/** One-to-one pairs [extracted index, gold index] for a mode. */
export function matchClaims(mode: MatchMode, extracted: ScoredClaim[], gold: GoldClaim[], alternativesOf?: (gold: string) => string[]): [number, number][] {
  const weights = extracted.map((e) =>
    gold.map((g) => {
      if (!claimsMatch(mode, e, g, alternativesOf)) return 0;
      return PAIR + (placesMatch(e.placeName, g.place) ? PLACE_AGREES : 0) + (sentenceAgrees(e.quote, g.sentence) ? SENTENCE_AGREES : 0);
    }),
  );
  return maxWeightMatching(weights);
}

function ratio(right = 0, total = 0): Ratio {
  return { right, total };
}

function emptyFields(): FieldAccuracy {
  return { qualifier: ratio(), lowHigh: ratio(), status: ratio(), place: ratio(), nonCurrentStatus: ratio() };
}

function describe(e: ScoredClaim, g: GoldClaim, alternativesOf: (gold: string) => string[]): string {
  const differences: string[] = [];
  if (!categoriesMatch(e.category, g.category)) differences.push(`category ${e.category}`);
  if (e.affectedGroup !== g.group) differences.push(`group ${e.affectedGroup}`);
  if (!claimantMatches(e.claimant, g.claimant, alternativesOf)) differences.push(`claimant "${e.claimant.name}"`);
  return differences.length === 0 ? "matches, but was paired elsewhere" : differences.join(", ");
}

export function scorePage(page: GoldPage, extraction: PageExtraction): PageScore {
  const gold = page.claims;
  const extracted = extraction.refused === null ? extraction.claims : [];
  const alternativesOf = pageAffiliations(gold.map((g) => g.claimant));
  const pairs = matchClaims("full", extracted, gold, alternativesOf);
  const fields = emptyFields();
  for (const [ei, gi] of pairs) {
    const e = extracted[ei];
    const g = gold[gi];
    const count = (r: Ratio, right: boolean) => {
      r.total++;
      if (right) r.right++;
    };
    count(fields.qualifier, qualifierRight(e, g));
    count(fields.lowHigh, lowHighRight(e, g));
    count(fields.status, statusRight(e, g));
    count(fields.place, placesMatch(e.placeName, g.place));
    if (g.status !== "current") count(fields.nonCurrentStatus, statusRight(e, g));
  }
  const matchedExtracted = new Set(pairs.map(([ei]) => ei));
  const matchedGold = new Set(pairs.map(([, gi]) => gi));
  const notClaims = notClaimNumbers(page);
  const unmatchedExtracted = extracted
    .filter((_, i) => !matchedExtracted.has(i))
    .map((claim) => ({ claim, nonClaim: notClaims.has(claim.best) }));
  const unmatchedGold = gold
    .filter((_, i) => !matchedGold.has(i))
    .map((claim) => ({
      claim,
      near: extracted.filter((e) => e.best === claim.best).slice(0, 3).map((e) => describe(e, claim, alternativesOf)),
    }));
  const article = extraction.refused === null ? extraction.article : null;
  return {
    id: page.id,
    refused: extraction.refused,
    gold: gold.length,
    extracted: extracted.length,
    pairs,
    relaxed: matchClaims("relaxed", extracted, gold).length,
    figure: matchClaims("figure", extracted, gold).length,
    nonClaimsTaken: unmatchedExtracted.filter((u) => u.nonClaim).length,
    nonCurrentGold: gold.filter((g) => g.status !== "current").length,
    fields,
    unmatchedGold,
    unmatchedExtracted,
    headlinePresent: Boolean(article?.headline?.trim()),
    publishedAtRight: page.publishedAt === null ? null : article?.publishedAt === page.publishedAt,
  };
}

function add(a: Ratio, b: Ratio): void {
  a.right += b.right;
  a.total += b.total;
}

export function totalScore(pages: PageScore[]): TotalScore {
  const fields = emptyFields();
  const total: TotalScore = {
    pages: pages.length,
    refused: 0,
    gold: 0,
    extracted: 0,
    full: 0,
    relaxed: 0,
    figure: 0,
    nonClaimsTaken: 0,
    nonCurrentGold: 0,
    fields,
    headlinePresent: ratio(),
    publishedAt: ratio(),
  };
  for (const page of pages) {
    if (page.refused !== null) total.refused++;
    total.gold += page.gold;
    total.extracted += page.extracted;
    total.full += page.pairs.length;
    total.relaxed += page.relaxed;
    total.figure += page.figure;
    total.nonClaimsTaken += page.nonClaimsTaken;
    total.nonCurrentGold += page.nonCurrentGold;
    for (const key of Object.keys(fields) as (keyof FieldAccuracy)[]) add(fields[key], page.fields[key]);
    add(total.headlinePresent, ratio(page.headlinePresent ? 1 : 0, 1));
    if (page.publishedAtRight !== null) add(total.publishedAt, ratio(page.publishedAtRight ? 1 : 0, 1));
  }
  return total;
}

/** matched / gold; 1 when there is no gold claim (nothing to find). */
export function recall(matched: number, gold: number): number {
  return gold === 0 ? 1 : matched / gold;
}

/** matched / extracted; 1 when nothing was extracted (nothing wrong taken). */
export function precision(matched: number, extracted: number): number {
  return extracted === 0 ? 1 : matched / extracted;
}
