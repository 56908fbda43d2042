// Figures in news text: the number as printed, its hedge, and the qualifier
// that decides low/best/high.
//
// Numbers recognised
// - Digits: "18", "1300", "1,300", "5 000" (space, no-break or thin space
//   between groups of three), "1.300" (a dot followed by groups of exactly
//   three digits is a thousands separator: people are never counted in
//   fractions), decimals with a scale word ("1.5 thousand", "2 million";
//   with a scale word a dot is always a decimal point: "1.300 thousand" is
//   1,300). A decimal without a scale word ("2.5") is not a count: skipped.
//   Digits glued to letters ("18th", "5km") or to ':' '/' (times, fractions)
//   are not counts either.
// - Words: "eighteen", "twenty-one", "two hundred", "a thousand",
//   "one hundred and sixty-four", "two thousand five hundred", "a dozen" (12),
//   "two dozen" (24), "half a dozen" (6).
// - Vague words, coded by the seed's _rules (ACLED's conservative reading):
//   "dozens" → DOZENS (12); "several dozen" / "a few dozen" → SEVERAL_DOZEN
//   (24); "scores" → SCORES (40: a score is 20, read as at least two of them,
//   as "several" is); "hundreds" → HUNDREDS (100); "several/a few hundred" →
//   SEVERAL_HUNDRED (200); "thousands" and "several/a few thousand" →
//   THOUSANDS (1000; there is no SEVERAL_THOUSAND, so the table's floor).
// - Not numbers here (skipped, so that "hundreds" inside them never counts):
//   "tens of thousands", "hundreds of thousands", "dozens of thousands",
//   "hundreds of millions", "tens (of)": the qualifier table has no row for
//   them and a floor of 1,000 or 100 would misread the text.
//
// Hedges (words before the number, kept in figureText as printed)
// - AROUND: around, about, approximately, approx., roughly, some, an estimated,
//   estimated, circa.
// - NEARLY: nearly, close to. ALMOST: almost. The figure is just under n: a
//   ceiling, no floor (0/n/n, as UP_TO).
// - FEWER_THAN: fewer than, less than (0/n/n).
// - AT_LEAST: at least, no fewer than, no less than, a minimum of; after the
//   number: "or more", "+", "-plus".
// - OVER: over, well over, just over.     MORE_THAN: more than, upwards of, in excess of.
// - UP_TO: up to, as many as, no more than, just under.
//   (Bare "under" is not a hedge: "children under 18" is an age.)
// - EXCEEDED: (has/have/had) exceeded, exceeds, (has) surpassed, (has) topped, (has) passed.
// - After the number: "or so", "-odd" → AROUND.
// A vague word keeps its own qualifier even when hedged ("at least dozens" is
// DOZENS: the two readings give the same low/best).
import { Qualifier } from "../generated/prisma/enums";

export type VagueQualifier = "DOZENS" | "SEVERAL_DOZEN" | "SCORES" | "HUNDREDS" | "SEVERAL_HUNDRED" | "THOUSANDS";

/** The value a vague word is coded as (seed _rules). */
export const VAGUE_VALUES: Record<VagueQualifier, number> = {
  DOZENS: 12,
  SEVERAL_DOZEN: 24,
  SCORES: 40,
  HUNDREDS: 100,
  SEVERAL_HUNDRED: 200,
  THOUSANDS: 1000,
};

/** A number as printed, without its hedge. */
export interface NumberMatch {
  /** The count; for a vague word, its coded value (VAGUE_VALUES). */
  value: number;
  /** Offsets into the searched text: text.slice(start, end) === this.text. */
  start: number;
  end: number;
  text: string;
  /** Set for "dozens", "several hundred", ...; null for a definite number. */
  vague: VagueQualifier | null;
}

/** A number with its hedge and the qualifier the two give. */
export interface Figure {
  value: number;
  qualifier: Qualifier;
  /** Hedge + number (+ trailing hedge) as printed: "Around 1,000", "has exceeded 5,000". */
  figureText: string;
  /** Span of figureText. */
  start: number;
  end: number;
  /** Span of the number alone. */
  numberStart: number;
  numberEnd: number;
  /** The hedge words as printed, or null. */
  hedge: string | null;
  vague: boolean;
}

export interface FigureRange {
  low: number;
  best: number;
  high: number | null;
}

/**
 * low/best/high from the qualifier alone (prisma/seed/kazakhstan-2022.json
 * `_rules`): EXACT n → n/n/n; AROUND, AT_LEAST, OVER, MORE_THAN, EXCEEDED n →
 * n/n/null (n as printed, never n+1); UP_TO, FEWER_THAN, NEARLY, ALMOST n →
 * 0/n/n (a ceiling, no floor); DOZENS 12, SEVERAL_DOZEN 24, SCORES 40,
 * HUNDREDS 100, SEVERAL_HUNDRED 200, THOUSANDS 1000, each
 * low = best, high null (n is ignored for these).
 */
