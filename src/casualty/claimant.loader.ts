import type { PrismaClient } from "../db/prisma";
import { byIdLoader, groupLoader, LoaderOptions } from "../data/loaders";
import type { PreloadRegistry } from "../data/preload";
import type { Claimant as ClaimantRow } from "../generated/prisma/client";

/** CasualtyStatistic.claimant, fetched ahead for a page (data/preload.ts) as `byId` fetches it. */
export const claimantPreloads: PreloadRegistry = {
  CasualtyStatistic: {
    claimant: {
      type: "Claimant",
      many: false,
      from: (claim, claimant) => `FROM "Claimant" ${claimant} WHERE ${claimant}.id = ${claim}."claimantId"`,
      model: "Claimant",
    },
  },
};

export function createClaimantLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: byIdLoader<ClaimantRow>(prisma, "Claimant", options),
    countryClaimants: groupLoader(
      (ids: string[]) => prisma.claimant.findMany({ where: { countryId: { in: ids } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      (row: ClaimantRow) => row.countryId as string,
      options,
    ),
    organizationClaimants: groupLoader(
      (ids: string[]) => prisma.claimant.findMany({ where: { organizationId: { in: ids } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      (row: ClaimantRow) => row.organizationId as string,
      options,
    ),
  };
}
