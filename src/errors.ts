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

export function badInput(message: string, argumentName?: string): GraphQLError {
  return apiError(ErrorCode.BAD_USER_INPUT, message, argumentName ? { argumentName } : {});
}
