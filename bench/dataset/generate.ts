// A deterministic synthetic dataset for the benchmarks: crises, publishers,
// articles with events and casualty claims, places, people and claimants, at
// sizes from 50 to 100,000 articles. A seeded PRNG makes every choice and ids
// are hashed from (seed, table, index), so the same size and seed give the same
// rows every run. Rows go in with `INSERT ... SELECT FROM unnest($1::uuid[], ...)`:
// one statement per table and chunk of articles, all in one transaction.
import { createHash } from "node:crypto";
import pg from "pg";
import { Random, cumulativeOf, syllableName, uuidFactory, zipfCumulative } from "./random";

export type DatasetSize = "smoke" | "1k" | "10k" | "100k";

export const ARTICLES_PER_SIZE: Record<DatasetSize, number> = { smoke: 50, "1k": 1_000, "10k": 10_000, "100k": 100_000 };

export const DEFAULT_SEED = 42;

/**
 * Generated crises carry the seed in their slug (synthetic-dataset-s42-007):
 * `replace` reads it back to recompute the ids of that run's shared rows.
 */
export const CRISIS_SLUG_PREFIX = "synthetic-dataset-";

export interface DatasetSummary {
  size: DatasetSize;
  seed: number;
  articles: number;
  events: number;
  casualtyStatistics: number;
  /** Places the dataset uses: its regions and cities plus the (reused) country places. */
  places: number;
  people: number;
  publishers: number;
  claimants: number;
  crises: number;
  countries: number;
  seconds: number;
  /** Rows of the dataset per table (countries and country places included even when they were reused). */
  rows: Record<string, number>;
  sample: {
    /** Up to 100 article ids spread evenly over the dataset (datasetArticleId gives any other). */
    articleIds: string[];
    /** The crisis with the most articles. */
    crisisId: string;
    /** The publisher with the most articles. */
    publisherId: string;
  };
}

export interface GenerateOptions {
  databaseUrl: string;
  size: DatasetSize;
  seed?: number;
  onProgress?: (message: string) => void;
  /** Delete a previously generated dataset first; without it, finding one is an error. */
  replace?: boolean;
}

export interface DatasetShape {
  articles: number;
  crises: number;
  publishers: number;
  /** Generated regions and cities (country places come on top). */
  places: number;
  people: number;
  claimants: number;
}

export function datasetShape(articles: number): DatasetShape {
  return {
    articles,
    crises: Math.max(2, Math.round(articles / 2_000)),
    publishers: Math.min(200, Math.max(5, Math.round(articles / 250))),
    places: Math.max(12, Math.ceil(articles / 20)),
    people: Math.max(10, Math.ceil(articles / 25)),
    claimants: 40,
  };
}

/** The id of article `index` (0-based) of the dataset generated with `seed`, without a query. */
export function datasetArticleId(seed: number, index: number): string {
  return uuidFactory(seed, "Article")(index);
}

// ───────────────────────── world ─────────────────────────

interface CountrySpec {
  isoCode: string;
  name: string;
  lat: number;
  lon: number;
  spreadLat: number;
  spreadLon: number;
  /** How often a crisis happens there. */
  crisisWeight: number;
  /** How often an article about a crisis elsewhere mentions it. */
  mentionWeight: number;
}

const COUNTRIES: readonly CountrySpec[] = [
  { isoCode: "KZ", name: "Kazakhstan", lat: 48.0, lon: 67.0, spreadLat: 5, spreadLon: 14, crisisWeight: 5, mentionWeight: 2 },
  { isoCode: "RU", name: "Russia", lat: 55.5, lon: 45.0, spreadLat: 5, spreadLon: 20, crisisWeight: 4, mentionWeight: 6 },
  { isoCode: "AM", name: "Armenia", lat: 40.2, lon: 44.8, spreadLat: 0.6, spreadLon: 0.9, crisisWeight: 3, mentionWeight: 1 },
  { isoCode: "BY", name: "Belarus", lat: 53.7, lon: 28.0, spreadLat: 1.6, spreadLon: 3.5, crisisWeight: 3, mentionWeight: 1 },
  { isoCode: "KG", name: "Kyrgyzstan", lat: 41.4, lon: 74.5, spreadLat: 1, spreadLon: 3.5, crisisWeight: 4, mentionWeight: 1 },
  { isoCode: "TJ", name: "Tajikistan", lat: 38.7, lon: 70.8, spreadLat: 1, spreadLon: 2, crisisWeight: 3, mentionWeight: 1 },
  { isoCode: "UZ", name: "Uzbekistan", lat: 41.0, lon: 64.5, spreadLat: 1.8, spreadLon: 5, crisisWeight: 3, mentionWeight: 1 },
  { isoCode: "AZ", name: "Azerbaijan", lat: 40.3, lon: 47.7, spreadLat: 0.8, spreadLon: 1.6, crisisWeight: 2, mentionWeight: 1 },
  { isoCode: "GE", name: "Georgia", lat: 42.2, lon: 43.5, spreadLat: 0.6, spreadLon: 1.8, crisisWeight: 2, mentionWeight: 1 },
  { isoCode: "UA", name: "Ukraine", lat: 48.8, lon: 31.5, spreadLat: 2.2, spreadLon: 6, crisisWeight: 2, mentionWeight: 1 },
  { isoCode: "MD", name: "Moldova", lat: 47.2, lon: 28.5, spreadLat: 0.8, spreadLon: 0.8, crisisWeight: 1, mentionWeight: 0.5 },
  { isoCode: "TM", name: "Turkmenistan", lat: 39.0, lon: 59.5, spreadLat: 1.6, spreadLon: 4, crisisWeight: 1, mentionWeight: 0.5 },
  { isoCode: "MN", name: "Mongolia", lat: 46.8, lon: 103.0, spreadLat: 2.5, spreadLon: 9, crisisWeight: 1, mentionWeight: 0.5 },
  { isoCode: "AF", name: "Afghanistan", lat: 34.0, lon: 66.0, spreadLat: 2.2, spreadLon: 5, crisisWeight: 1, mentionWeight: 1 },
  { isoCode: "CN", name: "China", lat: 35.0, lon: 105.0, spreadLat: 6, spreadLon: 14, crisisWeight: 0.5, mentionWeight: 3 },
  { isoCode: "TR", name: "Turkey", lat: 39.0, lon: 35.0, spreadLat: 1.8, spreadLon: 7, crisisWeight: 0.5, mentionWeight: 1.5 },
  { isoCode: "IR", name: "Iran", lat: 32.5, lon: 54.0, spreadLat: 4, spreadLon: 7, crisisWeight: 0.5, mentionWeight: 1 },
  { isoCode: "US", name: "United States", lat: 39.5, lon: -98.0, spreadLat: 7, spreadLon: 20, crisisWeight: 0.3, mentionWeight: 3 },
  { isoCode: "DE", name: "Germany", lat: 51.0, lon: 10.4, spreadLat: 2, spreadLon: 3, crisisWeight: 0.2, mentionWeight: 1 },
  { isoCode: "FR", name: "France", lat: 46.5, lon: 2.5, spreadLat: 2.5, spreadLon: 3.5, crisisWeight: 0.2, mentionWeight: 1 },
];

// Several years overall, so date-range filters are selective.
const FIRST_DAY = Date.UTC(2015, 0, 1) / 86_400_000;
const LAST_START_DAY = Date.UTC(2024, 5, 30) / 86_400_000;
const LAST_DAY = Date.UTC(2024, 11, 31) / 86_400_000;
const DAY_MS = 86_400_000;
// Rows that are not about a moment (publishers) get a fixed creation time, never "now".
const DATASET_EPOCH_MS = Date.UTC(2014, 0, 1);

