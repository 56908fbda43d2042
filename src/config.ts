// The one place that reads the environment. Every variable is documented,
// with its default, in .env.example.
import os from "node:os";
import path from "node:path";
import { type ApiKey, parseApiKeys } from "./auth/api-keys";

export interface Config {
  nodeEnv: string;
  isProduction: boolean;
  host: string;
  port: number;
  /** Unset: start an embedded PostgreSQL (see src/db/embedded-postgres.ts). */
  databaseUrl: string | undefined;
  embeddedPostgres: { dataDir: string; port: number };
  dbPoolMax: number;
  /** PostgreSQL cancels any statement running longer (statement_timeout). */
  dbStatementTimeoutMs: number;
  /** Longest wait for a pool connection (a new one, or a free one when all are busy) before a request fails. */
  dbConnectTimeoutMs: number;
  /** Most statements one request has in flight at once (context.ts): one request never holds the whole pool. */
  dbStatementsPerRequest: number;
  /** Name (prepare once per connection) the statements this process sends; off behind a transaction-mode pooler. */
  dbPreparedStatements: boolean;
  /** Start-up while the database is down: exponential backoff between connection attempts, from initial to max. */
  dbRetry: { initialMs: number; maxMs: number };
  /** SIGTERM/SIGINT: how long in-flight requests get to finish before the process gives up and exits 1. */
  shutdownGraceMs: number;
  /** Load the seed data when the database has none of it. */
  seedOnStart: boolean;
  /** Largest key list one batched SQL statement gets (bounds `IN (...)`). */
  loaderMaxBatchSize: number;
  /** Benchmark only: false makes every relation one query per parent. */
  loaderBatching: boolean;
  /** Keys allowed to call mutations (API_KEYS). */
  apiKeys: ApiKey[];
  /** When set, only callers sending it in `router-authorization` are served (ROUTER_SECRET). */
  routerSecret: string | undefined;
  /** Most representations one `_entities` call may carry. */
  maxEntityRepresentations: number;
  /** Full-response cache for anonymous reads: in this process, in Redis, or none. */
  responseCache: "memory" | "redis" | "off";
  redisUrl: string | undefined;
  /** pino level (LOG_LEVEL): trace, debug, info, warn, error, fatal or silent. */
  logLevel: string;
  /** Checked before execution (src/gatekeeping/operation-limits.ts); GraphQL Armor's defaults. */
  operationLimits: OperationLimits;
  /** apq: automatic persisted queries; safelist: only the manifest's operations; off: neither. */
  persistedQueries: "apq" | "safelist" | "off";
  /** Apollo persisted query manifest (PERSISTED_QUERIES_MANIFEST), required by safelist mode. */
  persistedQueriesManifest: string | undefined;
  /** Requests per window and caller; 0 turns a limit off (src/gatekeeping/rate-limit.ts). */
  rateLimit: { perAddress: number; perKey: number; windowSeconds: number; store: "memory" | "redis"; keyPrefix: string };
  /** Proxies in front whose X-Forwarded-For is believed (TRUST_PROXY hops); 0: the socket's address. */
  trustProxy: number;
  /**
   * Page extraction on worker threads (src/ingest/extraction-pool.ts): threads, time budget of one page, heap of
   * each thread, most pages waiting for a thread and longest wait (past either: EXTRACTION_BUSY).
   */
  extraction: { threads: number; pageBudgetMs: number; maxHeapMb: number; maxQueue: number; maxQueueWaitMs: number };
  /**
   * Slow clients (HTTP_REQUEST_TIMEOUT_MS, HTTP_HEADERS_TIMEOUT_MS): the whole request (headers and body) must
   * arrive within requestTimeoutMs, its headers within headersTimeoutMs, or Node answers 408 and closes the
   * connection; 0 turns one off. Sending the answer is not counted.
   */
  http: { requestTimeoutMs: number; headersTimeoutMs: number };
}

