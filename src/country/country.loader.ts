import type { PrismaClient } from "../db/prisma";
import { LoaderOptions, rowLoader } from "../common/loaders";

export function createCountryLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: rowLoader((ids: string[]) => prisma.country.findMany({ where: { id: { in: ids } } }), (row) => row.id, options),
    byIsoCode: rowLoader(
      (codes: string[]) => prisma.country.findMany({ where: { isoCode: { in: codes } } }),
      (row) => row.isoCode,
      options,
    ),
  };
}
