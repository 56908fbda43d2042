import type { PrismaClient } from "../db/prisma";
import { byIdLoader, groupLoader, LoaderOptions } from "../data/loaders";
import type { Publisher as PublisherRow } from "../generated/prisma/client";

export function createPublisherLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<PublisherRow>(prisma, "Publisher", options),
    countryPublishers: groupLoader(
      (ids: string[]) => prisma.publisher.findMany({ where: { countryId: { in: ids } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      (row: PublisherRow) => row.countryId as string,
      options,
    ),
  };
}
