// Claimant equivalence for the evaluation: does an extracted claimant name the
// same body as the annotator's? One general rule, no table per page.
//
// 1. Normalise (normalizeName): lower-case, accents and possessives off,
//    punctuation and hyphens to spaces, the articles "a", "an", "the" dropped.
//
// 2. Unattributed: the gold "Unattributed" matches only an empty name, the name
//    "Unattributed" or an extracted claimant of kind UNATTRIBUTED, and such a
//    claimant matches nothing else.
//
// 3. Alternatives of a gold name (goldAlternatives): the annotator writes a
//    named official as "Body (Person)" and an acronym as "Body (ACR)"; a
//    sub-unit as "Body, unit". So "Hong Kong Police Force (Yu Hoi-kwan)" is
//    matched by the body, by the person and by the whole; "Nepal Police, West
//    Rukum district (DSP X)" also by "Nepal Police". A parenthesis that is only
//    a country ("Independent Television (Bangladesh)") or only a role
//    ("(spokesman)") is no alternative. An extracted name written the same way
//    ("Government of X (Person)") is split the same way. On one page, a person
//    written beside a body is that body's official for every gold claim of the
//    page that names the body alone ("Yu Hoi-kwan" also matches a plain "Hong
//    Kong Police Force" there): see pageAffiliations.
//
// 4. Body key (bodyKey) of each name:
//    - synonyms: "internal affairs" / "home affairs" / "interior" → interior,
//      "MVD" → interior ministry, "healthcare" → health, "defense" → defence,
//      "emergencies" / "emergency situations" → emergency, "foreign affairs" →
//      foreign; union / syndicate / association / guild → union (professional
//      bodies); "police force" / "police service" → police; "authorities" /
//      "officials" → government; simple plurals ("doctors" → doctor).
//    - countries: every country name, official name, other spelling and
//      demonym from the world-countries package (Sudanese ↔ Sudan, Armenian ↔
//      Armenia, "Republic of Türkiye" ↔ Turkey), plus a word of 5+ letters
//      that begins exactly one country's one-word name or demonym ("Kazakh" →
//      Kazakhstan) or is one with a demonym ending ("Nepali" → Nepal), become
//      the country's code, kept apart from the words. A name that is only a
//      country ("Iran said") is that country's government.
//    - the words left, without prepositions and conjunctions, as a set; word
//      order does not count, so "Ministry of Health" = "Health Ministry".
//    - the head noun: the last word before the first preposition ("ministry" in
//      "Ministry of Health of Kazakhstan" and in "Kazakh Health Ministry").
//
// 5. Two body keys are equivalent when their countries do not conflict (both
//    given and different) and their word sets are equal, or one is a subset of
//    the other, both share the head noun, and the smaller set names more than a
//    generic word ("Ministry" alone does not match "Interior Ministry";
//    "Police" matches "Karnali Province Police"; "Qidra" matches "Ashraf
//    al-Qidra"). A country present on one side only is dropped.
//
// 6. Acronyms: an all-capitals name matches a name whose initials spell it
//    (with or without its country words, skipping of/and/for/on/in/the), and
//    the extractor's own expansions (CLAIMANT_ALIASES: "UN" → "United
//    Nations") are tried too.
import countries from "world-countries";
import { CLAIMANT_ALIASES } from "../extract-claims";

/** A claimant as the extractor gives it. */
export interface ClaimantLike {
  name: string | null | undefined;
  kind?: string | null;
}

export const UNATTRIBUTED_NAME = "Unattributed";

const ARTICLES = new Set(["a", "an", "the"]);
const PREPOSITIONS = new Set(["of", "in", "for", "on", "at", "from", "to", "by", "under", "and", "&"]);
/** Words that name no body by themselves. */
const GENERIC = new Set([
  "ministry", "minister", "office", "government", "authority", "official", "department", "agency",
  "committee", "council", "commission", "service", "administration", "spokesman", "spokesperson",
  "spokeswoman", "source", "state", "national", "federal", "regional", "local", "union", "organization",
  "organisation", "report", "medium", "media", "statement",
]);

/** Multi-word synonyms first (applied to the normalised, space-joined name). */
const PHRASE_SYNONYMS: [RegExp, string][] = [
  [/\b(?:internal|home) affairs\b/g, "interior"],
  [/\bmvd\b/g, "interior ministry"],
  [/\bhealth ?care\b/g, "health"],
  [/\bemergency situations\b/g, "emergency"],
  [/\bemergencies\b/g, "emergency"],
  [/\bforeign affairs\b/g, "foreign"],
  [/\bdefense\b/g, "defence"],
  [/\bpolice (?:force|service|department)s?\b/g, "police"],
  [/\b(?:syndicate|association|guild)s?\b/g, "union"],
  [/\b(?:authorities|officials)\b/g, "government"],
];

