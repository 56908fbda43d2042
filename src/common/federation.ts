// Federation directives as type-graphql applies them (`@Directive(...)`).

/** Marks what belongs to the public contract variant other teams may expose. */
export const PUBLIC = '@tag(name: "public")';

/** Hidden from the supergraph's clients; still resolvable inside this subgraph. */
export const INACCESSIBLE = "@inaccessible";

/** Mutations: the router checks the caller too, with the scope the server's API keys need. */
export const AUTHENTICATED = "@authenticated";
export const WRITE_SCOPE = '@requiresScopes(scopes: [["write"]])';
