import type { Country as CountryRow } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { byIdLoader, LoaderOptions, rowLoader } from "../data/loaders";

export function createCountryLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<CountryRow>(prisma, "Country", options),
    byIsoCode: rowLoader(
      (codes: string[]) => prisma.country.findMany({ where: { isoCode: { in: codes } } }),
      (row) => row.isoCode,
      options,
    ),
  };
}
