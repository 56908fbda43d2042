// A database out of reach is DATABASE_UNAVAILABLE (HTTP 503), recognised from
// what Prisma 7 and the pg driver adapter really throw; start-up's retry helpers.
import { Writable } from "node:stream";
import { isDatabaseUnavailable } from "../../src/errors";
import { createPrismaClient } from "../../src/db/prisma";
import { backoffDelay, databaseLabel, redactDatabaseSecrets, waitForDatabase } from "../../src/db/wait-for-database";
import { createLogger } from "../../src/logger";
import { startTestServer } from "../helpers/test-server";

const UNREACHABLE = "postgresql://postgres:s3cret-pw@127.0.0.1:1/nowhere";

test("a query on an unreachable database: 503 DATABASE_UNAVAILABLE at once, no host in the message", async () => {
  const server = await startTestServer({ databaseUrl: UNREACHABLE, env: { RESPONSE_CACHE: "off" } });
  try {
    const started = Date.now();
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ countries { isoCode } }` }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(body.errors.map((error) => error.extensions.code)).toEqual(["DATABASE_UNAVAILABLE"]);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|nowhere|s3cret/);
  } finally {
    await server.stop();
  }
});

test("Prisma's errors for an unreachable database are recognised; others are not", async () => {
  const prisma = createPrismaClient(UNREACHABLE, { dbPoolMax: 1, dbConnectTimeoutMs: 500 });
  try {
    const raw = await prisma.$queryRawUnsafe("SELECT 1").catch((error: unknown) => error);
    const inTransaction = await prisma.$transaction((tx) => tx.$queryRawUnsafe("SELECT 1")).catch((error: unknown) => error);
    expect(isDatabaseUnavailable(raw)).toBe(true);
    expect(isDatabaseUnavailable(inTransaction)).toBe(true);
  } finally {
    await prisma.$disconnect();
  }
  // node-postgres's own errors, passed through by the adapter unchanged.
  expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
  expect(isDatabaseUnavailable(new Error("outer", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) }))).toBe(true);
  // A statement timeout, a constraint violation, a bug: not an outage.
  expect(isDatabaseUnavailable(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }))).toBe(false);
  expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
  expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
});

test("backoff doubles from the initial delay up to the cap", () => {
  expect([1, 2, 3, 4, 5, 6, 100].map((attempt) => backoffDelay(attempt, { initialMs: 500, maxMs: 30_000 }))).toEqual([
    500, 1000, 2000, 4000, 8000, 16_000, 30_000,
  ]);
});

test("logs name a database by host, port and name, never its password", () => {
  const url = "postgresql://app:p%40ss%2Fword@db.internal:6543/crisis";
  expect(databaseLabel(url)).toBe("db.internal:6543/crisis");
  expect(redactDatabaseSecrets(`failed for ${url} with p@ss/word and p%40ss%2Fword`, url)).toBe(
    "failed for db.internal:6543/crisis with [redacted] and [redacted]",
  );
});

test("waitForDatabase logs each failed attempt with why, and stops when aborted", async () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const abort = new AbortController();
  const waiting = waitForDatabase(UNREACHABLE, { retry: { initialMs: 20, maxMs: 40 }, connectTimeoutMs: 500, logger: createLogger("info", sink), signal: abort.signal });
  while (lines.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
  abort.abort();
  await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
  expect(lines.slice(0, 3).map((line) => [line.level, line.msg, line.attempt, line.retryInMs, line.code, line.database])).toEqual([
    ["warn", "database not reachable; retrying", 1, 20, "ECONNREFUSED", "127.0.0.1:1/nowhere"],
    ["warn", "database not reachable; retrying", 2, 40, "ECONNREFUSED", "127.0.0.1:1/nowhere"],
    ["warn", "database not reachable; retrying", 3, 40, "ECONNREFUSED", "127.0.0.1:1/nowhere"],
  ]);
  expect(JSON.stringify(lines)).not.toContain("s3cret");
});
