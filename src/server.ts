// The HTTP server: Apollo Server 5 on node:http, GraphQL at /graphql.
// main.ts starts it for real; tests start the same thing on a free port.
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import bodyParser from "body-parser";
import { parse as parseContentType } from "content-type";
import cors from "cors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { authenticate, Scope } from "./auth/api-keys";
import type { Config } from "./config";
import { createContext, type Context } from "./context";
import type { PrismaClient } from "./db/prisma";
import { MAX_PAGE_BYTES } from "./ingest/extract-article";
import type { ExtractionPool } from "./ingest/extraction-pool";
import type { PageExtractor } from "./ingest/ingest.service";
import { ErrorCode, isDatabaseBusy, isDatabaseUnavailable, isStatementTimeout } from "./errors";
import { collapseValidationErrorsPlugin, formatOperationLimitError, operationLimitRules } from "./gatekeeping/operation-limits";
import { operationCostPlugin } from "./gatekeeping/operation-cost";
import { formatRouterOnlyError, ROUTER_ONLY_WARNING, routerOnlyRule, TRACE_HEADER, traceRefusal } from "./gatekeeping/router-only";
import { createTrustedDocuments, readManifest } from "./gatekeeping/persisted-queries";
import { createRateLimiter } from "./gatekeeping/rate-limit";
import { errorLoggingPlugin, REQUEST_ID_HEADER, requestIdOf } from "./gatekeeping/request-log";
import { createLogger, createRepeatFilter, type Logger } from "./logger";
import { knownOperationTypesRule, MAX_JSON_DEPTH, nestsDeeperThan, tooDeepMessage, withoutLongEchoes } from "./gatekeeping/client-mistakes";
import { errorBody, EXPOSED_HEADERS, responseHeadersPlugin, sendGraphQLErrors } from "./gatekeeping/http-answers";
import { staticCachePolicyPlugin } from "./cache/cache-policy";
import { createResponseCache } from "./cache/response-cache";
import { createDocumentStore, createPersistedQueryCache } from "./cache/document-store";
import { createJitGateway } from "./executor";
import { checkReadiness, type Readiness } from "./db/readiness";
import { databaseUnavailableBody, databaseUnavailableStatusPlugin, RETRY_AFTER_SECONDS, type ServingState } from "./db/availability";
import { buildFederatedSchema } from "./schema";

export const GRAPHQL_PATH = "/graphql";
/** Request bodies of anonymous callers and keys without the write scope: every query and read fits in far less. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Request bodies of callers with a write-scope API key: an ingestArticle page of up to MAX_PAGE_BYTES,
 * JSON-encoded the worst way a client may (every non-ASCII character as \uXXXX: "é", 2 bytes of
 * UTF-8, is 6 bytes of JSON; an astral character 4 → 12; a newline or quote 1 → 2), plus the
 * query and the other fields. Bigger than the anonymous limit only for callers already trusted to write.
 */
export const MAX_WRITE_BODY_BYTES = 3 * MAX_PAGE_BYTES + 64 * 1024;

/** How long one /readyz answer (its SQL) serves every call. */
export const READINESS_CACHE_MS = 1000;

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Client mistakes keep their message and code; everything else (a database
 * failure, a bug) becomes INTERNAL_SERVER_ERROR, with its message and stack
 * shown only outside production.
 */
/** The error at the same place, with our message and code in place of whatever it said. */
function restated(formatted: GraphQLFormattedError, message: string, code: ErrorCode): GraphQLFormattedError {
  return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
}

/** The error as it is, with BAD_USER_INPUT as its code and no stack trace. */
function restatedAsBadInput(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
}

export function formatError(isProduction: boolean) {
  const format = formatErrorAsIs(isProduction);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const answer = format(formatted, error);
    // A client error repeats what the client sent (a 500 KB field name, a whole variable): cut it short.
    return answer.message.length > 100 && answer.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR ? { ...answer, message: withoutLongEchoes(answer.message) } : answer;
  };
}

