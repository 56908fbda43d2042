// Federation directives as type-graphql applies them (`@Directive(...)`).
import type { GraphQLResolveInfo } from "graphql";
import { isId } from "./ids";


/**
 * Reference data (countries, organisations, memberships, people, places,
 * publishers) changes rarely: routers and CDNs may keep it five minutes.
 * Everything else gets the server's default of 60 s. Our own response cache
 * is invalidated on every write regardless (src/cache/response-cache.ts).
 */
export const REFERENCE_DATA_CACHE = "@cacheControl(maxAge: 300)";

/** Marks what belongs to the public contract variant other teams may expose. */
export const PUBLIC = '@tag(name: "public")';

/** Hidden from the supergraph's clients; still resolvable inside this subgraph. */
export const INACCESSIBLE = "@inaccessible";

/** Mutations: the router checks the caller too, with the scope the server's API keys need. */
export const AUTHENTICATED = "@authenticated";
export const WRITE_SCOPE = '@requiresScopes(scopes: [["write"]])';

/** A representation of `_entities` as sent: any JSON, so every key field is checked to be a string before use. */
export type Representation = { id?: unknown; isoCode?: unknown; slug?: unknown };

/** An entity's `__resolveReference`: each domain writes its own (`<entity>.reference.ts`), schema.ts collects them. */
export interface EntityReference<C> {
  type: string;
  resolve(reference: Representation, context: C, info: GraphQLResolveInfo): unknown;
}

/** Entities by id through the request's loaders: one SQL statement per type however many representations. */
export function referenceById<C>(
  type: string,
  loader: (context: C, info: GraphQLResolveInfo) => { load(id: string): Promise<unknown> },
): EntityReference<C> {
  return {
    type,
    resolve: (reference, context, info) =>
      typeof reference.id === "string" && isId(reference.id) ? loader(context, info).load(reference.id.toLowerCase()) : null,
  };
}
