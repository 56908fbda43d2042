import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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
  const pool = new ServingPool({
    connectionString: databaseUrl,
    max: config.dbPoolMax,
    ...(config.dbStatementTimeoutMs ? { statement_timeout: config.dbStatementTimeoutMs } : {}),
    // node-postgres waits for a connection forever by default: with the database
    // gone (or every connection busy) a request would hang instead of failing.
    connectionTimeoutMillis: config.dbConnectTimeoutMs ?? 5_000,
    // Notice a peer that vanished without closing the connection (a dead host, a dropped network).
    keepAlive: true,
  });
  // Our pool (so side() can open a connection beside it), ended by $disconnect as the adapter's own would be.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true, ...(config.dbPreparedStatements === false ? {} : { statementNameGenerator: statementName }) });
  if (!onQuery) {
    const client = new PrismaClient({ adapter });
    pools.set(client, pool);
    return client;
  }
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery({ query: event.query, durationMs: Number(event.duration) }));
  pools.set(client, pool);
  return client;
}

const pools = new WeakMap<object, ServingPool>();
const SIDE_TIMEOUT_MS = 2000;

/**
 * The pool behind a client, and one connection beside it for checks that must
 * not queue behind the pool's statements (readiness.ts): with every pooled
 * connection busy on slow statements, the database is still up, and a check
 * waiting its turn in the pool would say it is not.
 */
export class ServingPool extends pg.Pool {
  #side: pg.Pool | undefined;

  /**
   * The connection beside the pool: a pool of one, opened on first use, on a
   * short leash (a check that hangs must not hold it for the main pool's
   * statement_timeout); it lets the process exit while idle, and ends with this pool.
   */
  get side(): pg.Pool {
    this.#side ??= new pg.Pool({
      ...this.options,
      max: 1,
      statement_timeout: SIDE_TIMEOUT_MS,
      connectionTimeoutMillis: SIDE_TIMEOUT_MS,
      allowExitOnIdle: true,
    }).on("error", () => {}); // an idle side connection that dies is replaced on next use
    return this.#side;
  }

  end(): Promise<void>;
  end(callback: () => void): void;
  end(callback?: () => void): Promise<void> | void {
    const side = this.#side;
    this.#side = undefined;
    const ended = Promise.all([side?.end(), super.end()]).then(() => {});
    if (!callback) return ended;
    void ended.then(callback, callback);
  }
}

/** The pool createPrismaClient made for this client (undefined for a client made some other way). */
export function poolOf(prisma: object): ServingPool | undefined {
  return pools.get(prisma);
}

/**
 * Names for prepared statements: the same SQL text gets the same name, so
 * node-postgres prepares it once per connection, PostgreSQL parses it once
 * and can settle on a generic plan (unless the plan hangs on a bound value,
 * as a page's LIMIT did: see data/keyset.ts pageLimitSql). A connection keeps
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
