import type { Event as EventRow, EventParticipant, Place as PlaceRow } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { currentVersionSql } from "../article/article-versions";
import { childPageLoaders } from "../data/child-pages";
import { byIdLoader, groupLoader, LoaderOptions, sqlGroupLoader } from "../data/loaders";
import type { PreloadRegistry } from "../data/preload";

const eventsInTimeOrder = { sortColumn: "startDate", sortType: "date", direction: "ASC" } as const;
/** As the root list shows them by default: events of replaced article versions are left out. */
const CURRENT = currentVersionSql('e."articleId"');

/** Article.events, fetched ahead for a page (data/preload.ts) exactly as `articleEvents` fetches it. */
export const eventPreloads: PreloadRegistry = {
  Article: {
    events: {
      type: "Event",
      many: true,
      from: (article, event) => `FROM "Event" ${event} WHERE ${event}."articleId" = ${article}.id`,
      orderBy: (event) => `${event}."startDate", ${event}."endDate", ${event}."createdAt", ${event}.id`,
      model: "Event",
    },
  },
};

/** Event.places, fetched ahead for a page (data/preload.ts) exactly as `eventPlaces` fetches it. */
export const eventPlacesPreloads: PreloadRegistry = {
  Event: {
    places: {
      type: "Place",
      many: true,
      // A lookup by key per link: joined, PostgreSQL hashed every place once per event (16 ms of a 50-article page).
      from: (event, place) =>
        `FROM "EventPlace" ${place}_j CROSS JOIN LATERAL (SELECT * FROM "Place" ${place}_p WHERE ${place}_p.id = ${place}_j."placeId" LIMIT 1) ${place} WHERE ${place}_j."eventId" = ${event}.id`,
      orderBy: (place) => `${place}.kind, ${place}.name, ${place}.id`,
      model: "Place",
    },
  },
};

export function createEventLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<EventRow>(prisma, "Event", options),
    articleEvents: groupLoader(
      (ids: string[]) =>
        prisma.event.findMany({ where: { articleId: { in: ids } }, orderBy: [{ startDate: "asc" }, { endDate: "asc" }, { createdAt: "asc" }, { id: "asc" }] }),
      (row: EventRow) => row.articleId as string,
      options,
    ),
    eventPlaces: sqlGroupLoader<PlaceRow>(
      prisma,
      `SELECT p.*, ep."eventId" AS "parentKey" FROM "Place" p JOIN "EventPlace" ep ON ep."placeId" = p.id
       WHERE ep."eventId" = ANY($1::uuid[]) ORDER BY p.kind, p.name, p.id`,
      options,
    ),
    eventParticipants: groupLoader(
      (ids: string[]) => prisma.eventParticipant.findMany({ where: { eventId: { in: ids } }, orderBy: [{ role: "asc" }, { id: "asc" }] }),
      (row: EventParticipant) => row.eventId,
      options,
    ),
    crisisEvents: childPageLoaders<EventRow>(prisma, { from: `SELECT e.*, e."crisisId" AS "parentKey" FROM "Event" e WHERE ${CURRENT}`, ...eventsInTimeOrder }, options),
    placeEvents: childPageLoaders<EventRow>(
      prisma,
      { from: `SELECT e.*, ep."placeId" AS "parentKey" FROM "Event" e JOIN "EventPlace" ep ON ep."eventId" = e.id WHERE ${CURRENT}`, ...eventsInTimeOrder },
      options,
    ),
    personEvents: childPageLoaders<EventRow>(
      prisma,
      {
        from: `SELECT DISTINCT ON (e.id, p."personId") e.*, p."personId" AS "parentKey" FROM "Event" e JOIN "EventParticipant" p ON p."eventId" = e.id WHERE p."personId" IS NOT NULL AND ${CURRENT}`,
        ...eventsInTimeOrder,
      },
      options,
    ),
  };
}
