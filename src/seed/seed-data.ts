// The shape of prisma/seed/*.json. Records refer to each other by natural key
// (ISO code, name, slug, place {name, country, kind}), never by id, so the file
// can be written by hand and loaded into any database. Keys starting with "_"
// (`_rules`, `_notes`) are documentation and are not declared here.
import type {
  AffectedGroup,
  CasualtyCategory,
  ClaimantKind,
  DatePrecision,
  EventType,
  MembershipStatus,
  PlaceKind,
  Qualifier,
  ReviewStatus,
} from "../generated/prisma/client";

/** "YYYY-MM-DD", read as midnight UTC. */
export type SeedDate = string;
/** ISO 3166-1 alpha-2. */
export type IsoCode = string;

/** A place's natural key: the Place unique key (country, kind, name). */
export interface SeedPlaceRef {
  name: string;
  country: IsoCode;
  kind: PlaceKind;
}

export interface SeedCountry {
  isoCode: IsoCode;
  name: string;
}

export interface SeedOrganization {
  name: string;
  acronym: string | null;
  description: string | null;
  foundedOn: SeedDate | null;
  /** Name of another organisation in the file. */
  parent: string | null;
  country: IsoCode | null;
}

export interface SeedMembership {
  organization: string;
  country: IsoCode;
  status: MembershipStatus;
  from: SeedDate;
  /** Exclusive; null: still a member. */
  to: SeedDate | null;
  note: string | null;
}

export interface SeedChairmanship {
  organization: string;
  country: IsoCode;
  person: string | null;
  from: SeedDate;
  /** Exclusive; null: still chairing. */
  to: SeedDate | null;
}

export interface SeedPersonRole {
  title: string;
  country: IsoCode | null;
  organization: string | null;
  from: SeedDate | null;
  to: SeedDate | null;
}

export interface SeedPerson {
  name: string;
  description: string | null;
  roles: SeedPersonRole[];
}

export interface SeedPlace extends SeedPlaceRef {
  /** Name of a place listed earlier in the same country. */
  parent: string | null;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
}

export interface SeedPublisher {
  name: string;
  url: string | null;
  copyrightHolder: string | null;
  country: IsoCode | null;
}

export interface SeedClaimant {
  name: string;
  kind: ClaimantKind;
  country: IsoCode | null;
  organization: string | null;
}

export interface SeedCrisis {
  slug: string;
  name: string;
  description: string | null;
  startDate: SeedDate | null;
  endDate: SeedDate | null;
  country: IsoCode | null;
}

export interface SeedImage {
  position: number;
  url: string | null;
  title: string | null;
  caption: string | null;
  credit: string | null;
  copyrightNotice: string | null;
}

export interface SeedRelatedLink {
  position: number;
  title: string;
  url: string | null;
}

/** Exactly one of `person`, `organization`, `country` is set. */
export interface SeedParticipant {
  role: string;
  person?: string;
  organization?: string;
  country?: IsoCode;
}

/** A verbatim excerpt of the article body: `body.slice(quoteStart, quoteEnd) === quote` (UTF-16 offsets). */
export interface SeedQuote {
  quote: string;
  quoteStart: number;
  quoteEnd: number;
}

export interface SeedEvent {
  type: EventType;
  title: string;
  description: string | null;
  startDate: SeedDate;
  endDate: SeedDate;
  datePrecision: DatePrecision;
  dateText: string | null;
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  places: SeedPlaceRef[];
  participants: SeedParticipant[];
}

export interface SeedCasualtyStatistic extends SeedQuote {
  category: CasualtyCategory;
  affectedGroup: AffectedGroup;
  affectedGroupText: string;
  qualifier: Qualifier;
  figureText: string;
  low: number;
  best: number;
  high: number | null;
  /** Claimant name. */
  claimant: string;
  reportedAt: SeedDate;
  place: SeedPlaceRef | null;
  confidence?: number;
  reviewStatus?: ReviewStatus;
}

export interface SeedArticle {
  /** Crisis slug. */
  crisis: string | null;
  /** Publisher name. */
  publisher: string;
  url: string | null;
  /** SHA-256 (hex); its presence in the database means the seed is loaded. */
  contentHash: string;
  /** Where the source text lives for tests; not stored. */
  sourceFixture?: string;
  headline: string;
  alternativeHeadline: string | null;
  section: string | null;
  byline: string | null;
  language: string;
  /** Full ISO 8601 timestamp with a zone. */
  publishedAt: string;
  publishedText: string | null;
  body: string;
  images: SeedImage[];
  relatedLinks: SeedRelatedLink[];
  /** Person names. */
  mentionedPeople: string[];
  mentionedPlaces: SeedPlaceRef[];
  events: SeedEvent[];
  casualtyStatistics: SeedCasualtyStatistic[];
}

export interface SeedFile {
  countries: SeedCountry[];
  organizations: SeedOrganization[];
  memberships: SeedMembership[];
  chairmanships: SeedChairmanship[];
  people: SeedPerson[];
  places: SeedPlace[];
  publishers: SeedPublisher[];
  claimants: SeedClaimant[];
  crises: SeedCrisis[];
  articles: SeedArticle[];
}

export const seedSections = [
  "countries",
  "organizations",
  "memberships",
  "chairmanships",
  "people",
  "places",
  "publishers",
  "claimants",
  "crises",
  "articles",
] as const satisfies readonly (keyof SeedFile)[];
