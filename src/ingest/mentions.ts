// Links names in an article to records that already exist (people, places,
// countries, organisations), so ingestion never duplicates them.
//
// Places come from the world gazetteer (135k GeoNames places, src/db/
// reference-data.ts), which is never read whole: the names the text could
// hold (runs of capitalised words, "El Geneina", "Alma-Ata", and the place
// names the extractors read) are keyed (placeNameKey) and looked up in one
// indexed query. A name many places share goes to the one in a country the
// article is about (named in it, or its crisis's), the most populous there;
// failing that, to a place of 100,000 or more that goes by that name itself
// (not only as an alternate); else it links nothing. A country's name links
// only its COUNTRY place ("Sudan" is not the French town GeoNames also calls so).
//
// All of it is one SQL statement per page (loadGazetteer): the people,
// organisations and countries, the places the page's names key, the COUNTRY
// place of each country a claim may fall back to, and the claimants already
// stored under the page's claimant names. Nothing is cached across pages but
// what is derived from the 250 countries' rows, and that only while the rows
// read are the same text.
import type { Prisma } from "../generated/prisma/client";
import { isCode, placeNameKey } from "../place/place-names";
import { countriesIn, countryOf } from "./countries";
import type { ExtractedPage } from "./extract-page";
import type { ExtractedClaim } from "./types";

type Tx = Prisma.TransactionClient;

// Adjectives the press uses for countries ("Kazakh President", "Armenian PM").
const DEMONYMS: Record<string, string[]> = {
  AM: ["Armenian"],
  AZ: ["Azerbaijani"],
  BY: ["Belarusian"],
  GE: ["Georgian"],
  KG: ["Kyrgyz"],
  KZ: ["Kazakh", "Kazakhstani"],
  RU: ["Russian"],
  TJ: ["Tajik"],
  UZ: ["Uzbek"],
  US: ["American"],
};

/** A place the article names: `keys` are the lookup keys it was found by. */
export interface GazetteerPlace {
  id: string;
  name: string;
  countryId: string | null;
  kind: string;
  keys: string[];
}

export interface GazetteerCountry {
  id: string;
  isoCode: string;
  names: string[];
}

export interface Gazetteer {
  people: { id: string; names: string[] }[];
  /** Only the places the text names (see the header), never the whole gazetteer. */
  places: GazetteerPlace[];
  countries: GazetteerCountry[];
  organizations: { id: string; names: string[] }[];
  /** The COUNTRY place (the first by id, null: none) of each country the page may fall back to: see countryPlaceId. */
  countryPlaces: Map<string, string | null>;
  /** The claimants stored under the claimant names asked for: see claimantIds. */
  claimants: Map<string, { id: string; mergedIntoId: string | null }>;
  /** The ids of the publishers stored under the publisher names asked for: see publisherId. */
  publishers: Map<string, string>;
  /** What is derived from the countries once per process (see countryIndex). */
  countryIndex: CountryIndex;
}

/** The countries' lookups, derived once from the rows (they are the same on every page until the table changes). */
interface CountryIndex {
  byIso: Map<string, string>;
  /** Every country name and adjective, and the longest in words and characters: what namesIn needs. */
  names: NameSet;
}

interface NameSet {
  wanted: Set<string>;
  maxWords: number;
  maxLength: number;
}

function nameSet(names: string[]): NameSet {
  return {
    wanted: new Set(names),
    maxWords: Math.max(...names.map((name) => name.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length)),
    maxLength: Math.max(...names.map((name) => name.length)),
  };
}

// The countries as last read (their rows' JSON text) and what was derived from them.
let lastCountryRows: { json: string; countries: GazetteerCountry[]; index: CountryIndex } | undefined;

function countriesFrom(json: string | null): { countries: GazetteerCountry[]; index: CountryIndex } {
  const text = json ?? "[]";
  if (lastCountryRows?.json !== text) {
    const rows = JSON.parse(text) as [string, string, string][];
    const countries = rows.map(([id, isoCode, name]) => ({ id, isoCode, names: [name, ...(DEMONYMS[isoCode] ?? [])] }));
    lastCountryRows = { json: text, countries, index: { byIso: new Map(countries.map((c) => [c.isoCode, c.id])), names: nameSet(countries.flatMap((c) => c.names)) } };
  }
  return lastCountryRows;
}

