// Rate limits over real HTTP, with low limits set explicitly (the test helper
// turns them off by default): per address, per API key, behind proxies and a
// router, in memory and shared through Redis.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { startTestServer, type TestServer } from "../helpers/test-server";

const KEY = "rate-limit-test-key-0123456789abcdef";
const QUERY = "{ countries { isoCode } }";

async function send(server: TestServer, headers: Record<string, string> = {}) {
  server.resetSql();
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: QUERY }) });
  const body = (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body, sql: [...server.sql] };
}

async function statuses(server: TestServer, count: number, headers: Record<string, string> = {}) {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await send(server, headers)).status);
  return seen;
}

const withServer = async (env: Record<string, string>, run: (server: TestServer) => Promise<void>) => {
  const server = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off", ...env } });
  try {
    await run(server);
  } finally {
    await server.stop();
  }
};

test("per address: past the limit, 429 with Retry-After and RATE_LIMITED, before any SQL", async () => {
  await withServer({ RATE_LIMIT_PER_ADDRESS: "3", RATE_LIMIT_WINDOW_SECONDS: "60" }, async (server) => {
    expect(await statuses(server, 3)).toEqual([200, 200, 200]);
    const refused = await send(server);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.body.errors).toEqual([
      { message: expect.stringMatching(/^Too many requests for this address: retry in \d+ s$/), extensions: { code: "RATE_LIMITED", retryAfter: Number(refused.retryAfter) } },
    ]);
    expect(refused.sql).toEqual([]);
    // Health checks are not GraphQL requests and are never limited.
    expect((await fetch(new URL("/healthz", server.url))).status).toBe(200);
  });
});

test("the window ends and the address is served again", async () => {
  await withServer({ RATE_LIMIT_PER_ADDRESS: "1", RATE_LIMIT_WINDOW_SECONDS: "1" }, async (server) => {
    expect(await statuses(server, 2)).toEqual([200, 429]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await send(server)).status).toBe(200);
  });
});

test("per API key: a valid key spends its own budget, not the address's", async () => {
  await withServer({ API_KEYS: `bot:${KEY}:write`, RATE_LIMIT_PER_KEY: "2", RATE_LIMIT_PER_ADDRESS: "5" }, async (server) => {
    const keyed = { authorization: `Bearer ${KEY}` };
    expect(await statuses(server, 2, keyed)).toEqual([200, 200]);
    const refused = await send(server, keyed);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0].message).toMatch(/for this API key/);
    // The same address without the key still has its own budget.
    expect((await send(server)).status).toBe(200);
  });
});

test("an unknown key is counted by address, so guessing keys is throttled", async () => {
  await withServer({ API_KEYS: `bot:${KEY}:write`, RATE_LIMIT_PER_KEY: "100", RATE_LIMIT_PER_ADDRESS: "2" }, async (server) => {
    const guess = { authorization: "Bearer not-a-key-but-a-guess-000000000" };
    expect(await statuses(server, 3, guess)).toEqual([401, 401, 429]);
  });
});

test("X-Forwarded-For is believed only with TRUST_PROXY", async () => {
  await withServer({ RATE_LIMIT_PER_ADDRESS: "1" }, async (server) => {
    // Not trusted: a client cannot dodge the limit by inventing addresses.
    expect((await send(server, { "x-forwarded-for": "203.0.113.1" })).status).toBe(200);
    expect((await send(server, { "x-forwarded-for": "203.0.113.2" })).status).toBe(429);
  });
  await withServer({ RATE_LIMIT_PER_ADDRESS: "1", TRUST_PROXY: "1" }, async (server) => {
    // One trusted proxy: the right-most entry is the client it saw; what the client wrote further left is ignored.
    expect((await send(server, { "x-forwarded-for": "198.51.100.7, 203.0.113.1" })).status).toBe(200);
    expect((await send(server, { "x-forwarded-for": "198.51.100.8, 203.0.113.1" })).status).toBe(429);
    expect((await send(server, { "x-forwarded-for": "203.0.113.2" })).status).toBe(200);
  });
});

test("behind a router: its requests are not limited per address unless it forwards the client's", async () => {
  const ROUTER_SECRET = "router-secret-for-rate-limit-tests-01";
  const router = { "router-authorization": ROUTER_SECRET };
  await withServer({ ROUTER_SECRET, RATE_LIMIT_PER_ADDRESS: "2" }, async (server) => {
    expect(await statuses(server, 5, router)).toEqual([200, 200, 200, 200, 200]);
  });
  await withServer({ ROUTER_SECRET, RATE_LIMIT_PER_ADDRESS: "2", TRUST_PROXY: "1" }, async (server) => {
    const client = { ...router, "x-forwarded-for": "203.0.113.9" };
    expect(await statuses(server, 3, client)).toEqual([200, 200, 429]);
    expect((await send(server, { ...router, "x-forwarded-for": "203.0.113.10" })).status).toBe(200);
  });
});

describe("shared through Redis (REDIS_URL)", () => {
  const REDIS_URL = "redis://127.0.0.1:6379";
  const prefix = `crisis-graph-test:${randomUUID()}`;
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(REDIS_URL, { lazyConnect: true });
    return redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  test("two replicas share one budget per address, counted in Redis", async () => {
    const env = { REDIS_URL, RATE_LIMIT_KEY_PREFIX: prefix, RATE_LIMIT_PER_ADDRESS: "3", RATE_LIMIT_WINDOW_SECONDS: "60" };
    await withServer(env, async (first) => {
      await withServer(env, async (second) => {
        expect(await statuses(first, 2)).toEqual([200, 200]);
        expect(await statuses(second, 1)).toEqual([200]);
        const refused = await send(second);
        expect(refused.status).toBe(429);
        expect(refused.body.errors![0].extensions.code).toBe("RATE_LIMITED");
        expect(Number(refused.retryAfter)).toBeGreaterThan(0);
        expect((await send(first)).status).toBe(429);
      });
    });
    const keys = await redis.keys(`${prefix}:address*`);
    expect(keys).toHaveLength(1);
    expect(Number(await redis.get(keys[0]))).toBeGreaterThanOrEqual(4);
  });

  test("RATE_LIMIT_STORE=memory keeps counting per process even with REDIS_URL", async () => {
    const env = { REDIS_URL, RATE_LIMIT_STORE: "memory", RATE_LIMIT_KEY_PREFIX: `${prefix}-memory`, RATE_LIMIT_PER_ADDRESS: "1" };
    await withServer(env, async (first) => {
      await withServer(env, async (second) => {
        expect(await statuses(first, 1)).toEqual([200]);
        expect(await statuses(second, 1)).toEqual([200]);
      });
    });
    expect(await redis.keys(`${prefix}-memory*`)).toEqual([]);
  });
});