export interface OperationLimits {
  depth: number;
  cost: number;
  aliases: number;
  directives: number;
  tokens: number;
  /** The same field selected again in one selection set (`{ __typename __typename … }`). */
  repeatedFields: number;
  /** Items in one list argument or list variable (a filter's enum values); `_entities` has its own cap. */
  listItems: number;
}

const projectRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..");

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Environment variable ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** As integer(), and more than 0: for settings where 0 would mean nothing works. */
function positiveInteger(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const value = integer(name, fallback, env);
  if (value === 0) throw new Error(`Environment variable ${name} must be a positive integer, got "${env[name]}"`);
  return value;
}

/** Extraction threads by default: two, or one on a single core (the rest of the machine serves requests and PostgreSQL). */
function defaultExtractionThreads(): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, cores));
}

/** Waiting pages per extraction thread by default (EXTRACTION_MAX_QUEUE): a few pages' work queued behind each. */
const EXTRACTION_QUEUE_PER_THREAD = 4;

function extractionSettings(env: NodeJS.ProcessEnv): Config["extraction"] {
  const threads = positiveInteger("EXTRACTION_THREADS", defaultExtractionThreads(), env);
  const pageBudgetMs = positiveInteger("EXTRACTION_PAGE_BUDGET_MS", 10_000, env);
  return {
    threads,
    pageBudgetMs,
    maxHeapMb: positiveInteger("EXTRACTION_MAX_HEAP_MB", 512, env),
    // 0 is allowed: no page waits, one arriving while every thread is busy is refused at once.
    maxQueue: integer("EXTRACTION_MAX_QUEUE", EXTRACTION_QUEUE_PER_THREAD * threads, env),
    // Separate from the budget, which starts only once a thread takes the page; by default as long as one.
    maxQueueWaitMs: positiveInteger("EXTRACTION_MAX_QUEUE_WAIT_MS", pageBudgetMs, env),
  };
}

function httpTimeouts(env: NodeJS.ProcessEnv): Config["http"] {
  const requestTimeoutMs = integer("HTTP_REQUEST_TIMEOUT_MS", 60_000, env);
  // Node refuses a headers timeout longer than the request timeout: the headers are part of the request.
  const headersTimeoutMs = integer("HTTP_HEADERS_TIMEOUT_MS", Math.min(10_000, requestTimeoutMs || 10_000), env);
  if (requestTimeoutMs > 0 && headersTimeoutMs > requestTimeoutMs) {
    throw new Error(`HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not be longer than HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`);
  }
  return { requestTimeoutMs, headersTimeoutMs };
}

function boolean(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`Environment variable ${name} must be true or false, got "${raw}"`);
}

function responseCacheMode(env: NodeJS.ProcessEnv): Config["responseCache"] {
  const raw = (env.RESPONSE_CACHE || (env.REDIS_URL ? "redis" : "memory")).toLowerCase();
  if (raw !== "memory" && raw !== "redis" && raw !== "off") throw new Error(`RESPONSE_CACHE must be memory, redis or off, got "${raw}"`);
  if (raw === "redis" && !env.REDIS_URL) throw new Error("RESPONSE_CACHE=redis needs REDIS_URL");
  return raw;
}

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

