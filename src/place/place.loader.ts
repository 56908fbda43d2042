import type { Place as PlaceRow } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { byIdLoader, groupLoader, LoaderOptions, rowLoader, sqlGroupLoader } from "../data/loaders";
import type { PreloadRegistry } from "../data/preload";

/** Event.places, fetched ahead for a page (data/preload.ts) exactly as `ofEvent` fetches it. */
export const placePreloads: PreloadRegistry = {
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

export function createPlaceLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<PlaceRow>(prisma, "Place", options),
    children: groupLoader(
      (ids: string[]) => prisma.place.findMany({ where: { parentId: { in: ids } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      (row: PlaceRow) => row.parentId as string,
      options,
    ),
    inCountry: groupLoader(
      (ids: string[]) => prisma.place.findMany({ where: { countryId: { in: ids } }, orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }] }),
      (row: PlaceRow) => row.countryId as string,
      options,
    ),
    ofEvent: sqlGroupLoader<PlaceRow>(
      prisma,
      `SELECT p.*, ep."eventId" AS "parentKey" FROM "Place" p JOIN "EventPlace" ep ON ep."placeId" = p.id
       WHERE ep."eventId" = ANY($1::uuid[]) ORDER BY p.kind, p.name, p.id`,
      options,
    ),
    mentionedInArticle: sqlGroupLoader<PlaceRow>(
      prisma,
      `SELECT p.*, m."articleId" AS "parentKey" FROM "Place" p JOIN "ArticlePlace" m ON m."placeId" = p.id
       WHERE m."articleId" = ANY($1::uuid[]) ORDER BY p.kind, p.name, p.id`,
      options,
    ),
  };
}
