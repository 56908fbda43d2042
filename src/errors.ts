// The one way to raise a client-facing error: a GraphQLError with a stable
// `extensions.code`. Anything else thrown in a resolver is an internal error
// and is masked by the server's formatError (see server.ts).
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  QUERY_TIMEOUT: "QUERY_TIMEOUT",
  /** Reading an ingested page took longer than EXTRACTION_PAGE_BUDGET_MS: it was stopped and nothing was written. */
  EXTRACTION_TOO_SLOW: "EXTRACTION_TOO_SLOW",
  /** The worker thread reading an ingested page died (out of EXTRACTION_MAX_HEAP_MB, a crash): nothing was written. */
  EXTRACTION_FAILED: "EXTRACTION_FAILED",
  /**
   * Every extraction thread busy and EXTRACTION_MAX_QUEUE pages already waiting, or this page waited past
   * EXTRACTION_MAX_QUEUE_WAIT_MS: not read, nothing written; `extensions.retryAfter` (seconds) says when to retry.
   */
  EXTRACTION_BUSY: "EXTRACTION_BUSY",
  /** The database cannot be reached (not up yet, or lost): HTTP 503, retry later. */
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  /**
   * The database is up but every connection is busy (this process's pool stayed full for DB_CONNECT_TIMEOUT_MS,
   * or the server has no connection slot left): HTTP 503 with a short Retry-After; nothing was run, retry.
   */
  DATABASE_BUSY: "DATABASE_BUSY",
  /** Depth, cost, aliases, directives, tokens or repeated fields over the limit; `extensions.limit` says which. */
  OPERATION_LIMIT_EXCEEDED: "OPERATION_LIMIT_EXCEEDED",
  /** Too many requests from one address or API key; `Retry-After` says when to come back. */
  RATE_LIMITED: "RATE_LIMITED",
  /** Apollo's APQ code: the hash is unknown, send the query with it. */
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  PERSISTED_QUERY_HASH_MISMATCH: "PERSISTED_QUERY_HASH_MISMATCH",
  /** Safelist mode (Apollo Router's codes): an id not in the manifest, an operation not in it. */
  PERSISTED_QUERY_NOT_IN_LIST: "PERSISTED_QUERY_NOT_IN_LIST",
  QUERY_NOT_IN_SAFELIST: "QUERY_NOT_IN_SAFELIST",
  /**
   * `_service`, `_entities`, an @inaccessible field or a federated trace asked of a production server without
   * ROUTER_SECRET: only a router may have them, and without the secret none can be told apart.
   */
  ROUTER_ONLY: "ROUTER_ONLY",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

const QUERY_CANCELED = "57014"; // PostgreSQL: statement_timeout (or a cancel request)

/** A database statement PostgreSQL cancelled for running past statement_timeout. */
export function isStatementTimeout(error: unknown): boolean {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { code?: string } } } } | null)?.meta;
  return meta?.driverAdapterError?.cause?.code === QUERY_CANCELED;
}

// Prisma's codes: can't reach the server, timed out reaching it, server closed the connection, no pool connection in time.
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1017", "P2024"]);
// The pg driver adapter's kinds for a socket that failed or a server that is full.
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: connection exceptions (class 08), shutting down / starting up (57P01-57P03), too many connections.
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
const SOCKET_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// node-postgres raises these as plain Errors (no code) and the adapter passes them through unchanged.
const PG_CONNECTION_MESSAGE =
  /^(timeout exceeded when trying to connect|Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)$/;

// Prisma's "timed out fetching a new connection from the connection pool".
const PRISMA_BUSY = new Set(["P2024"]);
// PostgreSQL: too_many_connections (the server is up, its connection slots are taken).
const SQLSTATE_BUSY = "53300";
// node-postgres's pool: every connection stayed checked out for connectionTimeoutMillis (pg-pool raises
// this only for a request queued behind a full pool; a new connection that cannot be made fails otherwise).
const PG_POOL_BUSY_MESSAGE = /^timeout exceeded when trying to connect$/;

/**
 * The database answers but has no connection for this statement now: the pool
 * is exhausted (slow statements, a lock) or the server is out of connection
 * slots. A kind of isDatabaseUnavailable (it is true for these too) that must
 * be told apart: a busy database is not a dead one. Follows `cause` chains.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; kind?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string; originalCode?: string } } }; cause?: unknown };
    if (typeof candidate.code === "string" && (PRISMA_BUSY.has(candidate.code) || candidate.code === SQLSTATE_BUSY)) return true;
    const cause = candidate.meta?.driverAdapterError?.cause;
    if (cause && (cause.kind === "TooManyConnections" || (cause.originalCode ?? cause.code) === SQLSTATE_BUSY)) return true;
    if (candidate.kind === "TooManyConnections") return true;
    if (typeof candidate.message === "string" && PG_POOL_BUSY_MESSAGE.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}

/**
 * The database is out of reach, as Prisma 7 on @prisma/adapter-pg reports it:
 * a PrismaClientKnownRequestError (P1001, or P2010 with
 * meta.driverAdapterError.cause), or node-postgres's own error passed through.
 * Follows `cause` chains.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; kind?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string; originalCode?: string } } }; cause?: unknown };
    if (typeof candidate.code === "string" && (PRISMA_UNAVAILABLE.has(candidate.code) || SOCKET_UNAVAILABLE.has(candidate.code) || SQLSTATE_UNAVAILABLE.test(candidate.code))) return true;
    const cause = candidate.meta?.driverAdapterError?.cause;
    if (cause && (ADAPTER_UNAVAILABLE.has(cause.kind ?? "") || SQLSTATE_UNAVAILABLE.test(cause.originalCode ?? cause.code ?? ""))) return true;
    if (typeof candidate.kind === "string" && ADAPTER_UNAVAILABLE.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && PG_CONNECTION_MESSAGE.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}

export function badInput(message: string, argumentName?: string): GraphQLError {
  return apiError(ErrorCode.BAD_USER_INPUT, message, argumentName ? { argumentName } : {});
}
