// A full-response cache for anonymous reads, invalidated honestly: every
// cached response is keyed by a "write generation", and every write moves the
// generation on, so no read after a write can be served from before it.
//
// - In memory by default (one process), in Redis when REDIS_URL is set (the
//   responses and the generation are shared by every replica).
// - Writes in this process bump the generation before their response is sent;
//   writes anywhere else (the ingest CLI, another replica) reach every server
//   through PostgreSQL NOTIFY, sent inside the writing transaction.
import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import { Redis } from "ioredis";
import pg from "pg";
import type { Config } from "../config";
import type { Context } from "../context";
import { WRITES_CHANNEL } from "./write-notifications";
import { stringBytes } from "./document-store";

/** Cached responses in this process, in heap bytes (a response with Cyrillic text takes two a character). */
const MEMORY_CACHE_BYTES = 64 * 1024 * 1024;

export interface ResponseCache {
  plugins: ApolloServerPlugin<Context>[];
  /** Moves the write generation on: every response cached so far is now unreachable. */
  invalidate(): Promise<void>;
  stop(): Promise<void>;
}

interface Generation {
  current(): Promise<number>;
  bump(): Promise<void>;
}

class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}
  get(key: string) {
    return this.redis.get(this.prefix + key).then((value) => value ?? undefined);
  }
  async set(key: string, value: string, options?: KeyValueCacheSetOptions) {
    if (options?.ttl) await this.redis.set(this.prefix + key, value, "EX", Math.max(1, Math.ceil(options.ttl)));
    else await this.redis.set(this.prefix + key, value);
  }
  async delete(key: string) {
    await this.redis.del(this.prefix + key);
  }
}

/** Replicas of one deployment share entries; servers on other databases sharing the Redis do not. */
function namespaceOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const id = createHash("sha256").update(`${url.hostname}:${url.port}${url.pathname}`).digest("hex").slice(0, 16);
  return `crisis-graph:${id}:`;
}

export async function createResponseCache(
  config: Pick<Config, "responseCache" | "redisUrl">,
  databaseUrl: string,
  log: (message: string) => void,
): Promise<ResponseCache | null> {
  if (config.responseCache === "off") return null;
  let redis: Redis | null = null;
  let store: KeyValueCache<string>;
  let generation: Generation;
  if (config.responseCache === "redis") {
    redis = new Redis(config.redisUrl as string, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await redis.connect();
    const client = redis;
    const namespace = namespaceOf(databaseUrl);
    const generationKey = `${namespace}write-generation`;
    store = new RedisKeyValueCache(client, `${namespace}response:`);
    generation = {
      current: async () => Number((await client.get(generationKey)) ?? 0),
      bump: async () => void (await client.incr(generationKey)),
    };
  } else {
    store = new InMemoryLRUCache<string>({ maxSize: MEMORY_CACHE_BYTES, sizeCalculation: (response) => 256 + stringBytes(response) });
    let value = 0;
    generation = { current: async () => value, bump: async () => void value++ };
  }

  const listener = listenForWrites(databaseUrl, () => generation.bump(), log);
  // Without the LISTEN connection, writes elsewhere would go unnoticed: serve nothing from the cache until it is back.
  const anonymousRead = async ({ contextValue, operation }: { contextValue: Context; operation?: { operation: string } | null }) =>
    listener.connected() && contextValue.caller === null && operation?.operation === "query";

  const plugins: ApolloServerPlugin<Context>[] = [
    responseCachePlugin<Context>({
      cache: store,
      // Public: one entry serves every anonymous reader.
      sessionId: async () => null,
      extraCacheKeyData: () => generation.current(),
      shouldReadFromCache: anonymousRead,
      shouldWriteToCache: anonymousRead,
    }),
    {
      // A mutation's own process must not wait for NOTIFY: bump before the response leaves.
      async requestDidStart() {
        return {
          async willSendResponse({ operation }) {
            if (operation?.operation === "mutation") await generation.bump();
          },
        };
      },
    },
  ];
  return {
    plugins,
    invalidate: () => generation.bump(),
    async stop() {
      await listener.stop();
      await redis?.quit();
    },
  };
}

/**
 * LISTEN on a connection of its own, reconnecting every second while it is
 * down. A connection that was down may have missed writes, so (re)connecting
 * invalidates too.
 */
function listenForWrites(databaseUrl: string, onWrite: () => Promise<void>, log: (message: string) => void) {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const scheduleRetry = () => {
    if (!stopped) retry = setTimeout(connect, 1000).unref();
  };
  function connect() {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", () => void onWrite());
    next.on("error", (error) => {
      log(`response cache: write notifications lost (${error.message}); reconnecting`);
      client = null;
      void next.end().catch(() => {});
      scheduleRetry();
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${WRITES_CHANNEL}`))
      .then(async () => {
        if (stopped) return void (await next.end());
        await onWrite();
        client = next;
      })
      .catch((error: Error) => {
        log(`response cache: cannot listen for writes (${error.message}); retrying`);
        void next.end().catch(() => {});
        scheduleRetry();
      });
  }
  connect();
  return {
    connected: () => client !== null,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
