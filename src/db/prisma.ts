import { createHash } from "node:crypto";
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
  config: Pick<Config, "dbPoolMax"> & Partial<Pick<Config, "dbStatementTimeoutMs" | "dbConnectTimeoutMs" | "dbPreparedStatements">>,
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
  }, config.dbPreparedStatements === false ? {} : { statementNameGenerator: statementName });
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery({ query: event.query, durationMs: Number(event.duration) }));
  return client;
}

/**
 * Names for prepared statements: the same SQL text gets the same name, so
 * node-postgres prepares it once per connection, PostgreSQL parses it once
 * and can settle on a generic plan (unless the plan hangs on a bound value,
 * as a page's LIMIT did: see pagination.ts pageLimitSql). A connection keeps
 * every statement it prepared; past `max` distinct texts (SQL built per
 * query shape could grow without bound) new ones go unnamed.
 */
export function statementNamer(max: number): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) {
      name = `cg_${createHash("sha1").update(sql).digest("base64url")}`;
      names.set(sql, name);
    }
    // node-postgres treats a missing name as an unnamed statement.
    return name as string;
  };
}

/** Distinct statements one process prepares at most: each pool connection keeps its own copy of each, in PostgreSQL memory, for its lifetime. */
export const MAX_PREPARED_STATEMENTS = 200;
const statementName = statementNamer(MAX_PREPARED_STATEMENTS);
