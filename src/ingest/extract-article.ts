// Turns one news page (scraped plain text or HTML) into an ExtractedArticle:
// the article's own words and metadata, with the site's chrome left behind.
//
// Input rules
//   - Exactly one of `text` / `html`; empty or whitespace-only → EMPTY_INPUT.
//   - More than MAX_PAGE_BYTES of UTF-8, or HTML of more than MAX_PAGE_ELEMENTS
//     elements → TOO_LARGE.
//   - Any NUL, or many control / U+FFFD characters (binary or mis-decoded
//     bytes) → UNSUPPORTED_ENCODING.
//   - No headline, or no paragraph of real prose → NO_ARTICLE; so is a page
//     with no findable publication date (a guessed date would corrupt every
//     relative date resolved against it).
//
// Plain-text rules (one line = one unit; blank lines carry no meaning)
//   - Chrome lines: a line of icon names (≥ 3 tokens ending in "icon", at
//     least a third of the line), cookie notices, "© … All rights reserved",
//     UI words ("Share", "Sign in", "Skip to …"), "Read more"/"Related" labels.
//   - Prose: has lower case and ends with . ! ? … (closing quotes allowed);
//     ≥ 4 words for the first prose line, which anchors the article, ≥ 2 after.
//   - Head: walk back from the first prose line, skipping datelines, bylines,
//     captions, image titles and UI chrome; the title-like lines met (at most
//     two) are headline and standfirst. Anything else (a breadcrumb, a short
//     menu word, icons) ends the head. If only the headline is found, the
//     first prose line is the standfirst when a byline or dateline follows it.
//   - Dateline: a line with a four-digit year whose chrono-node date (day and
//     year known) covers it apart from labels ("Published", "Updated", "on",
//     "|" segments). The first non-"updated" one in the head wins; then any
//     dateline on the page; then a date in the URL. No zone → UTC; no time →
//     00:00 UTC. The printed text is chrono's match ("on" trimmed).
//   - Byline: "By X" (cut at " | "), or a line of 1–4 people ("A B in C and
//     D E") next to the dateline.
//   - Breadcrumb: "News › Central Asia › Kazakhstan" (› » > →, or " / " after
//     "Home"), or a glued "Home" prefix ("HomeRussia & FSU"); the section is
//     the last crumb that is not "Home".
//   - Caption: text followed by "© credit", or "Photograph:/Photo:/Credit: x".
//     A title-like line just before it that repeats another head line is the
//     image title (RT prints the headline there).
//   - Body: prose lines from the body start until an end marker ("Top
//     stories", "Most read", "Tags:", "… Explainers", copyright, cookies).
//     "X / Read more / X", "Read more: X" and "Related:" lists (with URLs in
//     brackets) become related links; other non-prose lines (crossheads,
//     "Advertisement") are dropped.
//   - Copyright line ("©"/"Copyright ©|year" first) → copyrightHolder without
//     "©", years, "All rights reserved", "or its affiliated companies".
//   - Publisher name: input.publisher, else "<Name> (News) App" / "Read <Name>
//     Privacy policy" lines (most frequent), else null.
//
// HTML rules
//   - Parsed by linkedom (scripts are removed, never run; JSON-LD is only
//     JSON.parse'd). Metadata: JSON-LD NewsArticle first, then og:/article:
//     meta tags, then visible markup (<h1>, <time>, .byline, .breadcrumbs,
//     .standfirst/.summary, the footer's © line); language from <html lang>.
//   - publishedText is the printed date (<time> text or a .date element);
//     publishedAt prefers the machine-readable value.
//   - Related links ("Read more"/"Related" labelled blocks, or related /
//     read-more classes) and <figure>s are taken out before the body is read;
//     figures give url, title attribute, figcaption caption and credit (a
//     .credit element or a "©" / "Photo:" tail), gaps filled from JSON-LD.
//   - nav, aside, footer, forms, cookie/share/ad/social blocks are removed.
//   - Body: <p>s of [itemprop=articleBody] or the <article>; without such
//     markup, Mozilla Readability picks the content. Whitespace is collapsed
//     as a browser would (ASCII only: NBSPs stay); paragraphs must be prose.
import { Readability } from "@mozilla/readability";
import * as chrono from "chrono-node";
import { parseHTML } from "linkedom";
import type { ExtractedArticle, PageInput } from "./types";
import { utcDay } from "../data/dates";

/**
 * Why a page was refused. TOO_SLOW comes from the extraction pool
 * (extraction-pool.ts), never from extractArticle itself: the page took longer
 * than its time budget and its worker thread was stopped.
 */
export type ExtractionErrorCode = "EMPTY_INPUT" | "NO_ARTICLE" | "TOO_LARGE" | "UNSUPPORTED_ENCODING" | "TOO_SLOW";

export class ExtractionError extends Error {
  constructor(
    public readonly code: ExtractionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ExtractionError";
  }
}

export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

type Image = ExtractedArticle["images"][number];
type RelatedLink = ExtractedArticle["relatedLinks"][number];

export function extractArticle(input: PageInput): ExtractedArticle {
  const page = checkInput(input);
  return page.kind === "html" ? extractFromHtml(page.content, input) : extractFromText(page.content, input);
}

// ---------------------------------------------------------------------------
// Input checks

function checkInput(input: PageInput): { kind: "text" | "html"; content: string } {
  // null counts as absent: JSON and GraphQL callers send it for the unused field.
  const hasText = input.text !== undefined && input.text !== null;
  const hasHtml = input.html !== undefined && input.html !== null;
  if (hasText && hasHtml) {
    throw new ExtractionError("EMPTY_INPUT", "Give the page either as text or as HTML, not both.");
  }
  if (!hasText && !hasHtml) {
    throw new ExtractionError("EMPTY_INPUT", "No page was given: provide the page as text or as HTML.");
  }
  const kind = hasHtml ? "html" : "text";
  const content: unknown = hasHtml ? input.html : input.text;
  if (typeof content !== "string") throw new ExtractionError("EMPTY_INPUT", `The page ${kind} must be a string.`);
  const bytes = Buffer.byteLength(content, "utf8");
  if (bytes > MAX_PAGE_BYTES) {
    throw new ExtractionError(
      "TOO_LARGE",
      `The page is ${(bytes / 1024 / 1024).toFixed(1)} MB; pages larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB are not accepted.`,
    );
  }
  if (content.trim() === "") {
    throw new ExtractionError("EMPTY_INPUT", `The page ${kind} is empty.`);
  }
  const bad = countUndecodable(content);
  if (bad.nul > 0 || (bad.other >= 5 && bad.other / content.length > 0.01)) {
    throw new ExtractionError(
      "UNSUPPORTED_ENCODING",
      "The page contains binary data or characters that could not be decoded; send the page as UTF-8 text.",
    );
  }
  return { kind, content };
}

/** NULs, other control characters (not tab/newline) and U+FFFD replacement characters. */
function countUndecodable(s: string): { nul: number; other: number } {
  let nul = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) other++;
  }
  return { nul, other };
}

function noArticle(message: string): ExtractionError {
  return new ExtractionError("NO_ARTICLE", message);
}

