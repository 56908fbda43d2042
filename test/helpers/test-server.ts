// A real server on a free port, over real HTTP, on the test database, with
// every SQL statement counted.
import { loadConfig } from "../../src/config";
import type { Logger } from "../../src/logger";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { createExtractionPool, type ExtractionPool, type ExtractionPoolOptions } from "../../src/ingest/extraction-pool";
import { startServer, type RunningServer } from "../../src/server";

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: (string | number)[] }[];
}

export interface TestServer {
  url: string;
  prisma: PrismaClient;
  /** SQL statements run since the last `resetSql()`. */
  sql: string[];
  resetSql(): void;
  /** POSTs a GraphQL request; with `apiKey`, as `Authorization: Bearer <apiKey>`. */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, apiKey?: string): Promise<GraphQLResponse<T>>;
  /** The server's extraction pool, when started with one (`extractionPool` option). */
  pool?: ExtractionPool;
  /** Stops the server, then closes its extraction pool (if any) and the database client. */
  stop(): Promise<void>;
}

export function testDatabaseUrl(): string {
  const url = process.env.CRISIS_GRAPH_TEST_DATABASE_URL;
  if (!url) throw new Error("CRISIS_GRAPH_TEST_DATABASE_URL is unset: run the tests with `npm test` (jest's globalSetup sets it)");
  return url;
}

export async function startTestServer(
  options: {
    env?: Record<string, string>;
    databaseUrl?: string;
    logger?: Logger;
    /** Read ingested pages on worker threads, as main.ts does (a pool of this server's own, closed by stop()); else in this thread. */
    extractionPool?: ExtractionPoolOptions;
  } = {},
): Promise<TestServer> {
  // Quiet, and unthrottled: tests send bursts from one address; the limiter's own tests set low limits.
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", RATE_LIMIT_PER_ADDRESS: "0", RATE_LIMIT_PER_KEY: "0", ...options.env });
  const sql: string[] = [];
  // BEGIN/COMMIT are bookkeeping, not queries: count only statements that read or write.
  const databaseUrl = options.databaseUrl ?? testDatabaseUrl();
  const prisma = createPrismaClient(databaseUrl, config, ({ query }) => {
    if (!/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(query.trim())) sql.push(query);
  });
  const pool = options.extractionPool ? createExtractionPool(options.extractionPool) : undefined;
  let server: RunningServer;
  try {
    server = await startServer({ config, prisma, databaseUrl, port: 0, host: "127.0.0.1", log: () => {}, logger: options.logger, extractionPool: pool });
  } catch (error) {
    await pool?.close({ force: true });
    throw error;
  }
  return {
    url: server.url,
    prisma,
    pool,
    sql,
    resetSql: () => void sql.splice(0),
    async query(query, variables, apiKey) {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async stop() {
      await server.stop();
      // As main.ts: after the requests are drained, so no page is cut off.
      await pool?.close();
      await prisma.$disconnect();
    },
  };
}
