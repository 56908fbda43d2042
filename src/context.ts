// The one context factory: every request gets its own loaders, so batching
// and caching never leak between requests or users.
import { authenticate, type Caller } from "./auth/api-keys";
import type { Config } from "./config";
import type { PrismaClient } from "./db/prisma";
import { limitStatements, Semaphore } from "./db/statement-limit";
import type { PageExtractor } from "./ingest/ingest.service";
import type { LoaderOptions } from "./data/loaders";
import { mergeRegistries, type PreloadRegistry } from "./data/preload";
import { articlePreloads, createArticleLoaders } from "./article/article.loader";
import { casualtyStatisticPreloads, createCasualtyStatisticLoaders } from "./casualty/casualty-statistic.loader";
import { claimantPreloads, createClaimantLoaders } from "./casualty/claimant.loader";
import { createCountryLoaders } from "./country/country.loader";
import { createCrisisLoaders } from "./crisis/crisis.loader";
import { createEventLoaders, eventPlacesPreloads, eventPreloads } from "./event/event.loader";
import { createOrganizationLoaders } from "./organization/organization.loader";
import { createPersonLoaders } from "./person/person.loader";
import { createPlaceLoaders } from "./place/place.loader";
import { createPublisherLoaders } from "./publisher/publisher.loader";

/**
 * What a root list fetches ahead below its page (data/preload.ts): each
 * domain declares the relations it owns beside their loaders; they meet here
 * only, and travel to the resolvers in the request's context (Loaders.preloads).
 */
export const PRELOADS: PreloadRegistry = mergeRegistries([articlePreloads, eventPreloads, eventPlacesPreloads, casualtyStatisticPreloads, claimantPreloads]);
/** The benchmark's naive server (LOADER_BATCHING=false) fetches nothing ahead. */
const NO_PRELOADS: PreloadRegistry = {};

/**
 * A request's loaders, each domain's built on first use: a query touching
 * two domains should not pay for the fifty loaders of all ten.
 */
export class Loaders {
  #article?: ReturnType<typeof createArticleLoaders>;
  #casualtyStatistic?: ReturnType<typeof createCasualtyStatisticLoaders>;
  #claimant?: ReturnType<typeof createClaimantLoaders>;
  #country?: ReturnType<typeof createCountryLoaders>;
  #crisis?: ReturnType<typeof createCrisisLoaders>;
  #event?: ReturnType<typeof createEventLoaders>;
  #organization?: ReturnType<typeof createOrganizationLoaders>;
  #person?: ReturnType<typeof createPersonLoaders>;
  #place?: ReturnType<typeof createPlaceLoaders>;
  #publisher?: ReturnType<typeof createPublisherLoaders>;

  readonly #client: PrismaClient | (() => PrismaClient);

  /** `prisma`: the client, or (createContext) a function giving the request's client, made on first use. */
  constructor(
    prisma: PrismaClient | (() => PrismaClient),
    private readonly options: LoaderOptions,
  ) {
    this.#client = prisma;
  }

  private get prisma(): PrismaClient {
    return typeof this.#client === "function" ? this.#client() : this.#client;
  }

  /** False only for the benchmark's naive server (LOADER_BATCHING=false). */
  get batching(): boolean {
    return this.options.batch !== false;
  }

  /** The fetch-ahead registry of this request: every domain's, or none when batching is off. */
  get preloads(): PreloadRegistry {
    return this.batching ? PRELOADS : NO_PRELOADS;
  }

  get article() {
    return (this.#article ??= createArticleLoaders(this.prisma, this.options));
  }
  get casualtyStatistic() {
    return (this.#casualtyStatistic ??= createCasualtyStatisticLoaders(this.prisma, this.options));
  }
  get claimant() {
    return (this.#claimant ??= createClaimantLoaders(this.prisma, this.options));
  }
  get country() {
    return (this.#country ??= createCountryLoaders(this.prisma, this.options));
  }
  get crisis() {
    return (this.#crisis ??= createCrisisLoaders(this.prisma, this.options));
  }
  get event() {
    return (this.#event ??= createEventLoaders(this.prisma, this.options));
  }
  get organization() {
    return (this.#organization ??= createOrganizationLoaders(this.prisma, this.options));
  }
  get person() {
    return (this.#person ??= createPersonLoaders(this.prisma, this.options));
  }
  get place() {
    return (this.#place ??= createPlaceLoaders(this.prisma, this.options));
  }
  get publisher() {
    return (this.#publisher ??= createPublisherLoaders(this.prisma, this.options));
  }
}

export interface Context {
  /** The request's client: at most DB_STATEMENTS_PER_REQUEST statements in flight (db/statement-limit.ts). */
  prisma: PrismaClient;
  loaders: Loaders;
  /** Who sent a valid API key; null for anonymous reads. */
  caller: Caller | null;
  /** Reads an ingested page: the server's extraction pool; undefined reads in this thread (extractPage). */
  extract?: PageExtractor;
}

export function createContext(
  prisma: PrismaClient,
  config: Pick<Config, "loaderMaxBatchSize" | "loaderBatching" | "apiKeys"> & Partial<Pick<Config, "dbStatementsPerRequest">>,
  authorization?: string,
  extract?: PageExtractor,
): Context {
  // Made on first use: a response from the cache, or a refused request, never pays for it.
  let limited: PrismaClient | undefined;
  const client = () => (limited ??= config.dbStatementsPerRequest ? limitStatements(prisma, new Semaphore(config.dbStatementsPerRequest)) : prisma);
  return {
    get prisma() {
      return client();
    },
    loaders: new Loaders(client, { maxBatchSize: config.loaderMaxBatchSize, batch: config.loaderBatching }),
    caller: authenticate(authorization, config.apiKeys),
    extract,
  };
}