// ---------------------------------------------------------------------------
// Line rules shared by text and HTML

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
const TERMINAL = /[.!?…]["'”’)\]»]*$/;
const COOKIE = /\bcookies?\b/i;
const CHROME_SENTENCE = /\b(?:all rights reserved|sign up (?:for|to) (?:our|the)|subscribe to our|our newsletter|download (?:our|the) app|click here|terms of (?:use|service))\b/i;
const UI_CHROME =
  /^(?:skip to\b.*|share(?: (?:on|via|this)\b.*)?|tweet|email|print(?: subscriptions)?|save(?: for later)?|sign (?:in|up|out)|log ?(?:in|out)|register|subscribe\b.*|search(?: jobs)?|menu|close|reuse this content|listen(?: to this article)?|advertisement|sponsored|show more|load more|back to top|this article is more than .* old|jump to\b.*|follow (?:us|@?\S+ on)\b.*|(?:view )?comments?(?: \(\d+\))?|open in app|all podcasts)$/i;
const END_MARKER =
  /^(?:top stories|most (?:read|popular|viewed|shared)|trending(?: now)?|latest(?: news| stories)?|more (?:stories|news|from\b.*)|you (?:may|might) also like|recommended(?: for you)?|editor['’]s picks|(?:all )?podcasts?|comments?|join the conversation|explore more on these topics|related topics|topics|(?:\S+ )?explainers?|newsletters?)\s*:?$|^(?:tags|topics|filed under)\s*:/i;
const RELATED_LABEL =
  /^(?:read more|read also|also read|see also|related(?: (?:stories|articles|coverage|content|news|reading))?|more on this(?: story| topic)?)\s*[:»›→]?$/i;
const INLINE_RELATED = /^(?:read more|read also|also read|see also|related)\s*[:»›→|–—]\s*(.+)$/i;

function words(s: string): string[] {
  return s.match(WORD) ?? [];
}

const WORD_COUNTER = new RegExp(WORD.source, "gu");

/** words(s).length >= n, without listing the words of a long line. */
function hasWords(s: string, n: number): boolean {
  WORD_COUNTER.lastIndex = 0;
  let count = 0;
  while (count < n && WORD_COUNTER.exec(s) !== null) count++;
  return count >= n;
}

/** Collapses HTML whitespace (ASCII only, as browsers do: NBSPs stay) and trims. */
function collapse(s: string | null | undefined): string {
  return (s ?? "").replace(/[ \t\n\r\f]+/g, " ").trim();
}

function isIconLine(line: string): boolean {
  if (!/icon/i.test(line)) return false; // no token ends in "icon": not split
  const tokens = line.split(/\s+/);
  const icons = tokens.filter((t) => /icon$/i.test(t)).length;
  return icons >= 3 && icons * 3 >= tokens.length;
}

function isCookieLine(line: string): boolean {
  return COOKIE.test(line) && /\b(?:use|uses|accept|consent|privacy|settings|policy|manage)\b/i.test(line);
}

function isUiChrome(line: string): boolean {
  return UI_CHROME.test(line) && !hasWords(line, 9);
}

/** Where the trailing chrome starts ("Top stories", "Tags: …"); never a sentence. */
function isEndMarker(line: string): boolean {
  return END_MARKER.test(line) && !TERMINAL.test(line);
}

/** Lines that are never article text, wherever they appear. */
function isChromeLine(line: string): boolean {
  return (
    isIconLine(line) ||
    isCookieLine(line) ||
    parseCopyrightHolder(line) !== null ||
    isUiChrome(line) ||
    RELATED_LABEL.test(line) ||
    CHROME_SENTENCE.test(line)
  );
}

/** A sentence-shaped line; the first one of an article must have ≥ 4 words, later ones ≥ 2 (“Never,” he said.). */
function isProse(line: string, minWords = 4): boolean {
  return TERMINAL.test(line) && /\p{Ll}/u.test(line) && hasWords(line, minWords);
}

/** A headline-shaped line: a few words, no full stop at the end. */
function isTitleLike(line: string): boolean {
  return line.length >= 15 && line.length <= 250 && !/[.,;:]$/.test(line) && /\p{L}/u.test(line) && hasWords(line, 3);
}

const PERSON = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|der|al|bin|la|le|du)){1,3}";
const PLACE = "\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)?";
const NAME_GROUP = new RegExp(`^${PERSON}(?:\\s+in\\s+${PLACE})?$`, "u");

/** "Daniyar Oralov in Almaty and Helen Marsh": people (2–4 capitalised words), each maybe "in <place>". */
/** Longer than any line of up to four names (and the splits below would retry every space of a long run). */
const MAX_NAME_LINE = 400;

function isNameLike(line: string): boolean {
  if (line.length > MAX_NAME_LINE || /\d|[.!?:]$/.test(line)) return false;
  const groups = line.replace(/^by\s+/i, "").split(/\s*,\s*(?:and\s+)?|\s+and\s+/);
  return groups.length <= 4 && groups.every((g) => NAME_GROUP.test(g));
}

/** "By Aliya Serikbayeva | Steppe Wire" → "Aliya Serikbayeva". */
function parseByline(line: string): string | null {
  for (const segment of splitOnBars(line)) {
    const m = /^by\s+(\p{Lu}.*)$/iu.exec(segment.trim());
    if (m && words(m[1]).length <= 15 && !TERMINAL.test(m[1])) return m[1].trim();
  }
  return null;
}

function isSpace(c: string): boolean {
  return /\s/.test(c);
}

/**
 * line.split(/\s+[|•·]\s+/) ("By X | Outlet", "9 Jan 2022 · Updated …") in
 * linear time: the regex tries every space of a long run as the start of a match.
 */
function splitOnBars(line: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let k = 1; k < line.length - 1; k++) {
    const c = line[k];
    if ((c !== "|" && c !== "•" && c !== "·") || k - 1 < from || !isSpace(line[k - 1]) || !isSpace(line[k + 1])) continue;
    let start = k - 1;
    while (start > from && isSpace(line[start - 1])) start--;
    let end = k + 1;
    while (end < line.length && isSpace(line[end])) end++;
    parts.push(line.slice(from, start));
    from = end;
    k = end - 1;
  }
  parts.push(line.slice(from));
  return parts;
}

/** Splits "caption. © credit" / "caption. Photograph: credit" into its parts. */
function splitCaption(line: string): Omit<Image, "title" | "url"> | null {
  const at = line.indexOf("©");
  if (at >= 0) {
    const notice = line.slice(at).trim();
    const credit = notice.slice(1).trim();
    if (credit === "" || words(credit).length > 10 || /rights reserved/i.test(credit)) return null;
    // A leading © with a year is the site's copyright line, not a photo credit.
    if (at === 0 && /\b(?:19|20)\d{2}\b/.test(credit)) return null;
    const caption = line.slice(0, at).trim();
    return { caption: caption || null, credit, copyrightNotice: notice };
  }
  const labelled = labelledCredit(line);
  if (labelled && words(labelled.credit).length <= 10) {
    return { caption: labelled.caption.trim() || null, credit: labelled.credit.trim(), copyrightNotice: null };
  }
  return null;
}

const CREDIT_LABEL = /\b(?:Photograph|Photo|Image|Picture|Credit|Photo credit)s?:/g;
const CREDIT_TAIL = /^\s*([^()]{2,80}?)\)?$/;

/**
 * "caption (Photo: credit)": what /^(.*?)\s*\(?\b(?:label)s?:\s*([^()]{2,80}?)\)?$/
 * would match, read label by label in linear time (that regex retries its lazy
 * caption at every position and rescans the spaces after it: quadratic on a long
 * line of spaces). The first label whose tail is a short credit wins; the caption
 * is the text before it, without the spaces and "(" in between.
 */
function labelledCredit(line: string): { caption: string; credit: string } | null {
  CREDIT_LABEL.lastIndex = 0;
  let label: RegExpExecArray | null;
  while ((label = CREDIT_LABEL.exec(line)) !== null) {
    let captionEnd = label.index;
    if (line[captionEnd - 1] === "(") captionEnd--;
    while (captionEnd > 0 && /\s/.test(line[captionEnd - 1])) captionEnd--;
    // The caption is "." repeated: it never crosses a line terminator.
    if (/[\n\r\u2028\u2029]/.test(line.slice(0, captionEnd))) return null;
    const after = label.index + label[0].length;
    let credit = after;
    while (credit < line.length && /\s/.test(line[credit])) credit++;
    // The credit is 2 to 80 characters: at most two of the spaces before it can be part of it.
    const tail = CREDIT_TAIL.exec(line.slice(Math.max(after, credit - 2)));
    if (tail) return { caption: line.slice(0, captionEnd), credit: tail[1] };
  }
  return null;
}

/** "© Autonomous Nonprofit Organization “TV-Novosti”, 2005–2022. All rights reserved." → the holder. */
function parseCopyrightHolder(line: string): string | null {
  if (!/^(?:©|\(c\)|copyright\s*(?:©|\(c\)|(?:19|20)\d{2}\b))/i.test(line)) return null;
  if (!/rights reserved/i.test(line) && !/\b(?:19|20)\d{2}\b/.test(line)) return null;
  const holder = line
    .replace(/^(?:copyright\s*)?(?:©|\(c\))?\s*/i, "")
    .replace(/\ball rights reserved\b\.?/i, "")
    .replace(/\b(?:19|20)\d{2}(?:\s*[–—-]\s*(?:19|20)\d{2})?\b/g, "")
    // (?<!\s): the match starts where a run of spaces does, as the leftmost one did, without retrying each space of it.
    .replace(/(?<!\s)\s+or its affiliat.*$/i, "");
  const cleaned = trimListPunctuation(dropDanglingPunctuation(holder)).replace(/ {2,}/g, " ");
  return cleaned === "" ? null : cleaned;
}

const LIST_PUNCTUATION = /[,.;]/;

/**
 * s.replace(/\s*[,.;]\s*(?=[,.;]|$)/g, "") ("Foo, , 2022." → "Foo") in linear
 * time: the regex rescans a run of spaces from each of its characters.
 */
function dropDanglingPunctuation(s: string): string {
  // runEnd[p]: the first index ≥ p that is not a space.
  const runEnd = new Int32Array(s.length + 2);
  runEnd[s.length] = s.length;
  runEnd[s.length + 1] = s.length;
  for (let p = s.length - 1; p >= 0; p--) runEnd[p] = isSpace(s[p]) ? runEnd[p + 1] : p;
  let out = "";
  let copied = 0;
  let p = 0;
  while (p < s.length) {
    const mark = runEnd[p];
    if (mark < s.length && LIST_PUNCTUATION.test(s[mark])) {
      const end = runEnd[mark + 1];
      if (end === s.length || LIST_PUNCTUATION.test(s[end])) {
        out += s.slice(copied, p);
        copied = p = end;
        continue;
      }
    }
    // Every start up to `mark` meets the same character there: none of them matches.
    p = mark + 1;
  }
  return out + s.slice(copied);
}

/** s.replace(/^[\s,.;:–—-]+|[\s,.;:–—-]+$/g, ""), without the end-anchored retry at every position. */
function trimListPunctuation(s: string): string {
  const strip = (c: string) => isSpace(c) || ",.;:–—-".includes(c);
  let start = 0;
  while (start < s.length && strip(s[start])) start++;
  let end = s.length;
  while (end > start && strip(s[end - 1])) end--;
  return s.slice(start, end);
}

