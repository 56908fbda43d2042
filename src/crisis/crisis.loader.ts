import type { PrismaClient } from "../db/prisma";
import { LoaderOptions, rowLoader } from "../common/loaders";

export function createCrisisLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: rowLoader((ids: string[]) => prisma.crisis.findMany({ where: { id: { in: ids } } }), (row) => row.id, options),
    bySlug: rowLoader((slugs: string[]) => prisma.crisis.findMany({ where: { slug: { in: slugs } } }), (row) => row.slug, options),
  };
}
