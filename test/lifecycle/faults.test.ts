// Faults and lifecycle, end to end: the real server (`node dist/src/main.js`)
// as a child process, on a PostgreSQL cluster of this file's own that the
// tests stop and start under it. The cases run in order on one cluster (it is
// migrated and seeded by the first), each with its own server process.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { shapeNamed } from "../../src/ingest/evaluation/hostile-pages";
import { freePort } from "../../src/db/free-port";
import { ensureBuilt, root } from "../helpers/build";
import { createPgCluster, type PgCluster } from "../helpers/pg-cluster";

jest.setTimeout(60_000);

const MAIN = path.join(root, "dist/src/main.js");
const WRITE_KEY = "lifecycle-writer-0123456789abcdef";


interface LogLine {
  level: string;
  msg: string;
  [key: string]: unknown;
}

interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** Every stdout line, parsed (JSON logs); `raw` has stdout and stderr verbatim. */
  logs: LogLine[];
  raw: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ServerProcess[] = [];

async function startMain(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "info",
      // Reads must reach the database: a cached answer would hide an outage.
      RESPONSE_CACHE: "off",
      API_KEYS: `lifecycle:${WRITE_KEY}:write`,
      DB_RETRY_INITIAL_MS: "100",
      DB_RETRY_MAX_MS: "400",
      DB_CONNECT_TIMEOUT_MS: "1000",
      SHUTDOWN_GRACE_MS: "8000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: LogLine[] = [];
  let raw = "";
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    raw += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ level: "unparsed", msg: line });
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => void (raw += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const server = { child, base: `http://127.0.0.1:${port}`, logs, raw: () => raw, exit };
  running.push(server);
  return server;
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One request on a connection of its own (no keep-alive pool), so "refused" means refused. */
function request(
  base: string,
  options: { path: string; method?: string; body?: unknown; headers?: Record<string, string> },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any; ms: number }> {
  const started = Date.now();
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(options.path, base),
      {
        method: options.method ?? (payload ? "POST" : "GET"),
        agent: false,
        headers: { ...(payload ? { "content-type": "application/json" } : {}), ...options.headers },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => void (text += chunk.toString()));
        res.on("end", () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON: keep the text.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: Date.now() - started });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const graphql = (base: string, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
  request(base, { path: "/graphql", body: { query, variables }, headers });

const MEMBERS = `{ cstoMembers(asOf: "2022-01-09") { isoCode } }`;
const COUNTRIES = `{ countries { isoCode } }`;
const INGEST = `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { status article { id url } } }`;

function wirePage(url: string) {
  return {
    url,
    publisher: "Example Wire",
    crisisSlug: "kazakhstan-unrest-2022",
    text: [
      "14 Jan, 2022 10:00",
      "",
      "Kazakhstan toll rises to at least 20 among security forces",
      "",
      "The Interior Ministry updated its figures for the unrest in Almaty",
      "",
      "The Interior Ministry said that at least 20 police officers and military personnel have been killed in the unrest.",
    ].join("\n"),
  };
}

let cluster: PgCluster;

beforeAll(async () => {
  ensureBuilt("dist/src/main.js", ["src"]);
  cluster = await createPgCluster();
});

afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  await cluster?.destroy();
});

