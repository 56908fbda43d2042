// Date phrases in news copy -> calendar-day ranges, resolved against the
// article's publication date.
//
// RULES
// - Calendar days are UTC: every date returned is UTC midnight, and the
//   publication day is the UTC day of `publishedAt`.
// - Tense. The caller says whether the phrase's clause is in the future tense
//   (`future`, see `isFutureTense`: "will", "is due to", "is set to", "is
//   scheduled to/for", "plans to", "is expected to", "to be held", "upcoming")
//   or in the past tense (`past`, see `isPastTense`: "was", "had", "-ed"...).
//   Neither: news refers to the past by default for weekdays, and to the
//   nearest occurrence for days without a year.
// - A bare weekday ("on Wednesday") is the most recent such day on or before
//   publication; in a future-tense sentence it is the next such day on or
//   after publication. The publication weekday itself ("on Sunday", "Later on
//   Sunday" in a Sunday paper) is the publication day in either tense. "last
//   Wednesday" is always before publication (a week back if it is the
//   publication weekday), "next Monday" always after it.
// - Days without a year ("January 5", "5 Jan", "the 5th of January",
//   "Monday, January 10", "April 19 (Tuesday)"): past tense -> the latest such
//   day on or before publication (never after it); future tense -> the next on
//   or after it; otherwise the occurrence nearest to publication. A printed
//   weekday restricts the years to those where the day falls on it. Months
//   without a year ("in March") take the latest that has begun by publication
//   (past tense) or the next that has not ended (future tense).
// - Explicit dates ("January 5, 2022", "5 January 2022", "2022-01-05") are
//   ours; chrono-node reads only "yesterday", "today", "tonight", "last night",
//   "tomorrow", "two days ago" and numeric dates, and only in a short window
//   around such a word (so a 2 MB page costs what its date words cost).
//   "a week ago" / "weeks ago" is APPROXIMATE (two days either side), "a month
//   ago" too (ten days either side).
// - Anchor chaining: "the next day", "the following day", "a day later",
//   "N days later", "the previous day", "a day earlier", "the same day" shift
//   the previous dated event's range (`context.anchor`) and keep its precision.
//   Without an anchor "the next day" does not resolve (null); "the previous
//   day" / "the day before" (at the end of a phrase) is the day before
//   publication.
// - APPROXIMATE, a day give or take inside the range:
//   "the first days of 2022" / "of January" -> days 1..3 of the month;
//   "early January" / "the beginning (start) of January" -> days 1..10;
//   "mid-January" / "the middle of January" -> 11..20;
//   "late January" / "the end of January" -> 21..last day; the same with
//   "this month" / "last month" / "next month" for the month.
// - RANGE, somewhere in between:
//   "between 2 and 5 January", "from 2 to 5 January", "January 2-5", "since
//   9 June till 5 August" -> those days;
//   "since January 2" (any "since" + date) -> that day .. publication;
//   "last week" -> the calendar week (Sunday..Saturday) before the publication
//   week, so in a Sunday paper the week that has just ended;
//   "this week" -> Monday of the publication week .. publication (past) or ..
//   Sunday (future); "earlier this week" -> Monday .. publication; "next week"
//   -> next Mon..Sun;
//   "over the weekend" / "last weekend" -> the latest Sat..Sun before
//   publication (or the coming one in future tense, and "this weekend" that
//   includes a Saturday/Sunday publication day); "earlier this month" /
//   "earlier in <the publication month>" -> the 1st .. publication; "later
//   this month" -> publication .. the last day.
// - MONTH: "in January 2022", "in January", "last month", "this month".
//   YEAR: "in 2021", "last year", "this year", "years ago".
// - DAY: explicit dates and resolved weekdays / relative days.
// - dateText is the phrase as printed, with its preposition ("on Wednesday",
//   "since January 2") and a leading "Later"/"Earlier" ("Later on Sunday").
//   Overlapping candidates: the longest wins ("on Monday, January 10" over
//   "on Monday"). When a text holds several date phrases, `findDate` returns
//   the first.
// - Every pattern is a sequence of bounded pieces (no nested unbounded
//   quantifiers), so the search is linear in the text.
import * as chrono from "chrono-node";
import { utcDay } from "../data/dates";
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
  /** The sentence is in the past tense (see isPastTense): a day without a year is then never after publication. */
  past?: boolean;
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

