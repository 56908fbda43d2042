import { PrismaPg } from "@prisma/adapter-pg";
import type { Config } from "../config";
import { PrismaClient } from "../generated/prisma/client";

export type { PrismaClient };

export interface QueryListener {
  (event: { query: string; durationMs: number }): void;
}

/**
 * A Prisma client on the pg driver adapter. `onQuery` sees every SQL
 * statement; tests use it to count statements per GraphQL operation.
 */
export function createPrismaClient(
  databaseUrl: string,
  config: Pick<Config, "dbPoolMax"> & Partial<Pick<Config, "dbStatementTimeoutMs" | "dbConnectTimeoutMs">>,
  onQuery?: QueryListener,
) {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: config.dbPoolMax,
    ...(config.dbStatementTimeoutMs ? { statement_timeout: config.dbStatementTimeoutMs } : {}),
    // node-postgres waits for a connection forever by default: with the database
    // gone (or every connection busy) a request would hang instead of failing.
    connectionTimeoutMillis: config.dbConnectTimeoutMs ?? 5_000,
    // Notice a peer that vanished without closing the connection (a dead host, a dropped network).
    keepAlive: true,
  });
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery({ query: event.query, durationMs: Number(event.duration) }));
  return client;
}
