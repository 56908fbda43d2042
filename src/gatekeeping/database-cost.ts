// The database's share of an operation's cost. Armor's cost limit counts
// fields and page sizes; a `totalCount` (a COUNT over every matching row) and
// a `search` (a full-text match) cost the database far more than a field,
// and cost the same whatever the page size. Each counts a fixed weight here,
// per occurrence in the document (fragments counted where they are spread),
// against the same MAX_COST: 15 aliased searches with their counts are refused
// before any SQL runs, a page with a search and its count passes easily.
// A `filter` sent as a variable may hold a search: it is counted as one.
import {
  getNamedType,
  isInputObjectType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";

/** Cost of one `totalCount`: a COUNT over every row the filter matches. */
export const TOTAL_COUNT_COST = 100;
/** Cost of one `search` (an argument whose input type has a `search` field, set or sent as a variable). */
export const SEARCH_COST = 300;

/** `refuse` makes the error reported for a message (operation-limits.ts: an OperationLimitError for "cost"). */
export function databaseCostRule(maxCost: number, refuse: (message: string) => GraphQLError): ValidationRule {
  return (context) => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const fragmentCosts = new Map<string, number>();

    const costOf = (selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined | null): number => {
      let cost = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === "totalCount") cost += TOTAL_COUNT_COST;
          const field = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[selection.name.value] : undefined;
          for (const argument of selection.arguments ?? []) {
            const argumentType = field?.args.find((arg) => arg.name === argument.name.value)?.type;
            const input = argumentType && getNamedType(argumentType);
            if (!input || !isInputObjectType(input) || !input.getFields().search) continue;
            const value = argument.value;
            const searches =
              value.kind === Kind.VARIABLE ||
              (value.kind === Kind.OBJECT && value.fields.some((entry) => entry.name.value === "search" && entry.value.kind !== Kind.NULL));
            if (searches) cost += SEARCH_COST;
          }
          if (selection.selectionSet) cost += costOf(selection.selectionSet, field && getNamedType(field.type));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          cost += costOf(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type);
        } else {
          const name = selection.name.value;
          if (!fragmentCosts.has(name)) {
            fragmentCosts.set(name, 0); // a cycle (refused by graphql-js anyway) counts nothing
            const fragment = fragments.get(name);
            if (fragment) fragmentCosts.set(name, costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)));
          }
          cost += fragmentCosts.get(name)!;
        }
      }
      return cost;
    };

    return {
      OperationDefinition(node) {
        const cost = costOf(node.selectionSet, schema.getRootType(node.operation));
        if (cost > maxCost) {
          context.reportError(
            refuse(`Query Cost limit of ${maxCost} exceeded, found ${cost} in database work alone (each totalCount costs ${TOTAL_COUNT_COST}, each search ${SEARCH_COST}).`),
          );
        }
      },
    };
  };
}