/** Lower case, no accents, no possessives, punctuation to spaces, no articles. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/[^a-z0-9&]+/g, " ")
    .split(" ")
    .filter((word) => word && !ARTICLES.has(word))
    .join(" ");
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

// ───────────────────────── countries ─────────────────────────

interface CountryIndex {
  /** Normalised phrase → country codes ("congo" → CG|CD); longest phrases first. */
  phrases: [string, string][];
  /** One-word names and demonyms, for the prefix rule. */
  words: [string, string][];
}

let countryIndex: CountryIndex | null = null;

/** What a demonym adds to a country's name: Nepal-i, Chad-ian, Mali-an. */
const DEMONYM_ENDINGS = /^(?:i|ese|an|ian|ish|n)$/;

function buildCountryIndex(): CountryIndex {
  const byPhrase = new Map<string, Set<string>>();
  const add = (text: string | undefined, code: string) => {
    if (!text) return;
    const phrase = normalizeName(text);
    // Two-letter codes ("KZ", "UK") and non-Latin spellings are not names in running text.
    if (phrase.length < 4 && phrase !== "uk") return;
    if (!/^[a-z ]+$/.test(phrase)) return;
    if (!byPhrase.has(phrase)) byPhrase.set(phrase, new Set());
    byPhrase.get(phrase)!.add(code);
  };
  for (const country of countries) {
    const code = country.cca2;
    add(country.name.common, code);
    add(country.name.official, code);
    for (const spelling of country.altSpellings) add(spelling, code);
    const demonyms = country.demonyms?.eng;
    if (demonyms) {
      add(demonyms.m, code);
      add(demonyms.f, code);
    }
  }
  // "Republic of Turkey" gives "Turkey"; "Palestine, State of" gives "Palestine".
  for (const [phrase, codes] of [...byPhrase]) {
    const short = phrase.replace(/^(?:(?:islamic|democratic|federal|people|socialist|united|arab|plurinational|bolivarian|kingdom|state|republic|commonwealth|union|federation|principality|grand duchy|sultanate|of|and) )+/, "");
    if (short !== phrase && short.length >= 4 && !byPhrase.has(short)) byPhrase.set(short, new Set(codes));
  }
  const phrases = [...byPhrase]
    .map(([phrase, codes]) => [phrase, [...codes].sort().join("|")] as [string, string])
    .sort((a, b) => b[0].length - a[0].length);
  const words = phrases.filter(([phrase]) => !phrase.includes(" "));
  return { phrases, words };
}

function index(): CountryIndex {
  countryIndex ??= buildCountryIndex();
  return countryIndex;
}

/** Country codes of a normalised name's country phrases, and the words left. */
export function splitCountries(normalized: string): { countries: string[]; words: string[] } {
  const { phrases, words: oneWord } = index();
  let text = ` ${normalized} `;
  const found: string[] = [];
  for (const [phrase, code] of phrases) {
    const needle = ` ${phrase} `;
    while (text.includes(needle)) {
      found.push(code);
      text = text.replace(needle, " ");
    }
  }
  const words: string[] = [];
  for (const word of text.split(" ").filter(Boolean)) {
    const codes = new Set<string>();
    if (word.length >= 5 && /^[a-z]+$/.test(word)) {
      for (const [name, code] of oneWord) {
        // "kazakh" begins only "kazakhstan" / "kazakhstani"; "nepali" is "nepal" with a demonym ending.
        if (name.startsWith(word) || (name.length >= 4 && word.startsWith(name) && DEMONYM_ENDINGS.test(word.slice(name.length)))) codes.add(code);
      }
    }
    if (codes.size === 1) found.push([...codes][0]);
    else words.push(word);
  }
  return { countries: [...new Set(found)].sort(), words };
}

// ───────────────────────── body keys ─────────────────────────

export interface BodyKey {
  countries: string[];
  /** Content words (singular), no prepositions. */
  words: Set<string>;
  /** The last content word before the first preposition, or null. */
  head: string | null;
}

export function bodyKey(name: string): BodyKey {
  let text = normalizeName(name);
  for (const [pattern, replacement] of PHRASE_SYNONYMS) text = text.replace(pattern, replacement);
  const split = splitCountries(text);
  let ordered = split.words.map(singular);
  if (ordered.length === 0 && split.countries.length > 0) ordered = ["government"];
  let head: string | null = null;
  for (const word of ordered) {
    if (PREPOSITIONS.has(word)) {
      if (head !== null) break;
      continue;
    }
    head = word;
  }
  return { countries: split.countries, words: new Set(ordered.filter((w) => !PREPOSITIONS.has(w))), head };
}

function isSubset(a: Set<string>, b: Set<string>): boolean {
  for (const word of a) if (!b.has(word)) return false;
  return true;
}

export function bodyKeysEquivalent(a: BodyKey, b: BodyKey): boolean {
  if (a.words.size === 0 || b.words.size === 0) return false;
  if (a.countries.length > 0 && b.countries.length > 0 && !a.countries.some((c) => b.countries.includes(c))) return false;
  const [small, large] = a.words.size <= b.words.size ? [a, b] : [b, a];
  if (!isSubset(small.words, large.words)) return false;
  if (small.words.size === large.words.size) return true;
  if (small.head === null || small.head !== large.head) return false;
  return [...small.words].some((word) => !GENERIC.has(word));
}