export function figureRange(qualifier: Qualifier, n: number): FigureRange {
  switch (qualifier) {
    case Qualifier.EXACT:
      return { low: n, best: n, high: n };
    case Qualifier.UP_TO:
    case Qualifier.FEWER_THAN:
    case Qualifier.NEARLY:
    case Qualifier.ALMOST:
      return { low: 0, best: n, high: n };
    case Qualifier.AROUND:
    case Qualifier.AT_LEAST:
    case Qualifier.OVER:
    case Qualifier.MORE_THAN:
    case Qualifier.EXCEEDED:
      return { low: n, best: n, high: null };
    default: {
      const coded = VAGUE_VALUES[qualifier];
      return { low: coded, best: coded, high: null };
    }
  }
}

export function isVagueQualifier(qualifier: Qualifier): qualifier is VagueQualifier {
  return qualifier in VAGUE_VALUES;
}

// ───────────────────────── number words ─────────────────────────

const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

type WordKind = "none" | "a" | "unit" | "teen" | "tens" | "hundred" | "scale" | "dozen";

interface WordToken {
  word: string;
  start: number;
  end: number;
}

/** The word starting at `pos` (letters only) and the separator-free span. */
function wordAt(text: string, pos: number): WordToken | null {
  const match = /^[A-Za-z]+/.exec(text.slice(pos));
  if (!match) return null;
  return { word: match[0].toLowerCase(), start: pos, end: pos + match[0].length };
}

/** The next word after `end`, across one space or hyphen. */
function nextWord(text: string, end: number): WordToken | null {
  const sep = text[end];
  if (sep !== " " && sep !== "-") return null;
  return wordAt(text, end + 1);
}

function isNumberWord(word: string): boolean {
  return word in UNITS || word in TEENS || word in TENS;
}

/** State of a left-to-right read of number words. */
interface WordState {
  total: number;
  group: number;
  last: WordKind;
}

/** Applies one word to the state; false when the word does not continue the number. */
function applyWord(state: WordState, token: WordToken, text: string): boolean {
  const { word } = token;
  const small = state.last === "unit" || state.last === "teen";
  if (word in UNITS) {
    if (small || state.last === "a" || state.last === "dozen") return false;
    state.group += UNITS[word];
    state.last = "unit";
  } else if (word in TEENS) {
    if (small || state.last === "tens" || state.last === "a" || state.last === "dozen") return false;
    state.group += TEENS[word];
    state.last = "teen";
  } else if (word in TENS) {
    if (small || state.last === "tens" || state.last === "a" || state.last === "dozen") return false;
    state.group += TENS[word];
    state.last = "tens";
  } else if (word === "hundred") {
    if (!(small || state.last === "a") || state.group >= 100) return false;
    state.group *= 100;
    state.last = "hundred";
  } else if (word in SCALES) {
    if (state.last === "none" || state.last === "scale" || state.last === "dozen") return false;
    state.total += state.group * SCALES[word];
    state.group = 0;
    state.last = "scale";
  } else if (word === "dozen") {
    if (!(state.last === "unit" || state.last === "a") || state.total !== 0) return false;
    state.group *= 12;
    state.last = "dozen";
  } else if (word === "a" || word === "an") {
    const next = nextWord(text, token.end);
    if (state.last !== "none" || !next || !(next.word === "hundred" || next.word === "dozen" || next.word in SCALES)) return false;
    state.group = 1;
    state.last = "a";
  } else if (word === "and") {
    const next = nextWord(text, token.end);
    if (!(state.last === "hundred" || state.last === "scale") || !next || !isNumberWord(next.word)) return false;
  } else {
    return false;
  }
  return true;
}

/** Reads number words from `start`: "one hundred and sixty-four" → 164. */
export function parseNumberWordsAt(text: string, start: number): { value: number; end: number } | null {
  const half = /^half an? dozen\b/i.exec(text.slice(start));
  if (half) return { value: 6, end: start + half[0].length };
  const state: WordState = { total: 0, group: 0, last: "none" };
  let token = wordAt(text, start);
  let end = -1;
  // applyWord changes nothing when it refuses a word, and "a"/"and" are only
  // accepted when a number word follows, so the state ends on a whole number.
  while (token && applyWord(state, token, text)) {
    end = token.end;
    if (state.last === "dozen") break;
    token = nextWord(text, token.end);
  }
  if (end < 0) return null;
  return { value: state.total + state.group, end };
}

// ───────────────────────── digits ─────────────────────────

