// Date phrases in news copy -> calendar-day ranges, resolved against the
// article's publication date.
//
// RULES
// - Calendar days are UTC: every date returned is UTC midnight, and the
//   publication day is the UTC day of `publishedAt`.
// - News refers to the past by default. A bare weekday ("on Wednesday") is the
//   most recent such day on or before publication; in a future-tense sentence
//   (see `isFutureTense`: "will", "is due to", "is set to", "is scheduled
//   to/for", "plans to", "is expected to", "to be held", "upcoming") it is the
//   next such day on or after publication. The publication weekday itself
//   ("on Sunday", "Later on Sunday" in a Sunday paper) is the publication day
//   in either tense. "last Wednesday" is always before publication (a week back
//   if it is the publication weekday), "next Monday" always after it.
// - Days without a year ("January 5", "5 Jan") take the year that puts them
//   nearest to publication (and on the printed weekday, "Monday, January 10");
//   months without a year ("in March") take the latest that has begun by
//   publication (past tense) or the next that has not ended (future tense).
//   Explicit dates ("January 5, 2022", "5 January 2022", "2022-01-05") and
//   "yesterday", "today", "tomorrow", "two days ago" are parsed by chrono-node.
// - Anchor chaining: "the next day", "the following day", "a day later",
//   "N days later", "the previous day", "a day earlier", "the same day" shift
//   the previous dated event's range (`context.anchor`) and keep its precision.
//   Without an anchor they do not resolve (null).
// - APPROXIMATE, a day give or take inside the range:
//   "the first days of 2022" / "of January" -> days 1..3 of the month;
//   "early January" / "the beginning (start) of January" -> days 1..10;
//   "mid-January" / "the middle of January" -> 11..20;
//   "late January" / "the end of January" -> 21..last day.
// - RANGE, somewhere in between:
//   "between 2 and 5 January", "from 2 to 5 January", "January 2-5" -> those days;
//   "since January 2" (any "since" + date) -> that day .. publication;
//   "last week" -> the previous ISO week (Mon..Sun); "this week" -> Monday of
//   the publication week .. publication (past) or .. Sunday (future);
//   "earlier this week" -> Monday .. publication; "next week" -> next Mon..Sun;
//   "over the weekend" / "last weekend" -> the latest Sat..Sun before
//   publication (or the coming one in future tense, and "this weekend" that
//   includes a Saturday/Sunday publication day); "earlier this month" -> the
//   1st .. publication.
// - MONTH: "in January 2022", "in January", "last month", "this month".
//   YEAR: "in 2021", "last year", "this year".
// - DAY: explicit dates and resolved weekdays / relative days.
// - dateText is the phrase as printed, with its preposition ("on Wednesday",
//   "since January 2") and a leading "Later"/"Earlier" ("Later on Sunday").
//   Overlapping candidates: the longest wins ("on Monday, January 10" over
//   "on Monday"). When a text holds several date phrases, `findDate` returns
//   the first. Chrono results count only when they name a month, a number or
//   a relative day word (so "the next day" and bare weekdays stay ours).
import * as chrono from "chrono-node";
import { utcDay } from "../common/dates";
import { DatePrecision } from "../generated/prisma/enums";

export interface DateRange {
  /** UTC midnight of the first possible day. */
  startDate: Date;
  /** UTC midnight of the last possible day. */
  endDate: Date;
  precision: DatePrecision;
}

export interface ResolvedDate extends DateRange {
  /** The phrase as printed. */
  dateText: string;
}

export interface LocatedDate extends ResolvedDate {
  /** Offset of dateText in the searched text. */
  index: number;
}

export interface DateContext {
  /** The article's publication time; its UTC day is "today". */
  publishedAt: Date;
  /** The sentence is in the future tense (see isFutureTense). */
  future?: boolean;
  /** The previous dated event in the text, for "the next day". */
  anchor?: DateRange | null;
}

const DAY_MS = 86_400_000;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

// Capitalised month names (so "may" the verb is not a month).
const M = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
const MFULL = "(January|February|March|April|May|June|July|August|September|October|November|December)";
const D = "(\\d{1,2})(?:st|nd|rd|th)?";
const Y = "((?:19|20)\\d{2})";
const WD = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

const FUTURE_MARKERS =
  /\b(?:will|shall|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|planning|going|slated)\s+to|(?:is|are)\s+to\s+(?:be|hold|meet|take)|(?:scheduled|slated|planned|set)\s+for|plans?\s+to|to\s+be\s+held|upcoming|next\s+(?:week|month))\b/i;

// ---------------------------------------------------------------- day helpers

