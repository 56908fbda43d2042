// Operation limits, checked before anything executes: GraphQL Armor's depth,
// alias and directive rules run as validation rules beside graphql-js's own;
// the token limit is graphql-js's parser option (the lexer stops counting at
// the limit, so a huge document is never fully parsed); one small rule of ours
// refuses the same field repeated in one selection set, which no Armor rule
// counts (`{ __typename __typename … }`). Cost and list sizes are ours too
// (operation-cost.ts): Armor's cost misses page sizes sent as variables.
//
// Depth counts every field level, a connection's `edges` and `node` included
// (they are levels of the response and of the work), and fragments not at all:
// a fragment's fields count where they are spread, as if written there
// (Armor's flattenFragments), so `edges { node { ...ArticleCard } }` costs no
// more depth than the same fields inline.
//
// Every refusal is HTTP 400 with `extensions.code` OPERATION_LIMIT_EXCEEDED,
// `extensions.limit` naming the limit and the limit's value in the message.
// Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED and parser
// errors as GRAPHQL_PARSE_FAILED; formatOperationLimitError puts our code back.
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, Kind, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from "graphql";
import type { OperationLimits } from "../config";
import { ErrorCode } from "../errors";
import { databaseCostRule } from "./database-cost";
import { costRule } from "./operation-cost";

export type LimitName = keyof OperationLimits;

export class OperationLimitError extends GraphQLError {
  constructor(
    readonly limit: LimitName,
    readonly max: number,
    message: string,
  ) {
    super(message, { extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit, max } });
  }
}

/** Armor's rules report through onReject; ours carry the limit's name, without Armor's "Syntax Error:" prefix. */
function reportAs(limit: LimitName, max: number) {
  return {
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new OperationLimitError(limit, max, error.message.replace(/^Syntax Error: /, ""))),
    ],
  };
}

/** A selection set that selects one response key again and again (repeats past the first, summed over the document). */
export function repeatedFieldsRule(max: number): ValidationRule {
  return (context) => {
    let repeats = 0;
    return {
      SelectionSet(node) {
        if (node.selections.length < 2) return;
        const seen = new Set<string>();
        for (const selection of node.selections) {
          if (selection.kind !== Kind.FIELD) continue;
          const key = (selection.alias ?? selection.name).value;
          if (seen.has(key)) repeats++;
          else seen.add(key);
        }
      },
      Document: {
        leave() {
          if (repeats > max) context.reportError(new OperationLimitError("repeatedFields", max, `Repeated fields limit of ${max} exceeded, found ${repeats}.`));
        },
      },
    };
  };
}

/** The validation rules and parser options for ApolloServer. */
export function operationLimitRules(limits: OperationLimits): { validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  const armor = new ApolloArmor({
    maxDepth: { ...reportAs("depth", limits.depth), ignoreIntrospection: true, flattenFragments: true },
    // Cost: costRule below, and per request with the variables (operationCostPlugin).
    costLimit: { enabled: false },
    // Armor lets aliases of __typename through by default: 101 of them are still 101 response keys.
    maxAliases: { ...reportAs("aliases", limits.aliases), allowList: [] },
    maxDirectives: reportAs("directives", limits.directives),
    // Tokens: graphql-js's own parser limit below. Armor's plugin re-parses in
    // parsingDidStart and throws there, which Apollo answers as a server error.
    maxTokens: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors already hides suggestions in production.
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules } = armor.protect();
  return {
    validationRules: [
      ...(validationRules as ValidationRule[]),
      costRule(limits),
      repeatedFieldsRule(limits.repeatedFields),
      databaseCostRule(limits.cost, (message) => new OperationLimitError("cost", limits.cost, message)),
    ],
    parseOptions: { maxTokens: limits.tokens },
  };
}

// graphql-js (16.x) words it "Document contains more that N tokens" ("that" sic); accept both spellings.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more (?:that|than) (\d+) tokens/;

/** Our code and `limit` for a refusal Apollo re-coded; null for every other error. */
export function formatOperationLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  const original = (error as GraphQLError | null)?.originalError;
  if (original instanceof OperationLimitError) {
    return {
      message: original.message,
      locations: formatted.locations,
      extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: original.limit, max: original.max },
    };
  }
  if (formatted.extensions?.code === "GRAPHQL_PARSE_FAILED") {
    const tooMany = TOO_MANY_TOKENS.exec(formatted.message);
    if (tooMany) {
      const max = Number(tooMany[1]);
      return {
        message: `Token limit of ${max} exceeded.`,
        locations: formatted.locations,
        extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: "tokens", max },
      };
    }
  }
  return null;
}

const UNKNOWN_DIRECTIVE = /^Unknown directive "@([^"]+)"/;
const LISTED_NAMES = 5;

/**
 * One refusal per problem, not one per occurrence:
 * - limit errors come first (the document will not run whatever else is wrong);
 * - unknown directives become one error naming them (graphql-js reports each);
 * - identical messages (`@include` repeated 50 times on one field) become one
 *   error with every location.
 * Apollo hands validationDidEnd the same array it then answers with, so the
 * errors are rewritten in place.
 */
export function collapseValidationErrors(errors: GraphQLError[]): void {
  const merged: GraphQLError[] = errors.filter((error) => error instanceof OperationLimitError);
  const unknownDirectives: GraphQLError[] = [];
  const byMessage = new Map<string, GraphQLError[]>();
  for (const error of errors) {
    if (error instanceof OperationLimitError) continue;
    if (UNKNOWN_DIRECTIVE.test(error.message)) unknownDirectives.push(error);
    else if (byMessage.has(error.message)) byMessage.get(error.message)!.push(error);
    else byMessage.set(error.message, [error]);
  }
  const nodesOf = (group: GraphQLError[]) => group.flatMap((error) => error.nodes ?? []);
  if (unknownDirectives.length === 1) merged.push(unknownDirectives[0]);
  if (unknownDirectives.length > 1) {
    const names = [...new Set(unknownDirectives.map((error) => `@${UNKNOWN_DIRECTIVE.exec(error.message)![1]}`))];
    const listed = names.slice(0, LISTED_NAMES).join(", ") + (names.length > LISTED_NAMES ? ` and ${names.length - LISTED_NAMES} more` : "");
    merged.push(
      new GraphQLError(`Unknown directives (${unknownDirectives.length}): ${listed}.`, {
        nodes: nodesOf(unknownDirectives),
        extensions: unknownDirectives[0].extensions,
      }),
    );
  }
  for (const group of byMessage.values()) {
    merged.push(group.length === 1 ? group[0] : new GraphQLError(group[0].message, { nodes: nodesOf(group), extensions: group[0].extensions }));
  }
  errors.splice(0, errors.length, ...merged);
}

export function collapseValidationErrorsPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart() {
          return async (errors?: ReadonlyArray<Error>) => {
            if (errors && errors.length > 1) collapseValidationErrors(errors as GraphQLError[]);
          };
        },
      };
    },
  };
}
