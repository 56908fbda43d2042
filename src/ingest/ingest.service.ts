// One page in, one article with its sourced claims and events out: read by
// extractPage before any SQL (and once more when it has claims, with the
// crisis's country), written inside one transaction, so a failure writes
// nothing. Reading never happens inside the transaction: the server reads on
// an extraction pool's worker thread (seconds, for a big page), and an open
// transaction would hold a database connection all that time. For a crisis
// inferred from the page, the transaction that finds its country is left
// (rolled back) to read the page again, then run once more with that reading.
// The transaction reads no page text either: the reading carries what linking
// needs from it (ExtractedPage.mentions, text-mentions.ts), scanned for the
// people's, organisations' and countries' names last read from the database;
// when those changed since (or on a process's first page), the page is read
// again outside the transaction, as for a country.
//
// What the caller knows wins over what the page says: `headline`,
// `publishedAt` (source CALLER) and `language` go into extractPage as its
// PageInput. A page that gives no date is stored, never given a made-up one:
// its publishedAtSource is UNKNOWN, its Article.publishedAt column (the lists'
// sort key) holds the ingestion time, its claims' reportedAt column the
// ingestion day with reportedAtKnown false, and it has no events (they are
// dated against the publication day). The API shows null for both dates.
//
// Versions. One text is one article: the same text sent again, under its URL,
// under another URL (added to the article's alternateUrls) or with none, is
// UNCHANGED. One URL is one line of versions: a new text at a URL already
// stored is a new version (REVISED), which replaces the current one in every
// list, filter and summary; it keeps that version's crisis unless the caller
// names another. A page that went back to an earlier text is a new version
// with that text, so sending the earlier text again is how to revert.
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { currentVersionSql } from "../article/article-versions";
import { utcDay } from "../data/dates";
import type { PrismaClient } from "../db/prisma";
import { apiError, badInput, ErrorCode } from "../errors";
import { ExtractionError } from "./extract-article";
import { extractPage, type ExtractedPage, type ExtractPageOptions } from "./extract-page";
import { ExtractionBusyError, ExtractionWorkerError } from "./extraction-pool";
import { announceWrite } from "../cache/write-notifications";
import {
  claimantIds as claimantIdsOf,
  countryPlaceId,
  findMentions,
  knownMentionNames,
  loadGazetteer,
  mainCountryId,
  publisherId,
  rememberMentionNames,
  resolveActor,
  resolvePlace,
  scannedFor,
  storedNamesOf,
  storeMentions,
  type EventLinks,
  type Gazetteer,
} from "./mentions";
import type { PageMentions } from "./text-mentions";
import type { ExtractedEvent, PageInput } from "./types";

type Tx = Prisma.TransactionClient;

export type IngestStatus = "CREATED" | "UNCHANGED" | "REVISED";

export interface IngestOptions extends PageInput {
  /**
   * The crisis the page is about. When omitted, the one crisis of the page's
   * country (and dates, when known) if exactly one fits, else none (see resolveCrisis).
   */
  crisisSlug?: string;
  /**
   * A publisher for pages that do not name their own (the CLI's --publisher):
   * unlike `publisher`, it does not relabel a page that names its publisher.
   */
  fallbackPublisher?: string;
}

/**
 * What reads a page: extractPage in this thread (the CLI's default), or an
 * extraction pool's worker (the server's), which may reject with
 * ExtractionError TOO_SLOW, ExtractionBusyError or ExtractionWorkerError.
 */
export type PageExtractor = (input: PageInput, options: ExtractPageOptions) => ExtractedPage | Promise<ExtractedPage>;

export interface IngestResult {
  status: IngestStatus;
  articleId: string;
  /** The crisis the article was filed under; null: unassigned (for UNCHANGED, as stored). */
  crisisSlug: string | null;
  claims: number;
  events: number;
  /** Found on the page but not stored, past MAX_CLAIMS_PER_ARTICLE / MAX_EVENTS_PER_ARTICLE (or with no usable claimant name). */
  claimsLeftOut: number;
  eventsLeftOut: number;
  /** Characters at the end of the body past what extractPage reads for claims and events (MAX_SENTENCES_READ, MAX_CHARACTERS_READ). */
  charactersUnread: number;
}

