import type { Place as PlaceRow } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { byIdLoader, groupLoader, LoaderOptions, rowLoader } from "../data/loaders";

export function createPlaceLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<PlaceRow>(prisma, "Place", options),
    placeChildren: groupLoader(
      (ids: string[]) => prisma.place.findMany({ where: { parentId: { in: ids } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      (row: PlaceRow) => row.parentId as string,
      options,
    ),
    countryPlaces: groupLoader(
      (ids: string[]) => prisma.place.findMany({ where: { countryId: { in: ids } }, orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }] }),
      (row: PlaceRow) => row.countryId as string,
      options,
    ),
  };
}
