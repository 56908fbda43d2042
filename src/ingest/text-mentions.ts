// What ingestion needs to know about the words of a page, read from its text
// in one go where the page is read (extractPage: on the extraction pool's
// worker thread in the server, in the CLI's own thread), so that linking the
// page to people, places and countries (mentions.ts, on the main thread, in
// the write transaction) only looks names up in what this found:
//
// - placeKeys: the lookup key (placeNameKey) of every run of up to four words
//   that starts and ends with a capital ("El Geneina", "Alma-Ata"), the names
//   the page could give a place by;
// - countries: the countries the page names, weighted (countriesIn);
// - names and countryNames: which of the people's, organisations' and
//   countries' names the ingestion asked for (MentionNames, read from the
//   database) the page holds as whole words.
//
// Every scan is one pass over the page's words, each word costing the same
// whatever the page holds: a page of 2 MB of capitalised words is read in
// well under a second (bench/results/hostile-latest.md).
import { countriesIn, type CountryName } from "./countries";
import { foldName, isCode, isLatinScript } from "../place/place-names";

/** The names a page is searched for: what mentions.ts's gazetteer links, as read from the database. */
export interface MentionNames {
  /** People's full names (a person is also found by surname alone, the last word of the name). */
  people: string[];
  /** Organisations' names and acronyms. */
  organizations: string[];
  /** Countries' names and the adjectives the press uses for them (gazetteer names). */
  countries: string[];
}

export interface PageMentions {
  /** The keys of the names the text could give a place by (see the header). */
  placeKeys: Set<string>;
  /** Every country the text names, weighted (names over adjectives), most named first: countriesIn. */
  countries: { country: CountryName; count: number }[];
  /**
   * For each person's name, surname and organisation's name asked for: whether the text holds it,
   * not inside a longer word (no letter or digit on either side).
   */
  names: Map<string, boolean>;
  /** For each country name asked for: whether the text holds it as a run of whole words. */
  countryNames: Map<string, boolean>;
}

export const NO_MENTION_NAMES: MentionNames = { people: [], organizations: [], countries: [] };

/** How a person is found by surname alone: the last word of the name. */
export function surnameOf(name: string): string {
  return name.split(/\s+/).pop() as string;
}

let scans = 0;

/** Pages scanned in this thread since it started (the server's main thread should scan none: tests read it). */
export function textScanCount(): number {
  return scans;
}

/** What ingestion needs from a page's text (headline, standfirst and body): see the header. */
export function scanPageMentions(text: string, names: MentionNames = NO_MENTION_NAMES): PageMentions {
  scans++;
  const literal = [...names.people, ...names.people.map(surnameOf), ...names.organizations];
  return {
    placeKeys: candidateNameKeys(text),
    countries: countriesIn(text),
    names: literalNamesIn(text, literal),
    countryNames: wordNamesIn(text, names.countries),
  };
}

// ───────────────────────────── place names ─────────────────────────────

