import type { PrismaClient } from "../db/prisma";
import { LoaderOptions, rowLoader } from "../common/loaders";

export function createPublisherLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: rowLoader((ids: string[]) => prisma.publisher.findMany({ where: { id: { in: ids } } }), (row) => row.id, options),
  };
}