/** Population from which a place outside the article's countries is linked by its own name. */
const WELL_KNOWN = 100_000;
const MAX_NAME_WORDS = 4;
// Lower-case words inside a place name ("Sant Julià de Lòria", "Rostov-on-Don" is one token).
const CONNECTORS = new Set(["de", "del", "la", "le", "les", "el", "al", "an", "ad", "as", "ash", "ar", "of", "on", "upon", "da", "do", "dos", "das", "du", "des", "di", "am", "im", "sur", "en", "y"]);
const TOKEN = /[\p{L}][\p{L}\p{M}'’-]*/gu;
// Capitalised words that open sentences and titles far more often than they name a place
// (GeoNames has a "Police" in Poland, a "Most" in Czechia, a "Said" in Yemen, and months as alternate names).
const NEVER_PLACES = new Set(
  (
    "the this that these those there then they their his her its our we he she it in on at by for from with after before during while when where as but and or if " +
    "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday " +
    "police army government ministry minister president prime health interior defence defense foreign state national united republic city capital region province district " +
    "north south east west central northern southern eastern western new old saint san santa said most many some all several more less news agency reuters associated press"
  ).split(" "),
);

// One ingestion asks for the same page's keys and countries several times (gazetteer, page
// country, mentions): the last answer is kept.
let lastKeys: { text: string; keys: Set<string> } | undefined;
let lastCountries: { text: string; countries: ReturnType<typeof countriesIn> } | undefined;

function countriesOf(text: string): ReturnType<typeof countriesIn> {
  if (lastCountries?.text !== text) lastCountries = { text, countries: countriesIn(text) };
  return lastCountries.countries;
}

/** Every run of up to MAX_NAME_WORDS words that starts and ends with a capital, keyed. */
export function candidateNameKeys(text: string): Set<string> {
  if (lastKeys?.text === text) return lastKeys.keys;
  const keys = readNameKeys(text);
  lastKeys = { text, keys };
  return keys;
}

function readNameKeys(text: string): Set<string> {
  const keys = new Set<string>();
  const tokens: { word: string; end: number; start: number }[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(text)) !== null) tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  const capital = (word: string) => /^\p{Lu}/u.test(word);
  for (let i = 0; i < tokens.length; i++) {
    if (!capital(tokens[i].word)) continue;
    let phrase = "";
    for (let n = 0; n < MAX_NAME_WORDS && i + n < tokens.length; n++) {
      const token = tokens[i + n];
      // Only words separated by spaces (a sentence or clause break ends a name).
      if (n > 0 && !/^[ \t]+$/.test(text.slice(tokens[i + n - 1].end, token.start))) break;
      if (n > 0 && !capital(token.word) && !CONNECTORS.has(token.word.toLowerCase())) break;
      phrase = n === 0 ? token.word : `${phrase} ${token.word}`;
      if (!capital(token.word) || isCode(token.word.replace(/['’]s$/, ""))) continue;
      const key = placeNameKey(phrase.replace(/['’]s$/, ""));
      if (key && !NEVER_PLACES.has(key)) keys.add(key);
    }
  }
  return keys;
}

// One statement (see the header). The candidates are the indexed name lookup the page's keys need
// (in the order its plan gives them, as when it was a statement of its own); a country's COUNTRY
// place is looked up only for the countries the page could fall back to: those its candidate
// places lie in, those asked for (the crisis's), and those it names ($3, ISO codes).
const GAZETTEER_SQL = `
WITH candidates AS (
  SELECT n.name AS key, p.id, p.name, p."countryId", p.kind::text AS kind, p.population
  FROM "PlaceName" n JOIN "Place" p ON p.id = n."placeId" WHERE n.name = ANY($1::text[])
)
SELECT
  (SELECT json_agg(json_build_array(id, "isoCode", name) ORDER BY "isoCode")::text FROM "Country") AS countries,
  (SELECT json_agg(json_build_array(id, name))::text FROM "Person") AS people,
  (SELECT json_agg(json_build_array(id, name, acronym))::text FROM "Organization") AS organizations,
  (SELECT json_agg(json_build_array(key, id, name, "countryId", kind, population))::text FROM candidates) AS places,
  (SELECT json_agg(json_build_array(c.id, (SELECT p.id FROM "Place" p WHERE p.kind = 'COUNTRY' AND p."countryId" = c.id ORDER BY p.id LIMIT 1)))::text
     FROM "Country" c WHERE c.id IN (SELECT "countryId" FROM candidates) OR c.id = ANY($2::uuid[]) OR c."isoCode" = ANY($3::bpchar[])) AS "countryPlaces",
  (SELECT json_agg(json_build_array(name, id, "mergedIntoId"))::text FROM "Claimant" WHERE name = ANY($4::text[])) AS claimants,
  (SELECT json_agg(json_build_array(name, id))::text FROM "Publisher" WHERE name = ANY($5::text[])) AS publishers`;

type GazetteerRow = Record<"countries" | "people" | "organizations" | "places" | "countryPlaces" | "claimants" | "publishers", string | null>;

export async function loadGazetteer(
  tx: Tx,
  text: string,
  options: { placeNames?: string[]; countryIds?: (string | null)[]; claimantNames?: string[]; publisherNames?: string[] } = {},
): Promise<Gazetteer> {
  const keys = new Set(candidateNameKeys(text));
  for (const name of options.placeNames ?? []) {
    const key = placeNameKey(name);
    if (key && !NEVER_PLACES.has(key)) keys.add(key);
  }
  const askedCountries = (options.countryIds ?? []).filter((id): id is string => !!id);
  const namedCountries = countriesOf(text);
  const [row] = await tx.$queryRawUnsafe<GazetteerRow[]>(
    GAZETTEER_SQL,
    [...keys],
    askedCountries,
    namedCountries.map(({ country }) => country.code),
    [...new Set(options.claimantNames ?? [])],
    [...new Set(options.publisherNames ?? [])],
  );
  const parse = <T>(json: string | null): T[] => (json ? (JSON.parse(json) as T[]) : []);
  const { countries, index } = countriesFrom(row.countries);
  const candidates = parse<[string, string, string, string | null, string, number | null]>(row.places).map(([key, id, name, countryId, kind, population]) => ({ key, id, name, countryId, kind, population }));
  // The countries the article is about: those it names (names and adjectives), and its crisis's.
  const context = new Set<string>(askedCountries);
  for (const { country } of namedCountries) {
    const id = index.byIso.get(country.code);
    if (id) context.add(id);
  }
  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidates) byKey.set(candidate.key, [...(byKey.get(candidate.key) ?? []), candidate]);
  const places = new Map<string, GazetteerPlace>();
  for (const [key, rows] of byKey) {
    const chosen = choosePlace(key, rows, context);
    if (!chosen) continue;
    const place = places.get(chosen.id) ?? { id: chosen.id, name: chosen.name, countryId: chosen.countryId, kind: chosen.kind, keys: [] };
    place.keys.push(key);
    places.set(chosen.id, place);
  }
  return {
    people: parse<[string, string]>(row.people).map(([id, name]) => ({ id, names: [name] })),
    places: [...places.values()],
    countries,
    organizations: parse<[string, string, string | null]>(row.organizations).map(([id, name, acronym]) => ({ id, names: [name, ...(acronym ? [acronym] : [])] })),
    countryPlaces: new Map(parse<[string, string | null]>(row.countryPlaces)),
    claimants: new Map(parse<[string, string, string | null]>(row.claimants).map(([name, id, mergedIntoId]) => [name, { id, mergedIntoId }])),
    publishers: new Map(parse<[string, string]>(row.publishers)),
    countryIndex: index,
  };
}

/**
 * The claimant and publisher names a page may be stored under, whichever of
 * its readings (ExtractedPage: without, with the named or with the inferred
 * crisis's country) is stored, to read with its gazetteer: `publishers` are
 * the caller's names and the URL's host. Only a head start: a name not read
 * then is looked up (or created) when it is needed.
 */
export function storedNamesOf(readings: (ExtractedPage | undefined)[], publishers: (string | null | undefined)[]): { claimantNames: string[]; publisherNames: string[] } {
  const pages = readings.filter((page): page is ExtractedPage => !!page);
  return {
    claimantNames: pages.flatMap((page) => page.claims.map((claim) => claim.claimant.name)),
    publisherNames: [...publishers, ...pages.flatMap((page) => [page.article.publisherName, page.article.copyrightHolder])].filter((name): name is string => !!name),
  };
}

/**
 * The publisher of that name: the one the gazetteer read, else read now, and
 * only when there is none yet inserted (ON CONFLICT DO NOTHING: two pages of a
 * new publisher at once, the second waits instead of failing) and read again.
 */
export async function publisherId(tx: Tx, gazetteer: Gazetteer, name: string, copyrightHolder: string | null): Promise<string> {
  const known = gazetteer.publishers.get(name) ?? (await tx.publisher.findUnique({ where: { name }, select: { id: true } }))?.id;
  if (known) return known;
  await tx.publisher.createMany({ data: [{ name, copyrightHolder }], skipDuplicates: true });
  return (await tx.publisher.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
}

/**
 * The COUNTRY place of a country (the first by id), where a claim that names
 * no place the gazetteer knows is filed; null for none. Read with the
 * gazetteer for every country the page can fall back to (its crisis's, the
 * page's main country); any other is looked up here.
 */
export async function countryPlaceId(tx: Tx, gazetteer: Gazetteer, countryId: string | null): Promise<string | null> {
  if (!countryId) return null;
  if (gazetteer.countryPlaces.has(countryId)) return gazetteer.countryPlaces.get(countryId) ?? null;
  const place = await tx.place.findFirst({ where: { kind: "COUNTRY", countryId }, orderBy: { id: "asc" }, select: { id: true } });
  return place?.id ?? null;
}

/**
 * The claimant each claim is filed under, by claimant name: the one stored
 * under that name, or the one an editor merged it into (mergeClaimants).
 * Names the gazetteer did not find are created in one statement (ON CONFLICT
 * DO NOTHING: another page naming the same new claimant at the same time
 * makes it wait, not fail; in name order, so two such pages lock in the same
 * order), then read in one more.
 */
export async function claimantIds(tx: Tx, claims: Pick<ExtractedClaim, "claimant">[], gazetteer: Gazetteer): Promise<Map<string, string>> {
  const stored = new Map(gazetteer.claimants);
  // The kind of a new claimant: its first claim's.
  const missing = new Map<string, ExtractedClaim["claimant"]["kind"]>();
  for (const { claimant } of claims) if (!stored.has(claimant.name) && !missing.has(claimant.name)) missing.set(claimant.name, claimant.kind);
  if (missing.size) {
    const names = [...missing.keys()].sort();
    await tx.claimant.createMany({ data: names.map((name) => ({ name, kind: missing.get(name) as ExtractedClaim["claimant"]["kind"] })), skipDuplicates: true });
    for (const row of await tx.claimant.findMany({ where: { name: { in: names } }, select: { id: true, name: true, mergedIntoId: true } })) stored.set(row.name, row);
  }
  const ids = new Map<string, string>();
  for (const { claimant } of claims) {
    const row = stored.get(claimant.name);
    if (!row) throw new Error(`Claimant "${claimant.name}" was neither found nor created`);
    ids.set(claimant.name, row.mergedIntoId ?? row.id);
  }
  return ids;
}

/** An event's place and actors, as resolved against the gazetteer (resolvePlace, resolveActor). */
export interface EventLinks {
  places: { eventId: string; placeId: string }[];
  participants: { id: string; eventId: string; role: string; personId?: string; organizationId?: string; countryId?: string }[];
}

/**
 * The article's links to the people, places and countries it names
 * (findMentions), and its events' to their places and actors (the events
 * already stored), in one statement.
 */
export async function storeMentions(tx: Tx, articleId: string, found: { personIds: string[]; placeIds: string[]; countryIds: string[] }, events: EventLinks): Promise<void> {
  if (!found.personIds.length && !found.placeIds.length && !found.countryIds.length && !events.places.length && !events.participants.length) return;
  const { participants } = events;
  await tx.$executeRawUnsafe(
    `WITH people AS (INSERT INTO "ArticlePerson" ("articleId", "personId") SELECT $1::uuid, unnest($2::uuid[])),
          places AS (INSERT INTO "ArticlePlace" ("articleId", "placeId") SELECT $1::uuid, unnest($3::uuid[])),
          countries AS (INSERT INTO "ArticleCountry" ("articleId", "countryId") SELECT $1::uuid, unnest($4::uuid[])),
          "eventPlaces" AS (INSERT INTO "EventPlace" ("eventId", "placeId") SELECT * FROM unnest($5::uuid[], $6::uuid[]) ON CONFLICT DO NOTHING)
     INSERT INTO "EventParticipant" (id, "eventId", role, "personId", "organizationId", "countryId")
     SELECT * FROM unnest($7::uuid[], $8::uuid[], $9::text[], $10::uuid[], $11::uuid[], $12::uuid[])`,
    articleId,
    found.personIds,
    found.placeIds,
    found.countryIds,
    events.places.map((p) => p.eventId),
    events.places.map((p) => p.placeId),
    participants.map((p) => p.id),
    participants.map((p) => p.eventId),
    participants.map((p) => p.role),
    participants.map((p) => p.personId ?? null),
    participants.map((p) => p.organizationId ?? null),
    participants.map((p) => p.countryId ?? null),
  );
}

type Candidate = { id: string; name: string; countryId: string | null; kind: string; population: number | null };

function choosePlace(key: string, rows: Candidate[], context: Set<string>): Candidate | undefined {
  // A country's name stands for the country, never for a town of that name.
  const pool = countryOf(key) ? rows.filter((r) => r.kind === "COUNTRY") : rows;
  const larger = (a: Candidate, b: Candidate) => ((b.population ?? 0) > (a.population ?? 0) ? b : a);
  const inContext = pool.filter((r) => r.countryId && context.has(r.countryId));
  if (inContext.length) return inContext.reduce(larger);
  const known = pool.filter((r) => r.kind === "COUNTRY" || ((r.population ?? 0) >= WELL_KNOWN && placeNameKey(r.name) === key));
  return known.length ? known.reduce(larger) : undefined;
}

/**
 * The country an article is about: the one it names most (a name counts twice
 * an adjective, src/ingest/countries.ts), each distinct place it names counting
 * once for that place's country; null when it names none. Ties: the first named.
 */
export function mainCountryId(text: string, gazetteer: Gazetteer): string | null {
  const { byIso } = gazetteer.countryIndex;
  const scores = new Map<string, number>();
  for (const { country, count } of countriesOf(text)) {
    const id = byIso.get(country.code);
    if (id) scores.set(id, (scores.get(id) ?? 0) + count);
  }
  const textKeys = candidateNameKeys(text);
  for (const place of gazetteer.places) {
    if (place.kind !== "COUNTRY" && place.countryId && place.keys.some((key) => textKeys.has(key))) scores.set(place.countryId, (scores.get(place.countryId) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [id, score] of scores) if (best === null || score > (scores.get(best) as number)) best = id;
  return best;
}

/**
 * The names of `names` the text holds as whole words, in one pass over its
 * words: every run of words is looked up in a set (250 countries' names as
 * one regex each, or as one alternation, cost most of an ingestion's time).
 */
function namesIn(text: string, { wanted, maxWords, maxLength }: NameSet): Set<string> {
  const words: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) words.push({ start: match.index as number, end: (match.index as number) + match[0].length });
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 0; n < maxWords && i + n < words.length; n++) {
      const phrase = text.slice(words[i].start, words[i + n].end);
      if (phrase.length > maxLength) break;
      if (wanted.has(phrase)) found.add(phrase);
    }
  }
  return found;
}

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(text);
}

/** Records the text names. People also by surname alone when it is unambiguous. */
export function findMentions(text: string, gazetteer: Gazetteer) {
  const surnames = new Map<string, string[]>();
  for (const person of gazetteer.people) {
    const surname = person.names[0].split(/\s+/).pop() as string;
    surnames.set(surname, [...(surnames.get(surname) ?? []), person.id]);
  }
  const personIds = gazetteer.people
    .filter((p) => p.names.some((name) => mentions(text, name)) || (surnames.get(p.names[0].split(/\s+/).pop() as string)?.length === 1 && mentions(text, p.names[0].split(/\s+/).pop() as string)))
    .map((p) => p.id);
  // The gazetteer holds only the places found in this text (by any of their names).
  const textKeys = candidateNameKeys(text);
  return {
    personIds,
    placeIds: gazetteer.places.filter((p) => p.keys.some((key) => textKeys.has(key))).map((p) => p.id),
    countryIds: countriesNamed(text, gazetteer),
    organizationIds: gazetteer.organizations.filter((o) => o.names.some((name) => mentions(text, name))).map((o) => o.id),
  };
}

function countriesNamed(text: string, gazetteer: Gazetteer): string[] {
  if (!gazetteer.countryIndex.names.wanted.size) return [];
  const found = namesIn(text, gazetteer.countryIndex.names);
  return gazetteer.countries.filter((c) => c.names.some((name) => found.has(name))).map((c) => c.id);
}

/** The one record a name refers to, preferring places in `countryId`. */
export function resolvePlace(name: string, gazetteer: Gazetteer, countryId: string | null) {
  const key = placeNameKey(name);
  if (!key) return undefined;
  const candidates = gazetteer.places.filter((p) => p.keys.includes(key));
  return candidates.find((p) => p.countryId === countryId) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

export function resolveActor(name: string, gazetteer: Gazetteer): { personId?: string; organizationId?: string; countryId?: string } | undefined {
  const lower = name.toLowerCase();
  const person = gazetteer.people.find((p) => p.names.some((n) => n.toLowerCase() === lower));
  if (person) return { personId: person.id };
  const organization = gazetteer.organizations.find((o) => o.names.some((n) => n.toLowerCase() === lower));
  if (organization) return { organizationId: organization.id };
  const country = gazetteer.countries.find((c) => c.names.some((n) => n.toLowerCase() === lower));
  if (country) return { countryId: country.id };
  return undefined;
}