/**
 * Most claims and events one article stores: a real report has a few dozen at most, and a
 * repetitive 1.5 MB page gave 14,702 events, all served by `article { events }`. The first
 * ones are kept in the order the extractors give them (claims in reading order, events in
 * time order); the rest are not stored, and the result says how many (claimsLeftOut, eventsLeftOut).
 */
export const MAX_CLAIMS_PER_ARTICLE = 200;
export const MAX_EVENTS_PER_ARTICLE = 200;
/**
 * Longest claimant or publisher name taken from a page. Both are unique, indexed columns, and a
 * PostgreSQL index row holds about 2.7 KB: a longer name failed the whole ingestion. A page's
 * longer name is not a name: the claim is left out, the publisher taken from the next source.
 */
export const MAX_NAME_FROM_PAGE = 200;

/** How far from a crisis's dates an article may be published and still be matched to it. */
const CRISIS_MATCH_DAYS = 60;

export function contentHash(input: PageInput): string {
  return createHash("sha256").update(input.text ?? input.html ?? "").digest("hex");
}

// ───────────────────────────── what the caller says about a page ─────────────────────────────

/** The fields a caller may give with a page (GraphQL input, CLI sidecar and flags), as sent. */
export interface PageFields {
  url?: string | null;
  publisher?: string | null;
  headline?: string | null;
  publishedAt?: string | null;
  language?: string | null;
  crisisSlug?: string | null;
}

export type CheckedPageFields = Pick<IngestOptions, "url" | "publisher" | "headline" | "publishedAt" | "language" | "crisisSlug">;

const MAX_HEADLINE = 500;
const MAX_PUBLISHER = 200;
const MAX_LANGUAGE_TAG = 35; // RFC 5646 §4.4.1: the length every tag fits in that implementations must support
/** In UTF-8 bytes: the URL columns are indexed, and an index row holds about 2.7 KB. */
const MAX_URL = 2048;
/** How far in the future a publication time may lie: clocks and zones differ by hours, not days. */
const FUTURE_SLACK_MS = 86_400_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * A publication time as the caller gives it: an ISO 8601 date ("2022-01-09",
 * 00:00 UTC of that day) or date-time with a zone ("2022-01-09T12:13:00Z",
 * "2022-01-09T18:13:00+06:00"). A date-time without a zone is refused: that
 * ambiguity is what the caller's date is there to remove.
 */
export function parsePublishedAt(value: string, argumentName = "publishedAt"): Date {
  const refuse = (why: string) =>
    badInput(
      `"${argumentName}" ${why}: give an ISO 8601 date ("2022-01-09") or date-time with a zone ("2022-01-09T12:13:00Z", "2022-01-09T18:13:00+06:00"), got "${value.slice(0, 40)}"`,
      argumentName,
    );
  const date = DATE_ONLY.exec(value);
  const time = date ? null : DATE_TIME.exec(value);
  const parts = date ?? time;
  if (!parts) throw refuse(/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? "has no zone" : "is not a date");
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(parts[i] ?? 0));
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) throw refuse("is not a calendar date");
  if (hour > 23 || minute > 59 || second > 59) throw refuse("is not a time of day");
  if (time && time[8].length === 6 && (Number(time[8].slice(1, 3)) > 14 || Number(time[8].slice(4)) > 59)) throw refuse("has no valid zone offset");
  const instant = date ? calendar : new Date(value.replace(" ", "T"));
  if (Number.isNaN(instant.getTime())) throw refuse("is not a date");
  if (instant.getTime() > Date.now() + FUTURE_SLACK_MS) throw refuse("lies in the future");
  return instant;
}

/**
 * A well-formed BCP 47 language tag whose language is an ISO 639 code (2 or 3
 * letters; longer primary subtags are reserved and none is registered), in
 * canonical form ("EN-gb" → "en-GB"), as Intl canonicalises it.
 */
export function parseLanguage(value: string, argumentName = "language"): string {
  const refuse = () => badInput(`"${argumentName}" must be a BCP 47 language tag such as "en", "ru" or "kk-Cyrl-KZ", got "${value.slice(0, 40)}"`, argumentName);
  if (value.length === 0 || value.length > MAX_LANGUAGE_TAG || !/^[A-Za-z0-9-]+$/.test(value)) throw refuse();
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(value);
  } catch {
    throw refuse();
  }
  if (!canonical || !/^[a-z]{2,3}(-|$)/.test(canonical)) throw refuse();
  return canonical;
}

