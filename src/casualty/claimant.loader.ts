import type { PrismaClient } from "../db/prisma";
import { LoaderOptions, rowLoader } from "../common/loaders";
import type { PreloadRegistry } from "../common/preload";
import type { Loaders } from "../context";
import type { Claimant as ClaimantRow } from "../generated/prisma/client";

/** CasualtyStatistic.claimant, fetched ahead for a page (common/preload.ts) as `byId` fetches it. */
export const claimantPreloads: PreloadRegistry<Loaders> = {
  CasualtyStatistic: {
    claimant: {
      type: "Claimant",
      many: false,
      from: (claim, claimant) => `FROM "Claimant" ${claimant} WHERE ${claimant}.id = ${claim}."claimantId"`,
      dateColumns: [],
      prime: (loaders, _claim, claimant) => void (claimant && loaders.claimant.byId.prime(claimant.id as string, claimant as ClaimantRow)),
    },
  },
};

export function createClaimantLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    byId: rowLoader((ids: string[]) => prisma.claimant.findMany({ where: { id: { in: ids } } }), (row) => row.id, options),
  };
}
