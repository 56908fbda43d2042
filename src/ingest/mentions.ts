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
// read are the same text, and the names pages are scanned for (knownMentionNames).
//
// Nothing here reads the page's text: that is done where the page is read
// (text-mentions.ts, on the extraction pool's worker thread), and these
// functions look names up in what it found (PageMentions), so linking a
// page of 2 MB costs the main thread, and its open transaction, no scan.
import type { Prisma } from "../generated/prisma/client";
import { placeNameKey } from "../place/place-names";
import { countryOf } from "./countries";
import type { ExtractedPage } from "./extract-page";
import { NEVER_PLACES, surnameOf, type MentionNames, type PageMentions } from "./text-mentions";
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
}

// The countries as last read (their rows' JSON text) and what was derived from them.
let lastCountryRows: { json: string; countries: GazetteerCountry[]; index: CountryIndex } | undefined;

function countriesFrom(json: string | null): { countries: GazetteerCountry[]; index: CountryIndex } {
  const text = json ?? "[]";
  if (lastCountryRows?.json !== text) {
    const rows = JSON.parse(text) as [string, string, string][];
    const countries = rows.map(([id, isoCode, name]) => ({ id, isoCode, names: [name, ...(DEMONYMS[isoCode] ?? [])] }));
    lastCountryRows = { json: text, countries, index: { byIso: new Map(countries.map((c) => [c.isoCode, c.id])) } };
  }
  return lastCountryRows;
}

/** Population from which a place outside the article's countries is linked by its own name. */
const WELL_KNOWN = 100_000;

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
  scan: Pick<PageMentions, "placeKeys" | "countries">,
  options: { placeNames?: string[]; countryIds?: (string | null)[]; claimantNames?: string[]; publisherNames?: string[] } = {},
): Promise<Gazetteer> {
  const keys = new Set(scan.placeKeys);
  for (const name of options.placeNames ?? []) {
    const key = placeNameKey(name);
    if (key && !NEVER_PLACES.has(key)) keys.add(key);
  }
  const askedCountries = (options.countryIds ?? []).filter((id): id is string => !!id);
  const namedCountries = scan.countries;
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
export function mainCountryId(scan: PageMentions, gazetteer: Gazetteer): string | null {
  const { byIso } = gazetteer.countryIndex;
  const scores = new Map<string, number>();
  for (const { country, count } of scan.countries) {
    const id = byIso.get(country.code);
    if (id) scores.set(id, (scores.get(id) ?? 0) + count);
  }
  const textKeys = scan.placeKeys;
  for (const place of gazetteer.places) {
    if (place.kind !== "COUNTRY" && place.countryId && place.keys.some((key) => textKeys.has(key))) scores.set(place.countryId, (scores.get(place.countryId) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [id, score] of scores) if (best === null || score > (scores.get(best) as number)) best = id;
  return best;
}

/**
 * Records the text names. People also by surname alone when it is unambiguous.
 * The scan must have looked for the gazetteer's names (scannedFor).
 */
export function findMentions(scan: PageMentions, gazetteer: Gazetteer) {
  const mentions = (name: string) => scan.names.get(name) === true;
  const surnames = new Map<string, string[]>();
  for (const person of gazetteer.people) {
    const surname = surnameOf(person.names[0]);
    surnames.set(surname, [...(surnames.get(surname) ?? []), person.id]);
  }
  const personIds = gazetteer.people
    .filter((p) => p.names.some((name) => mentions(name)) || (surnames.get(surnameOf(p.names[0]))?.length === 1 && mentions(surnameOf(p.names[0]))))
    .map((p) => p.id);
  // The gazetteer holds only the places found in this text (by any of their names).
  const textKeys = scan.placeKeys;
  return {
    personIds,
    placeIds: gazetteer.places.filter((p) => p.keys.some((key) => textKeys.has(key))).map((p) => p.id),
    countryIds: countriesNamed(scan, gazetteer),
    organizationIds: gazetteer.organizations.filter((o) => o.names.some((name) => mentions(name))).map((o) => o.id),
  };
}

function countriesNamed(scan: PageMentions, gazetteer: Gazetteer): string[] {
  return gazetteer.countries.filter((c) => c.names.some((name) => scan.countryNames.get(name) === true)).map((c) => c.id);
}

/** The names findMentions looks up in a page: the page is scanned for them (scanPageMentions). */
export function mentionNamesOf(gazetteer: Gazetteer): MentionNames {
  return {
    people: gazetteer.people.flatMap((p) => p.names),
    organizations: gazetteer.organizations.flatMap((o) => o.names),
    countries: gazetteer.countries.flatMap((c) => c.names),
  };
}

// The names last read from the database (mentionNamesOf): each page is scanned for them where it is
// read; the gazetteer read in the transaction tells whether they still are all (scannedFor).
let knownNames: MentionNames | undefined;

/** The names pages are scanned for: the last gazetteer's, undefined before the first is read. */
export function knownMentionNames(): MentionNames | undefined {
  return knownNames;
}

export function rememberMentionNames(gazetteer: Gazetteer): void {
  knownNames = mentionNamesOf(gazetteer);
}

/** Whether the scan looked for every name of the gazetteer's (else findMentions cannot use it: scan again). */
export function scannedFor(scan: PageMentions, gazetteer: Gazetteer): boolean {
  const asked = (name: string) => scan.names.has(name);
  return (
    gazetteer.people.every((p) => p.names.every(asked) && asked(surnameOf(p.names[0]))) &&
    gazetteer.organizations.every((o) => o.names.every(asked)) &&
    gazetteer.countries.every((c) => c.names.every((name) => scan.countryNames.has(name)))
  );
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
