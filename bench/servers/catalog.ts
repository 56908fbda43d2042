// The servers under test: how to start each one and how to ask it a shape.
import { SHAPES, type Sample } from "../shapes";
import path from "node:path";
import { benchRoot, productMain } from "../paths";
import type { ServerName, ShapeName } from "../types";

export interface HttpRequest {
  path: string;
  body: string;
  /** Beside content-type. */
  headers?: Record<string, string>;
}

export interface ServerDefinition {
  name: ServerName;
  /** Entry script (compiled output), an absolute path: the product's built server, or a server of the bench's dist/. */
  script(): string;
  /** Extra environment on top of DATABASE_URL, PORT and HOST. */
  env: Record<string, string>;
  /** GET path that answers 200 once the server is ready (null: POST the readiness request instead). */
  healthPath: string | null;
  readiness: HttpRequest;
  /** The request for a shape, or why the server cannot answer it. */
  request(shape: ShapeName, sample: Sample): HttpRequest | { na: string };
}

const graphql = (query: string, variables: Record<string, unknown> = {}): HttpRequest => ({
  path: "/graphql",
  body: JSON.stringify({ query, variables }),
});

/**
 * Our server is measured as a router reaches it: in production without ROUTER_SECRET it refuses
 * `_entities` (the entities-100 shape) to everyone, so the benchmark sets one and sends it.
 */
const ROUTER_SECRET = "benchmark-router-secret-0123456789";
const asRouter = (request: HttpRequest): HttpRequest => ({ ...request, headers: { "router-authorization": ROUTER_SECRET } });

/** Our server, with the settings the benchmark varies. */
function crisisGraph(name: ServerName, env: Record<string, string>): ServerDefinition {
  return {
    name,
    script: productMain,
    env: {
      NODE_ENV: "production",
      SEED_ON_START: "false",
      DB_POOL_MAX: "10",
      LOADER_BATCHING: "true",
      RESPONSE_CACHE: "off",
      ROUTER_SECRET,
      ...env,
    },
    // Not /healthz: the server listens before its database is ready (GraphQL answers 503 until then).
    healthPath: "/readyz",
    readiness: asRouter(graphql("{ __typename }")),
    request: (shape, sample) => {
      const { query, variables } = SHAPES[shape].graphql(sample);
      return asRouter(graphql(query, variables));
    },
  };
}

export const SERVERS: Record<ServerName, ServerDefinition> = {
  "crisis-graph": crisisGraph("crisis-graph", {}),
  "crisis-graph-cached": crisisGraph("crisis-graph-cached", { RESPONSE_CACHE: "memory" }),
  "no-loaders": crisisGraph("no-loaders", { LOADER_BATCHING: "false" }),
  postgraphile: {
    name: "postgraphile",
    script: () => path.join(benchRoot, "dist/servers/postgraphile.js"),
    env: { NODE_ENV: "production", GRAPHILE_ENV: "production", DB_POOL_MAX: "10" },
    healthPath: null,
    readiness: graphql("{ __typename }"),
    request: (shape, sample) => {
      const spec = SHAPES[shape].postgraphile;
      if (typeof spec === "string") return { na: spec };
      const { query, variables } = spec(sample);
      return graphql(query, variables);
    },
  },
  "one-sql-limit": {
    name: "one-sql-limit",
    script: () => path.join(benchRoot, "dist/servers/one-sql.js"),
    env: { NODE_ENV: "production", DB_POOL_MAX: "10" },
    healthPath: "/healthz",
    readiness: { path: "/shape/by-id", body: JSON.stringify({ params: ["00000000-0000-0000-0000-000000000000"] }) },
    request: (shape, sample) => ({ path: `/shape/${shape}`, body: JSON.stringify({ params: SHAPES[shape].oneSqlParams(sample) }) }),
  },
};