/** A single line of text, whitespace collapsed; refused when blank or longer than `max`. */
function oneLine(value: string, argumentName: string, max: number): string {
  const line = value.replace(/\s+/g, " ").trim();
  if (!line) throw badInput(`"${argumentName}" must not be blank`, argumentName);
  if (line.length > max) throw badInput(`"${argumentName}" must be at most ${max} characters, got ${line.length}`, argumentName);
  return line;
}

export function parseUrl(value: string, argumentName = "url"): string {
  const bytes = Buffer.byteLength(value);
  if (bytes > MAX_URL) throw badInput(`"${argumentName}" must be at most ${MAX_URL} bytes (UTF-8), got ${bytes}`, argumentName);
  let valid = /^https?:\/\/\S+$/i.test(value);
  if (valid) {
    try {
      new URL(value);
    } catch {
      valid = false;
    }
  }
  if (!valid) throw badInput(`"${argumentName}" must be an http(s) URL, got "${value.slice(0, 100)}"`, argumentName);
  return value;
}

/**
 * The caller's fields checked and normalised, or BAD_USER_INPUT naming the
 * first bad one. `prefix` names where they came from in messages ("input.").
 */
export function checkPageFields(fields: PageFields, prefix = ""): CheckedPageFields {
  const checked: CheckedPageFields = {};
  if (fields.url != null) checked.url = parseUrl(fields.url, `${prefix}url`);
  if (fields.publisher != null) checked.publisher = oneLine(fields.publisher, `${prefix}publisher`, MAX_PUBLISHER);
  if (fields.headline != null) checked.headline = oneLine(fields.headline, `${prefix}headline`, MAX_HEADLINE);
  if (fields.publishedAt != null) checked.publishedAt = parsePublishedAt(fields.publishedAt, `${prefix}publishedAt`);
  if (fields.language != null) checked.language = parseLanguage(fields.language, `${prefix}language`);
  if (fields.crisisSlug != null) checked.crisisSlug = oneLine(fields.crisisSlug, `${prefix}crisisSlug`, MAX_PUBLISHER);
  return checked;
}

// ───────────────────────────── ingestion ─────────────────────────────

/**
 * The page read, with extractPage's refusals (EMPTY_INPUT, NO_ARTICLE, TOO_LARGE, UNSUPPORTED_ENCODING) as
 * BAD_USER_INPUT, a page past the pool's time budget as EXTRACTION_TOO_SLOW, a dead worker as EXTRACTION_FAILED,
 * a page the pool had no room for (or that waited too long for a thread) as EXTRACTION_BUSY with a retry hint.
 */