const SITE_NAME = "(\\p{Lu}[\\p{L}\\d&'’-]*(?:\\s+[\\p{Lu}\\d][\\p{L}\\d&'’-]*){0,3}?)";
// What a line needs for PUBLISHER_PATTERNS ("… App", "Read … Privacy Policy").
const PUBLISHER_WORDS = /[Aa]pp|[Pp]rivacy\s+[Pp]olicy/;
const PUBLISHER_PATTERNS = [
  new RegExp(`^(?:[Dd]ownload |[Gg]et )?(?:[Tt]he )?${SITE_NAME}\\s+(?:[Nn]ews\\s+)?[Aa]pp$`, "u"),
  new RegExp(`\\b[Rr]ead\\s+${SITE_NAME}\\s+[Pp]rivacy [Pp]olicy\\b`, "u"),
];

// "Mobile App", "Our App": words, not names.
const GENERIC_APP_WORDS = /^(?:mobile|our|free|official|news|ios|android|web|desktop|download|get|open)$/i;

/** The name the page gives itself ("RT News App" → "RT"); the most frequent wins. */
function inferPublisherName(lines: string[]): string | null {
  const votes = new Map<string, number>();
  for (const line of lines) {
    for (const pattern of PUBLISHER_PATTERNS) {
      const m = pattern.exec(line);
      if (m && !GENERIC_APP_WORDS.test(m[1])) votes.set(m[1], (votes.get(m[1]) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [name, n] of votes) if (best === null || n > (votes.get(best) ?? 0)) best = name;
  return best;
}

// ---------------------------------------------------------------------------
// Dates

interface Dateline {
  text: string;
  date: Date;
  /** The calendar day as printed. */
  day: Date;
  isUpdate: boolean;
}

const DATE_LABELS = /\b(?:first|published|posted|updated|last|modified|date|on|at|time)\b/gi;

/** Most lines of one page read by chrono-node (~50 µs each): real pages have a few dozen candidates; past that a hostile page (100,000 dateline-shaped lines) gets no more. */
const MAX_DATELINE_READINGS = 1000;

/**
 * parseDateline for one page: each distinct line is read once (the head rules
 * ask about the same lines again and again), and at most MAX_DATELINE_READINGS
 * of them, in the order the rules ask (nearest the body first).
 */
function datelineReader(): (line: string) => Dateline | null {
  const seen = new Map<string, Dateline | null>();
  let left = MAX_DATELINE_READINGS;
  return (line) => {
    if (!mayBeDateline(line)) return null;
    const known = seen.get(line);
    if (known !== undefined) return known;
    if (left <= 0) return null;
    left--;
    const dateline = parseDateline(line);
    seen.set(line, dateline);
    return dateline;
  };
}
type DatelineReader = ReturnType<typeof datelineReader>;

/** chrono is slow: only lines short enough and carrying a four-digit year are tried. */
function mayBeDateline(line: string): boolean {
  return line.length <= 120 && line.length >= 6 && /(?:19|20)\d{2}/.test(line);
}

/** A line that is (apart from labels) a full date, e.g. "Published: 9 Jan, 2022 12:13". */
function parseDateline(line: string): Dateline | null {
  if (!mayBeDateline(line)) return null;
  for (const segment of splitOnBars(line)) {
    const found = parseDateIn(segment);
    if (!found) continue;
    const leftover = segment.slice(0, found.start) + " " + segment.slice(found.end);
    if (!/^[\s\p{P}]*$/u.test(leftover.replace(DATE_LABELS, ""))) continue;
    return { text: found.text, date: found.date, day: found.day, isUpdate: /updated|modified/i.test(leftover) };
  }
  return null;
}

/** The first date with day and year in `s`, via chrono-node; UTC when no zone, 00:00 when no time. */
function parseDateIn(s: string): { text: string; start: number; end: number; date: Date; day: Date } | null {
  const results = chrono.parse(s, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 }, { forwardDate: false });
  const first = results[0];
  if (!first || !first.start.isCertain("year") || !first.start.isCertain("day")) return null;
  let start = first.index;
  let end = first.index + first.text.length;
  let time = first.start;
  // "Jan 9, 2022 — 12:13" comes back as two results: join the time to the date.
  const next = results[1];
  if (!time.isCertain("hour") && next && next.start.isCertain("hour") && !next.start.isCertain("day") && next.index - end <= 4) {
    end = next.index + next.text.length;
    time = next.start;
  }
  const lead = /^(?:on|at)\s+/i.exec(s.slice(start, end));
  if (lead) start += lead[0].length;
  const hasTime = time.isCertain("hour");
  const offset = time.isCertain("timezoneOffset") ? (time.get("timezoneOffset") ?? 0) : 0;
  const utc = Date.UTC(
    first.start.get("year") ?? 0,
    (first.start.get("month") ?? 1) - 1,
    first.start.get("day") ?? 1,
    hasTime ? (time.get("hour") ?? 0) : 0,
    hasTime ? (time.get("minute") ?? 0) : 0,
    hasTime ? (time.get("second") ?? 0) : 0,
  );
  const day = new Date(Date.UTC(first.start.get("year") ?? 0, (first.start.get("month") ?? 1) - 1, first.start.get("day") ?? 1));
  return { text: s.slice(start, end).trim(), start, end, date: new Date(utc - offset * 60_000), day };
}

/** ISO-ish machine dates; a missing zone means UTC, not the server's local time. */
function parseMachineDate(value: unknown): Date | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const s = value.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso) {
    // Only strict ISO goes to Date(): other strings it would read in the server's zone.
    const date = new Date(iso[2] ? `${iso[1]}T${iso[2]}${(iso[3] ?? "Z").replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")}` : iso[1]);
    if (!Number.isNaN(date.getTime())) return date;
  }
  // A date is a few words: chrono-node on a long text (a 2 MB <time>) takes seconds.
  if (s.length > MAX_DATE_TEXT) return null;
  return parseDateIn(s)?.date ?? null;
}

/** Longest text read as a machine or printed date. */
const MAX_DATE_TEXT = 1000;

/** /2022/01/09/ or 2022-01-09 in the URL, as a last resort. */
function dateFromUrl(url: string | null): Date | null {
  const m = url ? /(20\d{2}|19\d{2})[/-](\d{2})[/-](\d{2})(?!\d)/.exec(url) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

// ---------------------------------------------------------------------------
// Plain text

interface TextHead {
  /** null: the page prints no headline line before its body. */
  headline: number | null;
  standfirst: number | null;
  bodyStart: number;
  imageTitle: number | null;
}

function extractFromText(raw: string, input: PageInput): ExtractedArticle {
  const prefix = takeDatePrefix(raw);
  const trailingPromos: string[] = [];
  const lines = unwrapHardWrapped(prefix.text.split(/\r\n|\r|\n/).map((l) => l.trim())).map((l) => withoutTrailer(l, trailingPromos));
  let firstProse = lines.findIndex((l) => isBodyProse(l));
  // A page with no sentence-shaped line (a scrape that lost its full stops) is
  // still read: its longest lines of words are the body.
  if (firstProse < 0) firstProse = lines.findIndex((l) => !isChromeLine(l) && words(l).length >= 8 && /\p{Ll}/u.test(l));
  if (firstProse < 0) throw noArticle("No article found: the page has no paragraph of article text (only menus, links or short lines).");
  const readDateline = datelineReader();
  const head = findHead(lines, firstProse, readDateline);
  const headLines = lines.slice(0, head.bodyStart);
  const url = input.url ?? null;

  const datelines = headLines.map(readDateline).filter((d): d is Dateline => d !== null);
  const dateline = datelines.find((d) => !d.isUpdate) ?? datelines[0] ?? firstDateline(lines, readDateline);
  const body = readTextBody(lines, head.bodyStart);
  if (body.paragraphs.length === 0) throw noArticle("No article found: the page has no paragraph of article text.");
  // A date line printed on the page beats the scraper's prefix (often the day it was saved).
  const published = choosePublished(input, [
    { date: dateline?.date ?? null, day: dateline?.day, source: "PAGE", text: dateline?.text ?? null },
    { date: prefix.date, day: machineDay(prefix.printed), source: "PAGE", text: prefix.printed },
    { date: leadingDate(body.paragraphs[0]), source: "PAGE", text: null },
    { date: dateFromUrl(url), source: "URL", text: null },
  ]);

  const images = [...headImages(lines, head), ...body.images];
  const headline = input.headline ?? (head.headline === null ? fallbackHeadline(url, body.paragraphs) : lines[head.headline]);
  return {
    headline,
    alternativeHeadline: head.standfirst === null ? null : lines[head.standfirst],
    section: headLines.map(parseBreadcrumb).find((s) => s !== null) ?? null,
    byline: findTextByline(lines, head, readDateline),
    language: input.language ?? "en",
    ...published,
    paragraphs: body.paragraphs,
    images,
    relatedLinks: [...body.relatedLinks, ...trailingPromos.map(parseLinkLine)],
    copyrightHolder: lines.map(parseCopyrightHolder).find((h) => h !== null) ?? null,
    publisherName: input.publisher ?? inferPublisherName(lines),
    url,
  };
}

function firstDateline(lines: string[], readDateline: DatelineReader): Dateline | null {
  for (const line of lines) {
    const dateline = readDateline(line);
    if (dateline) return dateline;
  }
  return null;
}

/** "5th August 2019 – (City) Police said …": a date that opens the first paragraph, before a dash. */
function leadingDate(paragraph: string | undefined): Date | null {
  const m = paragraph ? /^([^–—-]{6,40}?)\s+[–—-]\s+/.exec(paragraph) : null;
  if (!m || !/(?:19|20)\d{2}/.test(m[1])) return null;
  const found = parseDateIn(m[1]);
  return found && found.start === 0 ? found.date : null;
}

/** Scrapers that save a page's date write it first as " date YYYY-MM-DD ". */
function takeDatePrefix(text: string): { text: string; date: Date | null; printed: string | null } {
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?=\s)/.exec(text);
  const date = m ? parseMachineDate(m[1]) : null;
  return date && m ? { text: text.slice(m[0].length), date, printed: m[1] } : { text, date: null, printed: null };
}

