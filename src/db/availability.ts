// Whether the server may serve: main.ts starts the HTTP server before the
// database is ready (so /healthz answers while it waits), and tells the
// request handler (server.ts) through this state what to refuse, and why.
import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode } from "../errors";

/** Seconds a client is told to wait (Retry-After) when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;
/** Seconds a client is told to wait (Retry-After) when the database is up but every connection is busy. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

export interface ServingState {
  /** Non-null while GraphQL must be refused with 503 DATABASE_UNAVAILABLE: why. */
  unavailableReason(): string | null;
  /** Non-null while /readyz must answer 503 (start-up not finished, or shutting down): why. */
  notReadyReason(): string | null;
}

export class StartupState implements ServingState {
  private waitingFor: string | null = "starting";
  private stopping = false;

  /** Start-up is waiting for something (the database, its migrations). */
  waiting(reason: string): void {
    if (this.waitingFor !== null) this.waitingFor = reason;
  }

  /** The database answered, migrations and seed are in: serve. */
  started(): void {
    this.waitingFor = null;
  }

  /** A shutdown began: balancers should stop sending traffic; in-flight work still finishes. */
  shuttingDown(): void {
    this.stopping = true;
  }

  unavailableReason(): string | null {
    return this.waitingFor;
  }

  notReadyReason(): string | null {
    return this.stopping ? "shutting down" : this.waitingFor;
  }
}

/** The body of a GraphQL request refused before it ran because the database is not ready. */
export function databaseUnavailableBody(): { errors: { message: string; extensions: { code: string } }[] } {
  return {
    errors: [{ message: "The database is not available yet; retry shortly", extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } }],
  };
}

/**
 * A response carrying DATABASE_UNAVAILABLE (the database went away while it
 * ran) or DATABASE_BUSY (no connection free in time) gets HTTP 503 and
 * Retry-After (5 s for an outage, 1 s for a busy database), so routers and
 * clients see a retryable failure rather than a 200 they would cache or trust.
 */
export function databaseUnavailableStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const codes = new Set((response.body.singleResult.errors ?? []).map((error) => error.extensions?.code));
          const unavailable = codes.has(ErrorCode.DATABASE_UNAVAILABLE);
          if (!unavailable && !codes.has(ErrorCode.DATABASE_BUSY)) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(unavailable ? RETRY_AFTER_SECONDS : BUSY_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
