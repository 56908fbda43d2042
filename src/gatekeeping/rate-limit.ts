// Rate limits per API key and per client address (rate-limiter-flexible):
// fixed windows of RATE_LIMIT_WINDOW_SECONDS, counted in this process, or in
// Redis when REDIS_URL is set so every replica shares one budget per caller.
//
// - A request with a valid API key spends the key's budget (RATE_LIMIT_PER_KEY);
//   every other request spends its address's (RATE_LIMIT_PER_ADDRESS), an
//   unknown key included, so guessing keys is throttled too.
// - The address is the socket's, or with TRUST_PROXY=n the n-th address from
//   the right of X-Forwarded-For (the one the nearest trusted proxy saw).
// - Requests from the router (valid ROUTER_SECRET) without a trusted forwarded
//   address are not limited per address: they all come from the router's one
//   address, and limiting that would throttle every client at once.
// - If Redis fails, each process falls back to counting in memory.
import type http from "node:http";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { authenticate, type ApiKey } from "../auth/api-keys";
import type { Config } from "../config";

export type RateDecision =
  | { limited: false }
  | {
      limited: true;
      retryAfterSeconds: number;
      /** Which budget ran out, e.g. "address" or "key". */
      bucket: "address" | "key";
      /** The first refusal in this window (worth a log line; the rest are not). */
      first: boolean;
      /** Label of the key, or the address: never the key itself. */
      caller: string;
    };

export interface RateLimiter {
  check(req: http.IncomingMessage, fromRouter: boolean): Promise<RateDecision>;
  stop(): Promise<void>;
}

const NOT_LIMITED: RateDecision = { limited: false };

/** The client's address: the socket's, or the one TRUST_PROXY hops back in X-Forwarded-For. */
export function clientAddress(req: http.IncomingMessage, trustProxy: number): { address: string; forwarded: boolean } {
  const socketAddress = req.socket.remoteAddress ?? "unknown";
  if (trustProxy <= 0) return { address: socketAddress, forwarded: false };
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // The right-most entries were appended by our proxies; anything further left the client could have written.
  const hop = hops[hops.length - trustProxy];
  return hop ? { address: hop, forwarded: true } : { address: socketAddress, forwarded: false };
}

function keyLabel(authorization: string | undefined, keys: ApiKey[]): string | null {
  if (!authorization) return null;
  try {
    return authenticate(authorization, keys)?.label ?? null;
  } catch {
    return null; // an unknown or malformed key: counted by address, refused later (401)
  }
}

export async function createRateLimiter(
  config: Pick<Config, "rateLimit" | "trustProxy" | "apiKeys" | "redisUrl">,
  onStoreError: (error: unknown) => void,
): Promise<RateLimiter | null> {
  const { perAddress, perKey, windowSeconds, store, keyPrefix } = config.rateLimit;
  if (perAddress === 0 && perKey === 0) return null;

  let redis: Redis | null = null;
  if (store === "redis") {
    // No offline queue: while Redis is away, commands fail at once and the in-memory insurance counts instead.
    redis = new Redis(config.redisUrl as string, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on("error", onStoreError);
    await redis.connect();
  }
  const limiter = (name: string, points: number): RateLimiterAbstract | null => {
    if (points === 0) return null;
    const options = { keyPrefix: `${keyPrefix}:${name}`, points, duration: windowSeconds };
    if (!redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({
      ...options,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      // A caller over its budget is refused from memory until the window ends: no Redis round trip per refused request.
      inMemoryBlockOnConsumed: points + 1,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  };
  const byAddress = limiter("address", perAddress);
  const byKey = limiter("key", perKey);

  const consume = async (limiter: RateLimiterAbstract, key: string, bucket: "address" | "key", caller: string): Promise<RateDecision> => {
    try {
      await limiter.consume(key);
      return NOT_LIMITED;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        // Both Redis and the insurance failed: serve rather than refuse everyone.
        onStoreError(rejection);
        return NOT_LIMITED;
      }
      return {
        limited: true,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        bucket,
        first: rejection.consumedPoints === limiter.points + 1,
        caller,
      };
    }
  };

  return {
    async check(req, fromRouter) {
      const label = byKey || byAddress ? keyLabel(req.headers.authorization, config.apiKeys) : null;
      if (label !== null) return byKey ? consume(byKey, label, "key", `key ${label}`) : NOT_LIMITED;
      if (!byAddress) return NOT_LIMITED;
      const { address, forwarded } = clientAddress(req, config.trustProxy);
      if (fromRouter && !forwarded) return NOT_LIMITED;
      return consume(byAddress, address, "address", address);
    },
    async stop() {
      redis?.disconnect();
    },
  };
}