// Finite past forms: auxiliaries, regular -ed verbs (not "-ed" adjectives after a
// determiner is good enough here: the test only decides the year of a bare day).
const PAST_MARKERS =
  /\b(?:was|were|had|did|said|told|began|broke|came|went|took|gave|held|met|left|made|rose|fell|fought|saw|sent|shot|spread|struck|swept|won|lost|fled|led|hit|set|put|\w{2,}ed)\b/i;

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

/** Sunday that starts the calendar week (Sunday..Saturday) holding `date`. */
function sundayOf(date: Date): Date {
  return addDays(date, -date.getUTCDay());
}

/** True when the text speaks of the future ("will hold", "is due to", "is set to"...). */
export function isFutureTense(text: string): boolean {
  return FUTURE_MARKERS.test(text);
}

/** True when the text holds a finite past verb ("was", "had", "said", "stormed"). */
export function isPastTense(text: string): boolean {
  return PAST_MARKERS.test(text);
}

type Tense = "past" | "future" | "neutral";

/**
 * The year for a day printed without one ("January 5"): past tense, the latest
 * on or before `today`; future tense, the first on or after it; otherwise the
 * nearest (as chrono does). Only years where the date falls on `weekday` count
 * when the text names one ("Monday, January 10").
 */
function inferYear(month: number, dayOfMonth: number, today: Date, weekday: number | null, tense: Tense): number {
  const year = today.getUTCFullYear();
  const fits = (y: number) => weekday === null || ymd(y, month, dayOfMonth).getUTCDay() === weekday;
  const candidates = [year - 1, year, year + 1].filter(fits);
  const pool = candidates.length > 0 ? candidates : [year - 1, year, year + 1];
  const at = (y: number) => ymd(y, month, dayOfMonth).getTime();
  if (tense === "past") {
    const before = pool.filter((y) => at(y) <= today.getTime());
    if (before.length > 0) return Math.max(...before);
  }
  if (tense === "future") {
    const after = pool.filter((y) => at(y) >= today.getTime());
    if (after.length > 0) return Math.min(...after);
  }
  return [...pool].sort((a, b) => Math.abs(at(a) - today.getTime()) - Math.abs(at(b) - today.getTime()))[0];
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
  tense: Tense;
  anchor: DateRange | null;
}

type Resolver = (match: RegExpExecArray, ctx: Ctx) => DateRange | null;

interface Matcher {
  pattern: RegExp;
  resolve: Resolver;
  /** A word every match contains (see HAS_DAY): a text without it is not searched with the pattern. */
  needs: RegExp;
}