async function readPage(extract: PageExtractor, input: PageInput, countryName: string | undefined): Promise<ExtractedPage> {
  try {
    return await extract(input, { countryName, mentionNames: knownMentionNames() });
  } catch (error) {
    if (error instanceof ExtractionError && error.code === "TOO_SLOW") throw apiError(ErrorCode.EXTRACTION_TOO_SLOW, error.message);
    if (error instanceof ExtractionBusyError) {
      throw apiError(ErrorCode.EXTRACTION_BUSY, error.message, { reason: error.reason, retryAfter: error.retryAfterSeconds });
    }
    // The reason lets clients react without parsing messages.
    if (error instanceof ExtractionError) throw apiError(ErrorCode.BAD_USER_INPUT, error.message, { argumentName: "input", reason: error.code });
    if (error instanceof ExtractionWorkerError) {
      throw apiError(ErrorCode.EXTRACTION_FAILED, `Reading this page failed and nothing was stored: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Leaves the transaction (rolled back: nothing written) to read the page again outside it: for this
 * country, or (null) for the names now stored, which no reading was scanned for.
 */
class ReadAgainFor extends Error {
  constructor(
    readonly countryId: string | null,
    readonly countryName: string | null,
  ) {
    super(
      countryName
        ? `The inferred crisis's country kept changing while the page was ingested (last: ${countryName})`
        : "The people's, organisations' and countries' names kept changing while the page was ingested",
    );
  }
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

export async function ingestPage(prisma: PrismaClient, input: IngestOptions, extract: PageExtractor = extractPage): Promise<IngestResult> {
  if (input.publishedAt && Number.isNaN(input.publishedAt.getTime())) throw badInput('"publishedAt" is not a valid time', "publishedAt");
  const hash = contentHash(input);
  const pageInput: PageInput = {
    text: input.text,
    html: input.html,
    url: input.url,
    publisher: input.publisher,
    headline: input.headline,
    publishedAt: input.publishedAt,
    language: input.language,
  };
  // Read before any SQL: a page refused (EMPTY_INPUT, NO_ARTICLE, …) costs the database nothing.
  const firstReading = await readPage(extract, pageInput, undefined);
  const url = input.url ?? firstReading.article.url;
  const named = input.crisisSlug ? await crisisWithCountry(prisma, input.crisisSlug) : null;
  if (input.crisisSlug && !named) throw badInput(`No crisis with slug "${input.crisisSlug}"`, "crisisSlug");
  // A process's first page: the names to scan pages for, read once (the page was not refused), for the next reading.
  if (!knownMentionNames()) rememberMentionNames(await loadGazetteer(prisma, { placeKeys: new Set(), countries: [] }));
  // The crisis's country decides how national bodies are named ("Interior Ministry" → "… of
  // Kazakhstan"), which only claims carry: a page with claims is read again once it is known.
  const namedReading = named?.country && firstReading.claims.length ? await readPage(extract, pageInput, named.country.name) : firstReading;
  // The reading for an inferred crisis's country, taken between two transactions (see the header).
  let countryReading: { countryId: string; page: ExtractedPage } | undefined;
  // The reading taken again when no other was scanned for the names the gazetteer holds.
  let namesReading: ExtractedPage | undefined;

  const write = () => prisma.$transaction(
    async (tx) => {
      // Same text or same URL at once: the second waits, then sees the first's result. The text's
      // lock is always taken first (another key space than the URL's), so two never wait on each other.
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(1, hashtext($1))", hash);
      if (url) await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(2, hashtext($1))", url);
      const previous = url ? await currentVersionAt(tx, url) : null;
      const same = previous ? (previous.contentHash === hash ? previous : null) : await currentVersionWith(tx, hash);
      if (same) {
        if (url && !previous) await addUrl(tx, same, url);
        return { status: "UNCHANGED" as const, articleId: same.id, crisisSlug: same.crisisSlug, claims: 0, events: 0, claimsLeftOut: 0, eventsLeftOut: 0, charactersUnread: 0 };
      }

      // Only the places this page names are read (mentions.ts), with those the extractors found.
      const gazetteer = await loadGazetteer(tx, firstReading.mentions, {
        placeNames: [...firstReading.claims.map((c) => c.placeName), ...firstReading.events.flatMap((e) => e.placeNames)].filter((n): n is string => !!n),
        countryIds: [named?.countryId ?? null],
        // Read with it: the claimants and publisher the page may be stored under.
        ...storedNamesOf([firstReading, namedReading, countryReading?.page], [input.publisher, input.fallbackPublisher, hostOf(url)]),
      });
      rememberMentionNames(gazetteer);
      // What a reading found of the gazetteer's names; none was scanned for them all: read again (between transactions).
      const scanned = (): PageMentions => {
        const reading = [countryReading?.page, namedReading, namesReading, firstReading].find((r) => r && scannedFor(r.mentions, gazetteer));
        if (!reading) throw new ReadAgainFor(null, null);
        return reading.mentions;
      };
      const articleCountryId = mainCountryId(firstReading.mentions, gazetteer);
      const crisis = named
        ? fitsCountry(named, scanned, gazetteer, articleCountryId)
          ? named
          : null
        : previous?.crisisId
          ? await tx.crisis.findUniqueOrThrow({ where: { id: previous.crisisId } })
          : await resolveCrisis(tx, firstReading, articleCountryId);
      let page = namedReading;
      if (!named && crisis?.countryId && firstReading.claims.length) {
        const country = await tx.country.findUnique({ where: { id: crisis.countryId } });
        if (country && countryReading?.countryId !== country.id) throw new ReadAgainFor(country.id, country.name);
        if (country && countryReading) page = countryReading.page;
      } else if (named && !crisis && named.country && firstReading.claims.length) {
        // Not this crisis's page after all: its bodies are not the named crisis's country's.
        page = firstReading;
      }
      // The place of a claim that names none: the crisis's country, else the page's own.
      const fallbackCountryId = crisis?.countryId ?? articleCountryId;
      const { article: extracted, body } = page;
      const claims = page.claims.filter((claim) => claim.claimant.name.length <= MAX_NAME_FROM_PAGE).slice(0, MAX_CLAIMS_PER_ARTICLE);
      const events = page.events.slice(0, MAX_EVENTS_PER_ARTICLE);

      // The caller's name, else the page's own, else the fallback the caller gave for pages that
      // name none, else the page's copyright holder, else the URL's host.
      const fromPage = (name: string | null) => (name && name.length <= MAX_NAME_FROM_PAGE ? name : null);
      const publisherName = input.publisher ?? fromPage(extracted.publisherName) ?? input.fallbackPublisher ?? fromPage(extracted.copyrightHolder) ?? hostOf(url);
      if (!publisherName) throw badInput("Could not tell the publisher: pass it with the page", "publisher");
      // Not upsert: with an empty update Prisma reads, then inserts, so two pages of a new
      // publisher ingested at once both insert and one fails on the unique name (a 500).
      // ON CONFLICT DO NOTHING waits for the other transaction instead; then the row is read.
      const publisher = { id: await publisherId(tx, gazetteer, publisherName, extracted.copyrightHolder) };

      // What the caller gave wins (extractPage already takes it; this holds the contract whatever the extractor does).
      const publishedAt = input.publishedAt ?? extracted.publishedAt;
      const publishedAtSource = input.publishedAt ? "CALLER" : extracted.publishedAt ? extracted.publishedAtSource : "UNKNOWN";
      const ingestedAt = new Date();
      const articleId = randomUUID();
      await tx.article.create({
        data: {
          id: articleId,
          publisherId: publisher.id,
          crisisId: crisis?.id ?? null,
          // A version keeps the URLs of the line it continues.
          url: previous?.url ?? url,
          alternateUrls: previous ? withUrl(previous, url).alternateUrls : [],
          contentHash: hash,
          headline: input.headline ?? extracted.headline,
          alternativeHeadline: extracted.alternativeHeadline,
          section: extracted.section,
          byline: extracted.byline,
          language: input.language ?? extracted.language,
          // The sort key: the publication time, or when unknown the ingestion time (see the header).
          publishedAt: publishedAt ?? ingestedAt,
          publishedAtSource,
          publishedText: extracted.publishedText,
          body,
          previousVersionId: previous?.id ?? null,
          createdAt: ingestedAt,
          images: { createMany: { data: extracted.images.map((image, position) => ({ ...image, position })) } },
          relatedLinks: { createMany: { data: extracted.relatedLinks.map((link, position) => ({ ...link, position })) } },
        },
      });

      const eventLinks = await storeEvents(tx, events, { articleId, crisisId: crisis?.id ?? null, countryId: fallbackCountryId, gazetteer });
      await storeMentions(tx, articleId, findMentions(scanned(), gazetteer), eventLinks);

      const countryPlace = claims.length ? await countryPlaceId(tx, gazetteer, fallbackCountryId) : null;
      // As for the publisher: safe when another page names the same new claimant at the same time;
      // a name an editor merged into another claimant (mergeClaimants) files its claims there.
      const claimantIds = await claimantIdsOf(tx, claims, gazetteer);
      // One INSERT from arrays, not createMany: Prisma builds a createMany of 108 rows on the main
      // thread in ~150 ms (its query compiler), and 200 claims would hold every other request for 300.
      const rows = claims.map((claim) => ({
        claimant: claimantIds.get(claim.claimant.name) as string,
        // The place the figure is given for when the gazetteer knows it, else the crisis's (or page's) country.
        place: (claim.placeName ? resolvePlace(claim.placeName, gazetteer, fallbackCountryId)?.id : undefined) ?? countryPlace,
        claim,
      }));
      if (rows.length) {
        await tx.$executeRawUnsafe(
          `INSERT INTO "CasualtyStatistic" (id, "crisisId", "articleId", "reportedAt", "reportedAtKnown", "claimantId", "placeId", "placeText", category,
             "affectedGroup", "affectedGroupText", qualifier, "figureText", low, best, high, status, via, subgroup, increment, quote, "quoteStart", "quoteEnd", confidence)
           SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3::date, $4, c.claimant, c.place, c.place_text, c.category::"CasualtyCategory",
             c.affected_group::"AffectedGroup", c.affected_group_text, c.qualifier::"Qualifier", c.figure_text, c.low, c.best, c.high, c.status::"ClaimStatus",
             c.via, c.subgroup, c.increment, c.quote, c.quote_start, c.quote_end, c.confidence
           FROM unnest($5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::int[], $15::int[],
             $16::text[], $17::text[], $18::text[], $19::boolean[], $20::text[], $21::int[], $22::int[], $23::float8[])
             AS c(claimant, place, place_text, category, affected_group, affected_group_text, qualifier, figure_text, low, best, high,
               status, via, subgroup, increment, quote, quote_start, quote_end, confidence)`,
          crisis?.id ?? null,
          articleId,
          // Filed under the publication day; an undated page's claims under the ingestion day, flagged.
          utcDay(publishedAt ?? ingestedAt),
          publishedAt !== null,
          rows.map((r) => r.claimant),
          rows.map((r) => r.place),
          rows.map((r) => r.claim.placeName),
          rows.map((r) => r.claim.category),
          rows.map((r) => r.claim.affectedGroup),
          rows.map((r) => r.claim.affectedGroupText),
          rows.map((r) => r.claim.qualifier),
          rows.map((r) => r.claim.figureText),
          rows.map((r) => r.claim.low),
          rows.map((r) => r.claim.best),
          rows.map((r) => r.claim.high),
          rows.map((r) => r.claim.status),
          rows.map((r) => r.claim.via),
          rows.map((r) => r.claim.subgroup),
          rows.map((r) => r.claim.increment),
          rows.map((r) => r.claim.quote),
          rows.map((r) => r.claim.quoteStart),
          rows.map((r) => r.claim.quoteEnd),
          rows.map((r) => r.claim.confidence),
        );
      }

      await announceWrite(tx);
      return {
        status: previous ? ("REVISED" as const) : ("CREATED" as const),
        articleId,
        crisisSlug: crisis?.slug ?? null,
        claims: claims.length,
        events: events.length,
        claimsLeftOut: page.claims.length - claims.length,
        eventsLeftOut: page.events.length - events.length,
        charactersUnread: page.charactersUnread,
      };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );

  // Twice at most in practice: the crisis found the second time is the first's, unless crises changed in between.
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof ReadAgainFor) || attempt === 3) throw error;
      if (error.countryId) countryReading = { countryId: error.countryId, page: await readPage(extract, pageInput, error.countryName ?? undefined) };
      else namesReading = await readPage(extract, pageInput, undefined);
    }
  }
}