const CRISIS_KINDS = ["unrest", "protests", "border clashes", "fuel price protests", "post-election crisis", "ethnic clashes", "general strike", "mass riots"];
const GRIEVANCES = ["fuel prices", "the election results", "corruption", "a new tax", "the arrest of an opposition leader", "water shortages", "rising food prices", "a border agreement"];
const COMMODITIES = ["liquefied gas", "petrol", "bread", "electricity", "diesel"];
const PUBLISHER_SUFFIXES = ["Herald", "Times", "Daily", "Post", "Observer", "Wire", "Today", "News", "Gazette", "Courier", "Tribune", "Monitor", "Report", "Chronicle"];
const SECTIONS = ["World", "News", "Russia & former Soviet Union", "Asia", "Politics", "Conflict", "Europe"];
const FIRST_NAMES = [
  "Aidar", "Nurlan", "Daniyar", "Yerlan", "Askar", "Marat", "Timur", "Bakyt", "Azamat", "Ruslan", "Alexei", "Dmitry", "Sergei", "Andrei",
  "Igor", "Oleg", "Pavel", "Artur", "Armen", "Davit", "Giorgi", "Levan", "Rustam", "Farrukh", "Jamshid", "Aliya", "Dinara", "Aigerim",
  "Madina", "Saule", "Gulnara", "Elena", "Olga", "Irina", "Natalia", "Anna", "Maria", "Nino", "Lilit", "Zarina", "Kamila", "Svetlana",
];
const SURNAME_SUFFIXES = ["ov", "ev", "bayev", "yan", "shvili", "enko", "uly", "ski", "in", "adze", "zoda", "ovich"];
const PERSON_ROLES = [
  "interior minister", "regional governor", "opposition leader", "police spokesperson", "human rights activist", "presidential spokesperson",
  "protest organiser", "military commander", "member of parliament", "city mayor", "health minister", "prosecutor general", "foreign minister",
];
const PERSON_SAYINGS = [
  "the authorities were in control of the situation", "the demands of the protesters would be examined", "those responsible would be punished",
  "the situation remained tense", "talks with the protesters would continue", "foreign help had not been requested", "order had been restored",
  "the figures would be checked independently", "the curfew would stay in place for now",
];
const COUNTRY_SAYINGS = [
  "Officials in {c} called for restraint on all sides.", "{c} offered to mediate between the government and the protesters.",
  "The foreign ministry of {c} said it was monitoring the situation closely.", "{c} advised its citizens against travel to the region.",
];
const FILLERS = [
  "Shops and banks stayed closed in {p}.", "Internet access was partly restored on {w}.", "The government said it would set up a commission of inquiry.",
  "Long queues formed outside petrol stations in {p}.", "Flights to {p} were suspended until further notice.", "A curfew remained in force in {p}.",
  "Residents of {p} described gunfire overnight.", "The situation in {p} was calm but tense on {w}.", "Schools in {p} moved to remote lessons.",
];
const WEEKDAYS = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]; // day 0 (1970-01-01) was a Thursday
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

type EventType =
  | "ECONOMIC_CHANGE" | "PROTEST" | "RIOT" | "VIOLENCE" | "POLITICAL_REQUEST" | "AGREEMENT" | "DEPLOYMENT" | "ANNOUNCEMENT" | "MEETING" | "ARREST" | "OTHER";

// title / sentence per event type; {p} places, {c} country, {who} a mentioned person, {d} the date phrase (may be empty).
const EVENT_TEMPLATES: Record<EventType, { weight: number; title: string; sentence: string; roles: string[] }> = {
  PROTEST: { weight: 22, title: "Protesters rally in {p}", sentence: "Thousands of people gathered in {p}{d} to protest against {g}.", roles: ["organiser", "speaker"] },
  RIOT: { weight: 10, title: "Riots in {p}", sentence: "Rioters set fire to government buildings in {p}{d}.", roles: ["instigator", "target"] },
  VIOLENCE: { weight: 14, title: "Clashes in {p}", sentence: "Security forces clashed with armed groups in {p}{d}.", roles: ["commander", "combatant"] },
  ECONOMIC_CHANGE: { weight: 5, title: "{c} lifts price cap", sentence: "The government of {c} lifted the price cap on {k}{d}, officials in {p} confirmed.", roles: ["decision maker"] },
  POLITICAL_REQUEST: { weight: 6, title: "{who} asks for assistance", sentence: "{who} asked the regional security bloc for assistance{d}, speaking in {p}.", roles: ["requester", "addressee"] },
  AGREEMENT: { weight: 5, title: "Ceasefire agreed in {p}", sentence: "The sides agreed a ceasefire covering {p}{d}.", roles: ["signatory", "mediator"] },
  DEPLOYMENT: { weight: 8, title: "Troops deployed to {p}", sentence: "Peacekeeping troops were deployed to {p}{d}.", roles: ["deploying country", "commander"] },
  ANNOUNCEMENT: { weight: 10, title: "State of emergency in {p}", sentence: "Authorities declared a state of emergency in {p}{d}.", roles: ["announcer"] },
  MEETING: { weight: 6, title: "{who} meets leaders in {p}", sentence: "{who} met regional leaders in {p}{d}.", roles: ["host", "participant"] },
  ARREST: { weight: 10, title: "Arrests in {p}", sentence: "Police detained several organisers of the protests in {p}{d}.", roles: ["detainee", "arresting authority"] },
  OTHER: { weight: 4, title: "Internet shutdown in {p}", sentence: "Internet access was cut across {p}{d}.", roles: ["operator"] },
};
const EVENT_TYPES = Object.keys(EVENT_TEMPLATES) as EventType[];
const EVENT_TYPE_WEIGHTS = cumulativeOf(EVENT_TYPES.map((type) => EVENT_TEMPLATES[type].weight));

type DatePrecision = "DAY" | "APPROXIMATE" | "RANGE" | "MONTH" | "YEAR";
const DATE_PRECISIONS: DatePrecision[] = ["DAY", "APPROXIMATE", "RANGE", "MONTH", "YEAR"];
const DATE_PRECISION_WEIGHTS = cumulativeOf([60, 15, 12, 8, 5]);

type Category = "KILLED" | "INJURED" | "WOUNDED" | "DETAINED" | "HOSPITALIZED" | "MISSING";
const CATEGORIES: { category: Category; weight: number; verb: string; max: number }[] = [
  { category: "KILLED", weight: 25, verb: "killed", max: 250 },
  { category: "INJURED", weight: 25, verb: "injured", max: 2_000 },
  { category: "WOUNDED", weight: 8, verb: "wounded", max: 800 },
  { category: "DETAINED", weight: 25, verb: "detained", max: 10_000 },
  { category: "HOSPITALIZED", weight: 12, verb: "hospitalised", max: 1_500 },
  { category: "MISSING", weight: 5, verb: "reported missing", max: 300 },
];
const CATEGORY_WEIGHTS = cumulativeOf(CATEGORIES.map((c) => c.weight));

type AffectedGroup = "ALL" | "SECURITY_FORCES" | "PROTESTERS" | "RIOTERS" | "CIVILIANS" | "OTHER";
const GROUPS: { group: AffectedGroup; weight: number; texts: string[] }[] = [
  { group: "ALL", weight: 30, texts: ["people", "persons"] },
  { group: "SECURITY_FORCES", weight: 20, texts: ["police officers", "security personnel", "police officers and military personnel"] },
  { group: "PROTESTERS", weight: 20, texts: ["protesters", "demonstrators"] },
  { group: "RIOTERS", weight: 8, texts: ["rioters"] },
  { group: "CIVILIANS", weight: 15, texts: ["civilians", "residents", "bystanders"] },
  { group: "OTHER", weight: 7, texts: ["journalists", "foreign nationals", "medical workers"] },
];
const GROUP_WEIGHTS = cumulativeOf(GROUPS.map((g) => g.weight));

type Qualifier =
  | "EXACT" | "AROUND" | "AT_LEAST" | "OVER" | "MORE_THAN" | "UP_TO" | "EXCEEDED" | "DOZENS" | "SEVERAL_DOZEN" | "HUNDREDS" | "SEVERAL_HUNDRED" | "THOUSANDS";
// The hedge as printed, and for vague words their coded value (the seed's _rules, as src/ingest/numbers.ts).
const QUALIFIERS: { qualifier: Qualifier; weight: number; words: string; vague?: number; of?: boolean }[] = [
  { qualifier: "EXACT", weight: 30, words: "" },
  { qualifier: "AROUND", weight: 12, words: "around" },
  { qualifier: "AT_LEAST", weight: 18, words: "at least" },
  { qualifier: "OVER", weight: 8, words: "over" },
  { qualifier: "MORE_THAN", weight: 10, words: "more than" },
  { qualifier: "UP_TO", weight: 6, words: "up to" },
  { qualifier: "EXCEEDED", weight: 4, words: "exceeded" },
  { qualifier: "DOZENS", weight: 4, words: "dozens", vague: 12, of: true },
  { qualifier: "SEVERAL_DOZEN", weight: 2, words: "several dozen", vague: 24 },
  { qualifier: "HUNDREDS", weight: 3, words: "hundreds", vague: 100, of: true },
  { qualifier: "SEVERAL_HUNDRED", weight: 2, words: "several hundred", vague: 200 },
  { qualifier: "THOUSANDS", weight: 1, words: "thousands", vague: 1_000, of: true },
];
const QUALIFIER_WEIGHTS = cumulativeOf(QUALIFIERS.map((q) => q.weight));