function logLevel(env: NodeJS.ProcessEnv): string {
  const raw = (env.LOG_LEVEL || "info").toLowerCase();
  if (!LOG_LEVELS.includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${raw}"`);
  return raw;
}

function persistedQueriesMode(env: NodeJS.ProcessEnv): Config["persistedQueries"] {
  const raw = (env.PERSISTED_QUERIES || "apq").toLowerCase();
  if (raw !== "apq" && raw !== "safelist" && raw !== "off") throw new Error(`PERSISTED_QUERIES must be apq, safelist or off, got "${raw}"`);
  if (raw === "safelist" && !env.PERSISTED_QUERIES_MANIFEST) throw new Error("PERSISTED_QUERIES=safelist needs PERSISTED_QUERIES_MANIFEST (a manifest file)");
  return raw;
}

function rateLimitStore(env: NodeJS.ProcessEnv): Config["rateLimit"]["store"] {
  const raw = (env.RATE_LIMIT_STORE || (env.REDIS_URL ? "redis" : "memory")).toLowerCase();
  if (raw !== "memory" && raw !== "redis") throw new Error(`RATE_LIMIT_STORE must be memory or redis, got "${raw}"`);
  if (raw === "redis" && !env.REDIS_URL) throw new Error("RATE_LIMIT_STORE=redis needs REDIS_URL");
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV || "development";
  const dbPoolMax = integer("DB_POOL_MAX", 10, env);
  return {
    nodeEnv,
    isProduction: nodeEnv === "production",
    host: env.HOST || "127.0.0.1",
    port: integer("PORT", 4000, env),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPostgres: {
      dataDir: path.resolve(projectRoot, env.EMBEDDED_PG_DIR || ".data/postgres"),
      port: integer("EMBEDDED_PG_PORT", 54329, env),
    },
    dbPoolMax,
    dbStatementTimeoutMs: integer("DB_STATEMENT_TIMEOUT_MS", 10_000, env),
    dbConnectTimeoutMs: Math.max(1, integer("DB_CONNECT_TIMEOUT_MS", 5_000, env)),
    dbStatementsPerRequest: positiveInteger("DB_STATEMENTS_PER_REQUEST", Math.max(1, Math.ceil(dbPoolMax / 4)), env),
    dbPreparedStatements: boolean("DB_PREPARED_STATEMENTS", true, env),
    dbRetry: {
      initialMs: Math.max(1, integer("DB_RETRY_INITIAL_MS", 500, env)),
      maxMs: Math.max(1, integer("DB_RETRY_MAX_MS", 30_000, env)),
    },
    shutdownGraceMs: integer("SHUTDOWN_GRACE_MS", 10_000, env),
    seedOnStart: boolean("SEED_ON_START", true, env),
    loaderMaxBatchSize: integer("LOADER_MAX_BATCH_SIZE", 1000, env),
    loaderBatching: boolean("LOADER_BATCHING", true, env),
    apiKeys: parseApiKeys(env.API_KEYS),
    routerSecret: env.ROUTER_SECRET || undefined,
    maxEntityRepresentations: integer("MAX_ENTITY_REPRESENTATIONS", 1000, env),
    responseCache: responseCacheMode(env),
    redisUrl: env.REDIS_URL || undefined,
    logLevel: logLevel(env),
    operationLimits: {
      depth: integer("MAX_DEPTH", 6, env),
      cost: integer("MAX_COST", 5000, env),
      aliases: integer("MAX_ALIASES", 15, env),
      directives: integer("MAX_DIRECTIVES", 50, env),
      tokens: integer("MAX_TOKENS", 1000, env),
      repeatedFields: integer("MAX_REPEATED_FIELDS", 15, env),
      listItems: integer("MAX_LIST_ITEMS", 100, env),
    },
    persistedQueries: persistedQueriesMode(env),
    persistedQueriesManifest: env.PERSISTED_QUERIES_MANIFEST || undefined,
    rateLimit: {
      perAddress: integer("RATE_LIMIT_PER_ADDRESS", 600, env),
      perKey: integer("RATE_LIMIT_PER_KEY", 6000, env),
      windowSeconds: Math.max(1, integer("RATE_LIMIT_WINDOW_SECONDS", 60, env)),
      store: rateLimitStore(env),
      keyPrefix: env.RATE_LIMIT_KEY_PREFIX || "crisis-graph:rate-limit",
    },
    trustProxy: integer("TRUST_PROXY", 0, env),
    extraction: extractionSettings(env),
    http: httpTimeouts(env),
  };
}

export const paths = {
  projectRoot,
  prismaSchema: path.join(projectRoot, "prisma/schema.prisma"),
  migrations: path.join(projectRoot, "prisma/migrations"),
  seedData: path.join(projectRoot, "prisma/seed/kazakhstan-2022.json"),
};