interface StoredVersion {
  id: string;
  url: string | null;
  alternateUrls: string[];
  contentHash: string;
  crisisId: string | null;
  /** Its crisis's slug, read with it: what an UNCHANGED answer reports. */
  crisisSlug: string | null;
}

const CURRENT_VERSION = currentVersionSql("a.id");
const VERSION_COLUMNS = `a.id, a.url, a."alternateUrls", a."contentHash", a."crisisId", (SELECT c.slug FROM "Crisis" c WHERE c.id = a."crisisId") AS "crisisSlug"`;

/**
 * The current version of the page at a URL (its own or one of its alternates), if any, locked:
 * an assignArticleToCrisis running now finishes first, and its crisis is the one read here.
 */
async function currentVersionAt(tx: Tx, url: string): Promise<StoredVersion | null> {
  const [row] = await tx.$queryRawUnsafe<StoredVersion[]>(
    `SELECT ${VERSION_COLUMNS} FROM "Article" a WHERE (a.url = $1 OR a."alternateUrls" @> ARRAY[$1]::text[]) AND ${CURRENT_VERSION} ORDER BY a."createdAt" DESC, a.id LIMIT 1 FOR UPDATE`,
    url,
  );
  return row ?? null;
}

/** The current version of any page with this text, if any: the oldest when several pages have it. */
async function currentVersionWith(tx: Tx, hash: string): Promise<StoredVersion | null> {
  const [row] = await tx.$queryRawUnsafe<StoredVersion[]>(
    `SELECT ${VERSION_COLUMNS} FROM "Article" a WHERE a."contentHash" = $1 AND ${CURRENT_VERSION} ORDER BY a."createdAt", a.id LIMIT 1`,
    hash,
  );
  return row ?? null;
}

