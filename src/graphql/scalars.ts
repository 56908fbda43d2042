// Dates on the wire: `DateTime` for instants (ISO 8601 with zone, sent in UTC)
// and `Date` for calendar days (YYYY-MM-DD), from graphql-scalars.
import { GraphQLError, GraphQLScalarType, type GraphQLScalarTypeConfig } from "graphql";
import { DateResolver, DateTimeISOResolver } from "graphql-scalars";

/** YYYY-MM-DD of a Date's UTC day, for the years toISOString writes with four digits; otherwise null. */
function utcDay(date: Date): string | null {
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return null; // also NaN: an invalid Date
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * Years 1 to 9999 only, as four digits write them: graphql-scalars takes "0000-01-01", which
 * PostgreSQL refuses (there is no year 0), so a filter with it failed as an internal error.
 */
function withinYears<T extends GraphQLScalarTypeConfig<unknown, unknown>>(config: T): T {
  const check = (value: unknown): unknown => {
    const year = value instanceof Date ? value.getUTCFullYear() : NaN;
    if (value instanceof Date && !(year >= 1 && year <= 9999)) throw new GraphQLError(`${config.name} must lie in the years 0001 to 9999`);
    return value;
  };
  const { parseValue, parseLiteral } = config;
  return {
    ...config,
    parseValue: parseValue && ((value: unknown) => check(parseValue(value))),
    parseLiteral: parseLiteral && ((ast, variables) => check(parseLiteral(ast, variables))),
  };
}

// graphql-scalars writes a Date as toISOString().split("T")[0], the costliest
// leaf of a nested page's profile; the same text from the UTC fields, and
// graphql-scalars for everything else (strings, errors, far years).
export const DateScalar = new GraphQLScalarType({
  ...withinYears(DateResolver.toConfig()),
  serialize: (value) => (value instanceof Date && utcDay(value)) || DateResolver.serialize(value),
});

// graphql-scalars calls it DateTimeISO; DateTime is the name clients expect.
export const DateTimeScalar = new GraphQLScalarType({ ...withinYears(DateTimeISOResolver.toConfig()), name: "DateTime" });
