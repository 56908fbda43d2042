import type { Crisis as CrisisRow } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { byIdLoader, LoaderOptions, rowLoader } from "../data/loaders";

export function createCrisisLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<CrisisRow>(prisma, "Crisis", options),
    bySlug: rowLoader((slugs: string[]) => prisma.crisis.findMany({ where: { slug: { in: slugs } } }), (row) => row.slug, options),
  };
}