/** Apollo's own refusals of a request (an unsupported APQ version …) carry an HTTP status of 4xx and no code. */
function isRequestRefusal(error: unknown): boolean {
  const status = error instanceof GraphQLError ? (error.extensions?.http as { status?: number } | undefined)?.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && error instanceof GraphQLError && error.extensions?.code === undefined;
}

function formatErrorAsIs(isProduction: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limited = formatOperationLimitError(formatted, error) ?? formatRouterOnlyError(formatted, error);
    if (limited) return limited;
    const code = formatted.extensions?.code;
    // A literal of the wrong type ("asOf: \"yesterday\"") is bad input, not a malformed document.
    if (code === "GRAPHQL_VALIDATION_FAILED" && /^(Expected value of type|.* cannot represent)/.test(formatted.message)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
    // A variable the compiled executor (graphql-jit) could not coerce ("2023-02-30" for a Date)
    // comes without a code; graphql-js and Apollo call it BAD_USER_INPUT, and so do we.
    if (error instanceof GraphQLError && !error.path && /^Variable "\$[^"]*" (got invalid value|of required type|of non-null type)/.test(formatted.message)) {
      return restatedAsBadInput(formatted);
    }
    if (isRequestRefusal(error)) return { message: formatted.message, extensions: { code: "BAD_REQUEST" } };
    const original = unwrapResolverError(error);
    if (isStatementTimeout(original)) {
      return restated(
        formatted,
        "The database took too long to answer and the query was cancelled; narrow it (fewer items, a tighter filter) or retry",
        ErrorCode.QUERY_TIMEOUT,
      );
    }
    // Up, but no connection came free in time (slow statements, a lock): retryable, 503, and not an outage.
    if (isDatabaseBusy(original)) return restated(formatted, "The database is busy; retry shortly", ErrorCode.DATABASE_BUSY);
    // The database is down: say so (retryable, 503), never with its host or SQL.
    if (isDatabaseUnavailable(original)) return restated(formatted, "The database is unavailable; retry shortly", ErrorCode.DATABASE_UNAVAILABLE);
    const isClientError = original instanceof GraphQLError && code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR;
    if (isClientError || code === "GRAPHQL_PARSE_FAILED" || code === "GRAPHQL_VALIDATION_FAILED" || code === "BAD_USER_INPUT") {
      return formatted;
    }
    if (!isProduction) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    return restated(formatted, "Internal server error", ErrorCode.INTERNAL_SERVER_ERROR);
  };
}

