// The one context factory: every request gets its own loaders, so batching
// and caching never leak between requests or users.
import { authenticate, type Caller } from "./auth/api-keys";
import type { Config } from "./config";
import type { PrismaClient } from "./db/prisma";
import type { LoaderOptions } from "./common/loaders";
import { createArticleLoaders } from "./article/article.loader";
import { createCasualtyStatisticLoaders } from "./casualty/casualty-statistic.loader";
import { createClaimantLoaders } from "./casualty/claimant.loader";
import { createCountryLoaders } from "./country/country.loader";
import { createCrisisLoaders } from "./crisis/crisis.loader";
import { createEventLoaders } from "./event/event.loader";
import { createOrganizationLoaders } from "./organization/organization.loader";
import { createPersonLoaders } from "./person/person.loader";
import { createPlaceLoaders } from "./place/place.loader";
import { createPublisherLoaders } from "./publisher/publisher.loader";

export function createLoaders(prisma: PrismaClient, options: LoaderOptions) {
  return {
    article: createArticleLoaders(prisma, options),
    casualtyStatistic: createCasualtyStatisticLoaders(prisma, options),
    claimant: createClaimantLoaders(prisma, options),
    country: createCountryLoaders(prisma, options),
    crisis: createCrisisLoaders(prisma, options),
    event: createEventLoaders(prisma, options),
    organization: createOrganizationLoaders(prisma, options),
    person: createPersonLoaders(prisma, options),
    place: createPlaceLoaders(prisma, options),
    publisher: createPublisherLoaders(prisma, options),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  /** Who sent a valid API key; null for anonymous reads. */
  caller: Caller | null;
}

export function createContext(
  prisma: PrismaClient,
  config: Pick<Config, "loaderMaxBatchSize" | "loaderBatching" | "apiKeys">,
  authorization?: string,
): Context {
  return {
    prisma,
    loaders: createLoaders(prisma, { maxBatchSize: config.loaderMaxBatchSize, batch: config.loaderBatching }),
    caller: authenticate(authorization, config.apiKeys),
  };
}
