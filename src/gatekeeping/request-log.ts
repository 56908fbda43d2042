// Request ids and the log lines of one request. Every request gets an id (a
// sane incoming X-Request-Id is kept, so a router's or load balancer's id
// follows the request), echoed in the response's X-Request-Id; every log line
// about the request carries it. Nothing is logged per request by default:
// errors are, and LOG_LEVEL=debug adds one access line per request.
import { randomUUID } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLError } from "graphql";
import { ErrorCode, isDatabaseBusy, isStatementTimeout } from "../errors";
import { createRepeatFilter, type Logger } from "../logger";

export const REQUEST_ID_HEADER = "x-request-id";
// Letters, digits and a few separators (UUIDs, ULIDs, trace ids): nothing that could forge a log line or a header.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && SANE_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Logs what went wrong in a request, with its id (set by the HTTP layer on the
 * request's headers): internal errors at error level with their stack (the
 * client only sees "Internal server error" in production), statement timeouts,
 * a busy or unavailable database, and pages the extraction pool gave up on (too slow, a dead worker) or had no room for (busy) at warn,
 * client mistakes at debug, without a stack. `codeOf` is the code the client is
 * answered with (server.ts's formatError): what it calls a client mistake is
 * never logged as an internal error. Repeated identical lines are thinned out
 * (createRepeatFilter): the first of a burst is written, with how many were left out since.
 */
export function errorLoggingPlugin<T extends object>(logger: Logger, codeOf: (error: GraphQLError) => unknown = (error) => error.extensions?.code): ApolloServerPlugin<T> {
  const repeats = createRepeatFilter();
  const once = (level: "warn" | "error", key: string, write: (repeatsLeftOut: number | undefined) => void) => {
    const decision = repeats(`${level}\u0000${key}`);
    if (decision.write) write(decision.repeatsLeftOut || undefined);
  };
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, request, operationName }) {
          const log = logger.child({ requestId: request.http?.headers.get(REQUEST_ID_HEADER) });
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = codeOf(error as GraphQLError);
            if (isStatementTimeout(original)) {
              once("warn", `timeout\u0000${operationName}`, (repeatsLeftOut) => log.warn({ operationName, path: error.path, repeatsLeftOut }, "statement timeout: query cancelled"));
            } else if (isDatabaseBusy(original)) {
              // Load, not a bug: no stack, and no alarm an outage would raise.
              once("warn", `busy\u0000${operationName}`, (repeatsLeftOut) => log.warn({ operationName, path: error.path, repeatsLeftOut }, "database busy: no connection free in time"));
            } else if (code === ErrorCode.DATABASE_UNAVAILABLE) {
              const reason = original instanceof Error ? original.message.slice(0, 200) : undefined;
              once("warn", `database\u0000${reason}`, (repeatsLeftOut) => log.warn({ code, reason, operationName, repeatsLeftOut }, "database unavailable"));
            } else if (code === ErrorCode.EXTRACTION_TOO_SLOW || code === ErrorCode.EXTRACTION_FAILED) {
              log.warn({ code, operationName, message: error.message }, "page extraction stopped");
            } else if (code === ErrorCode.EXTRACTION_BUSY) {
              once("warn", `busy`, (repeatsLeftOut) =>
                log.warn({ code, reason: (error as GraphQLError).extensions?.reason, operationName, repeatsLeftOut }, "page extraction refused: pool busy"),
              );
            } else if (!code || code === ErrorCode.INTERNAL_SERVER_ERROR) {
              const message = original instanceof Error ? original.message : String(original);
              once("error", `${message.slice(0, 500)}\u0000${error.path?.join(".")}`, (repeatsLeftOut) =>
                log.error({ err: original, operationName, path: error.path, repeatsLeftOut }, "internal error"),
              );
            } else if (log.isLevelEnabled("debug")) {
              log.debug({ code, operationName, message: error.message.slice(0, 500) }, "client error");
            }
          }
        },
      };
    },
  };
}
