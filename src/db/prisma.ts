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
  config: Pick<Config, "dbPoolMax"> & Partial<Pick<Config, "dbStatementTimeoutMs">>,
  onQuery?: QueryListener,
) {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: config.dbPoolMax,
    ...(config.dbStatementTimeoutMs ? { statement_timeout: config.dbStatementTimeoutMs } : {}),
  });
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery({ query: event.query, durationMs: Number(event.duration) }));
  return client;
}