/** UTC midnight of a calendar date (month 1..12). */
export function ymd(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export { utcDay };

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** YYYY-MM-DD of a UTC date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function range(start: Date, end: Date, precision: DatePrecision): DateRange {
  return { startDate: start, endDate: end < start ? start : end, precision };
}

function day(date: Date): DateRange {
  return range(date, date, DatePrecision.DAY);
}

function monthNumber(name: string): number {
  return MONTHS[name.replace(/\.$/, "").toLowerCase()] ?? 0;
}

function wordNumber(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

/** Monday of the ISO week that holds `date`. */
function mondayOf(date: Date): Date {
  return addDays(date, -((date.getUTCDay() + 6) % 7));
}

/** True when the text speaks of the future ("will hold", "is due to", "is set to"...). */
export function isFutureTense(text: string): boolean {
  return FUTURE_MARKERS.test(text);
}

/**
 * The year for a day printed without one ("January 5"): the occurrence nearest
 * to publication (as chrono does), restricted to years where the date falls on
 * `weekday` when the text names one ("Monday, January 10").
 */
function inferYear(month: number, dayOfMonth: number, today: Date, weekday: number | null = null): number {
  const year = today.getUTCFullYear();
  const years = [year - 1, year, year + 1].filter((y) => weekday === null || ymd(y, month, dayOfMonth).getUTCDay() === weekday);
  const distance = (y: number) => Math.abs(ymd(y, month, dayOfMonth).getTime() - today.getTime());
  return (years.length > 0 ? years : [year]).sort((a, b) => distance(a) - distance(b))[0];
}

/** The year of a month printed without one (past: the latest that has begun). */
function inferMonthYear(month: number, today: Date, future: boolean): number {
  const year = today.getUTCFullYear();
  if (!future && ymd(year, month, 1) > today) return year - 1;
  if (future && ymd(year, month, lastDayOfMonth(year, month)) < today) return year + 1;
  return year;
}

// ---------------------------------------------------------------- resolvers

interface Ctx {
  today: Date;
  future: boolean;
  anchor: DateRange | null;
}

type Resolver = (match: RegExpExecArray, ctx: Ctx) => DateRange | null;

interface Matcher {
  pattern: RegExp;
  resolve: Resolver;
}

function shiftAnchor(days: number): Resolver {
  return (_m, ctx) =>
    ctx.anchor ? range(addDays(ctx.anchor.startDate, days), addDays(ctx.anchor.endDate, days), ctx.anchor.precision) : null;
}

function resolveDaysLater(m: RegExpExecArray, ctx: Ctx): DateRange | null {
  return shiftAnchor(wordNumber(m[1]))(m, ctx);
}

/** "the first days of 2022" / "of January" / "of the year". */
function resolveFirstDays(m: RegExpExecArray, ctx: Ctx): DateRange {
  const month = m[1] ? monthNumber(m[1]) : 1;
  const year = m[2] ? Number(m[2]) : m[3] ? Number(m[3]) : m[1] ? inferMonthYear(month, ctx.today, ctx.future) : ctx.today.getUTCFullYear();
  return range(ymd(year, month, 1), ymd(year, month, 3), DatePrecision.APPROXIMATE);
}

/** "early January", "mid-January", "late January", "the end of January". */
function resolvePartOfMonth(m: RegExpExecArray, ctx: Ctx): DateRange {
  const part = (m[1] ?? m[2]).toLowerCase();
  const month = monthNumber(m[3]);
  const year = m[4] ? Number(m[4]) : inferMonthYear(month, ctx.today, ctx.future);
  const last = lastDayOfMonth(year, month);
  const [from, to] = part === "early" || part === "beginning" || part === "start" ? [1, 10] : part === "mid" || part === "middle" ? [11, 20] : [21, last];
  return range(ymd(year, month, from), ymd(year, month, to), DatePrecision.APPROXIMATE);
}

/** A span of days in one or two months; the year is inferred from the last day. */
function daySpan(fromDay: number, fromMonth: number, toDay: number, toMonth: number, year: string | undefined, ctx: Ctx): DateRange {
  const endYear = year ? Number(year) : inferYear(toMonth, toDay, ctx.today);
  const startYear = fromMonth > toMonth ? endYear - 1 : endYear;
  return range(ymd(startYear, fromMonth, fromDay), ymd(endYear, toMonth, toDay), DatePrecision.RANGE);
}

/** "between 2 and 5 January", "from 30 December to 2 January", "2-5 January". */
function resolveDayFirstSpan(m: RegExpExecArray, ctx: Ctx): DateRange {
  const toMonth = monthNumber(m[4]);
  const fromMonth = m[2] ? monthNumber(m[2]) : toMonth;
  return daySpan(Number(m[1]), fromMonth, Number(m[3]), toMonth, m[5], ctx);
}

/** "between January 2 and 5", "January 2-5", "from January 30 to February 2". */
function resolveMonthFirstSpan(m: RegExpExecArray, ctx: Ctx): DateRange {
  const fromMonth = monthNumber(m[1]);
  const toMonth = m[3] ? monthNumber(m[3]) : fromMonth;
  return daySpan(Number(m[2]), fromMonth, Number(m[4]), toMonth, m[5], ctx);
}

function resolveWeek(m: RegExpExecArray, ctx: Ctx): DateRange {
  const phrase = m[0].toLowerCase();
  const monday = mondayOf(ctx.today);
  if (/last|previous/.test(phrase)) return range(addDays(monday, -7), addDays(monday, -1), DatePrecision.RANGE);
  if (/next/.test(phrase)) return range(addDays(monday, 7), addDays(monday, 13), DatePrecision.RANGE);
  if (/earlier/.test(phrase)) return range(monday, ctx.today, DatePrecision.RANGE);
  if (/later/.test(phrase)) return range(ctx.today, addDays(monday, 6), DatePrecision.RANGE);
  return ctx.future ? range(ctx.today, addDays(monday, 6), DatePrecision.RANGE) : range(monday, ctx.today, DatePrecision.RANGE);
}

function resolveWeekend(m: RegExpExecArray, ctx: Ctx): DateRange {
  const weekday = ctx.today.getUTCDay();
  const phrase = m[0].toLowerCase();
  if (weekday === 6 || weekday === 0) {
    if (/this/.test(phrase) || (ctx.future && !/last/.test(phrase))) {
      const saturday = weekday === 6 ? ctx.today : addDays(ctx.today, -1);
      return range(saturday, addDays(saturday, 1), DatePrecision.RANGE);
    }
  }
  if (ctx.future || /next|coming/.test(phrase)) {
    const saturday = addDays(ctx.today, (6 - weekday + 7) % 7 || 7);
    return range(saturday, addDays(saturday, 1), DatePrecision.RANGE);
  }
  const lastSunday = addDays(ctx.today, -(weekday === 0 ? 7 : weekday));
  return range(addDays(lastSunday, -1), lastSunday, DatePrecision.RANGE);
}

function resolveRelativeMonth(m: RegExpExecArray, ctx: Ctx): DateRange {
  const phrase = m[0].toLowerCase();
  const year = ctx.today.getUTCFullYear();
  const month = ctx.today.getUTCMonth() + 1;
  if (/earlier/.test(phrase)) return range(ymd(year, month, 1), ctx.today, DatePrecision.RANGE);
  const [y, mo] = /last|previous/.test(phrase) ? (month === 1 ? [year - 1, 12] : [year, month - 1]) : /next/.test(phrase) ? (month === 12 ? [year + 1, 1] : [year, month + 1]) : [year, month];
  return range(ymd(y, mo, 1), ymd(y, mo, lastDayOfMonth(y, mo)), DatePrecision.MONTH);
}

function resolveRelativeYear(m: RegExpExecArray, ctx: Ctx): DateRange {
  const offset = /last|previous/i.test(m[0]) ? -1 : /next/i.test(m[0]) ? 1 : 0;
  const year = ctx.today.getUTCFullYear() + offset;
  return range(ymd(year, 1, 1), ymd(year, 12, 31), DatePrecision.YEAR);
}

function resolveMonth(m: RegExpExecArray, ctx: Ctx): DateRange {
  const month = monthNumber(m[1]);
  const year = m[2] ? Number(m[2]) : inferMonthYear(month, ctx.today, ctx.future);
  return range(ymd(year, month, 1), ymd(year, month, lastDayOfMonth(year, month)), DatePrecision.MONTH);
}

function resolveYear(m: RegExpExecArray): DateRange {
  const year = Number(m[1]);
  return range(ymd(year, 1, 1), ymd(year, 12, 31), DatePrecision.YEAR);
}

/** A weekday: past by default, future in future tense; see the rules above. */
function resolveWeekday(m: RegExpExecArray, ctx: Ctx): DateRange {
  const modifier = (m[1] ?? "").toLowerCase();
  const target = WEEKDAYS.indexOf(m[2]);
  const today = ctx.today.getUTCDay();
  const back = (today - target + 7) % 7;
  const forward = (target - today + 7) % 7;
  if (modifier === "last" || modifier === "previous") return day(addDays(ctx.today, -(back || 7)));
  if (modifier === "next") return day(addDays(ctx.today, forward || 7));
  return day(addDays(ctx.today, ctx.future ? forward : -back));
}

const MATCHERS: Matcher[] = [
  // Anchor chaining.
  { pattern: /\b(?:[Oo]n\s+)?[Tt]he\s+(?:next|following)\s+day\b/g, resolve: shiftAnchor(1) },
  { pattern: /\b[Aa]\s+day\s+later\b/g, resolve: shiftAnchor(1) },
  { pattern: /\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days\s+later\b/gi, resolve: resolveDaysLater },
  { pattern: /\b(?:[Oo]n\s+)?[Tt]he\s+(?:previous|preceding)\s+day\b|\b[Aa]\s+day\s+(?:earlier|before)\b/g, resolve: shiftAnchor(-1) },
  { pattern: /\b(?:[Oo]n\s+)?[Tt]he\s+same\s+day\b|\b[Tt]hat\s+same\s+day\b/g, resolve: shiftAnchor(0) },
  // Approximate parts of a month.
  {
    pattern: new RegExp(`\\b(?:(?:[Oo]n|[Ii]n|[Dd]uring|[Oo]ver)\\s+)?[Tt]he\\s+(?:very\\s+)?(?:first|opening)\\s+(?:few\\s+)?days\\s+of\\s+(?:${M}(?:,?\\s+${Y})?|${Y}|the\\s+(?:new\\s+)?year)`, "g"),
    resolve: resolveFirstDays,
  },
  {
    pattern: new RegExp(`\\b(?:(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Aa]t)\\s+)?(?:([Ee]arly|[Mm]id|[Ll]ate)[-\\s]+|(?:the\\s+)?([Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd)\\s+of\\s+)${M}(?:,?\\s+${Y})?\\b`, "g"),
    resolve: resolvePartOfMonth,
  },
  // Spans of days.
  {
    pattern: new RegExp(`\\b(?:(?:[Bb]etween|[Ff]rom)\\s+)?${D}(?:\\s+${M})?\\s*(?:-|–|\\s+and\\s+|\\s+to\\s+|\\s+until\\s+)\\s*${D}\\s+${M}(?:,?\\s+${Y})?`, "g"),
    resolve: resolveDayFirstSpan,
  },
  {
    pattern: new RegExp(`\\b(?:(?:[Bb]etween|[Ff]rom)\\s+)?${M}\\s+${D}\\s*(?:-|–|\\s+and\\s+|\\s+to\\s+|\\s+until\\s+)\\s*(?:${M}\\s+)?${D}\\b(?:,?\\s+${Y})?`, "g"),
    resolve: resolveMonthFirstSpan,
  },
  // Weeks, weekends, months and years relative to publication.
  { pattern: /\b(?:(?:[Ee]arlier|[Ll]ater)\s+this|[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Tt]he\s+previous)\s+week\b/g, resolve: resolveWeek },
  { pattern: /\b(?:over|at|during|on)?\s*(?:the|this|last|next|the\s+coming)\s+weekend\b/gi, resolve: resolveWeekend },
  { pattern: /\b(?:[Ee]arlier\s+this|[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Tt]he\s+previous)\s+month\b/g, resolve: resolveRelativeMonth },
  { pattern: /\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Tt]he\s+previous)\s+year\b/g, resolve: resolveRelativeYear },
  {
    pattern: new RegExp(`\\b(?:(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ss]ince|[Uu]ntil|[Bb]y)\\s+)?${MFULL},?\\s+${Y}\\b(?!\\s*[-–/]?\\d)`, "g"),
    resolve: resolveMonth,
  },
  { pattern: new RegExp(`\\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ss]ince|[Uu]ntil|[Bb]y)\\s+${MFULL}\\b(?![\\s,]*\\d)`, "g"), resolve: resolveMonth },
  { pattern: new RegExp(`\\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ss]ince)\\s+${Y}\\b(?!\\s*[-–/]\\d)`, "g"), resolve: resolveYear },
  // Weekdays (chrono would pick the coming one; news means the past one).
  {
    pattern: new RegExp(`\\b(?:(?:[Ll]ater|[Ee]arlier|[Ll]ate|[Ee]arly)\\s+)?(?:(?:[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil)\\s+)?(?:([Ll]ast|[Tt]his|[Nn]ext|[Pp]revious)\\s+)?${WD}(?:\\s+(?:morning|afternoon|evening|night))?\\b`, "g"),
    resolve: resolveWeekday,
  },
];

