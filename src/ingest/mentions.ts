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
// Nothing here reads the page's text: that is done where the page is read
// (text-mentions.ts, on the extraction pool's worker thread), and these
// functions look names up in what it found (PageMentions), so linking a
// page of 2 MB costs the main thread, and its open transaction, no scan.
import type { Prisma } from "../generated/prisma/client";
import { placeNameKey } from "../place/place-names";
import { countryOf } from "./countries";
import { NEVER_PLACES, surnameOf, type MentionNames, type PageMentions } from "./text-mentions";

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

export interface Gazetteer {
  people: { id: string; names: string[] }[];
  /** Only the places the text names (see the header), never the whole gazetteer. */
  places: GazetteerPlace[];
  countries: { id: string; isoCode: string; names: string[] }[];
  organizations: { id: string; names: string[] }[];
}

/** Population from which a place outside the article's countries is linked by its own name. */
const WELL_KNOWN = 100_000;

export async function loadGazetteer(
  tx: Tx,
  scan: Pick<PageMentions, "placeKeys" | "countries">,
  options: { placeNames?: string[]; countryIds?: (string | null)[] } = {},
): Promise<Gazetteer> {
  const keys = new Set(scan.placeKeys);
  for (const name of options.placeNames ?? []) {
    const key = placeNameKey(name);
    if (key && !NEVER_PLACES.has(key)) keys.add(key);
  }
  const [people, countries, organizations, candidates] = await Promise.all([
    tx.person.findMany({ select: { id: true, name: true } }),
    // Raw: 250 rows through the model query cost twice as much (2 ms of each ingestion).
    tx.$queryRawUnsafe<{ id: string; isoCode: string; name: string }[]>(`SELECT id::text, "isoCode"::text AS "isoCode", name FROM "Country" ORDER BY "isoCode"`),
    tx.organization.findMany({ select: { id: true, name: true, acronym: true } }),
    keys.size
      ? tx.$queryRawUnsafe<{ key: string; id: string; name: string; countryId: string | null; kind: string; population: number | null }[]>(
          `SELECT n.name AS key, p.id, p.name, p."countryId", p.kind::text AS kind, p.population
           FROM "PlaceName" n JOIN "Place" p ON p.id = n."placeId" WHERE n.name = ANY($1::text[])`,
          [...keys],
        )
      : Promise.resolve([]),
  ]);
  const byIso = new Map(countries.map((c) => [c.isoCode, c.id]));
  // The countries the article is about: those it names (names and adjectives), and its crisis's.
  const context = new Set<string>(options.countryIds?.filter((id): id is string => !!id));
  for (const { country } of scan.countries) {
    const id = byIso.get(country.code);
    if (id) context.add(id);
  }
  const byKey = new Map<string, typeof candidates>();
  for (const row of candidates) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  const places = new Map<string, GazetteerPlace>();
  for (const [key, rows] of byKey) {
    const chosen = choosePlace(key, rows, context);
    if (!chosen) continue;
    const place = places.get(chosen.id) ?? { id: chosen.id, name: chosen.name, countryId: chosen.countryId, kind: chosen.kind, keys: [] };
    place.keys.push(key);
    places.set(chosen.id, place);
  }
  return {
    people: people.map((p) => ({ id: p.id, names: [p.name] })),
    places: [...places.values()],
    countries: countries.map((c) => ({ id: c.id, isoCode: c.isoCode, names: [c.name, ...(DEMONYMS[c.isoCode] ?? [])] })),
    organizations: organizations.map((o) => ({ id: o.id, names: [o.name, ...(o.acronym ? [o.acronym] : [])] })),
  };
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
  const byIso = new Map(gazetteer.countries.map((c) => [c.isoCode, c.id]));
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