describe("PostgreSQL down at start, then lost mid-run (one server process)", () => {
  let server: ServerProcess;

  afterAll(async () => {
    server?.child.kill("SIGTERM");
    await server?.exit;
  });

  test("started while PostgreSQL is down: alive, not ready, 503 DATABASE_UNAVAILABLE, retries logged with backoff", async () => {
    server = await startMain({ DATABASE_URL: cluster.url() });
    await waitFor("/healthz", () => request(server.base, { path: "/healthz" }).then((r) => r.status === 200, () => false));

    const ready = await request(server.base, { path: "/readyz" });
    expect(ready).toMatchObject({ status: 503, body: { status: "not ready", reason: "database unreachable" } });

    const refused = await graphql(server.base, MEMBERS);
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("5");
    expect(refused.body.errors.map((error: any) => error.extensions.code)).toEqual(["DATABASE_UNAVAILABLE"]);
    expect(refused.ms).toBeLessThan(1000);

    // Several attempts, each logged with why, the waits doubling up to the cap (100, 200, 400, 400 ms).
    const retries = await waitFor("four logged retries", () => {
      const lines = server.logs.filter((line) => line.msg === "database not reachable; retrying");
      return lines.length >= 4 ? lines : undefined;
    });
    expect(retries.slice(0, 4).map((line) => [line.level, line.attempt, line.retryInMs])).toEqual([
      ["warn", 1, 100],
      ["warn", 2, 200],
      ["warn", 3, 400],
      ["warn", 4, 400],
    ]);
    expect(retries[0]).toMatchObject({ code: "ECONNREFUSED", database: `127.0.0.1:${cluster.port}/postgres` });
    expect(String(retries[0].reason)).toContain("ECONNREFUSED");
  });

  test("then PostgreSQL comes up: migrations and seed go in, /readyz turns 200 and queries answer", async () => {
    await cluster.start();
    await waitFor("/readyz 200", () => request(server.base, { path: "/readyz" }).then((r) => r.status === 200));
    const answer = await graphql(server.base, MEMBERS);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.cstoMembers.map((member: any) => member.isoCode)).toContain("KZ");
    const messages = server.logs.map((line) => line.msg);
    expect(messages).toEqual(expect.arrayContaining(["database reachable", "applied migrations", "loaded the seed data (Kazakhstan, January 2022)"]));
    expect(messages.indexOf("GraphQL ready")).toBeGreaterThan(messages.indexOf("applied migrations"));
  });

  test("PostgreSQL lost mid-run: queries fail fast with DATABASE_UNAVAILABLE (503, nothing leaked), /readyz 503; all recovers by itself", async () => {
    await cluster.stop();
    const failed = await graphql(server.base, MEMBERS);
    expect(failed.status).toBe(503);
    expect(failed.headers["retry-after"]).toBe("5");
    expect(failed.body.errors.map((error: any) => error.extensions.code)).toEqual(["DATABASE_UNAVAILABLE"]);
    expect(failed.body.errors[0].message).toBe("The database is unavailable; retry shortly");
    expect(JSON.stringify(failed.body)).not.toMatch(/127\.0\.0\.1|SELECT|ECONNREFUSED|stack/);
    expect(failed.ms).toBeLessThan(2000);

    const ingest = await graphql(server.base, INGEST, { input: wirePage("https://wire.example/lifecycle-outage") }, { authorization: `Bearer ${WRITE_KEY}` });
    expect(ingest.status).toBe(503);
    expect(ingest.body.errors.map((error: any) => error.extensions.code)).toEqual(["DATABASE_UNAVAILABLE"]);

    expect(await request(server.base, { path: "/readyz" })).toMatchObject({ status: 503, body: { reason: "database unreachable" } });
    expect((await request(server.base, { path: "/healthz" })).status).toBe(200);

    await cluster.start();
    const recovered = await waitFor("a query to answer again", async () => {
      const response = await graphql(server.base, MEMBERS);
      return response.status === 200 && !response.body.errors ? response : undefined;
    });
    expect(recovered.body.data.cstoMembers.map((member: any) => member.isoCode)).toContain("KZ");
    expect((await request(server.base, { path: "/readyz" })).status).toBe(200);
    // Nothing of the outage's failed ingestion was written.
    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    const rows = await client.query(`SELECT count(*)::int AS n FROM "Article" WHERE url = $1`, ["https://wire.example/lifecycle-outage"]);
    await client.end();
    expect(rows.rows[0].n).toBe(0);
  });

  test("the database password never appears in the logs", () => {
    expect(server.raw()).not.toContain(cluster.password);
    expect(server.logs.filter((line) => line.level === "unparsed")).toEqual([]);
  });
});

