// Federation directives as type-graphql applies them (`@Directive(...)`).

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