function shiftAnchor(days: number, fromPublication = false): Resolver {
  return (_m, ctx) => {
    if (ctx.anchor) return range(addDays(ctx.anchor.startDate, days), addDays(ctx.anchor.endDate, days), ctx.anchor.precision);
    return fromPublication ? day(addDays(ctx.today, days)) : null;
  };
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

function partOfMonth(part: string, year: number, month: number): DateRange {
  const last = lastDayOfMonth(year, month);
  const p = part.toLowerCase();
  const [from, to] = p === "early" || p === "beginning" || p === "start" ? [1, 10] : p === "mid" || p === "middle" ? [11, 20] : [21, last];
  return range(ymd(year, month, from), ymd(year, month, to), DatePrecision.APPROXIMATE);
}

/** "early January", "mid-January", "late January", "the end of January". */
function resolvePartOfMonth(m: RegExpExecArray, ctx: Ctx): DateRange {
  const month = monthNumber(m[3]);
  const year = m[4] ? Number(m[4]) : inferMonthYear(month, ctx.today, ctx.future);
  return partOfMonth(m[1] ?? m[2], year, month);
}

/** The month "this month" / "last month" / "next month" names. */
function relativeMonth(phrase: string, ctx: Ctx): [number, number] {
  const year = ctx.today.getUTCFullYear();
  const month = ctx.today.getUTCMonth() + 1;
  if (/last|previous/i.test(phrase)) return month === 1 ? [year - 1, 12] : [year, month - 1];
  if (/next/i.test(phrase)) return month === 12 ? [year + 1, 1] : [year, month + 1];
  return [year, month];
}

/** "mid-this month", "the middle of this month", "the end of last month". */
function resolvePartOfRelativeMonth(m: RegExpExecArray, ctx: Ctx): DateRange {
  const [year, month] = relativeMonth(m[3], ctx);
  return partOfMonth(m[1] ?? m[2], year, month);
}

/** A span of days in one or two months; the year is inferred from the last day. */
function daySpan(fromDay: number, fromMonth: number, toDay: number, toMonth: number, year: string | undefined, ctx: Ctx): DateRange {
  const endYear = year ? Number(year) : inferYear(toMonth, toDay, ctx.today, null, ctx.tense);
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

/** One day: "January 5", "5 Jan", "the 5th of January", "Monday, January 10", "April 19 (Tuesday)". */
function resolveExplicitDay(m: RegExpExecArray, ctx: Ctx): DateRange | null {
  const g = m.groups ?? {};
  const month = monthNumber(g.month);
  const dayOfMonth = Number(g.day);
  if (!month || dayOfMonth < 1 || dayOfMonth > 31) return null;
  const weekdayName = g.wd1 ?? g.wd2;
  const weekday = weekdayName ? WEEKDAYS.indexOf(weekdayName) : null;
  const year = g.year ? Number(g.year) : inferYear(month, dayOfMonth, ctx.today, weekday, ctx.tense);
  if (dayOfMonth > lastDayOfMonth(year, month)) return null;
  return day(ymd(year, month, dayOfMonth));
}

function resolveIsoDay(m: RegExpExecArray): DateRange | null {
  const [year, month, dayOfMonth] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > lastDayOfMonth(year, month)) return null;
  return day(ymd(year, month, dayOfMonth));
}

function resolveWeek(m: RegExpExecArray, ctx: Ctx): DateRange {
  const phrase = m[0].toLowerCase();
  const monday = mondayOf(ctx.today);
  if (/last|previous/.test(phrase)) {
    // The calendar week before the publication week: in a Sunday paper, the week just ended.
    const sunday = sundayOf(ctx.today);
    return range(addDays(sunday, -7), addDays(sunday, -1), DatePrecision.RANGE);
  }
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
  if (/later/.test(phrase)) return range(ctx.today, ymd(year, month, lastDayOfMonth(year, month)), DatePrecision.RANGE);
  const [y, mo] = relativeMonth(phrase, ctx);
  return range(ymd(y, mo, 1), ymd(y, mo, lastDayOfMonth(y, mo)), DatePrecision.MONTH);
}

/** "earlier in January": in the publication month, its 1st .. publication; else that month. */
function resolveEarlierInMonth(m: RegExpExecArray, ctx: Ctx): DateRange {
  const month = monthNumber(m[1]);
  const year = ctx.today.getUTCFullYear();
  if (month === ctx.today.getUTCMonth() + 1) return range(ymd(year, month, 1), ctx.today, DatePrecision.RANGE);
  return resolveMonth(m, { ...ctx, future: false });
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

// What every match of a matcher contains, case aside where the matcher ignores case: one cheap test per
// text spares it the patterns that cannot match (most sentences have a digit and no month, or neither).
const HAS_DAY = /day/i; // "day(s)", and every weekday name
const HAS_MONTH_NAME = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/; // M and MFULL, which are case-sensitive
const HAS_MONTH_WORD = /month/i;
const HAS_WEEK = /week/i; // "week", "weekend"
const HAS_YEAR_WORD = /year/i;
const HAS_YEAR = /(?:19|20)\d{2}/; // ISO dates, "in 2021": Y

const NEEDED = [HAS_DAY, HAS_MONTH_NAME, HAS_MONTH_WORD, HAS_WEEK, HAS_YEAR_WORD, HAS_YEAR];

// One of "-", "and", "to"... between two days; each branch owns its white space, so a run of spaces is read once.
const SPAN_LINK = "(?:\\s*[-–]\\s*|\\s+(?:and|to|until|till|through)\\s+)";

const MATCHERS: Matcher[] = [
  // Anchor chaining.
  { pattern: /\b(?:[Oo]n\s+)?[Tt]he\s+(?:next|following)\s+day\b/g, resolve: shiftAnchor(1), needs: HAS_DAY },
  { pattern: /\b[Aa]\s+day\s+later\b/g, resolve: shiftAnchor(1), needs: HAS_DAY },
  { pattern: /\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days\s+later\b/gi, resolve: resolveDaysLater, needs: HAS_DAY },
  // "the day before" only at the end of a phrase: "the day before the vote" is anchored to the vote.
  { pattern: /\b(?:[Oo]n\s+)?[Tt]he\s+(?:previous|preceding)\s+day\b|\b[Aa]\s+day\s+(?:earlier|before)\b|\b[Tt]he\s+day\s+before(?=\s*(?:[.,;:)]|$))/g, resolve: shiftAnchor(-1, true), needs: HAS_DAY },
  { pattern: /\b(?:[Oo]n\s+)?[Tt]he\s+same\s+day\b|\b[Tt]hat\s+same\s+day\b/g, resolve: shiftAnchor(0), needs: HAS_DAY },
  // Approximate parts of a month.
  {
    pattern: new RegExp(`\\b(?:(?:[Oo]n|[Ii]n|[Dd]uring|[Oo]ver)\\s+)?[Tt]he\\s+(?:very\\s+)?(?:first|opening)\\s+(?:few\\s+)?days\\s+of\\s+(?:${M}(?:,?\\s+${Y})?|${Y}|the\\s+(?:new\\s+)?year)`, "g"),
    resolve: resolveFirstDays,
    needs: HAS_DAY,
  },
  {
    pattern: new RegExp(`\\b(?:(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Aa]t)\\s+)?(?:([Ee]arly|[Mm]id|[Ll]ate)[-\\s]+|(?:the\\s+)?([Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd)\\s+of\\s+)${M}(?:,?\\s+${Y})?\\b`, "g"),
    resolve: resolvePartOfMonth,
    needs: HAS_MONTH_NAME,
  },
  {
    pattern: /\b(?:(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Aa]t)\s+)?(?:([Ee]arly|[Mm]id|[Ll]ate)[-\s]+|(?:the\s+)?([Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd)\s+of\s+)(this|last|next|the\s+previous)\s+month\b/g,
    resolve: resolvePartOfRelativeMonth,
    needs: HAS_MONTH_WORD,
  },
  // Spans of days.
  {
    pattern: new RegExp(`\\b(?:(?:[Bb]etween|[Ff]rom|[Ss]ince)\\s+)?${D}(?:\\s+${M})?${SPAN_LINK}${D}\\s+${M}(?:,?\\s+${Y})?`, "g"),
    resolve: resolveDayFirstSpan,
    needs: HAS_MONTH_NAME,
  },
  {
    pattern: new RegExp(`\\b(?:(?:[Bb]etween|[Ff]rom|[Ss]ince)\\s+)?${M}\\s+${D}${SPAN_LINK}(?:${M}\\s+)?${D}\\b(?:,?\\s+${Y})?`, "g"),
    resolve: resolveMonthFirstSpan,
    needs: HAS_MONTH_NAME,
  },
  // Single days with a month name.
  {
    pattern: new RegExp(`\\b(?:(?:[Oo]n\\s+)?[Tt]he\\s+(?:morning|afternoon|evening|night)\\s+of\\s+)?(?:(?<wd1>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<year>(?:19|20)\\d{2})\\b)?(?:\\s*\\((?<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\))?`, "g"),
    resolve: resolveExplicitDay,
    needs: HAS_MONTH_NAME,
  },
  {
    pattern: new RegExp(`\\b(?:(?:[Oo]n\\s+)?[Tt]he\\s+(?:morning|afternoon|evening|night)\\s+of\\s+)?(?:(?<wd1>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?(?:the\\s+)?(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b\\.?(?:,?\\s+(?<year>(?:19|20)\\d{2})\\b)?(?:\\s*\\((?<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\))?`, "g"),
    resolve: resolveExplicitDay,
    needs: HAS_MONTH_NAME,
  },
  { pattern: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g, resolve: resolveIsoDay, needs: HAS_YEAR },
  // Weeks, weekends, months and years relative to publication.
  { pattern: /\b(?:(?:[Ee]arlier|[Ll]ater)\s+this|[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Tt]he\s+previous)\s+week\b/g, resolve: resolveWeek, needs: HAS_WEEK },
  { pattern: /\b(?:over|at|during|on)?\s*(?:the|this|last|next|the\s+coming)\s+weekend\b/gi, resolve: resolveWeekend, needs: HAS_WEEK },
  { pattern: /\b(?:(?:[Ee]arlier|[Ll]ater)\s+this|[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Tt]he\s+previous)\s+month\b/g, resolve: resolveRelativeMonth, needs: HAS_MONTH_WORD },
  { pattern: new RegExp(`\\b[Ee]arlier\\s+in\\s+${MFULL}\\b(?![\\s,]*\\d)`, "g"), resolve: resolveEarlierInMonth, needs: HAS_MONTH_NAME },
  { pattern: /\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Tt]he\s+previous)\s+year\b/g, resolve: resolveRelativeYear, needs: HAS_YEAR_WORD },
  {
    pattern: new RegExp(`\\b(?:(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ss]ince|[Uu]ntil|[Bb]y)\\s+)?${MFULL},?\\s+${Y}\\b(?!\\s*[-–/]?\\d)`, "g"),
    resolve: resolveMonth,
    needs: HAS_MONTH_NAME,
  },
  { pattern: new RegExp(`\\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ss]ince|[Uu]ntil|[Bb]y)\\s+${MFULL}\\b(?![\\s,]*\\d)`, "g"), resolve: resolveMonth, needs: HAS_MONTH_NAME },
  { pattern: new RegExp(`\\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ss]ince)\\s+${Y}\\b(?!\\s*[-–/]\\d)`, "g"), resolve: resolveYear, needs: HAS_YEAR },
  // Weekdays (chrono would pick the coming one; news means the past one).
  {
    pattern: new RegExp(`\\b(?:(?:[Ll]ater|[Ee]arlier|[Ll]ate|[Ee]arly)\\s+)?(?:(?:[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil)\\s+)?(?:([Ll]ast|[Tt]his|[Nn]ext|[Pp]revious)\\s+)?${WD}(?:\\s+(?:morning|afternoon|evening|night))?\\b`, "g"),
    resolve: resolveWeekday,
    needs: HAS_DAY,
  },
];

