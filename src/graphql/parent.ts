/**
 * How field resolvers take their parent: `@Root() article: Parent<Article>`.
 * With the class itself as the parameter's type, TypeScript's decorator
 * metadata names the class and type-graphql copies the row into a new
 * instance of it on every call (hundreds per page, most of a nested query's
 * garbage); through this alias the metadata says Object and the row is
 * handed over as it is.
 */
export type Parent<T> = Readonly<T>;