// ---------------------------------------------------------------- search

interface Candidate {
  index: number;
  text: string;
  range: DateRange;
}

const PREPOSITION_BEFORE = /(?:^|\s)((?:[Oo]n|[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Ff]rom|[Uu]ntil|[Aa]t)\s+)$/;
const EXPLICIT_DATE = new RegExp(`\\d|${M}`);
const CHRONO_RELATIVE = /\b(?:yesterday|today|tonight|tomorrow|ago|last\s+night)\b/i;

function regexCandidates(text: string, ctx: Ctx): Candidate[] {
  const found: Candidate[] = [];
  for (const { pattern, resolve } of MATCHERS) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const trimmed = match[0].trimStart();
      const resolved = resolve(match, ctx);
      if (resolved) found.push({ index: match.index + match[0].length - trimmed.length, text: trimmed, range: resolved });
      if (match[0].length === 0) pattern.lastIndex++;
    }
  }
  return found;
}

/** Explicit dates and relative days ("yesterday", "two days ago") from chrono. */
function chronoCandidates(text: string, ctx: Ctx): Candidate[] {
  const results = chrono.parse(text, { instant: addDays(ctx.today, 0.5), timezone: 0 });
  const found: Candidate[] = [];
  for (const result of results) {
    const start = result.start;
    const explicit = start.isCertain("month") && start.isCertain("day") && EXPLICIT_DATE.test(result.text);
    const relative = CHRONO_RELATIVE.test(result.text);
    if (!explicit && !relative) continue;
    const month = start.get("month") ?? 1;
    const dayOfMonth = start.get("day") ?? 1;
    const weekday = start.isCertain("weekday") ? start.get("weekday") : null;
    const year = explicit && !start.isCertain("year") ? inferYear(month, dayOfMonth, ctx.today, weekday) : (start.get("year") ?? ctx.today.getUTCFullYear());
    found.push({ index: result.index, text: result.text, range: day(ymd(year, month, dayOfMonth)) });
  }
  return found;
}

