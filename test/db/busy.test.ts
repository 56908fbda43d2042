// Issue 13, item 6: a busy database is not a dead one. With a table locked and
// the pool full of statements waiting on it, an unrelated query gets a
// retryable 503 DATABASE_BUSY (Retry-After: 1), not DATABASE_UNAVAILABLE, and
// /readyz, asked on a connection of its own, still says the database is ready.
import pg from "pg";
import { isDatabaseBusy, isDatabaseUnavailable } from "../../src/errors";
import { createPrismaClient } from "../../src/db/prisma";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

let database: EmptyDatabase;
let admin: pg.Client;
beforeAll(async () => {
  database = await createEmptyDatabase("busy");
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  await database.drop();
});

async function post(server: TestServer, query: string) {
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

async function readyz(server: TestServer) {
  const started = Date.now();
  const response = await fetch(new URL("/readyz", server.url));
  return { status: response.status, body: await response.json(), ms: Date.now() - started };
}

const waitingOnLocks = async () =>
  Number((await admin.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`)).rows[0].n);

test("with Article locked and the pool full of slow queries: other queries get 503 DATABASE_BUSY with Retry-After 1, /readyz stays ready, and all recover", async () => {
  const server = await startTestServer({
    databaseUrl: database.url,
    env: { RESPONSE_CACHE: "off", DB_POOL_MAX: "3", DB_STATEMENTS_PER_REQUEST: "1", DB_CONNECT_TIMEOUT_MS: "500" },
  });
  try {
    // Prisma's first query loads its query compiler, and every pool connection is opened: a connection
    // opened while Article is locked can wait on that lock in its start-up, before it runs anything.
    await Promise.all(Array.from({ length: 3 }, () => server.prisma.$queryRawUnsafe(`SELECT 1 AS one FROM pg_sleep(0.2)`)));
    await admin.query("BEGIN");
    await admin.query(`LOCK TABLE "Article" IN ACCESS EXCLUSIVE MODE`);
    let slow: Promise<Awaited<ReturnType<typeof post>>>[] = [];
    try {
      slow = Array.from({ length: 3 }, (_, i) => post(server, `{ articles(first: ${i + 1}) { edges { node { id } } } }`));
      for (let tries = 0; tries < 100 && (await waitingOnLocks()) < 3; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await waitingOnLocks()).toBe(3);

      const started = Date.now();
      const busy = await post(server, `{ country(isoCode: "KZ") { name } }`);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(busy.status).toBe(503);
      expect(busy.retryAfter).toBe("1");
      expect(busy.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([["DATABASE_BUSY", "The database is busy; retry shortly"]]);
      expect(JSON.stringify(busy.body)).not.toMatch(/127\.0\.0\.1|timeout exceeded/);

      // The database is up: ready, on the check's own connection, at once.
      const ready = await readyz(server);
      expect([ready.status, ready.body]).toEqual([200, { status: "ready" }]);
      expect(ready.ms).toBeLessThan(1000);
    } finally {
      await admin.query("COMMIT");
    }
    for (const answered of await Promise.all(slow)) expect([answered.status, answered.body.errors]).toEqual([200, undefined]);
    expect(await post(server, `{ country(isoCode: "KZ") { name } }`)).toMatchObject({ status: 200, body: { data: { country: { name: "Kazakhstan" } } } });
  } finally {
    await server.stop();
  }
});

test("a burst of /readyz shares one check on the side connection: no pool connection, one backend; closed with the client", async () => {
  const server = await startTestServer({ databaseUrl: database.url, env: { RESPONSE_CACHE: "off", DB_POOL_MAX: "2" } });
  const backends = async () => Number((await admin.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows[0].n);
  try {
    const answers = await Promise.all(Array.from({ length: 50 }, () => readyz(server)));
    expect(new Set(answers.map((answer) => `${answer.status} ${JSON.stringify(answer.body)}`))).toEqual(new Set(['200 {"status":"ready"}']));
    // The server's own backends: the side connection only (nothing asked the pool).
    expect(await backends()).toBe(1);
    expect((await post(server, `{ country(isoCode: "KZ") { name } }`)).status).toBe(200);
  } finally {
    await server.stop();
  }
  // Stopping the server disconnected its client, which ended the pool and the side connection with it.
  for (let tries = 0; tries < 40 && (await backends()) > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await backends()).toBe(0);
});

test("busy is told from unreachable: a pool that stayed full or a server out of slots is busy; an unreachable server, a timeout or a bug is not", async () => {
  const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/nowhere", { dbPoolMax: 1, dbConnectTimeoutMs: 500 });
  try {
    const refused = await unreachable.$queryRawUnsafe("SELECT 1").catch((error: unknown) => error);
    expect([isDatabaseUnavailable(refused), isDatabaseBusy(refused)]).toEqual([true, false]);
  } finally {
    await unreachable.$disconnect();
  }
  expect(isDatabaseBusy(Object.assign(new Error("sorry, too many clients already"), { code: "53300" }))).toBe(true);
  expect(isDatabaseBusy(new Error("outer", { cause: new Error("timeout exceeded when trying to connect") }))).toBe(true);
  expect(isDatabaseBusy(new Error("Connection terminated due to connection timeout"))).toBe(false);
  expect(isDatabaseBusy(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }))).toBe(false);
  expect(isDatabaseBusy(new TypeError("x is undefined"))).toBe(false);
});