type PublishedFields = Pick<ExtractedArticle, "publishedAt" | "publishedAtSource" | "publishedText" | "publishedDay">;

/** A candidate publication date; `day` is the calendar day as printed (else the UTC day of `date`). */
interface PublishedCandidate {
  date: Date | null;
  day?: Date | null;
  source: ExtractedArticle["publishedAtSource"];
  text: string | null;
}

/** The caller's date, else the first candidate found; else unknown, never a guess. */
function choosePublished(input: PageInput, candidates: PublishedCandidate[]): PublishedFields {
  if (input.publishedAt) return { publishedAt: input.publishedAt, publishedAtSource: "CALLER", publishedText: null, publishedDay: utcDay(input.publishedAt) };
  const found = candidates.find((c) => c.date !== null);
  if (!found?.date) return { publishedAt: null, publishedAtSource: "UNKNOWN", publishedText: null, publishedDay: null };
  return { publishedAt: found.date, publishedAtSource: found.source, publishedText: found.text, publishedDay: found.day ?? utcDay(found.date) };
}

/** The calendar day a machine or printed date gives ("2024-07-19T04:49:00+05:30" → 19 July), if it gives one. */
function machineDay(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return value.length <= MAX_DATE_TEXT ? (parseDateIn(value.trim())?.day ?? null) : null;
}

/** A candidate from a machine-readable value: its instant and the day it prints. */
function machineCandidate(value: unknown, source: ExtractedArticle["publishedAtSource"], text: string | null): PublishedCandidate {
  const date = parseMachineDate(value);
  return { date, day: date ? machineDay(value) : null, source, text };
}

/** A page with no headline line: the URL's slug ("/kazakh-unrest-toll-rises-1234.html"), else the first sentence, cut short. */
function fallbackHeadline(url: string | null, paragraphs: string[]): string {
  const slug = url ? slugHeadline(url) : null;
  if (slug) return slug;
  const first = paragraphs[0] ?? "";
  const sentence = /^.*?[.!?](?=\s|$)/.exec(first)?.[0] ?? first;
  return sentence.length <= 160 ? sentence : `${sentence.slice(0, 157).replace(/\s+\S*$/, "")}…`;
}

function slugHeadline(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const segments = decodeURIComponent(path).split("/").filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    const slugWords = segments[i]
      .replace(/\.[a-z0-9]{2,5}$/i, "")
      .split(/[-_+]+/)
      // A timestamp glued to the last word ("burkina-faso20210504155309") is no part of it.
      .map((w) => w.replace(/(\p{L})\d{8,}$/u, "$1"))
      .filter((w) => w !== "");
    // Ids ("-a75995", "-1444821", "-119042501366_1") and leading dates ("2022-04-20-") are not words of the title.
    while (slugWords.length > 1 && /^\d{1,2}$/.test(slugWords[slugWords.length - 1]) && /^[a-z]{0,2}\d{5,}$/i.test(slugWords[slugWords.length - 2])) slugWords.pop();
    while (slugWords.length > 0 && /^[a-z]{0,2}\d{5,}$/i.test(slugWords[slugWords.length - 1])) slugWords.pop();
    if (slugWords.length > 3 && slugWords.slice(0, 3).every((w) => /^\d{1,4}$/.test(w))) slugWords.splice(0, 3);
    if (slugWords.length >= 3 && slugWords.some((w) => /^[a-z]{3,}$/i.test(w))) {
      const title = slugWords.join(" ");
      return title.charAt(0).toUpperCase() + title.slice(1);
    }
  }
  return null;
}

/**
 * A paragraph saved with hard line breaks ("… the President announced that six
 * people had died and 214" / "people had been injured, …") is joined back: a
 * line that does not end a sentence runs on into the next line when that line
 * starts in lower case, or, on a page wrapped at a fixed width (three such
 * joints or more), when the line is about as long as the wrap.
 */
function unwrapHardWrapped(lines: string[]): string[] {
  const runsOn = (i: number) => lines[i] !== "" && i + 1 < lines.length && lines[i + 1] !== "" && !TERMINAL.test(lines[i]) && words(lines[i]).length >= 5 && !/[:|]$/.test(lines[i]);
  const lowerNext = (i: number) => /^["'“‘(]?\p{Ll}/u.test(lines[i + 1]) && !/^(?:by|updated|posted|published|last|photo|image|source)\b/i.test(lines[i + 1]);
  const joints: number[] = [];
  for (let i = 0; i < lines.length; i++) if (runsOn(i) && lowerNext(i)) joints.push(lines[i].length);
  if (joints.length === 0) return lines;
  const wrapWidth = joints.length >= 3 ? joints.sort((a, b) => a - b)[joints.length >> 1] : Infinity;
  const out: string[] = [];
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    if (open) out[out.length - 1] += " " + lines[i];
    else out.push(lines[i]);
    open = runsOn(i) && (lowerNext(i) || lines[i].length >= 0.75 * wrapWidth);
  }
  return out;
}

const PROMO_TAIL = /^(?:read more|read also|also read|see also|related|more on\b[^:]{0,40})\s*[:»›→|–—]\s*\S/i;
// "… 20 April 2022. EPA-EFE/CHAMILA KARUNARATHNE", "… on Tuesday. REUTERS/Jane Doe"
const PHOTO_CREDIT = /^\(?[\p{Lu}\d][\p{Lu}\d&.-]*(?:\s+[\p{Lu}\d][\p{Lu}\d&.-]*)*(?:\s*\/\s*\S.*|\s+via\s.*|\s+photos?)?\)?$/u;

/**
 * A line of sentences with something else after the last one: a photo credit
 * (a caption), a promo ("… READ MORE: …", kept as a related link) or a
 * sentence the scraper cut off. The sentences are kept, the tail is not.
 */
