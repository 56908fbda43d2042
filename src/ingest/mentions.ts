// Links names in an article to records that already exist (people, places,
// countries, organisations), so ingestion never duplicates them.
import type { Prisma } from "../generated/prisma/client";

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

export interface Gazetteer {
  people: { id: string; names: string[] }[];
  places: { id: string; name: string; countryId: string | null; kind: string }[];
  countries: { id: string; isoCode: string; names: string[] }[];
  organizations: { id: string; names: string[] }[];
}

export async function loadGazetteer(tx: Tx): Promise<Gazetteer> {
  const [people, places, countries, organizations] = await Promise.all([
    tx.person.findMany({ select: { id: true, name: true } }),
    tx.place.findMany({ select: { id: true, name: true, countryId: true, kind: true } }),
    tx.country.findMany({ select: { id: true, isoCode: true, name: true } }),
    tx.organization.findMany({ select: { id: true, name: true, acronym: true } }),
  ]);
  return {
    people: people.map((p) => ({ id: p.id, names: [p.name] })),
    places,
    countries: countries.map((c) => ({ id: c.id, isoCode: c.isoCode, names: [c.name, ...(DEMONYMS[c.isoCode] ?? [])] })),
    organizations: organizations.map((o) => ({ id: o.id, names: [o.name, ...(o.acronym ? [o.acronym] : [])] })),
  };
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
  return {
    personIds,
    placeIds: gazetteer.places.filter((p) => mentions(text, p.name)).map((p) => p.id),
    countryIds: gazetteer.countries.filter((c) => c.names.some((name) => mentions(text, name))).map((c) => c.id),
    organizationIds: gazetteer.organizations.filter((o) => o.names.some((name) => mentions(text, name))).map((o) => o.id),
  };
}

/** The one record a name refers to, preferring places in `countryId`. */
export function resolvePlace(name: string, gazetteer: Gazetteer, countryId: string | null) {
  const candidates = gazetteer.places.filter((p) => p.name.toLowerCase() === name.toLowerCase());
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