const GROUP_SPACE = "[ \\u00A0\\u202F\\u2009]";
const DIGITS = new RegExp(
  String.raw`(?<![\w.,:/]|[A-Za-z]-)(\d{1,3}(?:,\d{3})+|\d{1,3}(?:${GROUP_SPACE}\d{3})+|\d{1,3}(?:\.\d{3})+|\d+(?:\.\d+)?)` +
    String.raw`(?:\s+(thousand|million|billion)\b)?(?![\w]|[.,:/]\d)`,
  "g",
);
const GROUP_SPACE_RE = new RegExp(GROUP_SPACE);
const MONTH_BEFORE = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s*$/;
/** Longest "<month>." MONTH_BEFORE reads, plus the character before it that decides its \b. */
const MONTH_BEFORE_REACH = "September.".length + 1;

/**
 * MONTH_BEFORE.test(text.slice(0, at)), reading only the month's reach before
 * the spaces that end there: on the whole prefix, the end-anchored test scans
 * it all, once per number (quadratic on a page of numbers).
 */
function monthBefore(text: string, at: number): boolean {
  let spaces = at;
  while (spaces > 0 && /\s/.test(text[spaces - 1])) spaces--;
  return MONTH_BEFORE.test(text.slice(Math.max(0, spaces - MONTH_BEFORE_REACH), at));
}

/** The value of a digit string: separators removed; a dot before 3-digit groups is a separator unless a scale follows. */
function digitValue(digits: string, scale: string | undefined): number | null {
  let value: number;
  if (scale) value = Number(digits.replace(/[,\s\u00A0\u202F\u2009]/g, "")) * SCALES[scale.toLowerCase()];
  else if (/^\d{1,3}(?:\.\d{3})+$/.test(digits)) value = Number(digits.replace(/\./g, ""));
  else value = Number(digits.replace(/[,\s\u00A0\u202F\u2009]/g, ""));
  value = Math.round(value * 1e6) / 1e6;
  return Number.isInteger(value) ? value : null;
}

function findDigitNumbers(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  DIGITS.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DIGITS.exec(text)) !== null) {
    let digits = match[1];
    let scale: string | undefined = match[2];
    // "January 5 100 people": the day is not the first group of a number.
    if (GROUP_SPACE_RE.test(digits) && monthBefore(text, match.index)) {
      digits = digits.split(GROUP_SPACE_RE)[0];
      scale = undefined;
      DIGITS.lastIndex = match.index + digits.length;
    }
    const value = digitValue(digits, scale);
    const end = match.index + (scale ? match[0].length : digits.length);
    if (value !== null) found.push({ value, start: match.index, end, text: text.slice(match.index, end), vague: null });
  }
  return found;
}

// ───────────────────────── vague words ─────────────────────────

const UNSUPPORTED = /\b(?:(?:tens|dozens|hundreds|thousands)\s+of\s+(?:thousands|millions)|tens\b(?:\s+of)?)/gi;
const VAGUE = /\b(?:(several|a\s+few)\s+(dozens?|hundreds?|thousands?)|(dozens|scores|hundreds|thousands))\b/gi;

function vagueQualifier(severalWord: string | undefined, unit: string): VagueQualifier {
  const u = unit.toLowerCase();
  if (u === "scores") return "SCORES";
  if (u.startsWith("dozen")) return severalWord ? "SEVERAL_DOZEN" : "DOZENS";
  if (u.startsWith("hundred")) return severalWord ? "SEVERAL_HUNDRED" : "HUNDREDS";
  return "THOUSANDS";
}

function findVagueNumbers(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  VAGUE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = VAGUE.exec(text)) !== null) {
    const qualifier = vagueQualifier(match[1], match[2] ?? match[3]);
    found.push({ value: VAGUE_VALUES[qualifier], start: match.index, end: match.index + match[0].length, text: match[0], vague: qualifier });
  }
  return found;
}

