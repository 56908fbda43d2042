// Execution with graphql-jit: each operation is compiled once into plain
// JavaScript (fields without a resolver become property reads, no promise per
// field), then run for every request that sends it. Apollo Server keeps doing
// everything around execution (parsing, validation, plugins, errors, HTTP);
// it hands execution over through its gateway interface, the one hook it has
// for a custom executor.
//
// Two schemas, built from the same code: Apollo validates against `served`
// and, when a router asks for federated traces (ftv1), Apollo wraps every
// resolver of `served` to time it and that request runs on graphql-js.
// The compiled queries use `compiled`, which nothing ever wraps, so tracing
// one request never slows the others down.
import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import {
  execute,
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { TRACE_HEADER } from "./gatekeeping/router-only";

// Apollo Server's own copy of the gateway interface (@apollo/gateway brings an older one).
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface["load"]>>["executor"]>;

interface JitError {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  originalError?: Error;
  extensions?: Record<string, unknown>;
}

/**
 * graphql-jit reports errors with a GraphQLError class of its own; Apollo
 * Server (error codes, masking, `unwrapResolverError`, the 400 for a bad
 * variable) recognises only graphql-js's. Same message, path, locations,
 * original error and extensions; a variable error gets its variable's
 * definition as node, as graphql-js gives it.
 */
function withGraphQLErrors(result: ExecutionResult, operation: OperationDefinitionNode | undefined): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = (result.errors as readonly (GraphQLError | JitError)[]).map((error) => {
    // jit's class inherits graphql-js's prototype, so instanceof cannot tell them apart.
    if (error.constructor === GraphQLError) return error;
    const variable = !error.path && /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(error.message)?.[1];
    const definition = variable ? operation?.variableDefinitions?.find((d) => d.variable.name.value === variable) : undefined;
    const converted = new GraphQLError(error.message, {
      nodes: definition,
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: error.extensions,
    });
    if (!definition && error.locations) (converted as { locations?: unknown }).locations = error.locations;
    return converted;
  });
  return { ...result, errors };
}

type Variables = Record<string, unknown>;

/** Does a value of this type hold an input object with a field default somewhere? */
function hasFieldDefaults(type: GraphQLNamedType, seen = new Set<GraphQLNamedType>()): boolean {
  if (!isInputObjectType(type) || seen.has(type)) return false;
  seen.add(type);
  return Object.values(type.getFields()).some((field) => field.defaultValue !== undefined || hasFieldDefaults(getNamedType(field.type), seen));
}

/**
 * graphql-jit does not apply input object field defaults to variables
 * (graphql-jit#142: `filter: { crisisId }` would lack `includeEarlierVersions`,
 * `Boolean! = false`). Fills them in, as graphql-js does, before jit coerces
 * the values; null for undefined.
 */
function withFieldDefaults(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return withFieldDefaults(type.ofType, value);
  if (isListType(type)) return Array.isArray(value) ? value.map((item) => withFieldDefaults(type.ofType, item)) : withFieldDefaults(type.ofType, value);
  if (!isInputObjectType(type) || typeof value !== "object" || Array.isArray(value)) return value;
  const filled: Variables = { ...(value as Variables) };
  for (const field of Object.values(type.getFields())) {
    if (Object.hasOwn(filled, field.name)) filled[field.name] = withFieldDefaults(field.type, filled[field.name]);
    else if (field.astNode?.defaultValue) filled[field.name] = valueFromASTUntyped(field.astNode.defaultValue);
  }
  return filled;
}

function variableDefaultsFiller(schema: GraphQLSchema, operation: OperationDefinitionNode | undefined) {
  const needing = (operation?.variableDefinitions ?? []).flatMap((definition) => {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    return type && hasFieldDefaults(getNamedType(type)) ? [{ name: definition.variable.name.value, type }] : [];
  });
  if (!needing.length) return undefined;
  return (variables: Variables): Variables => {
    const filled = { ...variables };
    for (const { name, type } of needing) if (Object.hasOwn(filled, name)) filled[name] = withFieldDefaults(type, filled[name]);
    return filled;
  };
}

interface Compiled {
  query: CompiledQuery | ExecutionResult;
  fillDefaults: ((variables: Variables) => Variables) | undefined;
}

export function createJitGateway(schemas: { served: GraphQLSchema; compiled: GraphQLSchema }): GatewayInterface {
  // Keyed by the parsed document, which Apollo's document store reuses for a
  // repeated query: compiled queries live exactly as long as Apollo keeps the
  // document, so this cache needs no bound of its own. The store's bound counts
  // them (cache/document-store.ts: each document is sized with its compiled plan).
  const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();

  function compile(document: DocumentNode, operationName: string | undefined, operation: OperationDefinitionNode | undefined): Compiled {
    let byName = compiledByDocument.get(document);
    if (!byName) compiledByDocument.set(document, (byName = new Map()));
    const key = operationName ?? "";
    let compiled = byName.get(key);
    if (!compiled) {
      compiled = { query: compileQuery(schemas.compiled, document, operationName), fillDefaults: variableDefaultsFiller(schemas.compiled, operation) };
      byName.set(key, compiled);
    }
    return compiled;
  }

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, request, context } = requestContext;
    const operationName = requestContext.operationName ?? request.operationName ?? undefined;
    if (request.http?.headers.get(TRACE_HEADER) === "ftv1") {
      return execute({ schema: schemas.served, document, contextValue: context, variableValues: request.variables, operationName });
    }
    const { operation } = requestContext;
    const { query, fillDefaults } = compile(document, operationName, operation);
    if (!isCompiledQuery(query)) return withGraphQLErrors(query, operation);
    const variables = request.variables ?? {};
    return withGraphQLErrors(await query.query(undefined, context, fillDefaults ? fillDefaults(variables) : variables), operation);
  };

  return {
    async load() {
      return { schema: schemas.served, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      // The schema never changes while the process runs.
      callback({ apiSchema: schemas.served, coreSupergraphSdl: "" });
      return () => {};
    },
    async stop() {},
  };
}