const REVIEW_STATUSES = ["UNREVIEWED", "CONFIRMED", "REJECTED"] as const;
const REVIEW_WEIGHTS = cumulativeOf([85, 10, 5]);

type ClaimantKind = "INTERNATIONAL_ORGANIZATION" | "GOVERNMENT" | "PERSON" | "MEDIA" | "UNATTRIBUTED" | "OTHER";
const GOVERNMENT_BODIES = ["Interior Ministry", "Health Ministry", "Prosecutor General's Office", "Emergencies Ministry", "National Security Committee"];
const INTERNATIONAL_BODIES = [
  "Eurasian Monitoring Mission", "Caspian Humanitarian Network", "International Crisis Observers", "Regional Red Crescent Federation",
  "Central Asian Relief Coordination Office", "Intergovernmental Ceasefire Commission",
];
const UNATTRIBUTED_SOURCES = ["Local residents", "Witnesses", "Hospital sources", "Unnamed officials"];
const CIVIL_BODIES = ["Human Rights Centre", "Lawyers Association", "Medical Union"];

// ───────────────────────── bulk inserts ─────────────────────────

/** Column name → PostgreSQL type of the unnest array ("uuid", "text", '"EventType"', ...). */
type ColumnSpec = Record<string, string>;

/** Rows of one table collected column by column, written with one INSERT ... SELECT FROM unnest(...). */
class Rows {
  private readonly names: string[];
  private readonly sql: string;
  private columns: unknown[][];
  private pending = 0;
  total = 0;

  constructor(readonly table: string, spec: ColumnSpec) {
    this.names = Object.keys(spec);
    const casts = this.names.map((name, i) => `$${i + 1}::${spec[name]}[]`);
    this.sql = `INSERT INTO "${table}" (${this.names.map((n) => `"${n}"`).join(", ")}) SELECT * FROM unnest(${casts.join(", ")})`;
    this.columns = this.names.map(() => []);
  }

  add(...values: unknown[]): void {
    if (values.length !== this.names.length) throw new Error(`${this.table}: ${values.length} values for ${this.names.length} columns`);
    for (let i = 0; i < values.length; i++) this.columns[i].push(values[i]);
    this.pending++;
    this.total++;
  }

  /** Hands over the rows collected so far as one pending INSERT; new rows start a fresh batch. */
  take(): (client: pg.Client) => Promise<void> {
    if (this.pending === 0) return async () => undefined;
    const columns = this.columns;
    this.columns = this.names.map(() => []);
    this.pending = 0;
    return async (client) => {
      await client.query(this.sql, columns);
    };
  }

  flush(client: pg.Client): Promise<void> {
    return this.take()(client);
  }
}

const UUID = "uuid";
const TEXT = "text";
const INT = "int4";
const FLOAT = "float8";
const DATE = "date";
const TIMESTAMP = "timestamp(3)";

function tables() {
  return {
    crisis: new Rows("Crisis", { id: UUID, slug: TEXT, name: TEXT, description: TEXT, startDate: DATE, endDate: DATE, countryId: UUID }),
    publisher: new Rows("Publisher", { id: UUID, name: TEXT, url: TEXT, copyrightHolder: TEXT, countryId: UUID, createdAt: TIMESTAMP }),
    place: new Rows("Place", {
      id: UUID, name: TEXT, kind: '"PlaceKind"', countryId: UUID, parentId: UUID, latitude: FLOAT, longitude: FLOAT, population: INT,
    }),
    person: new Rows("Person", { id: UUID, name: TEXT, description: TEXT }),
    claimant: new Rows("Claimant", { id: UUID, name: TEXT, kind: '"ClaimantKind"', countryId: UUID }),
    article: new Rows("Article", {
      id: UUID, publisherId: UUID, crisisId: UUID, url: TEXT, contentHash: TEXT, headline: TEXT, alternativeHeadline: TEXT, section: TEXT,
      byline: TEXT, language: TEXT, publishedAt: TIMESTAMP, publishedText: TEXT, body: TEXT, createdAt: TIMESTAMP, updatedAt: TIMESTAMP,
    }),
    articleImage: new Rows("ArticleImage", {
      id: UUID, articleId: UUID, position: INT, url: TEXT, title: TEXT, caption: TEXT, credit: TEXT, copyrightNotice: TEXT,
    }),
    relatedLink: new Rows("RelatedLink", { id: UUID, articleId: UUID, position: INT, title: TEXT, url: TEXT }),
    articlePerson: new Rows("ArticlePerson", { articleId: UUID, personId: UUID }),
    articlePlace: new Rows("ArticlePlace", { articleId: UUID, placeId: UUID }),
    articleCountry: new Rows("ArticleCountry", { articleId: UUID, countryId: UUID }),
    event: new Rows("Event", {
      id: UUID, crisisId: UUID, articleId: UUID, type: '"EventType"', title: TEXT, description: TEXT, startDate: DATE, endDate: DATE,
      datePrecision: '"DatePrecision"', dateText: TEXT, quote: TEXT, quoteStart: INT, quoteEnd: INT, confidence: FLOAT,
      reviewStatus: '"ReviewStatus"', createdAt: TIMESTAMP,
    }),
    eventPlace: new Rows("EventPlace", { eventId: UUID, placeId: UUID }),
    eventParticipant: new Rows("EventParticipant", { id: UUID, eventId: UUID, role: TEXT, personId: UUID, countryId: UUID }),
    casualtyStatistic: new Rows("CasualtyStatistic", {
      id: UUID, crisisId: UUID, articleId: UUID, claimantId: UUID, placeId: UUID, category: '"CasualtyCategory"',
      affectedGroup: '"AffectedGroup"', affectedGroupText: TEXT, qualifier: '"Qualifier"', figureText: TEXT, low: INT, best: INT, high: INT,
      reportedAt: DATE, quote: TEXT, quoteStart: INT, quoteEnd: INT, confidence: FLOAT, reviewStatus: '"ReviewStatus"',
      reviewedAt: TIMESTAMP, reviewedBy: TEXT, reviewNote: TEXT, createdAt: TIMESTAMP, status: '"ClaimStatus"',
    }),
  };
}
type Tables = ReturnType<typeof tables>;

// Parents before children, so every foreign key resolves when its statement ends.
const ARTICLE_TABLES = [
  "article", "articleImage", "relatedLink", "articlePerson", "articlePlace", "articleCountry", "event", "eventPlace", "eventParticipant",
  "casualtyStatistic",
] as const satisfies readonly (keyof Tables)[];

// ───────────────────────── the shared world ─────────────────────────

interface CountryRow {
  spec: CountrySpec;
  id: string;
  name: string;
}

interface PlaceRow {
  id: string;
  name: string;
}

interface CrisisRow {
  id: string;
  country: CountryRow;
  firstDay: number;
  lastDay: number;
  /** Places of its country, by popularity; running sums of their weights. */
  places: PlaceRow[];
  placeWeights: Float64Array;
  /** Claimants who speak about it (its country's officials first); running sums of their weights. */
  claimants: ClaimantRow[];
  claimantWeights: Float64Array;
  articles: number;
}

interface PersonRow {
  id: string;
  name: string;
  role: string;
}

interface ClaimantRow {
  id: string;
  /** How a sentence names it ("the Interior Ministry of Kazakhstan", "witnesses"). */
  mention: string;
  countryIso: string | null;
}

interface PublisherRow {
  id: string;
  name: string;
  domain: string;
  copyrightHolder: string;
  articles: number;
}

interface World {
  seed: number;
  countries: CountryRow[];
  mentionWeights: Float64Array;
  crises: CrisisRow[];
  crisisWeights: Float64Array;
  publishers: PublisherRow[];
  publisherWeights: Float64Array;
  people: PersonRow[];
  personWeights: Float64Array;
  placesUsed: number;
  claimants: number;
}

/** Names already taken by rows this run does not own: generated names avoid them. */
interface TakenNames {
  publishers: Set<string>;
  people: Set<string>;
  claimants: Set<string>;
  /** `${countryId}|${kind}|${name}` */
  places: Set<string>;
}