function withoutTrailer(line: string, promos: string[]): string {
  if (line.length < 40 || TERMINAL.test(line) || splitCaption(line) !== null) return line;
  const ends = [...line.matchAll(/[.!?…]["'”’)\]»]*(?=\s+\S)/g)];
  if (ends.length === 0) return line;
  const last = ends[ends.length - 1];
  const cut = last.index + last[0].length;
  const prose = line.slice(0, cut);
  const tail = line.slice(cut).trim();
  if (words(prose).length < 8) return line;
  if (PROMO_TAIL.test(tail)) {
    promos.push(tail.replace(/^[^:»›→|–—]*[:»›→|–—]\s*/, ""));
    return prose;
  }
  if (tail.length <= 120 && words(tail).length <= 6 && PHOTO_CREDIT.test(tail)) return prose;
  // A tail of a few words cut mid-sentence; a long unpunctuated tail may be the page's own style, left as it is.
  if (words(tail).length >= 3 && words(tail).length <= 60 && /\p{Ll}/u.test(tail)) return prose;
  return line;
}

function isBodyProse(line: string, minWords = 4): boolean {
  return !isChromeLine(line) && splitCaption(line) === null && !INLINE_RELATED.test(line) && isProse(line, minWords);
}

function prevNonBlank(lines: string[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (lines[j] !== "") return j;
  return -1;
}

function nextNonBlank(lines: string[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j] !== "") return j;
  return -1;
}

function isDateOrByline(lines: string[], i: number, readDateline: DatelineReader): boolean {
  const line = lines[i];
  if (readDateline(line) || parseByline(line)) return true;
  // An unlabelled name line counts as a byline only next to a dateline.
  const neighbours = [prevNonBlank(lines, i), nextNonBlank(lines, i)].filter((j) => j >= 0);
  return isNameLike(line) && neighbours.some((j) => readDateline(lines[j]) !== null);
}

/** Walks back from the first prose line to find headline, standfirst and image title. */
function findHead(lines: string[], firstProse: number, readDateline: DatelineReader): TextHead {
  const found: number[] = [];
  const nameLines: number[] = [];
  let imageTitle: number | null = null;
  for (let i = firstProse - 1; i >= 0 && found.length < 2; i--) {
    const line = lines[i];
    if (line === "" || isUiChrome(line)) continue;
    if (isDateOrByline(lines, i, readDateline)) {
      if (!readDateline(line) && !parseByline(line)) nameLines.unshift(i);
      continue;
    }
    if (splitCaption(line)) {
      const j = prevNonBlank(lines, i);
      if (j >= 0 && isTitleLike(lines[j]) && lines.slice(0, j).includes(lines[j])) {
        imageTitle = j;
        i = j;
      }
      continue;
    }
    if (isChromeLine(line) || parseBreadcrumb(line) !== null || !isTitleLike(line)) break;
    found.unshift(i);
  }
  // A short Title Case headline next to the dateline looks like a byline: take it when nothing else is found.
  if (found.length === 0 && nameLines.length > 0 && isTitleLike(lines[nameLines[0]])) found.push(nameLines[0]);
  if (found.length === 0) return { headline: null, standfirst: null, bodyStart: firstProse, imageTitle };
  if (found.length === 2) return { headline: found[0], standfirst: found[1], bodyStart: firstProse, imageTitle };
  // A one-sentence standfirst ending in a full stop looks like prose: it is
  // the standfirst when the byline or dateline comes after it.
  const after = nextNonBlank(lines, firstProse);
  const nextProse = lines.findIndex((l, k) => k > firstProse && isBodyProse(l));
  if (after >= 0 && nextProse > after && isDateOrByline(lines, after, readDateline)) {
    return { headline: found[0], standfirst: firstProse, bodyStart: nextProse, imageTitle };
  }
  return { headline: found[0], standfirst: null, bodyStart: firstProse, imageTitle };
}

function headImages(lines: string[], head: TextHead): Image[] {
  const images: Image[] = [];
  for (let i = 0; i < head.bodyStart; i++) {
    const parts = lines[i] === "" ? null : splitCaption(lines[i]);
    if (!parts) continue;
    const title = head.imageTitle !== null && prevNonBlank(lines, i) === head.imageTitle ? lines[head.imageTitle] : null;
    images.push({ title, url: null, ...parts });
  }
  return images;
}

/** "HomeRussia & FSU" or "News › Central Asia › Kazakhstan" → the last crumb. */
function parseBreadcrumb(line: string): string | null {
  if (line.length > 100) return null;
  let crumbs: string[] | null = null;
  const glued = /^Home(?=\p{Lu})(.+)$/u.exec(line);
  if (glued) {
    crumbs = glued[1].split(/(?<=\p{Ll})(?=\p{Lu})/u);
  } else if (/\s*[›»>→]\s*/.test(line)) {
    crumbs = line.split(/\s*[›»>→]\s*/);
  } else if (/^home\s+\/\s+/i.test(line)) {
    crumbs = line.split(/\s+\/\s+/);
  }
  if (!crumbs) return null;
  crumbs = crumbs.map((c) => c.trim()).filter((c) => c !== "" && !/^home$/i.test(c));
  if (crumbs.length === 0 || crumbs.some((c) => words(c).length > 5 || TERMINAL.test(c))) return null;
  return crumbs[crumbs.length - 1];
}

function findTextByline(lines: string[], head: TextHead, readDateline: DatelineReader): string | null {
  for (let i = 0; i < head.bodyStart; i++) {
    if (lines[i] === "" || i === head.headline) continue;
    const byline = parseByline(lines[i]);
    if (byline) return byline;
    if (isDateOrByline(lines, i, readDateline) && !readDateline(lines[i])) return lines[i];
  }
  return null;
}

/** Body paragraphs, related links and in-body images, up to the first end marker. */
function readTextBody(lines: string[], start: number): { paragraphs: string[]; relatedLinks: RelatedLink[]; images: Image[] } {
  const paragraphs: string[] = [];
  const relatedLinks: RelatedLink[] = [];
  const images: Image[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    if (isEndMarker(line) || parseCopyrightHolder(line) !== null || isCookieLine(line)) break;
    if (RELATED_LABEL.test(line)) {
      i = readRelatedBlock(lines, i, relatedLinks);
      continue;
    }
    const inline = INLINE_RELATED.exec(line);
    if (inline) {
      relatedLinks.push(parseLinkLine(inline[1]));
      continue;
    }
    const caption = splitCaption(line);
    if (caption) {
      images.push({ title: null, url: null, ...caption });
      continue;
    }
    if (isBodyProse(line, 2)) paragraphs.push(line);
  }
  return { paragraphs, relatedLinks, images: images };
}

/**
 * Reads a related-article block at label line i and returns the last line it used.
 * "X / Read more / X" is one link; "Related:" followed by lines is a list.
 */
function readRelatedBlock(lines: string[], i: number, out: RelatedLink[]): number {
  const before = i > 0 ? lines[i - 1] : "";
  const after = i + 1 < lines.length ? lines[i + 1] : "";
  if (before !== "" && before === after && !isProse(before)) {
    out.push({ title: before, url: null });
    return i + 1;
  }
  let j = i + 1;
  while (j < lines.length && lines[j] !== "" && !isBodyProse(lines[j].replace(/^[-•*–—·]\s+|^\d+[.)]\s+/, "")) && !isEndMarker(lines[j])) {
    out.push(parseLinkLine(lines[j]));
    j++;
  }
  if (j === i + 1 && before !== "" && isTitleLike(before) && !isProse(before)) out.push({ title: before, url: null });
  return j - 1;
}

const MAX_LINK_LINE = 2000;

/** "- Title (https://…)" → { title, url }. */
function parseLinkLine(line: string): RelatedLink {
  const item = line.replace(/^[-•*–—·]\s+|^\d+[.)]\s+/, "").trim();
  // A link's title is a line; past that the lazy title below would be retried at every character.
  if (item.length > MAX_LINK_LINE) return { title: item, url: null };
  const withUrl = /^(.*?)\s*(?:[(<]\s*(https?:\/\/\S+?)\s*[)>]|[–—-]?\s*(https?:\/\/\S+))$/.exec(item);
  if (withUrl && withUrl[1] !== "") return { title: withUrl[1].trim(), url: webUrl(withUrl[2] ?? withUrl[3], null) };
  return { title: item, url: null };
}

// ---------------------------------------------------------------------------
// HTML
//
// tsconfig has no DOM lib, so the few DOM members used are typed here.

interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
}
interface DomElement extends DomNode {
  readonly tagName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly children: ArrayLike<DomElement>;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  contains(other: DomNode): boolean;
  readonly isConnected: boolean;
  replaceWith(...nodes: (DomNode | string)[]): void;
  remove(): void;
}
interface DomDocument {
  readonly documentElement: DomElement;
  readonly firstElementChild: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
type Json = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|Report|BlogPosting)$/;
const CHROME_SELECTOR = [
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form", "button",
  "input", "select", "textarea", "nav", "aside", "footer", "dialog", "[role=navigation]", "[role=complementary]",
  "[role=contentinfo]", "[role=dialog]", "[aria-hidden=true]", "[hidden]",
].join(", ");
const CHROME_CLASS = /(?:^|[-_])(?:cookies?|consent|gdpr|newsletter|subscribe|share|sharing|social|advert|ads?|promo|sponsored|popup|modal|comments?|breadcrumbs?|tweet|embed)(?:[-_]|$)/i;
const RELATED_CLASS = /(?:^|[-_])(?:related|read-?more|see-?also|also-?read|more-?on)(?:[-_]|$)/i;
const STANDFIRST_CLASS = /(?:^|[-_])(?:standfirst|subtitle|sub-?headline|dek|summary|lede|lead|intro|excerpt)(?:[-_]|$)/i;
const DATE_CLASS = /(?:^|[-_])(?:date|dateline|timestamp|published|pubdate|time)(?:[-_]|$)/i;
const NON_BODY_P_CLASS = /(?:^|[-_])(?:byline|author|date|timestamp|caption|credits?|tags|meta)(?:[-_]|$)/i;
const CREDIT_SELECTOR = "[class*=credit], [class*=copyright], [itemprop=copyrightHolder], [itemprop=creditText], [class*=source]";

function all(root: { querySelectorAll(s: string): ArrayLike<DomElement> }, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}