describe("SIGTERM", () => {
  /** A transaction on a connection of the test's own that holds a lock until released. */
  async function holdLock(sql: string, params: unknown[] = []) {
    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    await client.query("BEGIN");
    await client.query(sql, params);
    return {
      release: async () => {
        await client.query("COMMIT");
        await client.end();
      },
    };
  }

  /** Until PostgreSQL shows a session of the server waiting on a lock. */
  async function waitUntilBlocked(count: number) {
    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    try {
      await waitFor(`${count} waiting statements`, async () => {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()`);
        return rows[0].n >= count;
      });
    } finally {
      await client.end();
    }
  }

  test("finishes the in-flight read and ingestion, refuses new connections, closes everything, exits 0", async () => {
    // debug: the shutdown's steps are logged.
    const server = await startMain({ DATABASE_URL: cluster.url(), LOG_LEVEL: "debug" });
    await waitFor("/readyz 200", () => request(server.base, { path: "/readyz" }).then((r) => r.status === 200, () => false));

    const url = `https://wire.example/lifecycle-sigterm-${Date.now()}`;
    // The read waits on a table lock, the ingestion on the advisory lock it takes for its URL (key space 2: ingest.service.ts).
    const tableLock = await holdLock(`LOCK TABLE "Country" IN ACCESS EXCLUSIVE MODE`);
    const urlLock = await holdLock(`SELECT pg_advisory_xact_lock(2, hashtext($1))`, [url]);
    const read = graphql(server.base, COUNTRIES);
    const ingestion = graphql(server.base, INGEST, { input: wirePage(url) }, { authorization: `Bearer ${WRITE_KEY}` });
    await waitUntilBlocked(2);

    server.child.kill("SIGTERM");
    // New connections are refused while the two requests are still running.
    await waitFor("the listener to close", () =>
      request(server.base, { path: "/healthz" }).then(
        () => false,
        (error: NodeJS.ErrnoException) => error.code === "ECONNREFUSED",
      ),
    );
    // A second signal changes nothing.
    server.child.kill("SIGTERM");
    await waitFor("the second signal to be seen", () => server.logs.some((line) => line.msg === "already shutting down"));
    expect(server.child.exitCode).toBeNull();

    await tableLock.release();
    await urlLock.release();
    const [readResult, ingestionResult] = await Promise.all([read, ingestion]);
    expect(readResult.status).toBe(200);
    expect(readResult.body.data.countries.map((country: any) => country.isoCode)).toContain("KZ");
    expect(ingestionResult.status).toBe(200);
    expect(ingestionResult.body.errors).toBeUndefined();
    expect(ingestionResult.body.data.ingestArticle).toMatchObject({ status: "CREATED", article: { url } });

    expect(await server.exit).toEqual({ code: 0, signal: null });
    const messages = server.logs.map((line) => line.msg);
    const steps = [
      "shutting down: refusing new connections, finishing requests in flight",
      "shutdown: requests drained, server stopped",
      // The ingestion's page was read on it: closed once no request is left to send it one.
      "shutdown: extraction pool closed",
      "shutdown: database pool closed",
      "stopped",
    ];
    expect(messages.filter((message) => steps.includes(message))).toEqual(steps);
    // Nothing of the lifecycle after "stopped" (a debug access line of a drained request may still be flushed behind it).
    expect(messages.filter((message) => message !== "request").at(-1)).toBe("stopped");

    // The ingestion is stored, whole.
    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    const stored = await client.query(`SELECT count(*)::int AS n FROM "Article" WHERE url = $1`, [url]);
    const claims = await client.query(`SELECT count(*)::int AS n FROM "CasualtyStatistic" c JOIN "Article" a ON a.id = c."articleId" WHERE a.url = $1`, [url]);
    await client.end();
    expect(stored.rows[0].n).toBe(1);
    expect(claims.rows[0].n).toBe(1);
  });

  test("while start-up is still waiting for the database: stops at once, exit 0", async () => {
    const nowhere = `postgresql://postgres:${cluster.password}@127.0.0.1:${await freePort()}/postgres`;
    const server = await startMain({ DATABASE_URL: nowhere, DB_RETRY_INITIAL_MS: "5000", DB_RETRY_MAX_MS: "5000" });
    await waitFor("a logged retry", () => server.logs.some((line) => line.msg === "database not reachable; retrying"));
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exit).toEqual({ code: 0, signal: null });
    // Not after the 5 s retry delay: the wait is cut short.
    expect(Date.now() - signalled).toBeLessThan(2000);
    expect(server.logs.map((line) => line.msg).slice(-1)).toEqual(["stopped"]);
    expect(server.raw()).not.toContain(cluster.password);
  });

  test("past the grace period: logs it, exits non-zero, and the cut-off ingestion leaves nothing behind", async () => {
    const server = await startMain({ DATABASE_URL: cluster.url(), SHUTDOWN_GRACE_MS: "1000" });
    await waitFor("/readyz 200", () => request(server.base, { path: "/readyz" }).then((r) => r.status === 200, () => false));
    const url = `https://wire.example/lifecycle-grace-${Date.now()}`;
    const urlLock = await holdLock(`SELECT pg_advisory_xact_lock(2, hashtext($1))`, [url]);
    const ingestion = graphql(server.base, INGEST, { input: wirePage(url) }, { authorization: `Bearer ${WRITE_KEY}` }).then(
      (response) => response,
      (error: Error) => error,
    );
    await waitUntilBlocked(1);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exit).toEqual({ code: 1, signal: null });
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect(server.logs.map((line) => line.msg)).toContain("shutdown grace period over with work still in flight; exiting without it");
    // The client was not told it succeeded.
    const outcome = await ingestion;
    expect(outcome instanceof Error || outcome.status !== 200).toBe(true);

    await urlLock.release();
    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    const stored = await client.query(`SELECT count(*)::int AS n FROM "Article" WHERE url = $1`, [url]);
    await client.end();
    expect(stored.rows[0].n).toBe(0);
  });
});