/** Draws names until one is free; `keyOf` maps a name to its unique key when that is wider than the name. */
function uniqueName(taken: Set<string>, make: () => string, keyOf: (name: string) => string = (name) => name): string {
  for (;;) {
    const name = make();
    const key = keyOf(name);
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}

// Organisations and memberships, so the bench's country and organisation
// shapes read a membership history: shared reference data like the countries
// (fixed ids and dates, independent of the seed; reused by name, never deleted).
// Synthetic names, so they never collide with the product's seeded alliances.
const ORGANIZATIONS = [
  { name: "Synthetic Security Alliance", acronym: "SSA", foundedOn: "1992-05-15" },
  { name: "Synthetic Economic Union", acronym: "SEU", foundedOn: "2000-10-10" },
  { name: "Synthetic Cooperation Council", acronym: "SCC", foundedOn: "2001-06-15" },
] as const;
const MEMBERSHIP_STATUSES = ["MEMBER", "MEMBER", "MEMBER", "OBSERVER", "SUSPENDED"] as const;

/**
 * The shared organisations and memberships into a database that already holds a dataset generated before
 * they were part of it (bench-database.ts calls it on reuse); a no-op when they are there.
 */
export async function ensureSharedOrganizations(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ id: string; isoCode: string }>(`SELECT id, "isoCode" FROM "Country" WHERE "isoCode" = ANY($1::text[])`, [
    COUNTRIES.map((c) => c.isoCode),
  ]);
  const byIso = new Map(rows.map((r) => [r.isoCode.trim(), r.id]));
  const ids = COUNTRIES.map((c) => byIso.get(c.isoCode));
  if (ids.every((id): id is string => id !== undefined)) await ensureOrganizations(client, ids);
}

async function ensureOrganizations(client: pg.Client, countryIds: string[]): Promise<void> {
  const organizationId = uuidFactory(0, "Organization");
  await client.query(
    `INSERT INTO "Organization" (id, name, acronym, "foundedOn") SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[]) ON CONFLICT (name) DO NOTHING`,
    [ORGANIZATIONS.map((_, i) => organizationId(i)), ORGANIZATIONS.map((o) => o.name), ORGANIZATIONS.map((o) => o.acronym), ORGANIZATIONS.map((o) => o.foundedOn)],
  );
  const found = await client.query<{ id: string; name: string }>(`SELECT id, name FROM "Organization" WHERE name = ANY($1::text[])`, [ORGANIZATIONS.map((o) => o.name)]);
  const byName = new Map(found.rows.map((r) => [r.name, r.id]));
  const membershipId = uuidFactory(0, "Membership");
  const random = new Random(0, "memberships");
  const rows: { id: string; organizationId: string; countryId: string; status: string; from: string; to: string | null }[] = [];
  ORGANIZATIONS.forEach((organization, o) => {
    const orgId = byName.get(organization.name);
    if (!orgId) throw new Error(`Organization ${organization.name} is missing after the insert`);
    const founded = Date.parse(`${organization.foundedOn}T00:00:00Z`);
    countryIds.forEach((countryId, c) => {
      if (!random.chance(0.7)) return;
      // One to three periods, one after the other; the last open with a chance of one in two.
      let from = founded + random.int(0, 3000) * 86_400_000;
      const periods = random.int(1, 3);
      for (let k = 0; k < periods; k++) {
        const last = k === periods - 1;
        const to = last && random.chance(0.5) ? null : from + random.int(200, 2500) * 86_400_000;
        const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
        rows.push({ id: membershipId(o * 10_000 + c * 10 + k), organizationId: orgId, countryId, status: random.pick(MEMBERSHIP_STATUSES), from: day(from), to: to === null ? null : day(to) });
        if (to === null) break;
        from = to + random.int(0, 400) * 86_400_000;
      }
    });
  });
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO "Membership" (id, "organizationId", "countryId", status, "from", "to")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::"MembershipStatus"[], $5::date[], $6::date[])
       ON CONFLICT DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.organizationId), rows.map((r) => r.countryId), rows.map((r) => r.status), rows.map((r) => r.from), rows.map((r) => r.to)],
  );
}

