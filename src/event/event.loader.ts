import type { Event as EventRow, EventParticipant } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { currentVersionSql } from "../article/article-versions";
import { childPageLoaders } from "../data/child-pages";
import { byIdLoader, groupLoader, LoaderOptions } from "../data/loaders";
import type { PreloadRegistry } from "../data/preload";

const eventsInTimeOrder = { sortColumn: "startDate", sortType: "date", direction: "ASC" } as const;
/** As the root list shows them by default: events of replaced article versions are left out. */
const CURRENT = currentVersionSql('e."articleId"');

/** Article.events, fetched ahead for a page (data/preload.ts) exactly as `byArticle` fetches it. */
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

export function createEventLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<EventRow>(prisma, "Event", options),
    byArticle: groupLoader(
      (ids: string[]) =>
        prisma.event.findMany({ where: { articleId: { in: ids } }, orderBy: [{ startDate: "asc" }, { endDate: "asc" }, { createdAt: "asc" }, { id: "asc" }] }),
      (row: EventRow) => row.articleId as string,
      options,
    ),
    participants: groupLoader(
      (ids: string[]) => prisma.eventParticipant.findMany({ where: { eventId: { in: ids } }, orderBy: [{ role: "asc" }, { id: "asc" }] }),
      (row: EventParticipant) => row.eventId,
      options,
    ),
    byCrisis: childPageLoaders<EventRow>(prisma, { from: `SELECT e.*, e."crisisId" AS "parentKey" FROM "Event" e WHERE ${CURRENT}`, ...eventsInTimeOrder }, options),
    atPlace: childPageLoaders<EventRow>(
      prisma,
      { from: `SELECT e.*, ep."placeId" AS "parentKey" FROM "Event" e JOIN "EventPlace" ep ON ep."eventId" = e.id WHERE ${CURRENT}`, ...eventsInTimeOrder },
      options,
    ),
    withPerson: childPageLoaders<EventRow>(
      prisma,
      {
        from: `SELECT DISTINCT ON (e.id, p."personId") e.*, p."personId" AS "parentKey" FROM "Event" e JOIN "EventParticipant" p ON p."eventId" = e.id WHERE p."personId" IS NOT NULL AND ${CURRENT}`,
        ...eventsInTimeOrder,
      },
      options,
    ),
  };
}