export async function startServer(options: {
  config: Config;
  prisma: PrismaClient;
  /** For the response cache's write notifications. */
  databaseUrl: string;
  port?: number;
  host?: string;
  log?: (message: string) => void;
  /** Default: JSON lines on stdout at LOG_LEVEL. */
  logger?: Logger;
  /** main.ts: GraphQL refused (503) and /readyz 503 while start-up waits for the database or a shutdown runs. */
  state?: ServingState;
  /**
   * Where ingested pages are read: off the main thread, each under its budget. The caller owns it
   * and closes it after stop(). Without one, pages are read in this thread (extractPage).
   */
  extractionPool?: ExtractionPool;
}): Promise<RunningServer> {
  const { config, prisma, extractionPool } = options;
  const extract: PageExtractor | undefined = extractionPool ? (input, extractOptions) => extractionPool.extract(input, extractOptions) : undefined;
  const logger = options.logger ?? createLogger(config.logLevel);
  const limits = operationLimitRules(config.operationLimits);
  const trustedDocuments = createTrustedDocuments(
    config.persistedQueries,
    config.persistedQueries === "safelist" ? readManifest(config.persistedQueriesManifest as string) : undefined,
  );
  if (trustedDocuments.mode === "safelist" && config.routerSecret) {
    logger.warn("PERSISTED_QUERIES=safelist with ROUTER_SECRET: only the router is served, and its traffic is not safelisted; safelist at the router");
  }
  // Production without ROUTER_SECRET: no caller can be told apart as the router (gatekeeping/router-only.ts).
  const routerOnlyClosed = config.isProduction && !config.routerSecret;
  if (routerOnlyClosed) logger.warn(ROUTER_ONLY_WARNING);
  const rateLimiter = await createRateLimiter(config, (error) => logger.warn({ err: error }, "rate limit store failed; counting in memory"));
  // Built twice on purpose: see createJitGateway.
  const schemaOptions = { maxEntityRepresentations: config.maxEntityRepresentations };
  const served = await buildFederatedSchema(schemaOptions);
  const gateway = createJitGateway({ served, compiled: await buildFederatedSchema(schemaOptions) });
  const responseCache = await createResponseCache(config, options.databaseUrl, options.log ?? ((message) => logger.info(message)));
  const clientFormatError = formatError(config.isProduction);
  // /readyz runs SQL: one check answers every call for READINESS_CACHE_MS (concurrent calls share it),
  // unless a request meanwhile says otherwise: one that found the database unavailable drops a cached
  // "ready", one answered 200 drops a cached "not ready" (the database may be back).
  let readiness: { at: number; answer: Promise<Readiness>; ready?: boolean } | undefined;
  // Slow clients: the headers must arrive within headersTimeoutMs and the whole request within
  // requestTimeoutMs (Node answers 408 and closes), instead of Node's 300 s; checked this often.
  const { requestTimeoutMs, headersTimeoutMs } = config.http;
  const httpServer = http.createServer({
    requestTimeout: requestTimeoutMs,
    headersTimeout: headersTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(Math.min(requestTimeoutMs || Infinity, headersTimeoutMs || Infinity) / 4))),
  });
  const apollo = new ApolloServer<Context>({
    // Execution by graphql-jit (src/executor.ts), through Apollo's gateway interface.
    gateway,
    introspection: !config.isProduction,
    // In production, "Did you mean …?" would spell the schema out to whoever probes it.
    hideSchemaDetailsFromClientErrors: config.isProduction,
    // Apollo's defaults, stated because they are part of our security posture.
    csrfPrevention: true,
    // main.ts owns SIGTERM/SIGINT (drain within SHUTDOWN_GRACE_MS, then close the pool). Apollo's own
    // handler would call stop() a second time, which never returns once the first succeeds, and re-raise the signal.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: !config.isProduction,
    formatError: clientFormatError,
    validationRules: [...limits.validationRules, knownOperationTypesRule, ...(routerOnlyClosed ? [routerOnlyRule(served)] : [])],
    parseOptions: limits.parseOptions,
    // Parsed documents, and through them everything compiled for them, sized by what they keep alive (cache/document-store.ts).
    documentStore: createDocumentStore(),
    // APQ in a bounded cache of its own; safelist mode resolves ids itself and registers nothing.
    persistedQueries: trustedDocuments.mode === "apq" ? { cache: createPersistedQueryCache() } : false,
    logger,
    plugins: [
      collapseValidationErrorsPlugin(),
      // Cost and list sizes again with the variables sent, before they are coerced or anything runs.
      operationCostPlugin(config.operationLimits),
      // Logged as the client is answered: what formatError calls a client mistake is no internal error.
      errorLoggingPlugin(logger, (error) => {
        const code = clientFormatError(error.toJSON(), error).extensions?.code;
        // A request just found the database gone: /readyz's cached answer is stale, check again.
        if (code === ErrorCode.DATABASE_UNAVAILABLE) readiness = undefined;
        return code;
      }),
      // stop(): no new connections, in-flight requests get the grace period, then their connections are cut.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      databaseUnavailableStatusPlugin<Context>(),
      // Every field may be cached 60 s unless its type says otherwise (@cacheControl);
      // worked out once per document instead of Apollo's per-field hook (cache-policy.ts).
      ApolloServerPluginCacheControlDisabled(),
      staticCachePolicyPlugin({ defaultMaxAge: 60 }),
      // Mutations no-store; EXTRACTION_BUSY with Retry-After.
      responseHeadersPlugin<Context>(),
      // Federated traces (ftv1) for a router that asks for them; error messages masked in production.
      ApolloServerPluginInlineTrace({ includeErrors: config.isProduction ? { masked: true } : { unmodified: true } }),
      ...(responseCache?.plugins ?? []),
      // Sandbox in development; in production no landing page at all.
      config.isProduction ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
    ],
  });
  await apollo.start();

  // Browsers may read the request id and when to retry.
  const corsHandler = cors({ exposedHeaders: EXPOSED_HEADERS });
  const cachedReadiness = (): Promise<Readiness> => {
    const now = Date.now();
    if (!readiness || now - readiness.at >= READINESS_CACHE_MS) {
      const entry: NonNullable<typeof readiness> = { at: now, answer: checkReadiness(prisma) };
      void entry.answer.then((answer) => (entry.ready = answer.ready));
      readiness = entry;
    }
    return readiness.answer;
  };
  const failedRequests = createRepeatFilter();
  const jsonParser = (limit: number) =>
    bodyParser.json({
      limit,
      verify(req) {
        const charset = parseContentType(req.headers["content-type"] ?? "application/json").parameters.charset || "utf-8";
        if (!/^utf-8$/i.test(charset)) {
          throw Object.assign(new Error(`Unsupported charset "${charset}": send UTF-8`), { status: 415, type: "charset.unsupported" });
        }
      },
    });
  // The body limit is chosen before the body is read, from the Authorization header alone: a write-scope
  // key may send a full page (MAX_WRITE_BODY_BYTES), everyone else (no key, a read key, an unknown key)
  // MAX_BODY_BYTES. An unknown key is refused later, on its small body, as it is now.
  const jsonHandler = jsonParser(MAX_BODY_BYTES);
  const writerJsonHandler = jsonParser(MAX_WRITE_BODY_BYTES);
  const mayWrite = (authorization: string | undefined): boolean => {
    try {
      return authenticate(authorization, config.apiKeys)?.scopes.includes(Scope.WRITE) ?? false;
    } catch {
      return false;
    }
  };
  const tooLargeMessage = (writer: boolean) =>
    writer
      ? `The request body is over ${megabytes(MAX_WRITE_BODY_BYTES)}, the limit for requests with a write key (enough for a ${megabytes(MAX_PAGE_BYTES)} page JSON-encoded)`
      : `The request body is over ${megabytes(MAX_BODY_BYTES)}, the limit for requests without a write key (with one, up to ${megabytes(MAX_WRITE_BODY_BYTES)}, for ingestArticle pages)`;

  httpServer.on("request", (req: http.IncomingMessage & { body?: unknown }, res: http.ServerResponse) => {
    const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (logger.isLevelEnabled("debug")) {
      const started = process.hrtime.bigint();
      res.once("finish", () =>
        logger.debug({ requestId, method: req.method, path: req.url?.split("?")[0], status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, "request"),
      );
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/readyz") {
      const notReady = options.state?.notReadyReason();
      if (notReady) return sendJson(res, 503, { status: "not ready", reason: notReady });
      return void cachedReadiness().then((answer) =>
        answer.ready ? sendJson(res, 200, { status: "ready" }) : sendJson(res, 503, { status: "not ready", reason: answer.reason }),
      );
    }
    if (url.pathname !== GRAPHQL_PATH) return sendJson(res, 404, { error: `Not found: GraphQL is served at ${GRAPHQL_PATH}` });
    if (config.routerSecret && !secretMatches(req.headers["router-authorization"], config.routerSecret)) {
      // Before parsing or executing anything: behind a router, nobody else is served, _service and _entities included.
      return sendGraphQLErrors(req, res, 401, errorBody("Missing or wrong router-authorization header", ErrorCode.UNAUTHENTICATED));
    }
    if (routerOnlyClosed && req.headers[TRACE_HEADER] !== undefined) return sendJson(res, 403, { errors: [traceRefusal()] });
    if (options.state?.unavailableReason()) {
      // Start-up is still waiting for the database: refuse at once instead of letting the query wait and fail.
      res.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
      return sendGraphQLErrors(req, res, 503, databaseUnavailableBody());
    }
    // Only the router gets past the check above when a secret is set.
    const fromRouter = config.routerSecret !== undefined;
    // CORS first (a browser can read the 429 then; preflights end there), then the rate limit, then the body.
    corsHandler(req, res, () => {
      if (!rateLimiter) return serve();
      void rateLimiter.check(req, fromRouter).then((decision) => {
        if (!decision.limited) return serve();
        if (decision.first) logger.warn({ requestId, bucket: decision.bucket, caller: decision.caller }, "rate limit reached");
        res.setHeader("retry-after", String(decision.retryAfterSeconds));
        sendGraphQLErrors(
          req,
          res,
          429,
          errorBody(`Too many requests for this ${decision.bucket === "key" ? "API key" : "address"}: retry in ${decision.retryAfterSeconds} s`, ErrorCode.RATE_LIMITED, {
            retryAfter: decision.retryAfterSeconds,
          }),
        );
      });
    });

    function serve(): void {
      const writer = mayWrite(req.headers.authorization);
      (writer ? writerJsonHandler : jsonHandler)(req, res, (bodyError?: { status?: number; message?: string }) => {
        if (bodyError) {
          const status = bodyError.status ?? 400;
          const message = status === 413 ? tooLargeMessage(writer) : (bodyError.message ?? "Bad request");
          return sendGraphQLErrors(req, res, status, errorBody(message, status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST"));
        }
        // Walked here once, without recursion, before any library walks it recursively (a deep _Any overflowed the stack).
        if (nestsDeeperThan(req.body, MAX_JSON_DEPTH + 2)) return sendGraphQLErrors(req, res, 400, errorBody(tooDeepMessage(), ErrorCode.BAD_USER_INPUT));
        const method = (req.method ?? "GET").toUpperCase();
        const admitted = trustedDocuments.admit({ method, body: req.body, search: url.search }, fromRouter);
        if ("refusal" in admitted) {
          const { status, code, message } = admitted.refusal;
          res.setHeader("cache-control", "private, no-cache, must-revalidate");
          return sendGraphQLErrors(req, res, status, errorBody(message, code));
        }
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
        }
        // The id every log line of this request carries (errorLoggingPlugin reads it here).
        headers.set(REQUEST_ID_HEADER, requestId);
        const request: HTTPGraphQLRequest = { method, headers, search: admitted.search, body: admitted.body };
        apollo
          .executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => createContext(prisma, config, req.headers.authorization, extract) })
          .then(async (response) => {
            for (const [key, value] of response.headers) res.setHeader(key, value);
            res.statusCode = response.status ?? 200;
            if (res.statusCode === 200 && readiness?.ready === false) readiness = undefined;
            if (response.body.kind === "complete") return void res.end(response.body.string);
            for await (const chunk of response.body.asyncIterator) res.write(chunk);
            res.end();
          })
          .catch((error: unknown) => {
            const repeat = failedRequests(error instanceof Error ? error.message.slice(0, 500) : String(error));
            if (repeat.write) logger.error({ err: error, requestId, repeatsLeftOut: repeat.repeatsLeftOut || undefined }, "request failed");
            if (!res.headersSent) sendGraphQLErrors(req, res, 500, errorBody("Internal server error", ErrorCode.INTERNAL_SERVER_ERROR));
            else res.end();
          });
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port ?? config.port, options.host ?? config.host, () => resolve());
  });
  const { port, address } = httpServer.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    port,
    async stop() {
      await apollo.stop();
      await responseCache?.stop();
      await rateLimiter?.stop();
    },
  };
}

function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}