async function loadWorld(client: pg.Client, seed: number, shape: DatasetShape, rows: Tables): Promise<World> {
  // Countries are shared reference data: reuse rows by ISO code, add the missing ones, never delete them.
  const countryId = uuidFactory(0, "Country");
  const isoCodes = COUNTRIES.map((c) => c.isoCode);
  const existing = await client.query<{ id: string; isoCode: string; name: string }>(
    `SELECT id, "isoCode", name FROM "Country" WHERE "isoCode" = ANY($1::text[])`,
    [isoCodes],
  );
  const missing = COUNTRIES.map((spec, i) => ({ spec, i })).filter(({ spec }) => !existing.rows.some((r) => r.isoCode === spec.isoCode));
  if (missing.length > 0) {
    await client.query(
      `INSERT INTO "Country" (id, "isoCode", name) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT ("isoCode") DO NOTHING`,
      [missing.map(({ i }) => countryId(i)), missing.map(({ spec }) => spec.isoCode), missing.map(({ spec }) => spec.name)],
    );
  }
  const found = await client.query<{ id: string; isoCode: string; name: string }>(
    `SELECT id, "isoCode", name FROM "Country" WHERE "isoCode" = ANY($1::text[])`,
    [isoCodes],
  );
  const byIso = new Map(found.rows.map((r) => [r.isoCode, r]));
  const countries = COUNTRIES.map((spec) => {
    const row = byIso.get(spec.isoCode);
    if (!row) throw new Error(`Country ${spec.isoCode} is missing after the insert`);
    return { spec, id: row.id, name: row.name };
  });

  await ensureOrganizations(client, countries.map((c) => c.id));

  const taken = await loadTakenNames(client, countries.map((c) => c.id));
  const rng = (stream: string) => new Random(seed, stream);

  // Crises: most in the post-Soviet states, each over a few weeks to a few years.
  const crisisRandom = rng("crises");
  const crisisId = uuidFactory(seed, "Crisis");
  const crisisCountryWeights = cumulativeOf(COUNTRIES.map((c) => c.crisisWeight));
  const crisisDrafts = Array.from({ length: shape.crises }, (_, i) => {
    const country = countries[crisisRandom.weighted(crisisCountryWeights)];
    const firstDay = crisisRandom.int(FIRST_DAY, LAST_START_DAY);
    const lastDay = Math.min(LAST_DAY, firstDay + crisisRandom.logInt(14, 900));
    const kind = crisisRandom.pick(CRISIS_KINDS);
    const year = new Date(firstDay * DAY_MS).getUTCFullYear();
    rows.crisis.add(
      crisisId(i),
      `${CRISIS_SLUG_PREFIX}s${seed}-${String(i + 1).padStart(3, "0")}`,
      `${country.name} ${kind} ${year} (synthetic)`,
      `Synthetic crisis generated for the benchmarks (seed ${seed}): ${kind} in ${country.name} over ${lastDay - firstDay + 1} days.`,
      isoDate(firstDay),
      isoDate(lastDay),
      country.id,
    );
    return { id: crisisId(i), country, firstDay, lastDay };
  });

  // Places: a country place (reused when present), regions under it and cities under
  // the regions, for each country with a crisis, more where there are more crises.
  const placeRandom = rng("places");
  const placeId = uuidFactory(seed, "Place");
  const countryPlaceId = uuidFactory(0, "CountryPlace");
  const crisisCountries = [...new Set(crisisDrafts.map((c) => c.country))];
  const existingCountryPlaces = await client.query<{ id: string; countryId: string }>(
    `SELECT DISTINCT ON ("countryId") id, "countryId" FROM "Place" WHERE kind = 'COUNTRY' AND "countryId" = ANY($1::uuid[]) ORDER BY "countryId", name, id`,
    [crisisCountries.map((c) => c.id)],
  );
  const placesByCountry = new Map<CountryRow, PlaceRow[]>();
  let placeIndex = 0;
  let placesUsed = 0;
  for (const country of crisisCountries) {
    const spec = country.spec;
    let countryPlace = existingCountryPlaces.rows.find((r) => r.countryId === country.id)?.id;
    if (!countryPlace) {
      countryPlace = countryPlaceId(COUNTRIES.indexOf(spec));
      rows.place.add(countryPlace, country.name, "COUNTRY", country.id, null, spec.lat, spec.lon, null);
    }
    placesUsed++;
    const crisesHere = crisisDrafts.filter((c) => c.country === country).length;
    const count = Math.max(6, Math.round((shape.places * crisesHere) / shape.crises));
    const regionCount = Math.max(1, Math.round(count / 6));
    const coordinates = (): [number, number] => [
      placeRandom.round(spec.lat + (placeRandom.float() * 2 - 1) * spec.spreadLat, 4),
      placeRandom.round(spec.lon + (placeRandom.float() * 2 - 1) * spec.spreadLon, 4),
    ];
    const regions: PlaceRow[] = [];
    const cities: PlaceRow[] = [];
    for (let i = 0; i < count; i++) {
      const kind = i < regionCount ? "REGION" : "CITY";
      const name = uniqueName(
        taken.places,
        () => {
          const root = syllableName(placeRandom);
          return kind === "REGION" ? `${root} ${placeRandom.pick(["Region", "Province", "District"])}` : root + placeRandom.pick(["", "", "", "abad", "sk", "kent", "tobe", "ovka", "pol"]);
        },
        (name) => `${country.id}|${kind}|${name}`,
      );
      const id = placeId(placeIndex++);
      const [latitude, longitude] = coordinates();
      if (kind === "REGION") {
        rows.place.add(id, name, kind, country.id, countryPlace, latitude, longitude, placeRandom.chance(0.8) ? placeRandom.logInt(200_000, 3_000_000) : null);
        regions.push({ id, name });
      } else {
        const parent = regions[placeRandom.int(0, regions.length - 1)];
        rows.place.add(id, name, kind, country.id, parent.id, latitude, longitude, placeRandom.chance(0.7) ? placeRandom.logInt(5_000, 2_000_000) : null);
        cities.push({ id, name });
      }
      placesUsed++;
    }
    // Cities first: most events happen in a few big cities; regions trail.
    placesByCountry.set(country, [...cities, ...regions]);
  }

  // People: officials, activists and commanders, mentioned across many articles.
  const personRandom = rng("people");
  const personId = uuidFactory(seed, "Person");
  const people: PersonRow[] = Array.from({ length: shape.people }, (_, i) => {
    const name = uniqueName(taken.people, () => `${personRandom.pick(FIRST_NAMES)} ${syllableName(personRandom, 1, 2)}${personRandom.pick(SURNAME_SUFFIXES)}`);
    const role = personRandom.pick(PERSON_ROLES);
    rows.person.add(personId(i), name, `${role[0].toUpperCase()}${role.slice(1)} (synthetic)`);
    return { id: personId(i), name, role };
  });

  // Publishers: a few big wires, a long tail of small outlets.
  const publisherRandom = rng("publishers");
  const publisherId = uuidFactory(seed, "Publisher");
  const publisherCountryWeights = cumulativeOf(COUNTRIES.map((c) => c.mentionWeight + c.crisisWeight));
  const publishers: PublisherRow[] = Array.from({ length: shape.publishers }, (_, i) => {
    const name = uniqueName(taken.publishers, () => `${publisherRandom.chance(0.3) ? "The " : ""}${syllableName(publisherRandom)} ${publisherRandom.pick(PUBLISHER_SUFFIXES)}`);
    const domain = `${name.replace(/^The /, "").toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`;
    const copyrightHolder = `${name.replace(/^The /, "")} Media Group`;
    const country = countries[publisherRandom.weighted(publisherCountryWeights)];
    rows.publisher.add(publisherId(i), name, `https://${domain}`, copyrightHolder, country.id, isoTimestamp(DATASET_EPOCH_MS + i * DAY_MS));
    return { id: publisherId(i), name, domain, copyrightHolder, articles: 0 };
  });

  // Claimants: ~40, shared by every crisis: its country's officials, plus international, media, people and anonymous sources.
  const claimantRandom = rng("claimants");
  const claimantId = uuidFactory(seed, "Claimant");
  const claimants: (ClaimantRow & { name: string; kind: ClaimantKind; countryId: string | null })[] = [];
  const addClaimant = (name: string, kind: ClaimantKind, country: CountryRow | null, mention: string) => {
    if (claimants.length >= shape.claimants) return;
    const unique = uniqueName(taken.claimants, (() => {
      let attempt = 0;
      return () => (attempt++ === 0 ? name : `${name} ${attempt}`);
    })());
    const id = claimantId(claimants.length);
    claimants.push({ id, name: unique, kind, countryId: country?.id ?? null, countryIso: country?.spec.isoCode ?? null, mention: unique === name ? mention : unique });
    rows.claimant.add(id, unique, kind, country?.id ?? null);
  };
  const officialCountries = [...crisisCountries, ...countries.filter((c) => !crisisCountries.includes(c))];
  const governmentCount = Math.round(shape.claimants * 0.4);
  for (let i = 0; claimants.length < governmentCount; i++) {
    const body = GOVERNMENT_BODIES[Math.floor(i / officialCountries.length) % GOVERNMENT_BODIES.length];
    const country = officialCountries[i % officialCountries.length];
    addClaimant(`${body} of ${country.name}`, "GOVERNMENT", country, `the ${body} of ${country.name}`);
  }
  for (const name of INTERNATIONAL_BODIES) addClaimant(name, "INTERNATIONAL_ORGANIZATION", null, `the ${name}`);
  for (let i = 0; i < 6; i++) {
    const name = `${syllableName(claimantRandom)} ${claimantRandom.pick(["Broadcasting", "News Agency", "Radio"])}`;
    addClaimant(name, "MEDIA", null, name);
  }
  for (let i = 0; i < 5; i++) {
    const person = people[i % people.length];
    addClaimant(person.name, "PERSON", null, person.name);
  }
  for (const name of UNATTRIBUTED_SOURCES) addClaimant(name, "UNATTRIBUTED", null, name.toLowerCase());
  for (let i = 0; claimants.length < shape.claimants; i++) {
    const country = crisisCountries[i % crisisCountries.length];
    const name = `${syllableName(claimantRandom)} ${CIVIL_BODIES[i % CIVIL_BODIES.length]}`;
    addClaimant(name, "OTHER", country, `the ${name}`);
  }

  const crises: CrisisRow[] = crisisDrafts.map((draft) => {
    const places = placesByCountry.get(draft.country) ?? [];
    // Its own country's officials and groups first (they speak most), then everyone without a country.
    const speakers = [
      ...claimants.filter((c) => c.countryIso === draft.country.spec.isoCode),
      ...claimants.filter((c) => c.countryIso === null),
    ];
    return {
      ...draft,
      places,
      placeWeights: zipfCumulative(places.length, 0.9),
      claimants: speakers,
      claimantWeights: zipfCumulative(speakers.length, 0.8),
      articles: 0,
    };
  });

  const weightsRandom = rng("weights");
  return {
    seed,
    countries,
    mentionWeights: cumulativeOf(COUNTRIES.map((c) => c.mentionWeight)),
    crises,
    // Crisis sizes vary: a couple of big stories and many small ones, in no particular order.
    crisisWeights: cumulativeOf(crises.map(() => 0.05 + weightsRandom.float() ** 3)),
    publishers,
    publisherWeights: zipfCumulative(publishers.length, 1),
    people,
    personWeights: zipfCumulative(people.length, 0.8),
    placesUsed,
    claimants: claimants.length,
  };
}

async function loadTakenNames(client: pg.Client, countryIds: string[]): Promise<TakenNames> {
  const names = async (sql: string, params: unknown[] = []) => new Set((await client.query<{ name: string }>(sql, params)).rows.map((r) => r.name));
  return {
    publishers: await names(`SELECT name FROM "Publisher"`),
    people: await names(`SELECT name FROM "Person"`),
    claimants: await names(`SELECT name FROM "Claimant"`),
    places: await names(`SELECT "countryId" || '|' || kind || '|' || name AS name FROM "Place" WHERE "countryId" = ANY($1::uuid[])`, [countryIds]),
  };
}

// ───────────────────────── articles ─────────────────────────

interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Paragraphs of sentences; each sentence knows its offsets in the final body. */
class BodyBuilder {
  private text = "";
  private inParagraph = false;

  add(text: string): Sentence {
    if (this.inParagraph) this.text += " ";
    const start = this.text.length;
    this.text += text;
    this.inParagraph = true;
    return { text, start, end: this.text.length };
  }

  paragraph(): void {
    if (this.inParagraph) this.text += "\n\n";
    this.inParagraph = false;
  }

  toString(): string {
    return this.text;
  }
}

interface ArticleIds {
  article: (i: number) => string;
  image: (i: number) => string;
  link: (i: number) => string;
  event: (i: number) => string;
  participant: (i: number) => string;
  claim: (i: number) => string;
}