/** The article's URLs with `url` among them: its URL when it had none, else an alternate. */
function withUrl(article: StoredVersion, url: string | null | undefined): Pick<StoredVersion, "url" | "alternateUrls"> {
  if (!url || article.url === url || article.alternateUrls.includes(url)) return article;
  return article.url ? { url: article.url, alternateUrls: [...article.alternateUrls, url] } : { url, alternateUrls: article.alternateUrls };
}

/** Records that the stored text was also sent under `url` (UNCHANGED otherwise: no claims or events are written). */
async function addUrl(tx: Tx, article: StoredVersion, url: string): Promise<void> {
  const urls = withUrl(article, url);
  if (urls === article) return;
  await tx.article.update({ where: { id: article.id }, data: urls });
  await announceWrite(tx);
}

/**
 * A crisis the caller names takes the page unless it is another country's:
 * the crisis has a country, the page is about another one, and it names
 * neither the crisis's country nor any place in it. Such a page is stored
 * unassigned, never filed under another country's crisis.
 */
function fitsCountry(crisis: { countryId: string | null }, scanned: () => PageMentions, gazetteer: Gazetteer, articleCountryId: string | null): boolean {
  if (!crisis.countryId || !articleCountryId || articleCountryId === crisis.countryId) return true;
  const found = findMentions(scanned(), gazetteer);
  const placeCountries = gazetteer.places.filter((p) => found.placeIds.includes(p.id)).map((p) => p.countryId);
  return found.countryIds.includes(crisis.countryId) || placeCountries.includes(crisis.countryId);
}

