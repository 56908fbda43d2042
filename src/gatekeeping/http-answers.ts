// How refusals and GraphQL answers look on the wire to browsers and Apollo Client:
//
// - Every error the HTTP layer writes itself (413, 429, 401, 503, 400 …) is a
//   GraphQL-over-HTTP response, `{"errors":[{"message","extensions":{"code"}}]}`,
//   sent as `application/graphql-response+json` when the client accepts it
//   (Apollo Client 4 does: it then reads a non-2xx answer as GraphQL errors
//   instead of a generic ServerError), else as `application/json`.
// - Browsers may read X-Request-Id and Retry-After (Access-Control-Expose-Headers).
// - Mutation responses are `Cache-Control: no-store`.
// - A GraphQL answer carrying EXTRACTION_BUSY is a 503 with a Retry-After header, as a busy database's is.
import type http from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode } from "../errors";

export const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
/** Headers a browser script may read from our responses (CORS). */
export const EXPOSED_HEADERS = ["X-Request-Id", "Retry-After"];

/** The media type to answer in: the GraphQL-over-HTTP one when the Accept header names it, else JSON. */
export function responseMediaType(accept: string | string[] | undefined): string {
  const value = Array.isArray(accept) ? accept.join(",") : (accept ?? "");
  return /application\/graphql-response\+json(?!\s*;\s*q=0(?:\.0*)?\s*(?:,|$))/i.test(value) ? GRAPHQL_RESPONSE_JSON : "application/json";
}

export interface GraphQLErrorBody {
  errors: { message: string; extensions: { code: string; [key: string]: unknown } }[];
}

/** The error body of one refusal. */
export function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLErrorBody {
  return { errors: [{ message, extensions: { ...extensions, code } }] };
}

/** Writes a refusal as a GraphQL-over-HTTP response in the media type the client accepts. */
export function sendGraphQLErrors(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: GraphQLErrorBody): void {
  res.statusCode = status;
  res.setHeader("content-type", `${responseMediaType(req.headers.accept)}; charset=utf-8`);
  res.end(JSON.stringify(body));
}

/**
 * Mutations are never stored by a browser or proxy: `Cache-Control: no-store`
 * (the default policy would mark them public for 60 s); and an answer with
 * EXTRACTION_BUSY is HTTP 503 (retryable, as DATABASE_BUSY is: nothing was
 * read or stored) and says when to retry in a Retry-After header, as its
 * `extensions.retryAfter` does.
 */
export function responseHeadersPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, overallCachePolicy }) {
          if (operation?.operation === "mutation") overallCachePolicy.restrict({ maxAge: 0 });
        },
        async willSendResponse({ operation, response }) {
          if (operation?.operation === "mutation") response.http.headers.set("cache-control", "no-store");
          if (response.body.kind !== "single") return;
          const busy = response.body.singleResult.errors?.find((error) => error.extensions?.code === ErrorCode.EXTRACTION_BUSY);
          const retryAfter = Number(busy?.extensions?.retryAfter);
          if (!busy) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : 1));
        },
      };
    },
  };
}