// ───────────────────────── acronyms ─────────────────────────

const ACRONYM_SKIP = new Set(["of", "and", "for", "on", "in", "the", "a", "an", "&"]);

function isAcronym(name: string): boolean {
  return /^[A-Z][A-Z.&]{1,9}$/.test(name.trim().replace(/\s+/g, ""));
}

function acronymOf(words: string[]): string {
  return words
    .filter((w) => !ACRONYM_SKIP.has(w))
    .map((w) => w[0])
    .join("");
}

/** Initials of a name, with and without its country words: "Kenya National Commission on Human Rights" → knchr, nchr. */
function initialsOf(name: string): string[] {
  const words = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, " ")
    .split(" ")
    .filter(Boolean);
  const withoutCountries = splitCountries(words.join(" ")).words;
  return [...new Set([acronymOf(words), acronymOf(withoutCountries)])].filter((a) => a.length >= 2);
}

function acronymMatches(a: string, b: string): boolean {
  const test = (short: string, long: string) => isAcronym(short) && initialsOf(long).includes(short.replace(/[^A-Za-z&]/g, "").toLowerCase());
  return test(a, b) || test(b, a);
}

// ───────────────────────── gold names ─────────────────────────

/** The names a gold claimant can be matched by: the whole, the body, each parenthesis, the part before a comma. */
export function goldAlternatives(gold: string): string[] {
  const parentheses = [...gold.matchAll(/\(([^()]*)\)/g)].map((m) => m[1].trim());
  const body = gold.replace(/\([^()]*\)/g, " ").replace(/\s+/g, " ").trim();
  const names = [gold, body];
  const comma = body.indexOf(",");
  if (comma > 0) names.push(body.slice(0, comma).trim());
  for (const inner of parentheses) {
    // A parenthesis that is only a country qualifies the body ("Independent Television (Bangladesh)"),
    // one that is only a role ("(spokesman)") names nobody: neither is a claimant of its own.
    const words = splitCountries(normalizeName(inner)).words.map(singular);
    if (words.some((word) => !GENERIC.has(word) && !PREPOSITIONS.has(word))) names.push(inner);
  }
  return [...new Set(names.filter(Boolean))];
}

/**
 * The officials a page's gold names beside a body, by body: for each gold name
 * "Body (Person)", the alternatives of that name are also alternatives of any
 * gold name on the page that is the same body.
 */
export function pageAffiliations(goldNames: string[]): (gold: string) => string[] {
  const withPeople = [...new Set(goldNames)].filter((name) => /\(/.test(name));
  const cache = new Map<string, string[]>();
  return (gold: string) => {
    const cached = cache.get(gold);
    if (cached) return cached;
    const own = goldAlternatives(gold);
    const body = bodyKey(own[1] ?? gold);
    const extra = withPeople
      .filter((other) => other !== gold)
      .filter((other) => {
        const otherBody = bodyKey(goldAlternatives(other)[1] ?? other);
        return otherBody.words.size === body.words.size && bodyKeysEquivalent(otherBody, body);
      })
      .flatMap(goldAlternatives);
    const result = [...new Set([...own, ...extra])];
    cache.set(gold, result);
    return result;
  };
}

export function isUnattributed(claimant: ClaimantLike): boolean {
  const name = (claimant.name ?? "").trim();
  return claimant.kind === "UNATTRIBUTED" || name === "" || normalizeName(name) === "unattributed";
}

/** Two plain names for one body (rules 4 to 6). */
export function namesEquivalent(a: string, b: string): boolean {
  if (normalizeName(a) === normalizeName(b)) return true;
  if (acronymMatches(a, b)) return true;
  return bodyKeysEquivalent(bodyKey(a), bodyKey(b));
}

function expansions(name: string): string[] {
  const trimmed = name.trim();
  const key = Object.keys(CLAIMANT_ALIASES).find((k) => k.toLowerCase() === trimmed.toLowerCase());
  return key && CLAIMANT_ALIASES[key] !== trimmed ? [trimmed, CLAIMANT_ALIASES[key]] : [trimmed];
}

/**
 * Whether an extracted claimant names the gold claimant's body.
 * `alternativesOf` gives the gold name's alternatives (pageAffiliations of the page; goldAlternatives by default).
 */
export function claimantMatches(
  extracted: ClaimantLike,
  gold: string,
  alternativesOf: (gold: string) => string[] = goldAlternatives,
): boolean {
  const goldUnattributed = normalizeName(gold) === "unattributed" || gold.trim() === "";
  if (goldUnattributed || isUnattributed(extracted)) return goldUnattributed && isUnattributed(extracted);
  const names = expansions(extracted.name ?? "").flatMap(goldAlternatives);
  return alternativesOf(gold).some((alternative) => names.some((name) => namesEquivalent(name, alternative)));
}