/**
 * The crisis a page is about when the caller does not name it: the one crisis
 * in the page's country (mainCountryId: the country it names most, its places
 * counting for theirs) whose dates lie within CRISIS_MATCH_DAYS of the
 * publication (a crisis without a start or end is open on that side). With no
 * known publication date, by country alone. None, or several: null, and the
 * article is stored unassigned (assignArticleToCrisis files it later).
 */
async function resolveCrisis(tx: Tx, page: ExtractedPage, countryId: string | null) {
  if (!countryId) return null;
  const publishedAt = page.article.publishedAt;
  const margin = CRISIS_MATCH_DAYS * 86_400_000;
  const candidates = await tx.crisis.findMany({
    where: publishedAt
      ? {
          countryId,
          OR: [{ startDate: null }, { startDate: { lte: new Date(publishedAt.getTime() + margin) } }],
          AND: [{ OR: [{ endDate: null }, { endDate: { gte: new Date(publishedAt.getTime() - margin) } }] }],
        }
      : { countryId },
    orderBy: { slug: "asc" },
    take: 2,
  });
  return candidates.length === 1 ? candidates[0] : null;
}

/** The events stored; their places and actors returned, for storeMentions to store. */
async function storeEvents(tx: Tx, events: ExtractedEvent[], context: { articleId: string; crisisId: string | null; countryId: string | null; gazetteer: Gazetteer }): Promise<EventLinks> {
  const rows: Prisma.EventCreateManyInput[] = [];
  const places: EventLinks["places"] = [];
  const participants: EventLinks["participants"] = [];
  for (const event of events) {
    const id = randomUUID();
    rows.push({
      id,
      crisisId: context.crisisId,
      articleId: context.articleId,
      type: event.type,
      title: event.title,
      description: event.description,
      startDate: event.startDate,
      endDate: event.endDate,
      datePrecision: event.datePrecision,
      dateText: event.dateText,
      quote: event.quote,
      quoteStart: event.quoteStart,
      quoteEnd: event.quoteEnd,
      confidence: event.confidence,
    });
    const placeIds = new Set(event.placeNames.map((name) => resolvePlace(name, context.gazetteer, context.countryId)?.id).filter(Boolean) as string[]);
    for (const placeId of placeIds) places.push({ eventId: id, placeId });
    for (const participant of event.participants) {
      const actor = resolveActor(participant.name, context.gazetteer);
      if (actor) participants.push({ id: randomUUID(), eventId: id, role: participant.role, ...actor });
    }
  }
  await tx.event.createMany({ data: rows });
  return { places, participants };
}

/**
 * A crisis by slug, with its country. Not `include`: for a crisis without a
 * country that sends a second query all the same (for a null id), once per page.
 */
async function crisisWithCountry(prisma: PrismaClient, slug: string) {
  const crisis = await prisma.crisis.findUnique({ where: { slug } });
  if (!crisis) return null;
  return { ...crisis, country: crisis.countryId ? await prisma.country.findUnique({ where: { id: crisis.countryId } }) : null };
}
