import type { Country as CountryRow } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import type { Claimant, Country, Crisis, Organization, Publisher } from "../generated/prisma/client";
import { byIdLoader, groupLoader, LoaderOptions, rowLoader, sqlGroupLoader } from "../data/loaders";

export function createCountryLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    mentionedInArticle: sqlGroupLoader<Country>(
      prisma,
      `SELECT c.*, m."articleId" AS "parentKey" FROM "Country" c JOIN "ArticleCountry" m ON m."countryId" = c.id
       WHERE m."articleId" = ANY($1::uuid[]) ORDER BY c.name, c.id`,
      options,
    ),
    byId: byIdLoader<CountryRow>(prisma, "Country", options),
    publishers: groupLoader(
      (ids: string[]) => prisma.publisher.findMany({ where: { countryId: { in: ids } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      (row: Publisher) => row.countryId as string,
      options,
    ),
    crises: groupLoader(
      (ids: string[]) => prisma.crisis.findMany({ where: { countryId: { in: ids } }, orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { id: "asc" }] }),
      (row: Crisis) => row.countryId as string,
      options,
    ),
    claimants: groupLoader(
      (ids: string[]) => prisma.claimant.findMany({ where: { countryId: { in: ids } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      (row: Claimant) => row.countryId as string,
      options,
    ),
    organizations: groupLoader(
      (ids: string[]) => prisma.organization.findMany({ where: { countryId: { in: ids } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      (row: Organization) => row.countryId as string,
      options,
    ),
    byIsoCode: rowLoader(
      (codes: string[]) => prisma.country.findMany({ where: { isoCode: { in: codes } } }),
      (row) => row.isoCode,
      options,
    ),
  };
}