export const MAX_NAME_WORDS = 4;
// Lower-case words inside a place name ("Sant Julià de Lòria", "Rostov-on-Don" is one token).
const CONNECTORS = new Set(["de", "del", "la", "le", "les", "el", "al", "an", "ad", "as", "ash", "ar", "of", "on", "upon", "da", "do", "dos", "das", "du", "des", "di", "am", "im", "sur", "en", "y"]);
const TOKEN = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const CAPITAL = /^\p{Lu}/u;
const POSSESSIVE = /['’]s$/;
/**
 * Capitalised words that open sentences and titles far more often than they name a place
 * (GeoNames has a "Police" in Poland, a "Most" in Czechia, a "Said" in Yemen, and months as alternate names).
 */
export const NEVER_PLACES = new Set(
  (
    "the this that these those there then they their his her its our we he she it in on at by for from with after before during while when where as but and or if " +
    "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday " +
    "police army government ministry minister president prime health interior defence defense foreign state national united republic city capital region province district " +
    "north south east west central northern southern eastern western new old saint san santa said most many some all several more less news agency reuters associated press"
  ).split(" "),
);

/** One word of the text, with what every run of words it is in needs (computed once per distinct word). */
interface Word {
  capital: boolean;
  connector: boolean;
  /** A code ("KRT", "ALA") once a possessive is cut off: ends no name. */
  code: boolean;
  latin: boolean;
  /**
   * foldName of the word, and of the word without a possessive (as the last word of a run), their
   * spaces collapsed and trimmed as keyOfFolded does; null when a fold holds anything but letters and
   * spaces, so no run with it has a key. A run's key is then its words' folds joined by a space.
   */
  fold: string | null;
  lastFold: string | null;
}

function readWord(word: string): Word {
  const bare = word.replace(POSSESSIVE, "");
  const latin = isLatinScript(word);
  return {
    capital: CAPITAL.test(word),
    connector: CONNECTORS.has(word.toLowerCase()),
    code: isCode(bare),
    latin,
    fold: latin ? keyPart(foldName(word)) : null,
    lastFold: latin ? keyPart(foldName(bare)) : null,
  };
}

/** A folded word as part of a key (see Word.fold). */
function keyPart(folded: string): string | null {
  const part = folded.replace(/\s+/g, " ").trim();
  return /^[a-z ]*$/.test(part) ? part : null;
}

function joinKey(head: string, part: string): string {
  return head === "" ? part : part === "" ? head : `${head} ${part}`;
}

/** Only spaces and tabs between two words: a run of words goes on (a sentence or clause break ends a name). */
function spacesOnly(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Every run of up to MAX_NAME_WORDS words that starts and ends with a capital (lower-case
 * connectors between), keyed: placeNameKey of the words joined by a space, possessive cut off.
 * A run's key is made from its words' folds (foldName works letter by letter), so no run is
 * folded again as a whole.
 */
export function candidateNameKeys(text: string): Set<string> {
  const keys = new Set<string>();
  const seen = new Map<string, Word>();
  const words: Word[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(text)) !== null) {
    let word = seen.get(match[0]);
    if (!word) seen.set(match[0], (word = readWord(match[0])));
    words.push(word);
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  for (let i = 0; i < words.length; i++) {
    if (!words[i].capital) continue;
    // The folds of the run's words so far, joined; null once one is not Latin letters (then no key).
    let folded: string | null = "";
    for (let n = 0; n < MAX_NAME_WORDS && i + n < words.length; n++) {
      const word = words[i + n];
      if (n > 0 && !spacesOnly(text, ends[i + n - 1], starts[i + n])) break;
      if (n > 0 && !word.capital && !word.connector) break;
      if (!word.latin) folded = null;
      if (folded === null) continue;
      if (word.capital && !word.code && word.lastFold !== null) {
        const key = joinKey(folded, word.lastFold);
        if (key.length >= 3 && !NEVER_PLACES.has(key)) keys.add(key);
      }
      folded = word.fold === null ? null : joinKey(folded, word.fold);
    }
  }
  return keys;
}

// ───────────────────────────── names of records ─────────────────────────────

const ALNUM = /[\p{L}\p{N}]/u;
const ALNUM_RUN = /[\p{L}\p{N}]+/gu;

/** A name that starts and ends with a letter or digit: found as a run of the text's words. */
function wordBounded(name: string): boolean {
  const chars = [...name];
  return chars.length > 0 && ALNUM.test(chars[0]) && ALNUM.test(chars[chars.length - 1]);
}

/**
 * Of `names`, which the text holds as a run of whole words (text.slice from a word's start to a
 * later word's end equal to the name), in one pass over the words: a run is looked up only where a
 * name's first word stands, and never longer than the longest name.
 */
function wordNamesIn(text: string, names: string[]): Map<string, boolean> {
  const found = new Map<string, boolean>(names.map((name) => [name, false]));
  const wanted = names.filter(wordBounded);
  if (!wanted.length) return found;
  const wordsOf = (name: string) => name.match(ALNUM_RUN) ?? [];
  const firstWords = new Set(wanted.map((name) => wordsOf(name)[0]));
  const whole = new Set(wanted);
  const maxWords = Math.max(...wanted.map((name) => wordsOf(name).length));
  const maxLength = Math.max(...wanted.map((name) => name.length));
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(ALNUM_RUN)) {
    starts.push(match.index as number);
    ends.push((match.index as number) + match[0].length);
  }
  for (let i = 0; i < starts.length; i++) {
    if (ends[i] - starts[i] > maxLength || !firstWords.has(text.slice(starts[i], ends[i]))) continue;
    for (let n = 0; n < maxWords && i + n < starts.length; n++) {
      if (ends[i + n] - starts[i] > maxLength) break;
      const phrase = text.slice(starts[i], ends[i + n]);
      if (whole.has(phrase)) found.set(phrase, true);
    }
  }
  return found;
}

/**
 * Of `names`, which the text holds with no letter or digit just before or after. A name that
 * starts and ends with a letter or digit is then a run of whole words (wordNamesIn); any other
 * ("U.S.") is searched for by itself.
 */
function literalNamesIn(text: string, names: string[]): Map<string, boolean> {
  const found = wordNamesIn(text, names);
  for (const name of names) {
    if (wordBounded(name)) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    found.set(name, new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(text));
  }
  return found;
}
