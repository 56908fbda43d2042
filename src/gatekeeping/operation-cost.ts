// The cost limit and the list limit, counted on the work a request really asks
// for: GraphQL Armor's cost estimate (objects 2, scalars 1, x1.5 per level)
// with the page size multiplied in whether `first`/`last` is a literal, a
// variable or left out (then the default page, 20), fragments counted as if
// their fields were written in place, and every item of a list argument
// (literal or variable) counted once. A list argument or variable list of more
// than MAX_LIST_ITEMS items is refused outright: a filter of 100,000 enum values
// would otherwise be coerced and sent to PostgreSQL before anything says no.
//
// Checked twice, by one function: as a validation rule on the document alone
// (variables unknown: a variable page size counts as its declared default, or
// 1), so that a document certainly over the limit is never cached or registered,
// and per request once the variables are known (operationCostPlugin, before
// execution, before the variables are even coerced).
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE } from "../graphql/connection";
import { OperationLimitError } from "./operation-limits";

/** Armor's defaults, kept so costs stay what they were for documents with literal page sizes. */
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_COST_FACTOR = 1.5;
const PAGE_ARGUMENTS = new Set(["first", "last"]);
const INTROSPECTION = new Set(["__schema", "__type"]);
/** Capped by MAX_ENTITY_REPRESENTATIONS in its resolver instead (a router batches up to that many). */
const OWN_CAP = new Set(["_entities(representations)"]);
/** How deep the walk follows nested input values (no input type here nests deeper). */
const MAX_INPUT_NESTING = 16;

type Variables = Readonly<Record<string, unknown>> | undefined;

export interface CostLimits {
  cost: number;
  listItems: number;
}

/** Past a limit: the walk stops at once (a refused request should cost as little as possible). */
class Refusal {
  constructor(readonly error: OperationLimitError) {}
}

function listTooLong(max: number, items: number, where: string): Refusal {
  return new Refusal(new OperationLimitError("listItems", max, `List size limit of ${max} exceeded, found ${items} items in ${where}.`));
}

/**
 * Items in an input value as sent (a literal, or a variable's raw JSON), refusing any list past `maxItems`.
 * A single value where a list is expected is coerced to a list of one: one item.
 */
function inputItems(type: GraphQLInputType, value: unknown, maxItems: number, where: string, nesting = 0): number {
  if (value === null || value === undefined || nesting > MAX_INPUT_NESTING) return 0;
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > maxItems) throw listTooLong(maxItems, items.length, where);
    let total = items.length;
    for (const item of items) total += inputItems(nullable.ofType, item, maxItems, where, nesting + 1);
    return total;
  }
  if (isInputObjectType(nullable) && typeof value === "object" && !Array.isArray(value)) {
    let total = 0;
    const fields = nullable.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) total += inputItems(field.type, fieldValue, maxItems, `${where}.${name}`, nesting + 1);
    }
    return total;
  }
  return 0;
}

/** A literal argument value as the raw value it stands for, with variables read from `variables` (absent: undefined). */
function literal(node: ValueNode, variables: Variables): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    case Kind.LIST:
      return node.values.map((value) => literal(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literal(field.value, variables)]));
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    default:
      return "value" in node ? node.value : undefined;
  }
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Each variable's value: the request's, else its declared default. */
  variables: Variables;
  /** False during validation: a variable without a default has no value yet. */
  known: boolean;
  maxItems: number;
  /** Cost of a fragment's fields, worked out once per fragment (a cycle counts nothing: validation refuses it). */
  fragmentCosts: Map<string, number>;
}

function fieldsOf(type: GraphQLNamedType | undefined): Record<string, GraphQLField<unknown, unknown>> | undefined {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : undefined;
}

/**
 * Σ over a selection set's fields, each times `factor` (the depth factor; 1 for the root fields, as Armor
 * counts), fragments flattened: their fields count as if written in place.
 */
function selectionCost(walk: Walk, type: GraphQLNamedType | undefined, selectionSet: SelectionSetNode, factor = DEPTH_COST_FACTOR): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Introspection is not counted (Armor's ignoreIntrospection); production refuses it anyway.
      if (INTROSPECTION.has(selection.name.value)) continue;
      cost += factor * fieldCost(walk, type, selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      cost += selectionCost(walk, inner, selection.selectionSet, factor);
    } else {
      const key = `${selection.name.value} ${factor}`;
      let known = walk.fragmentCosts.get(key);
      if (known === undefined) {
        const fragment = walk.fragments[selection.name.value];
        walk.fragmentCosts.set(key, 0);
        known = fragment ? selectionCost(walk, walk.schema.getType(fragment.typeCondition.name.value), fragment.selectionSet, factor) : 0;
        walk.fragmentCosts.set(key, known);
      }
      cost += known;
    }
  }
  return cost;
}

