// Cache policy from the operation document, worked out once per document.
//
// Apollo's cacheControl plugin finds the same answer by hooking every field
// as it resolves (a wrapper and a callback per field of every response);
// our hints are all static (@cacheControl on types and fields, none set by
// resolvers), so the document alone decides the policy. The rules are
// Apollo's (https://www.apollographql.com/docs/apollo-server/performance/caching):
// a field returning an object takes its type's hint, a field's own hint
// overrides it, `inheritMaxAge` defers to the parent, root fields and
// object-returning fields without a hint get the default maxAge, and the
// response gets the most restrictive of all. Reading the document instead of
// the response is conservative: fields that were never reached (below a null)
// still count, so a policy can come out stricter, never looser. `_entities`
// takes the strictest hint of the types its fragments name, where
// @apollo/subgraph sets each entity's type hint as it resolves it.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  getNamedType,
  isCompositeType,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

type Scope = "PUBLIC" | "PRIVATE";
interface Annotation {
  maxAge?: number;
  scope?: Scope;
  inheritMaxAge?: true;
}
export interface CachePolicy {
  maxAge?: number;
  scope?: Scope;
}

function annotationOf(directives: readonly ConstDirectiveNode[] | undefined): Annotation | undefined {
  const directive = directives?.find((d) => d.name.value === "cacheControl");
  if (!directive) return undefined;
  const argument = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
  const scopeValue = argument("scope");
  const scope = scopeValue?.kind === Kind.ENUM && (scopeValue.value === "PUBLIC" || scopeValue.value === "PRIVATE") ? scopeValue.value : undefined;
  const inherit = argument("inheritMaxAge");
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, scope };
  const maxAge = argument("maxAge");
  return { maxAge: maxAge?.kind === Kind.INT ? Number(maxAge.value) : undefined, scope };
}

function typeAnnotation(type: GraphQLNamedType): Annotation {
  return annotationOf(type.astNode?.directives) ?? type.extensionASTNodes.map((node) => annotationOf(node.directives)).find(Boolean) ?? {};
}

function fieldAnnotation(field: GraphQLField<unknown, unknown>): Annotation {
  return annotationOf(field.astNode?.directives) ?? {};
}

/** Narrows `policy` to what `hint` allows: the lower maxAge, PRIVATE over PUBLIC. */
function restrict(policy: CachePolicy, hint: CachePolicy): void {
  if (hint.maxAge !== undefined && (policy.maxAge === undefined || hint.maxAge < policy.maxAge)) policy.maxAge = hint.maxAge;
  if (hint.scope !== undefined && policy.scope !== "PRIVATE") policy.scope = hint.scope;
}

/** Sets every value `hint` has, as Apollo's CachePolicy.replace does. */
function replace(policy: CachePolicy, hint: CachePolicy): void {
  if (hint.maxAge !== undefined) policy.maxAge = hint.maxAge;
  if (hint.scope !== undefined) policy.scope = hint.scope;
}

export function operationCachePolicy(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  defaultMaxAge: number,
): CachePolicy {
  const overall: CachePolicy = {};
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return overall;
  // A fragment reached twice from the same type adds nothing new; this also stops cycles.
  const visited = new Set<string>();

  /** The hints of the entity types an `_entities` selection names; none if one of them has no maxAge. */
  const entityTypeHints = (selectionSet: SelectionSetNode): CachePolicy[] => {
    const hints: CachePolicy[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) continue;
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
      const type = fragment?.typeCondition ? schema.getType(fragment.typeCondition.name.value) : undefined;
      if (!type || !isObjectType(type)) return [];
      const annotation = typeAnnotation(type);
      if (annotation.maxAge === undefined) return [];
      hints.push(annotation);
    }
    return hints;
  };

  const visit = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, isRoot: boolean) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!isObjectType(parentType) && !("getFields" in parentType)) continue; // unions have only __typename
        const field = (parentType as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[selection.name.value];
        if (!field) continue; // __typename and introspection meta fields carry no hints
        const targetType = getNamedType(field.type);
        const policy: CachePolicy = {};
        let inheritMaxAge = false;
        if (isCompositeType(targetType)) {
          const annotation = typeAnnotation(targetType);
          replace(policy, annotation);
          inheritMaxAge = Boolean(annotation.inheritMaxAge);
        }
        const own = fieldAnnotation(field);
        if (own.inheritMaxAge && policy.maxAge === undefined) {
          inheritMaxAge = true;
          if (own.scope) replace(policy, { scope: own.scope });
        } else {
          replace(policy, own);
        }
        if (policy.maxAge === undefined && isRoot && selection.name.value === "_entities" && selection.selectionSet) {
          // @apollo/subgraph hints each entity with its type's policy as it resolves it.
          for (const hint of entityTypeHints(selection.selectionSet)) restrict(policy, hint);
        }
        if (policy.maxAge === undefined && ((isCompositeType(targetType) && !inheritMaxAge) || isRoot)) {
          restrict(policy, { maxAge: defaultMaxAge });
        }
        restrict(overall, policy);
        if (selection.selectionSet && isCompositeType(targetType)) visit(selection.selectionSet, targetType, false);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
        if (!fragment) continue;
        const conditionName = fragment.typeCondition?.name.value;
        const conditionType = conditionName ? schema.getType(conditionName) : parentType;
        if (!conditionType || !isCompositeType(conditionType)) continue;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const key = `${selection.name.value}@${parentType.name}`;
          if (visited.has(key)) continue;
          visited.add(key);
        }
        visit(fragment.selectionSet, conditionType, isRoot);
      }
    }
  };
  visit(operation.selectionSet, rootType, true);
  return overall;
}

const CACHEABLE_HEADER = /^max-age=(\d+), (public|private)$/;

/**
 * Stands in for Apollo's cacheControl plugin (pass ApolloServerPluginCacheControlDisabled()
 * beside it): sets `overallCachePolicy` before execution, for the response
 * cache, and the `cache-control` response header, as that plugin does.
 */
export function staticCachePolicyPlugin(options: { defaultMaxAge: number }): ApolloServerPlugin<BaseContext> {
  const byDocument = new WeakMap<DocumentNode, Map<string, CachePolicy>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, schema, overallCachePolicy }) {
          if (!operation) return;
          let byName = byDocument.get(document);
          if (!byName) byDocument.set(document, (byName = new Map()));
          let policy = byName.get(operationName ?? "");
          if (!policy) {
            const fragments: Record<string, FragmentDefinitionNode> = {};
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
            }
            policy = operationCachePolicy(schema, operation, fragments, options.defaultMaxAge);
            byName.set(operationName ?? "", policy);
          }
          overallCachePolicy.restrict(policy);
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const existing = response.http.headers.get("cache-control");
          if (existing && existing !== "no-store" && !CACHEABLE_HEADER.test(existing)) return; // someone else's header
          const policy: CachePolicy = {};
          replace(policy, overallCachePolicy);
          const match = existing ? CACHEABLE_HEADER.exec(existing) : null;
          if (match) restrict(policy, { maxAge: Number(match[1]), scope: match[2] === "public" ? "PUBLIC" : "PRIVATE" });
          const cacheable = policy.maxAge !== undefined && policy.maxAge > 0;
          if (cacheable && existing !== "no-store" && response.body.kind === "single" && !response.body.singleResult.errors) {
            response.http.headers.set("cache-control", `max-age=${policy.maxAge}, ${(policy.scope ?? "PUBLIC").toLowerCase()}`);
          } else {
            response.http.headers.set("cache-control", "no-store");
          }
        },
      };
    },
  };
}