describe("the extraction pool of the real server", () => {
  test("EXTRACTION_PAGE_BUDGET_MS reaches its workers: a page past it is EXTRACTION_TOO_SLOW, logged, nothing stored; SIGTERM closes the pool, exit 0", async () => {
    const server = await startMain({ DATABASE_URL: cluster.url(), LOG_LEVEL: "debug", EXTRACTION_THREADS: "1", EXTRACTION_PAGE_BUDGET_MS: "1" });
    await waitFor("/readyz 200", () => request(server.base, { path: "/readyz" }).then((r) => r.status === 200, () => false));
    const url = `https://wire.example/lifecycle-too-slow-${Date.now()}`;
    // Hundreds of ms of reading, far past 1 ms.
    const page = { url, publisher: "Example Wire", crisisSlug: "kazakhstan-unrest-2022", text: shapeNamed("short-lines").build(300 * 1024).text };
    const slow = await graphql(server.base, INGEST, { input: page }, { authorization: `Bearer ${WRITE_KEY}` });
    expect(slow.status).toBe(200);
    expect(slow.body.data).toBeNull();
    expect(slow.body.errors.map((error: any) => error.extensions.code)).toEqual(["EXTRACTION_TOO_SLOW"]);
    expect(slow.body.errors[0].message).toMatch(/1 ms budget/);
    await waitFor("the warning", () => server.logs.some((line) => line.msg === "page extraction stopped" && line.level === "warn" && line.code === "EXTRACTION_TOO_SLOW"));
    expect((await request(server.base, { path: "/healthz" })).status).toBe(200);

    server.child.kill("SIGTERM");
    expect(await server.exit).toEqual({ code: 0, signal: null });
    const messages = server.logs.map((line) => line.msg);
    expect(messages.indexOf("shutdown: extraction pool closed")).toBeGreaterThan(messages.indexOf("shutdown: requests drained, server stopped"));
    expect(server.logs.filter((line) => line.level === "error" || line.level === "fatal")).toEqual([]);

    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    const stored = await client.query(`SELECT count(*)::int AS n FROM "Article" WHERE url = $1`, [url]);
    await client.end();
    expect(stored.rows[0].n).toBe(0);
  });
});

describe("embedded PostgreSQL (no DATABASE_URL)", () => {
  test("starts it first, serves, and stops it on SIGTERM", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-lifecycle-embedded-"));
    const pgPort = await freePort();
    try {
      const server = await startMain({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) });
      await waitFor("/readyz 200", () => request(server.base, { path: "/readyz" }).then((r) => r.status === 200, () => false), 40_000);
      expect((await graphql(server.base, MEMBERS)).body.data.cstoMembers.map((member: any) => member.isoCode)).toContain("KZ");
      const messages = server.logs.map((line) => line.msg);
      // Embedded start comes before anything listens, so there is nothing to retry.
      expect(messages.indexOf("Embedded PostgreSQL listening on 127.0.0.1:" + pgPort)).toBeLessThan(messages.indexOf("listening; GraphQL is served once the database is ready"));
      expect(messages).not.toContain("database not reachable; retrying");

      server.child.kill("SIGTERM");
      expect(await server.exit).toEqual({ code: 0, signal: null });
      // Its PostgreSQL is gone with it.
      const probe = new pg.Client({ host: "127.0.0.1", port: pgPort, user: "postgres", database: "postgres", connectionTimeoutMillis: 1000 });
      await expect(probe.connect()).rejects.toMatchObject({ code: "ECONNREFUSED" });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