// ---------------------------------------------------------------- search

interface Candidate {
  index: number;
  text: string;
  range: DateRange;
}

const PREPOSITION_BEFORE = /(?:^|\s)((?:[Oo]n|[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Ff]rom|[Uu]ntil|[Aa]t)\s+)$/;
const CHRONO_WORD = /\b(?:yesterday|today|tonight|tomorrow|ago|last\s+night)\b|\d{1,4}[/.]\d{1,2}[/.]\d{1,4}/gi;
const CHRONO_RELATIVE = /\b(?:yesterday|today|tonight|tomorrow|ago|last\s+night)\b/i;
const CHRONO_NUMERIC = /^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$/;
// chrono reads a window this wide around each of its words ("three days ago", "at noon yesterday").
const CHRONO_WINDOW = 40;
const CHRONO_WINDOW_MAX = 400;

function regexCandidates(text: string, ctx: Ctx): Candidate[] {
  const found: Candidate[] = [];
  // Each word tested once per text (six words for 22 patterns).
  const held: (boolean | undefined)[] = [];
  for (const { pattern, resolve, needs } of MATCHERS) {
    const at = NEEDED.indexOf(needs);
    held[at] ??= needs.test(text);
    if (!held[at]) continue;
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

/** "a week ago" is a week give or take; "a month ago" a month give or take; "years ago" a year. */
function widenAgo(phrase: string, date: Date): DateRange {
  if (/\bweeks?\s+ago\b/i.test(phrase)) return range(addDays(date, -2), addDays(date, 2), DatePrecision.APPROXIMATE);
  if (/\bmonths?\s+ago\b/i.test(phrase)) return range(addDays(date, -10), addDays(date, 10), DatePrecision.APPROXIMATE);
  if (/\byears?\s+ago\b/i.test(phrase)) {
    const year = date.getUTCFullYear();
    return range(ymd(year, 1, 1), ymd(year, 12, 31), DatePrecision.YEAR);
  }
  return day(date);
}

/** Relative days ("yesterday", "two days ago") and numeric dates from chrono, read around their words only. */
function chronoCandidates(text: string, ctx: Ctx): Candidate[] {
  // Windows around chrono's words, merged where they touch.
  const windows: [number, number][] = [];
  CHRONO_WORD.lastIndex = 0;
  let word: RegExpExecArray | null;
  while ((word = CHRONO_WORD.exec(text)) !== null) {
    const from = Math.max(0, word.index - CHRONO_WINDOW);
    const to = Math.min(text.length, word.index + word[0].length + CHRONO_WINDOW);
    const last = windows[windows.length - 1];
    // Merged only up to a bounded size: chrono's cost grows faster than its input.
    if (last && from <= last[1] && to - last[0] <= CHRONO_WINDOW_MAX) last[1] = to;
    else windows.push([from, to]);
  }
  const found: Candidate[] = [];
  for (const [from, to] of windows) {
    for (const result of chrono.parse(text.slice(from, to), { instant: addDays(ctx.today, 0.5), timezone: 0 })) {
      const relative = CHRONO_RELATIVE.test(result.text);
      const numeric = CHRONO_NUMERIC.test(result.text.trim());
      if (!relative && !numeric) continue;
      const start = result.start;
      const month = start.get("month") ?? 1;
      const dayOfMonth = start.get("day") ?? 1;
      const year = numeric && !start.isCertain("year") ? inferYear(month, dayOfMonth, ctx.today, null, ctx.tense) : (start.get("year") ?? ctx.today.getUTCFullYear());
      found.push({ index: from + result.index, text: result.text, range: widenAgo(result.text, ymd(year, month, dayOfMonth)) });
    }
  }
  return found;
}

/** Longest first; a candidate overlapping a longer one is dropped. Text order. */
function dropOverlaps(candidates: Candidate[], length: number): Candidate[] {
  if (candidates.length <= 1) return [...candidates];
  // Kept candidates never overlap, so marking their characters makes each check
  // cost the candidate's own length: linear in the text, however many there are.
  const taken = new Uint8Array(length + 1);
  const kept: Candidate[] = [];
  const byLength = [...candidates].sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  for (const candidate of byLength) {
    const end = Math.min(length, candidate.index + candidate.text.length);
    let free = true;
    for (let i = candidate.index; i < end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, candidate.index, end);
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
  if (/^since\b/i.test(phrase) && resolved.startDate <= ctx.today && resolved.precision !== DatePrecision.RANGE) {
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

// The publication day of the last article dated: every sentence of an article asks for the same one.
let lastDay: { time: number; day: Date } | null = null;

function publicationDay(publishedAt: Date): Date {
  if (lastDay?.time !== publishedAt.getTime()) lastDay = { time: publishedAt.getTime(), day: utcDay(publishedAt) };
  return lastDay.day;
}

function toContext(context: DateContext): Ctx {
  const future = context.future ?? false;
  return { today: publicationDay(context.publishedAt), future, tense: future ? "future" : context.past ? "past" : "neutral", anchor: context.anchor ?? null };
}

// Any word a pattern or chrono needs (case aside): one search tells most sentences have no date at all.
const ANY_DATE_WORD = new RegExp([...NEEDED, CHRONO_WORD].map((r) => r.source).join("|"), "i");

/** Every date phrase in `text`, in text order. */
export function findDates(text: string, context: DateContext): LocatedDate[] {
  if (!ANY_DATE_WORD.test(text)) return [];
  const ctx = toContext(context);
  const candidates = dropOverlaps([...regexCandidates(text, ctx), ...chronoCandidates(text, ctx)], text.length);
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
