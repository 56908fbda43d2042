// Dates on the wire: `DateTime` for instants (ISO 8601 with zone, sent in UTC)
// and `Date` for calendar days (YYYY-MM-DD), from graphql-scalars.
import { GraphQLScalarType } from "graphql";
import { DateResolver, DateTimeISOResolver } from "graphql-scalars";

export const DateScalar = DateResolver;

// graphql-scalars calls it DateTimeISO; DateTime is the name clients expect.
export const DateTimeScalar = new GraphQLScalarType({ ...DateTimeISOResolver.toConfig(), name: "DateTime" });