/** Longest first; a candidate overlapping a longer one is dropped. Text order. */
function dropOverlaps(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const byLength = [...candidates].sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  for (const candidate of byLength) {
    const end = candidate.index + candidate.text.length;
    if (kept.some((k) => candidate.index < k.index + k.text.length && k.index < end)) continue;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** Takes in a preposition printed just before the phrase; "since" makes a range up to publication. */
function withPreposition(text: string, candidate: Candidate, ctx: Ctx): Candidate {
  let { index, text: phrase, range: resolved } = candidate;
  const before = PREPOSITION_BEFORE.exec(text.slice(Math.max(0, index - 10), index));
  if (before && !/^(?:on|in|since|by|during|from|until|at|between|later|earlier|late|early|over)\b/i.test(phrase)) {
    index -= before[1].length;
    phrase = text.slice(index, candidate.index + candidate.text.length);
  }
  if (/^since\b/i.test(phrase) && resolved.startDate <= ctx.today) {
    resolved = range(resolved.startDate, ctx.today, DatePrecision.RANGE);
  }
  return { index, text: phrase, range: resolved };
}

/** Drops trailing spaces, and a final full stop that ends the sentence ("on 5 Jan."). */
function tidy(text: string, candidate: Candidate): string {
  const phrase = candidate.text.trimEnd();
  const after = text.slice(candidate.index + phrase.length);
  return phrase.endsWith(".") && /^(?:\s|$)/.test(after) ? phrase.slice(0, -1) : phrase;
}

function toContext(context: DateContext): Ctx {
  return { today: utcDay(context.publishedAt), future: context.future ?? false, anchor: context.anchor ?? null };
}

/** Every date phrase in `text`, in text order. */
export function findDates(text: string, context: DateContext): LocatedDate[] {
  const ctx = toContext(context);
  const candidates = dropOverlaps([...regexCandidates(text, ctx), ...chronoCandidates(text, ctx)]);
  return candidates.map((c) => withPreposition(text, c, ctx)).map((c) => ({ ...c.range, dateText: tidy(text, c), index: c.index }));
}

/** The first date phrase in `text`, or null. */
export function findDate(text: string, context: DateContext): LocatedDate | null {
  return findDates(text, context)[0] ?? null;
}

/**
 * Resolves one date phrase ("on Wednesday", "the next day", "in early
 * January") against the publication date; null when it holds no date.
 */
export function resolveDate(phrase: string, context: DateContext): ResolvedDate | null {
  const found = findDate(phrase, context);
  if (!found) return null;
  const { index: _index, ...resolved } = found;
  return resolved;
}
