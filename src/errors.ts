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
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badInput(message: string, argumentName?: string): GraphQLError {
  return apiError(ErrorCode.BAD_USER_INPUT, message, argumentName ? { argumentName } : {});
}