function findWordNumbers(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  const starts = /\b(?:an?|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/gi;
  let match: RegExpExecArray | null;
  let after = 0;
  while ((match = starts.exec(text)) !== null) {
    if (match.index < after) continue;
    const parsed = parseNumberWordsAt(text, match.index);
    if (!parsed) continue;
    found.push({ value: parsed.value, start: match.index, end: parsed.end, text: text.slice(match.index, parsed.end), vague: null });
    after = parsed.end;
  }
  return found;
}

function spans(regex: RegExp, text: string): [number, number][] {
  const result: [number, number][] = [];
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) result.push([match.index, match.index + match[0].length]);
  return result;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * A filter for spans sorted by start: true when the span overlaps none of
 * `blocked` (regex matches: sorted, disjoint). One sweep instead of testing
 * every blocked span for every number (quadratic on "tens of thousands" repeated).
 */
function notIn(blocked: { start: number; end: number }[]): (span: { start: number; end: number }) => boolean {
  let first = 0; // blocked spans ending at or before the current start can never overlap a later one
  return (span) => {
    while (first < blocked.length && blocked[first].end <= span.start) first++;
    return first >= blocked.length || !overlaps(blocked[first], span);
  };
}

/** Every number in the text, in order; where two readings overlap the longer wins. */
export function findNumbers(text: string): NumberMatch[] {
  const blocked = spans(UNSUPPORTED, text).map(([start, end]) => ({ start, end }));
  const lists = [findVagueNumbers(text), findDigitNumbers(text), findWordNumbers(text)].filter((list) => list.length > 0);
  // Each list is in text order already (one scan each): only several need merging.
  const merged = lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a.start - b.start || b.end - a.end);
  const candidates = blocked.length === 0 ? merged : merged.filter(notIn(blocked));
  const chosen: NumberMatch[] = [];
  for (const candidate of candidates) {
    const previous = chosen[chosen.length - 1];
    if (previous && overlaps(previous, candidate)) {
      if (candidate.end - candidate.start > previous.end - previous.start) chosen[chosen.length - 1] = candidate;
      continue;
    }
    chosen.push(candidate);
  }
  return chosen;
}

/** The value of a whole string: "1,300" → 1300, "twenty-one" → 21, "dozens" → 12; null if it is not one number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  const numbers = findNumbers(trimmed);
  return numbers.length === 1 && numbers[0].start === 0 && numbers[0].end === trimmed.length ? numbers[0].value : null;
}

// ───────────────────────── hedges ─────────────────────────

const HEDGES_BEFORE: [string, Qualifier][] = [
  [String.raw`(?:has|have|had)\s+(?:already\s+)?(?:exceeded|surpassed|topped|passed)|exceeded|exceeds|surpassed|surpasses|topped|tops`, Qualifier.EXCEEDED],
  [String.raw`at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of`, Qualifier.AT_LEAST],
  [String.raw`more\s+than|upwards\s+of|in\s+excess\s+of`, Qualifier.MORE_THAN],
  [String.raw`up\s+to|as\s+many\s+as|no\s+more\s+than|just\s+under`, Qualifier.UP_TO],
  [String.raw`fewer\s+than|less\s+than`, Qualifier.FEWER_THAN],
  [String.raw`(?:well|just)\s+over|over`, Qualifier.OVER],
  [String.raw`nearly|close\s+to`, Qualifier.NEARLY],
  [String.raw`almost`, Qualifier.ALMOST],
  [String.raw`around|about|approximately|approx\.|roughly|some|an\s+estimated|estimated|circa`, Qualifier.AROUND],
];
const HEDGE_BEFORE = new RegExp(String.raw`(?<![\w-])(` + HEDGES_BEFORE.map(([p]) => `(?:${p})`).join("|") + String.raw`)\s+$`, "i");
const HEDGE_AFTER = /^(?:\s+or\s+more\b|\+|-plus\b|\s+or\s+so\b|-odd\b)/i;

const HEDGE_QUALIFIERS: [RegExp, Qualifier][] = HEDGES_BEFORE.map(([pattern, qualifier]) => [new RegExp(`^(?:${pattern})$`, "i"), qualifier]);

function qualifierOfHedge(hedge: string): Qualifier {
  for (const [pattern, qualifier] of HEDGE_QUALIFIERS) if (pattern.test(hedge)) return qualifier;
  return Qualifier.EXACT;
}

function qualifierAfter(hedge: string): Qualifier {
  return /or\s+so|odd/i.test(hedge) ? Qualifier.AROUND : Qualifier.AT_LEAST;
}

/** The figure a number makes with the hedges printed around it. */
export function figureOf(text: string, number: NumberMatch): Figure {
  const before = HEDGE_BEFORE.exec(text.slice(Math.max(0, number.start - 40), number.start));
  const after = HEDGE_AFTER.exec(text.slice(number.end));
  const start = before ? number.start - before[0].length : number.start;
  const end = after ? number.end + after[0].length : number.end;
  let qualifier: Qualifier = Qualifier.EXACT;
  if (number.vague) qualifier = number.vague;
  else if (before) qualifier = qualifierOfHedge(before[1]);
  else if (after) qualifier = qualifierAfter(after[0]);
  return {
    value: number.value,
    qualifier,
    figureText: text.slice(start, end),
    start,
    end,
    numberStart: number.start,
    numberEnd: number.end,
    hedge: before ? before[1] : after ? after[0].trim() : null,
    vague: number.vague !== null,
  };
}

/** Every figure (number + hedge) in the text, in order. */
export function findFigures(text: string): Figure[] {
  return findNumbers(text).map((number) => figureOf(text, number));
}