function classTokens(el: DomElement): string[] {
  return `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.split(/\s+/).filter(Boolean);
}

function hasClass(el: DomElement, pattern: RegExp): boolean {
  // Most elements have neither: no string built, no split (this runs for every element, several times).
  if (!el.getAttribute("class") && !el.getAttribute("id")) return false;
  return classTokens(el).some((t) => pattern.test(t));
}

/** Longest URL kept from a page (its href, ASCII once parsed): a longer one would not fit a PostgreSQL index row. */
export const MAX_PAGE_URL_LENGTH = 2048;

/**
 * An http(s) URL as the WHATWG URL parser (Node's URL) reads it, a relative one resolved against the
 * page's URL; anything else is null: javascript:, data:, vbscript:, mailto:, a fragment, a relative URL
 * on a page without a URL, an unparsable one, one over MAX_PAGE_URL_LENGTH. The parser's own reading
 * decides the scheme, so "java&#9;script:" (a tab inside the scheme, dropped by the parser) is javascript:.
 */
export function webUrl(href: string | null | undefined, base: string | null): string | null {
  const trimmed = href?.trim();
  if (!trimmed || trimmed.startsWith("#")) return null;
  // Without a base only an absolute URL (scheme first, as the URL parser reads it: tabs and
  // newlines dropped, leading controls and spaces ignored) parses: anything else would throw,
  // and a thrown error costs ~10 µs, seconds on a page of 100,000 relative links.
  if (base === null && !/^[a-z][a-z\d+.-]*:/i.test(trimmed.replace(/[\t\n\r]/g, "").replace(/^[\x00-\x20]+/, ""))) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed, base ?? undefined);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  return parsed.href.length <= MAX_PAGE_URL_LENGTH ? parsed.href : null;
}

function extractFromHtml(html: string, input: PageInput): ExtractedArticle {
  // Cast through unknown: with the DOM lib loaded (some dev typings pull it in), linkedom's typings change shape.
  const doc = (parseHTML(limitNesting(html)) as unknown as { document: DomDocument }).document;
  capDepth(doc);
  // <br> separates words even though textContent would glue them.
  for (const br of all(doc, "br")) br.replaceWith(" ");
  const ld = findArticleJsonLd(doc);
  // Never visible text: gone before anything reads textContent (a <script> inside
  // a byline or a <time> would otherwise end up in the stored byline or date).
  for (const el of all(doc, "script, style, noscript, template")) el.remove();
  // The first <meta> (still in the page) whose property, name or itemprop is `name`: what
  // querySelector('meta[property="…"], meta[name="…"], meta[itemprop="…"]') finds, without a
  // scan of the whole page for each of the dozen names asked.
  const metas = all(doc, "meta");
  const meta = (name: string): string | null => {
    const found = metas.find(
      (m) => (m.getAttribute("property") === name || m.getAttribute("name") === name || m.getAttribute("itemprop") === name) && m.isConnected,
    );
    return collapse(found?.getAttribute("content")) || null;
  };

  // The caller's URL (checked by ingestion), else the page's own, kept only as an absolute http(s) URL.
  const url =
    input.url ?? webUrl(doc.querySelector("link[rel=canonical]")?.getAttribute("href"), null) ?? webUrl(meta("og:url"), null) ?? webUrl(str(ld?.url), null);
  const language = input.language ?? (collapse(doc.documentElement?.getAttribute("lang")) || str(ld?.inLanguage) || "en");
  const printed = findPrintedDate(doc);
  const published = choosePublished(input, [
    machineCandidate(ld?.datePublished, "METADATA", printed?.text ?? null),
    machineCandidate(meta("article:published_time") ?? meta("datePublished") ?? meta("pubdate") ?? meta("date"), "METADATA", printed?.text ?? null),
    machineCandidate(printed?.machine, "PAGE", printed?.text ?? null),
    machineCandidate(printed?.text, "PAGE", printed?.text ?? null),
    { date: dateFromUrl(url), source: "URL", text: null },
  ]);

  // Read from chrome before the chrome is removed.
  const section = firstString(ld?.articleSection) ?? meta("article:section") ?? breadcrumbSection(doc);
  const facts = domFacts(doc);
  const copyrightHolder = nameOf(ld?.copyrightHolder) ?? findHtmlCopyright(facts);
  const publisherName =
    input.publisher ?? meta("og:site_name") ?? nameOf(ld?.publisher) ?? inferPublisherName(bodyHas(facts, PUBLISHER_WORDS) ? textLines(facts) : []);
  const relatedLinks = takeRelatedLinks(facts, url);
  const bylineText = all(doc, "body .byline, body [itemprop=author], body [rel=author], body .author")
    .map((el) => collapse(el.textContent).replace(/^by\s+/i, ""))
    .find((t) => t !== "");
  const byline = authorNames(ld?.author) ?? meta("author") ?? bylineText ?? null;

  for (const el of all(doc, CHROME_SELECTOR)) el.remove();
  for (const el of all(doc, "body *")) {
    if (!hasClass(el, CHROME_CLASS)) continue;
    // Never drop a wrapper of the article itself (some sites give it "share" or "promo" classes).
    const wrapsArticle = el.querySelector("h1, article, [itemprop=articleBody]") !== null || el.querySelectorAll("p").length >= 3;
    if (!wrapsArticle) el.remove();
  }

  const headlineEl = doc.querySelector("article h1") ?? doc.querySelector("h1");
  const pageHeadline =
    input.headline ??
    withoutSiteName(
      str(ld?.headline) ?? meta("og:title") ?? (collapse(headlineEl?.textContent) || null) ?? (collapse(doc.title) || null),
      publisherName,
    );
  const standfirst =
    str(ld?.alternativeHeadline) ?? visibleStandfirst(doc) ?? str(ld?.description) ?? meta("og:description") ?? meta("description");

  const images = mergeJsonLdImages(takeFigures(doc, url), ld?.image, url);
  const skip = new Set([pageHeadline, standfirst, byline, printed?.text].filter((s): s is string => !!s));
  const paragraphs = htmlParagraphs(doc).filter((p) => !skip.has(p) && isBodyProse(p, 2));
  if (!paragraphs.some((p) => isProse(p))) throw noArticle("No article found: the page has no paragraph of article text (only menus, links or short lines).");

  return {
    headline: pageHeadline ?? fallbackHeadline(url, paragraphs),
    alternativeHeadline: standfirst,
    section,
    byline,
    language,
    ...published,
    paragraphs,
    images,
    relatedLinks,
    copyrightHolder,
    publisherName,
    url,
  };
}

/**
 * Nesting kept. Real pages stay well under 100 levels; every selector the HTML
 * rules use (`body *`, closest(), textContent of each element) costs elements ×
 * depth, and the HTML parser's own stack costs depth per tag, so 10,000+
 * levels of nesting would take minutes. Past MAX_DOM_DEPTH only the elements
 * the rules read by name are kept, past HARD_MAX_DOM_DEPTH none (bar raw-text
 * elements such as <script>, whose content must never become text).
 */
const MAX_DOM_DEPTH = 128;
const HARD_MAX_DOM_DEPTH = 256;
const MEANINGFUL_TAGS = new Set(
  ("html head body title meta link script style noscript template article main header footer nav aside p h1 h2 h3 h4 h5 h6 " +
    "time figure figcaption img amp-img picture a br ul ol li small blockquote form button input select textarea " +
    "iframe object embed svg canvas dialog table tbody thead tr td th").split(" "),
);
/** Elements whose content the parser reads as raw text (htmlparser2's list). */
const RAW_TEXT_TAGS = new Set(["script", "style", "title", "textarea", "xmp"]);

function keptAtDepth(tag: string, depth: number): boolean {
  return depth < MAX_DOM_DEPTH || RAW_TEXT_TAGS.has(tag) || (depth < HARD_MAX_DOM_DEPTH && MEANINGFUL_TAGS.has(tag));
}

// htmlparser2 (linkedom's parser): tags without content, and the open elements a new tag closes.
const VOID_TAGS = new Set("area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr".split(" "));
const FOREIGN_TAGS = new Set(["math", "svg"]);
const P_TAG = new Set(["p"]);
const FORM_TAGS = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])],
  ["li", new Set(["li"])],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["dd", new Set(["dd", "dt"])],
  ["dt", new Set(["dd", "dt"])],
  ["rt", new Set(["rt", "rp"])],
  ["rp", new Set(["rt", "rp"])],
  ["tbody", new Set(["thead", "tbody"])],
  ["tfoot", new Set(["thead", "tbody"])],
  ...["select", "input", "output", "button", "datalist", "textarea"].map((t): [string, Set<string>] => [t, FORM_TAGS]),
  ...("p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul")
    .split(" ")
    .map((t): [string, Set<string>] => [t, P_TAG]),
]);

/**
 * Most elements an HTML page may have (as parsed: the tags limitNesting keeps). A news page has a few
 * thousand (Lighthouse flags 1,400 as excessive; a long live blog has 10,000 or so); each one costs
 * ~20 µs to build and walk, and a 2 MB page of 87,000 tiny paragraphs took 2.2 s on one core, one of
 * 45,000 1.9 s. Refused before
 * parsing, as TOO_LARGE: the article's own HTML, or its text, reads.
 */
export const MAX_PAGE_ELEMENTS = 30_000;

/**
 * The HTML without the tags of elements nested too deep (keptAtDepth), their
 * content left in place; unchanged when the page is not that deep. Before
 * parsing, because the parser itself is quadratic in the depth. Tags are read
 * as htmlparser2 reads them (comments, raw text, void elements, implied
 * closes), in one linear pass; the parsed DOM is checked again (capDepth).
 * Past MAX_PAGE_ELEMENTS elements kept, TOO_LARGE.
 */
function limitNesting(html: string): string {
  const stack: { tag: string; kept: boolean }[] = [];
  const openCount = new Map<string, number>();
  let depth = 0; // kept elements open
  let foreign = 0; // <svg>/<math> open: "<x/>" closes itself there
  const drop: number[] = []; // [start, end) pairs of tags to leave out
  const pop = () => {
    const el = stack.pop()!;
    openCount.set(el.tag, (openCount.get(el.tag) ?? 1) - 1);
    if (el.kept) depth--;
    if (FOREIGN_TAGS.has(el.tag)) foreign--;
    return el;
  };
  const n = html.length;
  let elements = 0;
  const counted = () => {
    if (++elements > MAX_PAGE_ELEMENTS) {
      throw new ExtractionError(
        "TOO_LARGE",
        `The page has more than ${MAX_PAGE_ELEMENTS.toLocaleString("en")} HTML elements; a news article has a few thousand. Send the article's own HTML, or its text.`,
      );
    }
  };
  let i = 0;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const comment = html.startsWith("<!--", lt);
      const end = comment ? html.indexOf("-->", lt + 4) : html.indexOf(">", lt + 2);
      i = end < 0 ? n : end + (comment ? 3 : 1);
      continue;
    }
    const closing = next === 0x2f; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      i = lt + 1;
      continue;
    }
    let j = nameStart;
    while (j < n && !isTagNameEnd(html.charCodeAt(j))) j++;
    const tag = html.slice(nameStart, j).toLowerCase();
    // To the tag's ">": a quoted attribute value (after "=") may hold one.
    let quote = 0;
    let previous = 0;
    for (; j < n; j++) {
      const c = html.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === 0x3e /* > */) break;
      if ((c === 0x22 || c === 0x27) && previous === 0x3d /* = */) quote = c;
      if (c > 0x20) previous = c;
    }
    const end = Math.min(n, j + 1);
    const selfClosed = foreign > 0 && html.charCodeAt(j - 1) === 0x2f;
    i = end;
    if (closing) {
      if (VOID_TAGS.has(tag) || !openCount.get(tag)) continue;
      let el = pop();
      while (el.tag !== tag) el = pop();
      if (!el.kept) drop.push(lt, end);
      continue;
    }
    const closes = OPEN_IMPLIES_CLOSE.get(tag);
    if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1].tag)) pop();
    if (VOID_TAGS.has(tag) || selfClosed) {
      counted();
      continue;
    }
    const kept = keptAtDepth(tag, depth);
    if (kept) counted();
    stack.push({ tag, kept });
    openCount.set(tag, (openCount.get(tag) ?? 0) + 1);
    if (kept) depth++;
    else drop.push(lt, end);
    if (FOREIGN_TAGS.has(tag)) foreign++;
    if (RAW_TEXT_TAGS.has(tag)) {
      // Raw text up to its end tag: no tags inside.
      const endTag = new RegExp(`</${tag}`, "gi");
      endTag.lastIndex = end;
      i = endTag.exec(html)?.index ?? n;
    }
  }
  if (drop.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < drop.length; k += 2) {
    parts.push(html.slice(from, drop[k]));
    from = drop[k + 1];
  }
  parts.push(html.slice(from));
  return parts.join("");
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isTagNameEnd(c: number): boolean {
  return c === 0x2f || c === 0x3e || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * Unwraps (keeps the content of, drops the tag of) the elements of the parsed
 * page nested too deep (keptAtDepth): what limitNesting's reading of the tags
 * missed. A hostile page's wrappers (div, span, …) go, the text stays where it
 * was, and the page is read as if they were not there. Linear: one walk, and an
 * unwrap only moves an element's children.
 */
function capDepth(doc: DomDocument): void {
  const unwrap: DomElement[] = [];
  // Depth counts the elements kept; iterative, as the nesting can be deeper than the call stack.
  const stack: [DomElement, number][] = [[doc.documentElement, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    for (let child = el.firstElementChild; child !== null; child = child.nextElementSibling) {
      const keep = keptAtDepth(child.tagName.toLowerCase(), depth);
      if (!keep) unwrap.push(child);
      stack.push([child, keep ? depth + 1 : depth]);
    }
  }
  for (const el of unwrap) el.replaceWith(...Array.from(el.childNodes));
}

/** "Headline | Caspian Wire" → "Headline" (titles often carry the site name). */
function withoutSiteName(title: string | null, siteName: string | null): string | null {
  if (!title || !siteName) return title;
  const suffix = new RegExp(`\\s+[|–—-]\\s+${siteName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  return title.replace(suffix, "") || title;
}

function str(value: unknown): string | null {
  return typeof value === "string" && collapse(value) !== "" ? collapse(value) : null;
}

function firstString(value: unknown): string | null {
  return Array.isArray(value) ? firstString(value[0]) : str(value);
}

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === "object") return str((value as Json).name);
  return str(value);
}

/** JSON-LD author(s) → "A", "A and B", "A, B and C". */
function authorNames(value: unknown): string | null {
  const names = (Array.isArray(value) ? value : [value]).map(nameOf).filter((n): n is string => n !== null);
  if (names.length === 0) return null;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The first NewsArticle-like object in the page's JSON-LD (arrays and @graph included); never executed, only parsed. */
function findArticleJsonLd(doc: DomDocument): Json | null {
  for (const script of all(doc, 'script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // Broken JSON-LD is common; the meta tags still apply.
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === "object") {
        const obj = item as Json;
        const types = Array.isArray(obj["@type"]) ? obj["@type"] : [obj["@type"]];
        if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) return obj;
        if (obj["@graph"]) queue.push(obj["@graph"]);
      }
    }
  }
  return null;
}

/** The printed publication time: a <time> element, else a short element with a date-like class. */
function findPrintedDate(doc: DomDocument): { text: string; machine: string | null } | null {
  const readDateline = datelineReader();
  const times = all(doc, "time");
  const time =
    times.find((t) => /published/i.test(`${t.getAttribute("itemprop")} ${t.getAttribute("class")}`)) ??
    times.find((t) => t.closest("article") !== null) ??
    times[0];
  if (time) return { text: collapse(time.textContent), machine: time.getAttribute("datetime") };
  for (const el of all(doc, "body *")) {
    // The class first: the text of every element costs elements × depth.
    if (!hasClass(el, DATE_CLASS)) continue;
    const text = collapse(el.textContent);
    if (text.length <= 80) {
      const dateline = readDateline(text);
      if (dateline) return { text: dateline.text, machine: null };
    }
  }
  return null;
}

function breadcrumbSection(doc: DomDocument): string | null {
  const trail = doc.querySelector('[class*=breadcrumb], [aria-label*=readcrumb], [itemtype*="BreadcrumbList"]');
  if (!trail) return null;
  const crumbs = all(trail, "a, li, span")
    .filter((el) => el.querySelector("a, li, span") === null)
    .map((el) => collapse(el.textContent))
    .filter((c) => c !== "" && !/^home$/i.test(c) && !/^[›»>/|→]$/.test(c));
  return crumbs.length > 0 ? crumbs[crumbs.length - 1] : null;
}

/**
 * Longest text (before collapsing) an element may have to be read as one line
 * (a copyright line, a publisher's "… News App"): building and collapsing the
 * text of every element costs elements × depth, and only a hostile page has
 * a line this long that collapses to a short one.
 */
const MAX_LINE_SOURCE = 64 * 1024;

/**
 * What the HTML rules ask of every element of the body, read in one walk of
 * the tree: asked element by element (closest(), querySelector(), textContent),
 * each answer costs the element's depth or subtree, elements × depth in all.
 * Valid until the DOM changes.
 */
interface DomFacts {
  /** The elements under <body> in document order (what `body *` selects). */
  elements: DomElement[];
  /** textContent.length, without building the text. */
  textLength: Map<DomElement, number>;
  /** closest("figure") !== null */
  inFigure: Set<DomElement>;
  /** closest("nav, footer") !== null */
  inNavOrFooter: Set<DomElement>;
  /** querySelector("p, li, div") !== null */
  hasBlock: Set<DomElement>;
  /** querySelector("a[href]") !== null */
  hasLink: Set<DomElement>;
  /** collapse(textContent), once asked (the copyright line and the text lines read the same elements). */
  collapsed: Map<DomElement, string>;
  /** <body>, and its textContent once asked: every element's text is a piece of it. */
  body: DomElement | null;
  bodyText: string | null;
}

/**
 * Whether `words` (a pattern of words without spaces, or with \s+ for them) occurs in the body's text: no
 * element's text can hold them otherwise (each is a piece of the body's, and collapsing only changes white
 * space), so the rules that look for them in every element's text are spared building each text.
 */
function bodyHas(facts: DomFacts, words: RegExp): boolean {
  facts.bodyText ??= facts.body?.textContent ?? "";
  return words.test(facts.bodyText);
}

function collapsedText(facts: DomFacts, el: DomElement): string {
  let text = facts.collapsed.get(el);
  if (text === undefined) facts.collapsed.set(el, (text = collapse(el.textContent)));
  return text;
}

function domFacts(doc: DomDocument): DomFacts {
  const body = doc.body;
  const facts: DomFacts = { elements: [], textLength: new Map(), inFigure: new Set(), inNavOrFooter: new Set(), hasBlock: new Set(), hasLink: new Set(), collapsed: new Map(), body, bodyText: null };
  if (!body) return facts;
  interface Frame {
    el: DomElement;
    length: number;
    block: boolean;
    link: boolean;
    figure: boolean;
    navOrFooter: boolean;
  }
  const frames: Frame[] = [{ el: body, length: 0, block: false, link: false, figure: false, navOrFooter: false }];
  let node: DomNode | null = body.firstChild;
  while (frames.length > 0) {
    const top = frames[frames.length - 1];
    if (node !== null) {
      if (node.nodeType === 1) {
        const el = node as DomElement;
        const tag = el.tagName.toUpperCase();
        const frame: Frame = {
          el,
          length: 0,
          block: false,
          link: false,
          figure: top.figure || tag === "FIGURE",
          navOrFooter: top.navOrFooter || tag === "NAV" || tag === "FOOTER",
        };
        facts.elements.push(el);
        if (frame.figure) facts.inFigure.add(el);
        if (frame.navOrFooter) facts.inNavOrFooter.add(el);
        frames.push(frame);
        node = el.firstChild;
        continue;
      }
      if (node.nodeType === 3 || node.nodeType === 4) top.length += node.textContent?.length ?? 0;
      node = node.nextSibling;
      continue;
    }
    // All of top's children are read.
    frames.pop();
    facts.textLength.set(top.el, top.length);
    if (top.block) facts.hasBlock.add(top.el);
    if (top.link) facts.hasLink.add(top.el);
    const parent = frames[frames.length - 1];
    if (parent) {
      const tag = top.el.tagName.toUpperCase();
      parent.length += top.length;
      parent.block ||= top.block || tag === "P" || tag === "LI" || tag === "DIV";
      parent.link ||= top.link || (tag === "A" && top.el.hasAttribute("href"));
      node = top.el.nextSibling;
    }
  }
  return facts;
}

/** The copyright line: the last element of the body outside figures whose text is one. */
function findHtmlCopyright(facts: DomFacts): string | null {
  // parseCopyrightHolder wants a line opening with one of these.
  if (!bodyHas(facts, /©|\(c\)|copyright/i)) return null;
  for (let i = facts.elements.length - 1; i >= 0; i--) {
    const el = facts.elements[i];
    if (facts.inFigure.has(el) || (facts.textLength.get(el) ?? 0) > MAX_LINE_SOURCE) continue;
    const text = collapsedText(facts, el);
    if (text.length <= 200) {
      const holder = parseCopyrightHolder(text);
      if (holder) return holder;
    }
  }
  return null;
}

const LINE_TAGS = new Set(["P", "LI", "DIV", "SPAN", "A", "H1", "H2", "H3", "H4", "FOOTER", "SMALL"]);

/** Text lines of the body as a browser would roughly break them (block elements). */
function textLines(facts: DomFacts): string[] {
  return facts.elements
    .filter((el) => LINE_TAGS.has(el.tagName.toUpperCase()) && !facts.hasBlock.has(el) && (facts.textLength.get(el) ?? 0) <= MAX_LINE_SOURCE)
    .map((el) => collapsedText(facts, el))
    .filter((t) => t !== "");
}

/** "Read more"/"Related" blocks → links (with their hrefs); the blocks are removed. */
function takeRelatedLinks(facts: DomFacts, base: string | null): RelatedLink[] {
  const blocks: DomElement[] = [];
  for (const el of facts.elements) {
    if (/^(?:A|BODY|ARTICLE|MAIN)$/i.test(el.tagName) || facts.inNavOrFooter.has(el) || !facts.hasLink.has(el)) continue;
    // Blocks never nest and come in document order: an element inside one is inside the last.
    if (blocks.length > 0 && blocks[blocks.length - 1].contains(el)) continue;
    if (hasClass(el, RELATED_CLASS) || RELATED_LABEL.test(firstLabel(el, facts))) blocks.push(el);
  }
  const links: RelatedLink[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    for (const a of all(block, "a[href]")) {
      const title = collapse(a.textContent).replace(/^(?:read more|related|see also)\s*[:»›→]?\s*/i, "");
      const url = webUrl(a.getAttribute("href"), base);
      const key = `${title}\u0000${url}`;
      if (title !== "" && !seen.has(key)) {
        seen.add(key);
        links.push({ title, url });
      }
    }
    block.remove();
  }
  return links;
}

/**
 * The text of an element's first non-empty child (element or text node). A
 * child with more than MAX_LINE_SOURCE of text counts as a long label without
 * its text being built (a label is a few words).
 */
function firstLabel(el: DomElement, facts: DomFacts): string {
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 1 && (facts.textLength.get(child as DomElement) ?? 0) > MAX_LINE_SOURCE) return "…";
    const text = collapse(child.textContent);
    if (text !== "") return text;
  }
  return "";
}

function visibleStandfirst(doc: DomDocument): string | null {
  for (const el of all(doc, "body *")) {
    if (!hasClass(el, STANDFIRST_CLASS) || el.querySelector("img, figure") !== null) continue;
    const text = collapse(el.textContent);
    const n = words(text).length;
    if (n >= 5 && n <= 60) return text;
  }
  return null;
}

/** <figure> → image with caption and credit; the figures are removed so captions stay out of the body. */
function takeFigures(doc: DomDocument, base: string | null): Image[] {
  const images: Image[] = [];
  for (const figure of all(doc, "figure")) {
    const img = figure.querySelector("img, amp-img");
    const captionEl = figure.querySelector("figcaption") ?? figure.querySelector("[class*=caption]");
    let captionText = collapse(captionEl?.textContent);
    const creditEl = figure.querySelector(CREDIT_SELECTOR);
    let parts: Omit<Image, "title" | "url"> = { caption: captionText || null, credit: null, copyrightNotice: null };
    if (creditEl) {
      const printedCredit = collapse(creditEl.textContent);
      captionText = collapse(captionText.replace(printedCredit, ""));
      parts = {
        caption: captionText || null,
        credit: printedCredit.replace(/^(?:©|(?:photograph|photo|image|credit)s?:)\s*/i, "") || null,
        copyrightNotice: printedCredit.startsWith("©") ? printedCredit : null,
      };
    } else if (captionText) {
      parts = splitCaption(captionText) ?? parts;
    }
    if (img || parts.caption) {
      images.push({
        title: img?.getAttribute("title") || null,
        url: webUrl(img?.getAttribute("src") || img?.getAttribute("data-src") || null, base),
        ...parts,
      });
    }
    figure.remove();
  }
  return images;
}

/** Fills gaps in figure images from JSON-LD ImageObjects (same URL); adds them when the page has no figures. */
function mergeJsonLdImages(images: Image[], value: unknown, base: string | null): Image[] {
  const objects = (Array.isArray(value) ? value : [value]).filter((v): v is Json => !!v && typeof v === "object");
  for (const obj of objects) {
    const fromLd: Image = {
      title: str(obj.name),
      url: webUrl(str(obj.contentUrl) ?? str(obj.url), base),
      caption: str(obj.caption),
      credit: str(obj.creditText) ?? nameOf(obj.author) ?? nameOf(obj.copyrightHolder),
      copyrightNotice: str(obj.copyrightNotice),
    };
    const same = images.find((i) => i.url !== null && i.url === fromLd.url);
    if (same) {
      same.title ??= fromLd.title;
      same.caption ??= fromLd.caption;
      same.credit ??= fromLd.credit;
      same.copyrightNotice ??= fromLd.copyrightNotice;
    } else if (images.length === 0 || objects.length > 1) {
      if (fromLd.caption || fromLd.credit) images.push(fromLd);
    }
  }
  return images;
}

/**
 * Largest page (elements in its body) Readability reads. Real pages have a few
 * thousand elements (Lighthouse flags more than 1,400 as excessive); a page
 * of 100,000 would take Readability 20 s or more.
 */
const READABILITY_MAX_ELEMENTS = 10_000;

/**
 * all(doc, "body *").length > limit (elements with a <body> above them), the walk stopping at the first
 * element past the limit: on a page of 100,000 elements the count is not taken to its end.
 */
function moreBodyElementsThan(doc: DomDocument, limit: number): boolean {
  let count = 0;
  // Elements to read, each with whether a <body> is above it.
  const stack: { el: DomElement; inBody: boolean }[] = [];
  for (let el = doc.firstElementChild; el; el = el.nextElementSibling) stack.push({ el, inBody: false });
  stack.reverse();
  while (stack.length > 0) {
    const { el, inBody } = stack.pop()!;
    if (inBody && ++count > limit) return true;
    const below = inBody || el.tagName === "BODY" || el.tagName === "body";
    const children: DomElement[] = [];
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ el: children[i], inBody: below });
  }
  return false;
}

/** Body paragraphs: the marked-up article body when there is one, else what Readability finds. */
function htmlParagraphs(doc: DomDocument): string[] {
  const articles = all(doc, "article");
  const container =
    doc.querySelector("[itemprop=articleBody]") ??
    (articles.length === 1 ? articles[0] : articles.find((a) => a.querySelector("h1") !== null) ?? null);
  let paragraphs = container ? all(container, "p") : [];
  if (paragraphs.length === 0) {
    // Readability works on a DOM; the identity serializer hands back its content node. It costs
    // ~0.1 ms per element, up to four times over: past READABILITY_MAX_ELEMENTS the page's
    // paragraphs are read as when Readability finds nothing.
    const result =
      !moreBodyElementsThan(doc, READABILITY_MAX_ELEMENTS)
        ? new Readability<DomElement>(doc as never, { serializer: (node) => node as unknown as DomElement }).parse()
        : null;
    paragraphs = result?.content ? all(result.content, "p") : all(doc, "p");
  }
  return paragraphs
    .filter((p) => !hasClass(p, NON_BODY_P_CLASS))
    .map((p) => collapse(p.textContent))
    .filter((t) => /\p{L}/u.test(t));
}
