// A synthetic crisis with many articles, events, places and claims, made
// with one createMany per table; removed again by the returned function.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../src/db/prisma";

export interface SyntheticCrisis {
  crisisId: string;
  publisherId: string;
  articleIds: string[];
  remove(): Promise<void>;
}

export async function createSyntheticCrisis(prisma: PrismaClient, options: { articles: number; tag: string }): Promise<SyntheticCrisis> {
  const { tag } = options;
  const crisisId = randomUUID();
  const publisherId = randomUUID();
  const placeIds = Array.from({ length: 5 }, () => randomUUID());
  const claimantIds = Array.from({ length: 3 }, () => randomUUID());
  const articleIds = Array.from({ length: options.articles }, () => randomUUID());
  const day = (n: number) => new Date(Date.UTC(2030, 0, 1 + (n % 28)));

  await prisma.$transaction([
    prisma.crisis.create({ data: { id: crisisId, slug: `synthetic-${tag}`, name: `Synthetic crisis ${tag}` } }),
    prisma.publisher.create({ data: { id: publisherId, name: `Synthetic Wire ${tag}` } }),
    prisma.place.createMany({ data: placeIds.map((id, i) => ({ id, name: `Synthetic town ${tag} ${i}`, kind: "CITY" as const })) }),
    prisma.claimant.createMany({ data: claimantIds.map((id, i) => ({ id, name: `Synthetic claimant ${tag} ${i}`, kind: "GOVERNMENT" as const })) }),
    prisma.article.createMany({
      data: articleIds.map((id, i) => ({
        id,
        publisherId,
        crisisId,
        contentHash: `synthetic-${tag}-${i}`,
        headline: `Synthetic headline ${i}`,
        body: `Body of synthetic article ${i}. At least ${i} people were detained.`,
        // Several articles share a timestamp, so the id tie-break in cursors is exercised.
        publishedAt: new Date(Date.UTC(2030, 0, 1, 0, Math.floor(i / 3))),
      })),
    }),
  ]);
  const events = articleIds.flatMap((articleId, i) =>
    [0, 1, 2].map((k) => ({
      id: randomUUID(),
      crisisId,
      articleId,
      type: "PROTEST" as const,
      title: `Synthetic event ${i}.${k}`,
      startDate: day(i + k),
      endDate: day(i + k),
      datePrecision: "DAY" as const,
    })),
  );
  await prisma.$transaction([
    prisma.event.createMany({ data: events }),
    prisma.eventPlace.createMany({
      data: events.flatMap((event, i) => [
        { eventId: event.id, placeId: placeIds[i % 5] },
        { eventId: event.id, placeId: placeIds[(i + 1) % 5] },
      ]),
    }),
    prisma.casualtyStatistic.createMany({
      data: articleIds.flatMap((articleId, i) =>
        [0, 1].map((k) => ({
          crisisId,
          articleId,
          claimantId: claimantIds[(i + k) % 3],
          category: "DETAINED" as const,
          affectedGroup: "ALL" as const,
          affectedGroupText: "people",
          qualifier: "AT_LEAST" as const,
          figureText: `At least ${i}`,
          low: i,
          best: i,
          reportedAt: day(i),
          quote: `At least ${i} people were detained.`,
          quoteStart: 0,
          quoteEnd: 10,
        })),
      ),
    }),
  ]);

  return {
    crisisId,
    publisherId,
    articleIds,
    async remove() {
      await prisma.$transaction([
        prisma.casualtyStatistic.deleteMany({ where: { crisisId } }),
        prisma.event.deleteMany({ where: { crisisId } }), // event places cascade
        prisma.article.deleteMany({ where: { crisisId } }),
        prisma.claimant.deleteMany({ where: { id: { in: claimantIds } } }),
        prisma.place.deleteMany({ where: { id: { in: placeIds } } }),
        prisma.publisher.delete({ where: { id: publisherId } }),
        prisma.crisis.delete({ where: { id: crisisId } }),
      ]);
    },
  };
}
