// Client mistakes told as client mistakes: the requests an outside probe sent
// that came back as a masked INTERNAL_SERVER_ERROR (logged with a stack) are
// refused here, before they reach a resolver, a library or PostgreSQL, with
// BAD_USER_INPUT (or the GraphQL-over-HTTP status of the request):
//
// - JSON nested deeper than MAX_JSON_DEPTH in the body (a `_Any` of 20,000
//   levels overflowed the stack of whatever walked it): 400, before Apollo.
// - A NUL character (U+0000) in any string argument, literal or variable:
//   PostgreSQL text cannot hold it (BAD_USER_INPUT, reason UNSUPPORTED_ENCODING).
// - An operation type the schema does not have (`subscription { … }`): a validation error.
// - `_entities` representations that are not objects naming an entity type by
//   a string `__typename`.
// - Error messages echoing what the client sent (a 500 KB unknown field name,
//   a whole variable value): every quoted piece is cut to MAX_ECHOED_CHARACTERS.
import {
  GraphQLError,
  GraphQLObjectType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import { apiError, ErrorCode } from "../errors";

/** Deepest nesting of arrays and objects a request body may have; real variables nest a few levels. */
export const MAX_JSON_DEPTH = 64;
/** Longest piece of the client's own text (a name, a value) an error message repeats. */
export const MAX_ECHOED_CHARACTERS = 100;
/** Longest error message sent back, whatever it quotes. */
export const MAX_ERROR_MESSAGE = 1000;

/** Whether a parsed JSON value nests deeper than `max` (walked without recursion, so any depth is safe to check). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== "object") continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The error body of a request whose JSON nests too deep. */
export function tooDeepMessage(): string {
  return `The request nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; no GraphQL input needs that many`;
}

/**
 * Cuts every quoted piece of a message, and every run of characters without a
 * space (an unquoted key in a variable's value), to MAX_ECHOED_CHARACTERS, and
 * the whole to MAX_ERROR_MESSAGE.
 */
export function withoutLongEchoes(message: string): string {
  if (message.length <= MAX_ECHOED_CHARACTERS) return message;
  const cut = message
    .replace(/"([^"]{101,})"/g, (_whole, inner: string) => `"${inner.slice(0, MAX_ECHOED_CHARACTERS)}…"`)
    .replace(/[^\s"]{101,}/g, (run) => `${run.slice(0, MAX_ECHOED_CHARACTERS)}…`);
  return cut.length <= MAX_ERROR_MESSAGE ? cut : `${cut.slice(0, MAX_ERROR_MESSAGE)}… (cut)`;
}

/** `subscription { … }` on a schema without subscriptions (and the same for any missing root type): a validation error. */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = node.operation === "query" ? schema.getQueryType() : node.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) context.reportError(new GraphQLError(`This API has no ${node.operation} operations`, { nodes: [node] }));
  },
});

// ───────────────────────────── NUL characters in arguments ─────────────────────────────

/** Whether an input type can carry a string (a String or ID, or a list or input object holding one). */
function carriesStrings(type: GraphQLInputType, seen = new Set<unknown>()): boolean {
  if (isNonNullType(type) || isListType(type)) return carriesStrings(type.ofType, seen);
  if (isScalarType(type)) return true; // String, ID, and custom scalars (Date, _Any) parsed from strings
  if (isInputObjectType(type)) {
    if (seen.has(type)) return false;
    seen.add(type);
    return Object.values(type.getFields()).some((field) => carriesStrings(field.type, seen));
  }
  return false;
}

/** The path of the first string inside `value` holding a NUL character, if any (`input.publisher`, `ids[2]`). */
function nulPath(value: unknown, path: string): string | null {
  const stack: [unknown, string, number][] = [[value, path, 0]];
  while (stack.length) {
    const [current, at, depth] = stack.pop() as [unknown, string, number];
    if (typeof current === "string") {
      if (current.includes("\u0000")) return at;
    } else if (current !== null && typeof current === "object" && depth < MAX_JSON_DEPTH && !(current instanceof Date)) {
      if (Array.isArray(current)) current.forEach((item, i) => stack.push([item, `${at}[${i}]`, depth + 1]));
      else for (const [key, item] of Object.entries(current)) stack.push([item, `${at}.${key}`, depth + 1]);
    }
  }
  return null;
}

/**
 * Every field with an argument that can carry a string refuses a NUL
 * character in it before its resolver runs: BAD_USER_INPUT naming the
 * argument, reason UNSUPPORTED_ENCODING (what extraction says of a page with one).
 */
export function refuseNulCharacters(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const checked = field.args.filter((arg: GraphQLArgument) => carriesStrings(arg.type));
      if (!checked.length || !field.resolve) continue;
      const resolve = field.resolve;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        for (const arg of checked) {
          const at = args[arg.name] === undefined ? null : nulPath(args[arg.name], arg.name);
          if (at) {
            throw apiError(ErrorCode.BAD_USER_INPUT, `"${at}" contains a NUL character (U+0000), which no text stored here can hold`, {
              argumentName: arg.name,
              reason: "UNSUPPORTED_ENCODING",
            });
          }
        }
        return resolve(source, args, context, info);
      };
    }
  }
}

/**
 * A representation `_entities` can look up: an object whose `__typename` is a
 * string naming an entity type. Anything else is BAD_USER_INPUT (the library
 * would throw a plain Error, reported as an internal one).
 */
export function checkRepresentations(representations: unknown[], entityTypes: ReadonlySet<string>): void {
  representations.forEach((representation, i) => {
    const typename = representation !== null && typeof representation === "object" && !Array.isArray(representation) ? (representation as { __typename?: unknown }).__typename : undefined;
    if (typeof typename !== "string") {
      throw apiError(ErrorCode.BAD_USER_INPUT, `representations[${i}] must be an object with a "__typename" string`, { argumentName: "representations" });
    }
    if (!entityTypes.has(typename)) {
      throw apiError(ErrorCode.BAD_USER_INPUT, `representations[${i}]: "${withoutLongEchoes(typename).slice(0, MAX_ECHOED_CHARACTERS)}" is not an entity type of this subgraph`, {
        argumentName: "representations",
      });
    }
  });
}
