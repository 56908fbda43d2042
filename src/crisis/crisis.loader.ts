import type { Crisis as CrisisRow } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { byIdLoader, groupLoader, LoaderOptions, rowLoader } from "../data/loaders";

export function createCrisisLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<CrisisRow>(prisma, "Crisis", options),
    countryCrises: groupLoader(
      (ids: string[]) => prisma.crisis.findMany({ where: { countryId: { in: ids } }, orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { id: "asc" }] }),
      (row: CrisisRow) => row.countryId as string,
      options,
    ),
    bySlug: rowLoader((slugs: string[]) => prisma.crisis.findMany({ where: { slug: { in: slugs } } }), (row) => row.slug, options),
  };
}
