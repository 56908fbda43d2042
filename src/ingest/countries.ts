// Country names and the adjectives the press uses for them, from the
// world-countries reference data (ISO 3166 codes, common and official names,
// alternative spellings, English demonyms), so that "Kazakh Health Ministry",
// "Kazakhstan's health ministry" and "the health ministry" in a page about
// Kazakhstan name one body.
import countries from "world-countries";

export interface CountryName {
  code: string;
  /** The English short name ("Kazakhstan", "Sudan"). */
  name: string;
}

interface Entry extends CountryName {
  /** Lower-case names and demonyms that stand for the country. */
  words: string[];
  /** Lower-case capital cities. */
  capitals: string[];
}

// Press adjectives the reference data lacks (it lists "Kazakhstani", not "Kazakh").
// A short stem rule (below) covers most; these are the ones it cannot.
const PRESS_ADJECTIVES: Record<string, string[]> = {
  AZ: ["azeri"],
  GB: ["english", "scottish", "welsh"],
  MM: ["myanmar"],
  TR: ["turkey", "turkish"],
  PS: ["gaza", "gazan"],
  KG: ["kyrgyz"],
  TJ: ["tajik"],
  UZ: ["uzbek"],
  KZ: ["kazakh"],
  PH: ["philippine"],
};

// Places the press names for the country itself: they count as its name, not as an adjective.
const PRESS_PLACE_NAMES: Record<string, string[]> = { PS: ["gaza", "gaza strip", "west bank"] };

// The names the press writes ("Turkey", not "Türkiye"); also the reference data's Country.name.
export const PRESS_NAMES: Record<string, string> = { TR: "Turkey", CZ: "Czech Republic", CI: "Ivory Coast", MK: "North Macedonia" };

