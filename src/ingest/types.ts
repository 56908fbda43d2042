// What the extractors produce from one page, before anything is stored.
import type {
  AffectedGroup,
  CasualtyCategory,
  ClaimantKind,
  DatePrecision,
  EventType,
  Qualifier,
} from "../generated/prisma/enums";

export interface PageInput {
  /** The page as plain text (as a scraper saved it), or */
  text?: string;
  /** the page as HTML. Exactly one of the two. */
  html?: string;
  /** Canonical URL, if known. */
  url?: string;
  /** Publisher name, if known (else taken from the page, e.g. its copyright line). */
  publisher?: string;
  /** What the caller's scraper knows; each wins over what the page says. */
  headline?: string;
  /** Publication time from the caller (ISO 8601 date or date-time). */
  publishedAt?: Date;
  /** BCP 47 language tag. */
  language?: string;
}

/** Where the publication date came from; UNKNOWN when nothing gave one (publishedAt is then null, never guessed). */
export type PublishedAtSource = "CALLER" | "METADATA" | "PAGE" | "URL" | "UNKNOWN";

/** Whether a claim still stands, as the text tells it. */
export type ClaimStatus = "CURRENT" | "RETRACTED" | "SUPERSEDED" | "DISPUTED";

export interface ExtractedArticle {
  headline: string;
  /** Standfirst / subtitle. */
  alternativeHeadline: string | null;
  section: string | null;
  byline: string | null;
  /** BCP 47, "en" unless the page says otherwise. */
  language: string;
  /** Publication time; UTC when the page gives no zone; null when nothing gives one (see publishedAtSource). */
  publishedAt: Date | null;
  publishedAtSource: PublishedAtSource;
  /** The publication time exactly as printed. */
  publishedText: string | null;
  /**
   * The calendar day the page was published on, in the zone it prints (UTC
   * midnight of that day): "19 July 2024, 04:49 IST" is 19 July though the
   * instant is 18 July in UTC. Relative dates ("yesterday") count from it.
   */
  publishedDay: Date | null;
  /** Body paragraphs, each trimmed; the stored body is paragraphs.join("\n\n"). */
  paragraphs: string[];
  images: { title: string | null; caption: string | null; credit: string | null; copyrightNotice: string | null; url: string | null }[];
  relatedLinks: { title: string; url: string | null }[];
  /** From the copyright line, e.g. Autonomous Nonprofit Organization “TV-Novosti”. */
  copyrightHolder: string | null;
  /** The publisher's name when the page shows it (e.g. "RT"), else null. */
  publisherName: string | null;
  url: string | null;
}

/** A span of the body: body.slice(start, end) === text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

export interface ExtractedClaim {
  category: CasualtyCategory;
  affectedGroup: AffectedGroup;
  /** The group as the text names it ("police officers and military personnel"). */
  affectedGroupText: string;
  qualifier: Qualifier;
  /** The figure as printed, with its hedge ("at least 18", "several dozen", "exceeded 5,000"). */
  figureText: string;
  low: number;
  best: number;
  high: number | null;
  claimant: { name: string; kind: ClaimantKind };
  /** The outlet or channel that relayed the claimant's figure ("RIA Novosti" citing the ministry), or null. */
  via: string | null;
  status: ClaimStatus;
  /** A place the figure is given for ("103 of them in Almaty"), as written; null for the whole. */
  placeName: string | null;
  /** Demographic or occupational words inside the group ("children", "journalists"), or null. */
  subgroup: string | null;
  /** "N more", "another N": adds to an earlier figure; never a total. */
  increment: boolean;
  /** The whole sentence, exactly as in the body, and its offsets; a figure only the headline gives quotes the headline, with offsets -1. */
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  /** 0..1 */
  confidence: number;
}

export interface ExtractedEvent {
  type: EventType;
  title: string;
  description: string | null;
  /** UTC midnight of the first / last possible day. */
  startDate: Date;
  endDate: Date;
  datePrecision: DatePrecision;
  /** The words that date it ("on Wednesday"), or null. */
  dateText: string | null;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  /** Place names as written in the text, for linking to Place records. */
  placeNames: string[];
  /** Person / organisation / country names as written, with a role. */
  participants: { name: string; role: string }[];
  confidence: number;
}