function fieldCost(walk: Walk, parent: GraphQLNamedType | undefined, node: FieldNode): number {
  const definition = fieldsOf(parent)?.[node.name.value];
  let items = 0;
  let pageSize: number | undefined;
  for (const argument of node.arguments ?? []) {
    const argumentDefinition = definition?.args.find((arg) => arg.name === argument.name.value);
    if (!argumentDefinition) continue;
    const value = literal(argument.value, walk.variables);
    const where = `${node.name.value}(${argument.name.value})`;
    items += inputItems(argumentDefinition.type, value, OWN_CAP.has(where) ? Infinity : walk.maxItems, where);
    if (PAGE_ARGUMENTS.has(argument.name.value) && typeof value === "number" && Number.isFinite(value)) {
      pageSize = Math.max(pageSize ?? 1, Math.trunc(value));
    }
  }
  if (!node.selectionSet) return SCALAR_COST + items;
  // A paginated field without a page size (left out, or null) serves the default page; during
  // validation a variable page size without a default counts as 1, the least it can be.
  const paginated = definition?.args.some((arg) => PAGE_ARGUMENTS.has(arg.name)) ?? false;
  const unknownVariable = !walk.known && (node.arguments?.some((arg) => PAGE_ARGUMENTS.has(arg.name.value) && arg.value.kind === Kind.VARIABLE) ?? false);
  const multiplier = pageSize ?? (paginated ? (unknownVariable ? 1 : DEFAULT_PAGE_SIZE) : 1);
  const childType = definition ? getNamedType(definition.type) : undefined;
  return (OBJECT_COST + items + selectionCost(walk, childType, node.selectionSet)) * Math.max(1, multiplier);
}

/** Variables as execution will see them: the request's values, a declared default for an absent one. */
function variableValues(operation: OperationDefinitionNode, given: Record<string, unknown> | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = { ...given };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) values[name] = literal(definition.defaultValue, undefined);
  }
  return values;
}

/**
 * The operation's cost, or the refusal of a list past `maxItems`. `variables`: the request's values
 * (per request), or undefined (validation: a variable without a value is unknown).
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  maxItems: number,
  variables?: Record<string, unknown>,
): { cost: number } | { refused: OperationLimitError } {
  const walk: Walk = { schema, fragments, variables: variableValues(operation, variables), known: variables !== undefined, maxItems, fragmentCosts: new Map() };
  const root = schema.getRootType(operation.operation) ?? undefined;
  try {
    // Armor's count: the root fields at their full cost, no depth factor.
    return { cost: Math.round(selectionCost(walk, root, operation.selectionSet, 1)) };
  } catch (error) {
    if (error instanceof Refusal) return { refused: error.error };
    throw error;
  }
}

function fragmentsOf(definitions: readonly { kind: string }[]): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[(definition as FragmentDefinitionNode).name.value] = definition as FragmentDefinitionNode;
  }
  return fragments;
}

function costError(max: number, cost: number): OperationLimitError {
  return new OperationLimitError("cost", max, `Query Cost limit of ${max} exceeded, found ${cost}.`);
}

/** Validation: what the document alone shows (literal page sizes and lists, declared defaults). */
export function costRule(limits: CostLimits): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const result = operationCost(context.getSchema(), operation, fragmentsOf(context.getDocument().definitions), limits.listItems);
      if ("refused" in result) context.reportError(result.refused);
      else if (result.cost > limits.cost) context.reportError(costError(limits.cost, result.cost));
    },
  });
}

/** Per request, before execution: with the variables sent. HTTP 400, as every other limit. */
export function operationCostPlugin<T extends BaseContext>(limits: CostLimits): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // Without variables the validation rule has counted everything already.
          if (!operation?.variableDefinitions?.length) return;
          const result = operationCost(schema, operation, fragmentsOf(document.definitions), limits.listItems, request.variables ?? {});
          const error = "refused" in result ? result.refused : result.cost > limits.cost ? costError(limits.cost, result.cost) : null;
          if (error) {
            error.extensions.http = { status: 400 };
            throw error;
          }
        },
      };
    },
  };
}
