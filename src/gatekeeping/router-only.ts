// What only a router may ask for: `_service` (the whole subgraph SDL),
// `_entities`, fields marked @inaccessible (internal to the subgraph: hidden
// from the supergraph's clients, still resolvable for the router) and
// federated traces (ftv1). With ROUTER_SECRET set, only the router reaches
// GraphQL at all (server.ts refuses the rest with 401), so these are its alone.
// In production without ROUTER_SECRET nobody can be told apart as the router:
// they are refused to everyone, with ROUTER_ONLY, so that turning
// introspection off still hides the schema. Outside production they stay open
// (development, tests and a local gateway act as the router).
import { GraphQLError, isInterfaceType, isObjectType, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from "graphql";
import { ErrorCode } from "../errors";

/** The header a router sends to ask for a federated trace. */
export const TRACE_HEADER = "apollo-federation-include-trace";

export const ROUTER_ONLY_WARNING =
  "NODE_ENV=production without ROUTER_SECRET: _service, _entities, @inaccessible fields and federated traces are refused to every caller; set ROUTER_SECRET (and send it from the router) to serve a router";

export class RouterOnlyError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.ROUTER_ONLY } });
  }
}

const isInaccessible = (directives: readonly { name: { value: string } }[] | undefined) =>
  directives?.some((directive) => directive.name.value === "inaccessible" || directive.name.value === "federation__inaccessible") ?? false;

/** `Type.field` of every field only a router may select. */
export function routerOnlyFields(schema: GraphQLSchema): Set<string> {
  const query = schema.getQueryType()?.name ?? "Query";
  const fields = new Set([`${query}._service`, `${query}._entities`]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (isInaccessible(field.astNode?.directives)) fields.add(`${type.name}.${field.name}`);
    }
  }
  return fields;
}

/** Refuses, at validation, any selection of a router-only field (fragments included: validation sees every field). */
export function routerOnlyRule(schema: GraphQLSchema): ValidationRule {
  const closed = routerOnlyFields(schema);
  return (context) => ({
    Field(node) {
      const parent = context.getParentType();
      if (!parent || !closed.has(`${parent.name}.${node.name.value}`)) return;
      context.reportError(
        new RouterOnlyError(`${parent.name}.${node.name.value} is for the federation router only; this server has no ROUTER_SECRET to tell the router apart`),
      );
    },
  });
}

export function traceRefusal(): { message: string; extensions: { code: ErrorCode } } {
  return {
    message: `Federated traces (${TRACE_HEADER}) are for the federation router only; this server has no ROUTER_SECRET to tell the router apart`,
    extensions: { code: ErrorCode.ROUTER_ONLY },
  };
}

/** Our code for a refusal Apollo re-coded as GRAPHQL_VALIDATION_FAILED; null for every other error. */
export function formatRouterOnlyError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  if (!((error as GraphQLError | null)?.originalError instanceof RouterOnlyError)) return null;
  return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.ROUTER_ONLY } };
}
