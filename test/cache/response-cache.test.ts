// The response cache serves repeated anonymous reads without SQL, and no read
// after a write returns the old value: not after a mutation in this process,
// and not after a write in another process (NOTIFY).
import { correctClaim } from "../../src/casualty/casualty-review.service";
import { startTestServer, type TestServer } from "../helpers/test-server";

const KEY = "cache-test-key-0123456789abcdef0123";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { API_KEYS: `editor:${KEY}:write`, RESPONSE_CACHE: "memory" } });
});
afterAll(async () => {
  await server.prisma.casualtyStatistic.deleteMany({ where: { correctionOfId: { not: null } } });
  await server.stop();
});

const CLAIMS = `{ casualtyStatistics(first: 10, filter: { categories: [WOUNDED] }) { edges { node { id best } } } }`;

async function post(query: string, variables: Record<string, unknown> = {}, key?: string) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { headers: response.headers, body: (await response.json()) as { data?: any; errors?: any[] } };
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test("a repeated anonymous read is served from the cache: no SQL, and a cache header", async () => {
  await eventually(() => post(CLAIMS), (r) => r.headers.get("age") !== null); // warm, once the listener is up
  server.resetSql();
  const second = await post(CLAIMS);
  expect(second.body.errors).toBeUndefined();
  expect(server.sql).toHaveLength(0);
  expect(second.headers.get("cache-control")).toMatch(/max-age=60, public/);
});

test("reads with an API key bypass the cache", async () => {
  await post(CLAIMS, {}, KEY);
  server.resetSql();
  await post(CLAIMS, {}, KEY);
  expect(server.sql.length).toBeGreaterThan(0);
});

test("after a mutation, the very next read sees the change", async () => {
  const before = await post(CLAIMS);
  const claim = before.body.data.casualtyStatistics.edges[0].node;
  await post(CLAIMS); // cached now
  const corrected = await post(
    `mutation ($id: ID!) { correctCasualtyStatistic(id: $id, correction: { best: 1301, low: 1301 }) { id best } }`,
    { id: claim.id },
    KEY,
  );
  expect(corrected.body.errors).toBeUndefined();
  const after = await post(CLAIMS);
  const bests = after.body.data.casualtyStatistics.edges.map((edge: any) => edge.node.best);
  expect(bests).toContain(1301);
  expect(bests).not.toContain(claim.best);
});

test("a write from another process (another replica, the ingest CLI) invalidates through NOTIFY", async () => {
  const current = (await post(CLAIMS)).body.data.casualtyStatistics.edges[0].node;
  await post(CLAIMS);
  // Straight through the service, as the CLI would, bypassing this server's plugins.
  await correctClaim(server.prisma, current.id, { best: 1302, low: 1302 }, { label: "cli", scopes: ["write"] }, null);
  const after = await eventually(
    () => post(CLAIMS),
    (r) => r.body.data.casualtyStatistics.edges.some((edge: any) => edge.node.best === 1302),
  );
  expect(after.body.data.casualtyStatistics.edges.map((edge: any) => edge.node.best)).toContain(1302);
});

describe("shared through Redis (when one is reachable: CI and these machines run one on 127.0.0.1:6379)", () => {
  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  let replicaA: TestServer | null = null;
  let replicaB: TestServer | null = null;

  beforeAll(async () => {
    const { Redis } = await import("ioredis");
    const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const reachable = await probe.connect().then(() => true, () => false);
    probe.disconnect();
    if (!reachable) return;
    const env = { API_KEYS: `editor:${KEY}:write`, REDIS_URL: redisUrl };
    replicaA = await startTestServer({ env });
    replicaB = await startTestServer({ env });
  });
  afterAll(async () => {
    await replicaA?.stop();
    await replicaB?.stop();
  });

  test("a response cached by one replica is served by the other, and a write on either invalidates both", async () => {
    if (!replicaA || !replicaB) return console.warn(`Redis at ${redisUrl} unreachable: shared-cache test skipped`);
    const ask = async (replica: TestServer) => {
      const response = await fetch(replica.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: CLAIMS }) });
      return ((await response.json()) as any).data.casualtyStatistics.edges.map((edge: any) => edge.node) as { id: string; best: number }[];
    };
    const claim = (await ask(replicaA))[0];
    await ask(replicaA);
    replicaB.resetSql();
    await ask(replicaB);
    expect(replicaB.sql).toHaveLength(0);

    const response = await fetch(replicaB.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query: `mutation ($id: ID!) { correctCasualtyStatistic(id: $id, correction: { best: 1303, low: 1303 }) { id } }`, variables: { id: claim.id } }),
    });
    expect(((await response.json()) as any).errors).toBeUndefined();
    expect((await ask(replicaA)).map((node) => node.best)).toContain(1303);
  });
});