const ENTRIES: Entry[] = countries.map((c) => {
  const demonym = c.demonyms?.eng;
  const words = new Set<string>(
    [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3 && /^[\p{L} .'’-]+$/u.test(s)), demonym?.m, demonym?.f, ...(PRESS_ADJECTIVES[c.cca2] ?? [])]
      .concat(PRESS_PLACE_NAMES[c.cca2] ?? [])
      .filter((w): w is string => !!w)
      .map((w) => w.toLowerCase()),
  );
  return { code: c.cca2, name: PRESS_NAMES[c.cca2] ?? c.name.common, words: [...words], capitals: (c.capital ?? []).map((x) => x.toLowerCase()) };
});

// countryOf's stem rule as lookups: it is asked of every capitalised word of a page, and a pass over
// all 250 names per unknown word made countriesIn cost seconds on a page of capitalised words.
// STEMS_BY_PREFIX: each 5+ letter prefix of a lower-case name → the entries whose name opens with it
// (not when it is the whole first word of a longer name); ENTRIES_BY_NAME: lower-case name → entries.
const STEMS_BY_PREFIX = new Map<string, Entry[]>();
const ENTRIES_BY_NAME = new Map<string, Entry[]>();
let LONGEST_NAME = 0;
for (const entry of ENTRIES) {
  const name = entry.name.toLowerCase();
  LONGEST_NAME = Math.max(LONGEST_NAME, name.length);
  ENTRIES_BY_NAME.set(name, [...(ENTRIES_BY_NAME.get(name) ?? []), entry]);
  for (let length = 5; length <= name.length; length++) {
    const prefix = name.slice(0, length);
    if (name.includes(" ") && name.split(" ")[0] === prefix) continue;
    STEMS_BY_PREFIX.set(prefix, [...(STEMS_BY_PREFIX.get(prefix) ?? []), entry]);
  }
}

/** The one entry whose name opens with `lower` (5+ letters), or that opens `lower` (6+ letters); undefined for none or several. */
function stemEntry(lower: string): Entry | undefined {
  const stems = new Set(STEMS_BY_PREFIX.get(lower));
  if (lower.length >= 6) {
    for (let length = 1; length <= Math.min(lower.length, LONGEST_NAME) && stems.size < 2; length++) {
      for (const entry of ENTRIES_BY_NAME.get(lower.slice(0, length)) ?? []) stems.add(entry);
    }
  }
  return stems.size === 1 ? stems.values().next().value : undefined;
}

/**
 * Nationality nouns, capitalised, singular and plural ("Kyrgyz", "Azeri", "Azeris", "Armenians"):
 * "two Azeris were killed" counts people, as "two soldiers" does.
 */
export const NATIONALITY_NOUNS: readonly string[] = (() => {
  const words = new Set<string>();
  for (const c of countries) {
    for (const w of [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(PRESS_ADJECTIVES[c.cca2] ?? [])]) {
      if (!w || !/^[\p{L}-]+$/u.test(w)) continue;
      const word = w[0].toUpperCase() + w.slice(1);
      words.add(word);
      if (!/(?:s|z|sh|ch|ese)$/i.test(word)) words.add(`${word}s`);
    }
  }
  // Longest first, so an alternation built from them prefers "Azeris" to "Azeri".
  return [...words].sort((a, b) => b.length - a.length);
})();

const PLACE_NAME_WORDS = new Set(Object.values(PRESS_PLACE_NAMES).flat());

const BY_WORD = new Map<string, Entry>();
for (const entry of ENTRIES) for (const word of entry.words) if (!BY_WORD.has(word)) BY_WORD.set(word, entry);

// Capitalised words that are country words elsewhere but not in running text here.
const NOT_COUNTRY = new Set(["georgia's"]);

// countryOf's answers: it is asked of every capitalised word and run of words a page holds, and an
// unknown word of five letters or more costs a pass over all 250 countries' names. A pure function
// of fixed data, so kept for the process, emptied when it grows past a bound (pages of ever-new words).
const COUNTRY_OF = new Map<string, CountryName | null>();
const MAX_COUNTRY_OF = 50_000;

/** The country a name or adjective stands for: "Kazakh", "Sudanese", "Sri Lanka", "Armenian"; null if none. */
export function countryOf(word: string): CountryName | null {
  let answer = COUNTRY_OF.get(word);
  if (answer === undefined) {
    if (COUNTRY_OF.size >= MAX_COUNTRY_OF) COUNTRY_OF.clear();
    answer = readCountryOf(word);
    COUNTRY_OF.set(word, answer);
  }
  // A copy: callers own what they are given.
  return answer && { ...answer };
}

function readCountryOf(word: string): CountryName | null {
  const lower = word.toLowerCase().replace(/(?:'s|’s)$/, "");
  if (NOT_COUNTRY.has(lower)) return null;
  const exact = BY_WORD.get(lower);
  if (exact) return { code: exact.code, name: exact.name };
  // "Kazakh" → Kazakhstan, "Azerbaijani" → Azerbaijan: an adjective that opens the name.
  if (lower.length >= 5) {
    // Not a whole first word of a longer name: "Central" is no adjective of the Central African Republic (stemEntry).
    const stem = stemEntry(lower);
    if (stem) return { code: stem.code, name: stem.name };
  }
  return null;
}

// Candidates: capitalised words and two- or three-word names ("Sri Lanka", "Hong Kong", "United States").
const CANDIDATE = /\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}/gu;

/** Every country the text names, weighted by how (names over adjectives), most named first. */
export function countriesIn(text: string): { country: CountryName; count: number }[] {
  const counts = new Map<string, { country: CountryName; count: number }>();
  CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CANDIDATE.exec(text)) !== null) {
    // Longest reading first: "Sri Lanka" before "Sri", "Hong Kong Police" → "Hong Kong".
    const words = match[0].split(/\s+/);
    let country: CountryName | null = null;
    let word = "";
    for (let n = words.length; n >= 1 && !country; n--) {
      for (let i = 0; i + n <= words.length && !country; i++) {
        word = words.slice(i, i + n).join(" ");
        country = countryOf(word);
      }
    }
    if (!country) continue;
    const entry = counts.get(country.code) ?? { country, count: 0 };
    // A country named counts twice an adjective: "Russian shelling hit Ukraine" is about Ukraine.
    const bare = word.toLowerCase().replace(/(?:'s|’s)$/, "");
    entry.count += bare === country.name.toLowerCase() || PLACE_NAME_WORDS.has(bare) ? 2 : 1;
    counts.set(country.code, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

const BY_CAPITAL = new Map<string, Entry>();
for (const entry of ENTRIES) for (const capital of entry.capitals) if (!BY_CAPITAL.has(capital)) BY_CAPITAL.set(capital, entry);

/** "DUSHANBE:", "KHARTOUM (Reuters) –": a capital city as the dateline that opens the copy. */
function datelineCountry(text: string): CountryName | null {
  const m = /^\s*([A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,2})\s*(?::|,|\(|–|—|-)/.exec(text);
  const entry = m ? BY_CAPITAL.get(m[1].toLowerCase()) : undefined;
  return entry ? { code: entry.code, name: entry.name } : null;
}

/** The country a page is about: the one it names most, its dateline's capital counting as a name (the copy may be filed from elsewhere) (ties: the first named). */
export function mainCountry(text: string): CountryName | null {
  const counts = countriesIn(text);
  const dateline = datelineCountry(text.replace(/^[^\n]*\n/, "")) ?? datelineCountry(text);
  if (dateline) {
    const entry = counts.find((c) => c.country.code === dateline.code);
    if (entry) entry.count += 2;
    else counts.push({ country: dateline, count: 2 });
    counts.sort((a, b) => b.count - a.count);
  }
  return counts[0]?.country ?? null;
}