interface Counters {
  images: number;
  links: number;
  events: number;
  participants: number;
  claims: number;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

/** A country's name inside a sentence ("the United States"). */
function countryInText(name: string): string {
  return /^United /.test(name) ? `the ${name}` : name;
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

function dayPhrase(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** `count` distinct indices drawn by weight (fewer if the pool is smaller). */
function distinctPicks(random: Random, weights: Float64Array, count: number): number[] {
  const picked: number[] = [];
  const want = Math.min(count, weights.length);
  for (let attempts = 0; picked.length < want && attempts < want * 20; attempts++) {
    const index = random.weighted(weights);
    if (!picked.includes(index)) picked.push(index);
  }
  return picked;
}

function publishedText(ms: number, style: number): string {
  const date = new Date(ms);
  const d = date.getUTCDate();
  const month = MONTHS[date.getUTCMonth()];
  const hh = String(date.getUTCHours()).padStart(2, "0");
  const mm = String(date.getUTCMinutes()).padStart(2, "0");
  if (style === 0) return `${d} ${month.slice(0, 3)}, ${date.getUTCFullYear()} ${hh}:${mm}`;
  if (style === 1) return `${month} ${d}, ${date.getUTCFullYear()}`;
  return `${date.toISOString().slice(0, 10)} ${hh}:${mm} GMT`;
}

interface EventDraft {
  type: EventType;
  title: string;
  sentence: string;
  places: PlaceRow[];
  startDay: number;
  endDay: number;
  precision: DatePrecision;
  dateText: string | null;
  participants: { role: string; personId: string | null; countryId: string | null }[];
}

function draftEvent(random: Random, world: World, crisis: CrisisRow, day: number, focus: PlaceRow[], people: PersonRow[], countries: CountryRow[]): EventDraft {
  const type = EVENT_TYPES[random.weighted(EVENT_TYPE_WEIGHTS)];
  const template = EVENT_TEMPLATES[type];
  const placeCount = random.int(1, 3);
  const places: PlaceRow[] = [];
  for (let attempts = 0; places.length < placeCount && attempts < 20; attempts++) {
    const place = random.chance(0.7) && focus.length > 0 ? random.pick(focus) : crisis.places[random.weighted(crisis.placeWeights)];
    if (!places.includes(place)) places.push(place);
  }
  // Events happen on the publication day or shortly before it.
  const eventDay = day - random.int(0, 3);
  const precision = DATE_PRECISIONS[random.weighted(DATE_PRECISION_WEIGHTS)];
  const date = new Date(eventDay * DAY_MS);
  let startDay = eventDay;
  let endDay = eventDay;
  let phrase: string;
  switch (precision) {
    case "DAY":
      phrase = random.chance(0.5) ? `on ${WEEKDAYS[eventDay % 7]}` : `on ${dayPhrase(eventDay)}`;
      break;
    case "APPROXIMATE":
      startDay = eventDay - 1;
      endDay = eventDay + 1;
      phrase = `around ${dayPhrase(eventDay)}`;
      break;
    case "RANGE":
      startDay = eventDay - random.int(2, 6);
      phrase = `between ${dayPhrase(startDay)} and ${dayPhrase(endDay)}`;
      break;
    case "MONTH":
      startDay = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
      endDay = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / DAY_MS;
      phrase = `in ${MONTHS[date.getUTCMonth()]}`;
      break;
    case "YEAR":
      startDay = Date.UTC(date.getUTCFullYear(), 0, 1) / DAY_MS;
      endDay = Date.UTC(date.getUTCFullYear(), 11, 31) / DAY_MS;
      phrase = `in ${date.getUTCFullYear()}`;
      break;
  }
  // Sometimes the text does not date the event at all (dateText null).
  const dated = precision !== "DAY" || random.chance(0.8);
  const who = people.length > 0 ? random.pick(people) : world.people[0];
  const values = {
    p: joinNames(places.map((p) => p.name)),
    c: crisis.country.name,
    who: who.name,
    g: random.pick(GRIEVANCES),
    k: random.pick(COMMODITIES),
    d: dated ? ` ${phrase}` : "",
  };
  const participants: EventDraft["participants"] = [];
  const participantCount = random.int(0, 2);
  for (let i = 0; i < participantCount; i++) {
    const role = random.pick(template.roles);
    if (random.chance(0.6)) {
      const person = i === 0 && template.title.includes("{who}") ? who : random.pick(people.length > 0 ? people : world.people);
      if (!participants.some((p) => p.personId === person.id)) participants.push({ role, personId: person.id, countryId: null });
    } else {
      const country = random.pick(countries);
      if (!participants.some((p) => p.countryId === country.id)) participants.push({ role, personId: null, countryId: country.id });
    }
  }
  return {
    type,
    title: fill(template.title, { ...values, p: places[0].name }),
    sentence: fill(template.sentence, values),
    places,
    startDay,
    endDay,
    precision,
    dateText: dated ? phrase : null,
    participants,
  };
}

interface ClaimDraft {
  category: Category;
  group: AffectedGroup;
  groupText: string;
  qualifier: Qualifier;
  figureText: string;
  low: number;
  best: number;
  high: number | null;
  claimant: ClaimantRow;
  place: PlaceRow | null;
  sentence: string;
  short: string;
}

function draftClaim(random: Random, crisis: CrisisRow, focus: PlaceRow[]): ClaimDraft {
  const category = CATEGORIES[random.weighted(CATEGORY_WEIGHTS)];
  const group = GROUPS[random.weighted(GROUP_WEIGHTS)];
  const groupText = random.pick(group.texts);
  const qualifier = QUALIFIERS[random.weighted(QUALIFIER_WEIGHTS)];
  const n = random.logInt(2, category.max);
  const printed = n.toLocaleString("en-US");
  // low/best/high from the qualifier alone, as the ingest pipeline and the seed's _rules do.
  let low = n;
  let best = n;
  let high: number | null = null;
  let figureText: string;
  if (qualifier.vague !== undefined) {
    low = best = qualifier.vague;
    figureText = qualifier.words;
  } else if (qualifier.qualifier === "EXACT") {
    high = n;
    figureText = printed;
  } else if (qualifier.qualifier === "UP_TO") {
    low = 0;
    high = n;
    figureText = `${qualifier.words} ${printed}`;
  } else {
    figureText = `${qualifier.words} ${printed}`;
  }
  const claimant = crisis.claimants[random.weighted(crisis.claimantWeights)];
  const place = random.chance(0.85) ? (focus.length > 0 && random.chance(0.7) ? random.pick(focus) : crisis.places[random.weighted(crisis.placeWeights)]) : null;
  const where = place ? `in ${place.name}` : `across ${crisis.country.name}`;
  const amount = `${figureText}${qualifier.of ? " of" : ""} ${groupText}`;
  let sentence: string;
  if (qualifier.qualifier === "EXCEEDED") {
    sentence = `${capitalise(claimant.mention)} said the number of ${groupText} ${category.verb} ${where} had exceeded ${printed}.`;
  } else {
    switch (random.int(0, 2)) {
      case 0:
        sentence = `According to ${claimant.mention}, ${amount} were ${category.verb} ${where}.`;
        break;
      case 1:
        sentence = `${capitalise(claimant.mention)} said ${amount} had been ${category.verb} ${where}.`;
        break;
      default:
        sentence = `${capitalise(amount)} were ${category.verb} ${where}, ${claimant.mention} reported.`;
    }
  }
  return {
    category: category.category,
    group: group.group,
    groupText,
    qualifier: qualifier.qualifier,
    figureText,
    low,
    best,
    high,
    claimant,
    place,
    sentence,
    short: `${figureText}${qualifier.of ? " of" : ""} ${groupText} ${category.verb}`,
  };
}

function review(random: Random, createdMs: number): [string, string | null, string | null, string | null] {
  const status = REVIEW_STATUSES[random.weighted(REVIEW_WEIGHTS)];
  if (status === "UNREVIEWED") return [status, null, null, null];
  const reviewedAt = isoTimestamp(createdMs + random.int(1, 72) * 3_600_000);
  return [status, reviewedAt, "bench-editor", status === "REJECTED" ? "Figure not supported by the quoted text." : null];
}

function buildArticle(index: number, random: Random, world: World, rows: Tables, ids: ArticleIds, counters: Counters, recent: { url: string; headline: string }[]): void {
  const crisis = world.crises[random.weighted(world.crisisWeights)];
  const publisherIndex = random.weighted(world.publisherWeights);
  const publisher = world.publishers[publisherIndex];
  crisis.articles++;
  publisher.articles++;
  const articleId = ids.article(index);

  const day = random.int(crisis.firstDay, crisis.lastDay);
  const publishedMs = day * DAY_MS + random.int(6 * 60, 23 * 60 + 59) * 60_000;
  const createdMs = publishedMs + random.int(1, 180) * 60_000;

  const focus = distinctPicks(random, crisis.placeWeights, random.int(1, 3)).map((i) => crisis.places[i]);
  const people = distinctPicks(random, world.personWeights, random.int(1, 3)).map((i) => world.people[i]);
  const others = distinctPicks(random, world.mentionWeights, random.int(0, 2) + 1)
    .map((i) => world.countries[i])
    .filter((c) => c !== crisis.country)
    .slice(0, 2);
  const countries = [crisis.country, ...others];

  const events = Array.from({ length: random.int(2, 5) }, () => draftEvent(random, world, crisis, day, focus, people, countries));
  const claims = Array.from({ length: random.int(1, 4) }, () => draftClaim(random, crisis, focus));

  // Body: the lead event (and usually the first claim), then the rest mixed with
  // what people and other countries said and a little colour, 1-3 sentences a paragraph.
  const body = new BodyBuilder();
  type Item = { text: string; placed?: (s: Sentence) => void };
  const eventSentences: (Sentence | null)[] = events.map(() => null);
  const claimSentences: (Sentence | null)[] = claims.map(() => null);
  const lead: Item[] = [{ text: events[0].sentence, placed: (s) => (eventSentences[0] = s) }];
  if (random.chance(0.7)) lead.push({ text: claims[0].sentence, placed: (s) => (claimSentences[0] = s) });
  const rest: Item[] = [
    ...events.slice(1).map((e, i): Item => ({ text: e.sentence, placed: (s) => (eventSentences[i + 1] = s) })),
    // Claim 0 is already in the lead when the lead has two sentences.
    ...claims.map((c, i): Item => ({ text: c.sentence, placed: (s) => (claimSentences[i] = s) })).filter((_, i) => !(i === 0 && lead.length > 1)),
    ...people.map((p): Item => ({ text: `${p.name}, ${p.role}, said ${random.pick(PERSON_SAYINGS)}.` })),
    ...others.map((c): Item => ({ text: capitalise(fill(random.pick(COUNTRY_SAYINGS), { c: countryInText(c.name) })) })),
    ...Array.from({ length: random.int(1, 3) }, (): Item => ({ text: fill(random.pick(FILLERS), { p: random.pick(focus).name, w: WEEKDAYS[day % 7] }) })),
  ];
  // Deterministic shuffle (Fisher-Yates on our stream).
  for (let i = rest.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  for (const item of lead) item.placed?.(body.add(item.text));
  let inParagraph = lead.length;
  for (const item of rest) {
    if (inParagraph >= random.int(1, 3)) {
      body.paragraph();
      inParagraph = 0;
    }
    const sentence = body.add(item.text);
    item.placed?.(sentence);
    inParagraph++;
  }
  const text = body.toString();

  const headline = claims[0] ? `${events[0].title}: ${claims[0].short}` : events[0].title;
  const section = SECTIONS[publisherIndex % SECTIONS.length];
  const date = isoDate(day);
  const url = `https://${publisher.domain}/${section.toLowerCase().replace(/[^a-z0-9]+/g, "-")}/${date.replace(/-/g, "/")}/${index + 1}-${headline.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60)}`;
  const contentHash = createHash("sha256").update(`${world.seed}\n${index}\n${text}`).digest("hex");
  rows.article.add(
    articleId,
    publisher.id,
    crisis.id,
    url,
    contentHash,
    headline,
    random.chance(0.5) ? `${crisis.country.name} latest: ${events[events.length - 1].title}` : null,
    section,
    random.chance(0.8) ? `By ${random.pick(FIRST_NAMES)} ${syllableName(random, 1, 2)}${random.pick(SURNAME_SUFFIXES)}` : null,
    "en",
    isoTimestamp(publishedMs),
    publishedText(publishedMs, publisherIndex % 3),
    text,
    isoTimestamp(createdMs),
    isoTimestamp(createdMs),
  );

  const images = random.weighted(IMAGE_COUNT_WEIGHTS);
  for (let position = 0; position < images; position++) {
    const place = random.pick(focus);
    rows.articleImage.add(
      ids.image(counters.images++),
      articleId,
      position,
      `https://${publisher.domain}/images/${date.slice(0, 7).replace("-", "/")}/${index + 1}-${position}.jpg`,
      `${place.name}, ${dayPhrase(day)}`,
      `A street in ${place.name} on ${WEEKDAYS[day % 7]}.`,
      `${publisher.name.replace(/^The /, "")} / ${random.pick(FIRST_NAMES)} ${syllableName(random, 1, 2)}`,
      `(c) ${date.slice(0, 4)} ${publisher.copyrightHolder}`,
    );
  }
  if (recent.length > 0 && random.chance(0.4)) {
    const other = random.pick(recent);
    rows.relatedLink.add(ids.link(counters.links++), articleId, 0, other.headline, other.url);
  }
  recent.push({ url, headline });
  if (recent.length > 50) recent.shift();

  for (const person of people) rows.articlePerson.add(articleId, person.id);
  for (const place of focus) rows.articlePlace.add(articleId, place.id);
  for (const country of countries) rows.articleCountry.add(articleId, country.id);

  events.forEach((event, i) => {
    const eventId = ids.event(counters.events++);
    const sentence = eventSentences[i];
    const quoted = sentence !== null && random.chance(0.9);
    const [status] = review(random, createdMs);
    rows.event.add(
      eventId,
      crisis.id,
      articleId,
      event.type,
      event.title,
      random.chance(0.5) ? `${event.title}, as reported by ${publisher.name}.` : null,
      isoDate(event.startDay),
      isoDate(event.endDay),
      event.precision,
      event.dateText,
      quoted ? sentence.text : null,
      quoted ? sentence.start : null,
      quoted ? sentence.end : null,
      random.round(0.5 + random.float() * 0.5, 2),
      status,
      isoTimestamp(createdMs),
    );
    for (const place of event.places) rows.eventPlace.add(eventId, place.id);
    for (const p of event.participants) rows.eventParticipant.add(ids.participant(counters.participants++), eventId, p.role, p.personId, p.countryId);
  });

  claims.forEach((claim, i) => {
    const sentence = claimSentences[i];
    if (!sentence) throw new Error(`Article ${index}: claim ${i} has no sentence in the body`);
    const [status, reviewedAt, reviewedBy, reviewNote] = review(random, createdMs);
    const claimIndex = counters.claims++;
    rows.casualtyStatistic.add(
      ids.claim(claimIndex),
      crisis.id,
      articleId,
      claim.claimant.id,
      claim.place?.id ?? null,
      claim.category,
      claim.group,
      claim.groupText,
      claim.qualifier,
      claim.figureText,
      claim.low,
      claim.best,
      claim.high,
      date,
      sentence.text,
      sentence.start,
      sentence.end,
      random.round(0.5 + random.float() * 0.5, 2),
      status,
      reviewedAt,
      reviewedBy,
      reviewNote,
      isoTimestamp(createdMs),
      claimStatus(world.seed, claimIndex),
    );
  });
}

// Whether a claim still stands: mostly CURRENT, some DISPUTED, SUPERSEDED or RETRACTED, so casualtySummary (the bench's
// casualty-summary shape) has claims it must skip as a claimant's latest figure. A stream of its own per claim: the
// other columns draw exactly what they drew before the status was generated.
const CLAIM_STATUSES = ["CURRENT", "DISPUTED", "SUPERSEDED", "RETRACTED"] as const;
const CLAIM_STATUS_WEIGHTS = cumulativeOf([80, 8, 7, 5]);
function claimStatus(seed: number, claimIndex: number): (typeof CLAIM_STATUSES)[number] {
  return CLAIM_STATUSES[new Random(seed, `claim-status-${claimIndex}`).weighted(CLAIM_STATUS_WEIGHTS)];
}

const IMAGE_COUNT_WEIGHTS = cumulativeOf([40, 40, 20]);

// ───────────────────────── removal ─────────────────────────

/**
 * Deletes every generated dataset: rows hanging off the synthetic crises, the
 * crises, and the shared rows (publishers, places, people, claimants) whose ids
 * those runs' seeds produce and that nothing else references. Countries and
 * country places are shared reference data and stay. Returns the crises removed.
 */
async function removeGenerated(client: pg.Client, log: (message: string) => void): Promise<number> {
  const { rows } = await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM "Crisis" WHERE starts_with(slug, $1)`, [CRISIS_SLUG_PREFIX]);
  if (rows.length === 0) return 0;
  const crisisIds = rows.map((r) => r.id);
  const seeds = [...new Set(rows.map((r) => /-s(\d+)-\d+$/.exec(r.slug)?.[1]).filter((s): s is string => s !== undefined).map(Number))];
  const started = Date.now();
  const run = async (label: string, sql: string, params: unknown[]) => {
    const result = await client.query(sql, params);
    log(`removed ${(result.rowCount ?? 0).toLocaleString("en-US")} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  const byCrisis = [crisisIds];
  // Children first, set-based, so the cascades behind the parent deletes find nothing to do row by row.
  await run("casualty statistics", `DELETE FROM "CasualtyStatistic" WHERE "crisisId" = ANY($1::uuid[])`, byCrisis);
  await run("event places", `DELETE FROM "EventPlace" x USING "Event" e WHERE x."eventId" = e.id AND e."crisisId" = ANY($1::uuid[])`, byCrisis);
  await run("event participants", `DELETE FROM "EventParticipant" x USING "Event" e WHERE x."eventId" = e.id AND e."crisisId" = ANY($1::uuid[])`, byCrisis);
  await run("events", `DELETE FROM "Event" WHERE "crisisId" = ANY($1::uuid[])`, byCrisis);
  for (const table of ["ArticleImage", "RelatedLink", "ArticlePerson", "ArticlePlace", "ArticleCountry"]) {
    await run(`${table} rows`, `DELETE FROM "${table}" x USING "Article" a WHERE x."articleId" = a.id AND a."crisisId" = ANY($1::uuid[])`, byCrisis);
  }
  await run("articles", `DELETE FROM "Article" WHERE "crisisId" = ANY($1::uuid[])`, byCrisis);
  await run("crises", `DELETE FROM "Crisis" WHERE id = ANY($1::uuid[])`, byCrisis);

  const bound = datasetShape(Math.max(...Object.values(ARTICLES_PER_SIZE)));
  // Twice the largest size's count, with room to spare: the ids of any earlier run's rows, whatever its size.
  const idsOf = (table: string, count: number) =>
    seeds.flatMap((seed) => {
      const id = uuidFactory(seed, table);
      return Array.from({ length: count * 2 + 100 }, (_, i) => id(i));
    });
  const unreferenced = (alias: string, refs: [string, string][]) => refs.map(([table, column]) => `NOT EXISTS (SELECT 1 FROM "${table}" r WHERE r."${column}" = ${alias}.id)`).join(" AND ");
  await run("publishers", `DELETE FROM "Publisher" p WHERE p.id = ANY($1::uuid[]) AND ${unreferenced("p", [["Article", "publisherId"]])}`, [idsOf("Publisher", bound.publishers)]);
  await run("claimants", `DELETE FROM "Claimant" c WHERE c.id = ANY($1::uuid[]) AND ${unreferenced("c", [["CasualtyStatistic", "claimantId"]])}`, [idsOf("Claimant", bound.claimants)]);
  await run(
    "people",
    `DELETE FROM "Person" p WHERE p.id = ANY($1::uuid[]) AND ${unreferenced("p", [["EventParticipant", "personId"], ["ArticlePerson", "personId"], ["Chairmanship", "personId"], ["PersonRole", "personId"]])}`,
    [idsOf("Person", bound.people)],
  );
  await run(
    "places",
    // No need to order cities before regions: deleting a parent sets its children's parentId to null.
    `DELETE FROM "Place" p WHERE p.id = ANY($1::uuid[]) AND ${unreferenced("p", [["EventPlace", "placeId"], ["ArticlePlace", "placeId"], ["CasualtyStatistic", "placeId"]])}`,
    [idsOf("Place", bound.places)],
  );
  return rows.length;
}

/** Deletes a generated dataset (see removeGenerated); the seed data and anything else stay. */
export async function removeDataset(options: { databaseUrl: string; onProgress?: (message: string) => void }): Promise<number> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const removed = await removeGenerated(client, options.onProgress ?? (() => undefined));
    await client.query("COMMIT");
    return removed;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

// ───────────────────────── the run ─────────────────────────

/** Articles per chunk: one INSERT per table and chunk; the next chunk is generated while this one is written. */
const CHUNK_ARTICLES = 2_500;

export async function generateDataset(options: GenerateOptions): Promise<DatasetSummary> {
  const { databaseUrl, size, replace = false } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!(size in ARTICLES_PER_SIZE)) throw new Error(`Unknown dataset size "${size}": use ${Object.keys(ARTICLES_PER_SIZE).join(", ")}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`The seed must be an integer from 0 to 4294967295, got ${seed}`);
  const shape = datasetShape(ARTICLES_PER_SIZE[size]);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const log = options.onProgress ?? (() => undefined);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One transaction: a failed or interrupted run leaves nothing behind.
    await client.query("BEGIN");
    if (replace) {
      const removed = await removeGenerated(client, log);
      if (removed > 0) log(`removed the previous dataset (${removed} crises) (${elapsed()})`);
    } else {
      const { rows } = await client.query(`SELECT slug FROM "Crisis" WHERE starts_with(slug, $1) LIMIT 1`, [CRISIS_SLUG_PREFIX]);
      if (rows.length > 0) throw new Error(`A generated dataset is already present (crisis ${rows[0].slug}): pass replace: true (--replace) to swap it`);
    }

    const rows = tables();
    const world = await loadWorld(client, seed, shape, rows);
    for (const table of ["crisis", "place", "person", "publisher", "claimant"] as const) await rows[table].flush(client);
    log(`shared rows: ${world.crises.length} crises, ${world.placesUsed} places, ${world.people.length} people, ${world.publishers.length} publishers, ${world.claimants} claimants (${elapsed()})`);

    const ids: ArticleIds = {
      article: uuidFactory(seed, "Article"),
      image: uuidFactory(seed, "ArticleImage"),
      link: uuidFactory(seed, "RelatedLink"),
      event: uuidFactory(seed, "Event"),
      participant: uuidFactory(seed, "EventParticipant"),
      claim: uuidFactory(seed, "CasualtyStatistic"),
    };
    const counters: Counters = { images: 0, links: 0, events: 0, participants: 0, claims: 0 };
    const random = new Random(seed, "articles");
    const recent: { url: string; headline: string }[] = [];
    let writing: Promise<void> = Promise.resolve();
    for (let first = 0; first < shape.articles; first += CHUNK_ARTICLES) {
      const last = Math.min(shape.articles, first + CHUNK_ARTICLES);
      for (let i = first; i < last; i++) {
        buildArticle(i, random, world, rows, ids, counters, recent);
        // Let the previous chunk's statements go out while this one is built.
        if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
      }
      await writing;
      const chunk = ARTICLE_TABLES.map((table) => rows[table]);
      const pending = chunk.map((table) => table.take());
      writing = (async () => {
        for (const batch of pending) await batch(client);
        log(`articles ${last.toLocaleString("en-US")}/${shape.articles.toLocaleString("en-US")} (${elapsed()})`);
      })();
      // Handled here, rethrown by the await above or below: no unhandled-rejection crash while the next chunk is built.
      writing.catch(() => undefined);
    }
    await writing;
    await client.query("COMMIT");

    log(`analyze (${elapsed()})`);
    const analyzed = [
      "Country", "Crisis", "Publisher", "Place", "Person", "Claimant",
      ...ARTICLE_TABLES.map((t) => rows[t].table),
    ];
    await client.query(`ANALYZE ${analyzed.map((t) => `"${t}"`).join(", ")}`);

    const biggestCrisis = world.crises.reduce((a, b) => (b.articles > a.articles ? b : a));
    const biggestPublisher = world.publishers.reduce((a, b) => (b.articles > a.articles ? b : a));
    const sampleCount = Math.min(100, shape.articles);
    const summary: DatasetSummary = {
      size,
      seed,
      articles: rows.article.total,
      events: rows.event.total,
      casualtyStatistics: rows.casualtyStatistic.total,
      places: world.placesUsed,
      people: world.people.length,
      publishers: world.publishers.length,
      claimants: world.claimants,
      crises: world.crises.length,
      countries: world.countries.length,
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
      // Reused countries and country places count too, so the summary does not depend on what was there before.
      rows: { ...Object.fromEntries(Object.values(rows).map((r) => [r.table, r.total])), Country: world.countries.length, Place: world.placesUsed },
      sample: {
        articleIds: Array.from({ length: sampleCount }, (_, k) => ids.article(Math.floor((k * shape.articles) / sampleCount))),
        crisisId: biggestCrisis.id,
        publisherId: biggestPublisher.id,
      },
    };
    log(`done: ${summary.articles.toLocaleString("en-US")} articles, ${summary.events.toLocaleString("en-US")} events, ${summary.casualtyStatistics.toLocaleString("en-US")} casualty statistics (${elapsed()})`);
    return summary;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
