// One page in, one article with its sourced claims and events out: extracted
// outside the transaction, written inside one, so a failure writes nothing.
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { utcDay } from "../common/dates";
import type { PrismaClient } from "../db/prisma";
import { apiError, badInput, ErrorCode } from "../errors";
import { extractArticle, ExtractionError } from "./extract-article";
import { extractClaims } from "./extract-claims";
import { extractEvents } from "./extract-events";
import { announceWrite } from "../cache/write-notifications";
import { findMentions, loadGazetteer, resolveActor, resolvePlace, type Gazetteer } from "./mentions";
import type { PageInput } from "./types";

type Tx = Prisma.TransactionClient;

export type IngestStatus = "CREATED" | "UNCHANGED" | "REVISED";

export interface IngestOptions extends PageInput {
  /** The crisis the page is about; inferred from its places and date when omitted. */
  crisisSlug?: string;
}

export interface IngestResult {
  status: IngestStatus;
  articleId: string;
  claims: number;
  events: number;
}

/** How far from a crisis's dates an article may be published and still be matched to it. */
const CRISIS_MATCH_DAYS = 60;

export function contentHash(input: PageInput): string {
  return createHash("sha256").update(input.text ?? input.html ?? "").digest("hex");
}

export async function ingestPage(prisma: PrismaClient, input: IngestOptions): Promise<IngestResult> {
  let extracted;
  try {
    extracted = extractArticle(input);
  } catch (error) {
    // The reason (EMPTY_INPUT, NO_ARTICLE, TOO_LARGE, UNSUPPORTED_ENCODING) lets clients react without parsing messages.
    if (error instanceof ExtractionError) throw apiError(ErrorCode.BAD_USER_INPUT, error.message, { argumentName: "input", reason: error.code });
    throw error;
  }
  const hash = contentHash(input);
  const body = extracted.paragraphs.join("\n\n");
  const url = input.url ?? extracted.url;
  const events = extractEvents(body, extracted.publishedAt);

  return prisma.$transaction(
    async (tx) => {
      // Same page or same URL at once: the second waits, then sees the first's result.
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", url ?? hash);
      const existing = await tx.article.findUnique({ where: { contentHash: hash }, select: { id: true } });
      if (existing) return { status: "UNCHANGED" as const, articleId: existing.id, claims: 0, events: 0 };

      const gazetteer = await loadGazetteer(tx);
      const crisis = await resolveCrisis(tx, input.crisisSlug, body, extracted.publishedAt, gazetteer);
      const country = crisis.countryId ? await tx.country.findUnique({ where: { id: crisis.countryId } }) : null;
      const claims = extractClaims(body, { countryName: country?.name });
      const previous = url ? await tx.article.findFirst({ where: { url, nextVersion: null }, orderBy: { publishedAt: "desc" } }) : null;

      const publisherName = input.publisher ?? extracted.publisherName ?? (url ? new URL(url).hostname.replace(/^www\./, "") : null);
      if (!publisherName) throw badInput("Could not tell the publisher: pass it with the page", "publisher");
      // Not upsert: with an empty update Prisma reads, then inserts, so two pages of a new
      // publisher ingested at once both insert and one fails on the unique name (a 500).
      // ON CONFLICT DO NOTHING waits for the other transaction instead; then the row is read.
      await tx.publisher.createMany({ data: [{ name: publisherName, copyrightHolder: extracted.copyrightHolder }], skipDuplicates: true });
      const publisher = await tx.publisher.findUniqueOrThrow({ where: { name: publisherName } });

      const articleId = randomUUID();
      await tx.article.create({
        data: {
          id: articleId,
          publisherId: publisher.id,
          crisisId: crisis.id,
          url,
          contentHash: hash,
          headline: extracted.headline,
          alternativeHeadline: extracted.alternativeHeadline,
          section: extracted.section,
          byline: extracted.byline,
          language: extracted.language,
          publishedAt: extracted.publishedAt,
          publishedText: extracted.publishedText,
          body,
          previousVersionId: previous?.id ?? null,
          images: { createMany: { data: extracted.images.map((image, position) => ({ ...image, position })) } },
          relatedLinks: { createMany: { data: extracted.relatedLinks.map((link, position) => ({ ...link, position })) } },
        },
      });

      const found = findMentions(`${extracted.headline}\n${extracted.alternativeHeadline ?? ""}\n${body}`, gazetteer);
      await tx.articlePerson.createMany({ data: found.personIds.map((personId) => ({ articleId, personId })) });
      await tx.articlePlace.createMany({ data: found.placeIds.map((placeId) => ({ articleId, placeId })) });
      await tx.articleCountry.createMany({ data: found.countryIds.map((countryId) => ({ articleId, countryId })) });

      await storeEvents(tx, events, { articleId, crisisId: crisis.id, countryId: crisis.countryId, gazetteer });

      const countryPlace = gazetteer.places.find((p) => p.kind === "COUNTRY" && p.countryId === crisis.countryId);
      const claimantIds = new Map<string, string>();
      for (const claim of claims) {
        if (claimantIds.has(claim.claimant.name)) continue;
        // As for the publisher: safe when another page names the same new claimant at the same time.
        await tx.claimant.createMany({ data: [{ name: claim.claimant.name, kind: claim.claimant.kind }], skipDuplicates: true });
        const claimant = await tx.claimant.findUniqueOrThrow({ where: { name: claim.claimant.name }, select: { id: true } });
        claimantIds.set(claim.claimant.name, claimant.id);
      }
      await tx.casualtyStatistic.createMany({
        data: claims.map(({ claimant, ...claim }) => ({
          ...claim,
          crisisId: crisis.id,
          articleId,
          claimantId: claimantIds.get(claimant.name) as string,
          placeId: countryPlace?.id ?? null,
          reportedAt: utcDay(extracted.publishedAt),
        })),
      });

      await announceWrite(tx);
      return { status: previous ? ("REVISED" as const) : ("CREATED" as const), articleId, claims: claims.length, events: events.length };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

async function resolveCrisis(tx: Tx, slug: string | undefined, body: string, publishedAt: Date, gazetteer: Gazetteer) {
  if (slug) {
    const crisis = await tx.crisis.findUnique({ where: { slug } });
    if (!crisis) throw badInput(`No crisis with slug "${slug}"`, "crisisSlug");
    return crisis;
  }
  // The crisis in a mentioned country whose dates are nearest the publication.
  const { countryIds } = findMentions(body, gazetteer);
  const margin = CRISIS_MATCH_DAYS * 86_400_000;
  const candidates = await tx.crisis.findMany({
    where: {
      countryId: { in: countryIds },
      OR: [{ startDate: null }, { startDate: { lte: new Date(publishedAt.getTime() + margin) } }],
      AND: [{ OR: [{ endDate: null }, { endDate: { gte: new Date(publishedAt.getTime() - margin) } }] }],
    },
  });
  if (candidates.length !== 1) {
    throw badInput(
      candidates.length === 0
        ? "Could not tell which crisis this article is about: pass crisisSlug"
        : `The article fits several crises (${candidates.map((c) => c.slug).join(", ")}): pass crisisSlug`,
      "crisisSlug",
    );
  }
  return candidates[0];
}

async function storeEvents(
  tx: Tx,
  events: ReturnType<typeof extractEvents>,
  context: { articleId: string; crisisId: string; countryId: string | null; gazetteer: Gazetteer },
) {
  const rows: Prisma.EventCreateManyInput[] = [];
  const places: Prisma.EventPlaceCreateManyInput[] = [];
  const participants: Prisma.EventParticipantCreateManyInput[] = [];
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
      if (actor) participants.push({ eventId: id, role: participant.role, ...actor });
    }
  }
  await tx.event.createMany({ data: rows });
  await tx.eventPlace.createMany({ data: places, skipDuplicates: true });
  await tx.eventParticipant.createMany({ data: participants });
}
