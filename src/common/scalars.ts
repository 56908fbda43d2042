// Dates on the wire: `DateTime` for instants (ISO 8601 with zone) and `Date`
// for calendar days (YYYY-MM-DD), from graphql-scalars.
export { DateResolver as DateScalar, DateTimeISOResolver as DateTimeScalar } from "graphql-scalars";
