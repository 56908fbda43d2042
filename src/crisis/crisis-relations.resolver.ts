// The fields of lower domains' types that lead to crisis rows: this domain is the
// higher end of each relation, so it owns the field, its loader and any fetch-ahead
// spec (the rule of ownership, issue #14). Registered in schema.ts.
import type { Parent } from "../graphql/parent";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { Crisis } from "./crisis.type";

@Resolver(() => Country)
export class CrisisFieldsOfCountryResolver {
  @FieldResolver(() => [Crisis], { description: "Crises in this country, most recent first." })
  crises(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.crisis.countryCrises.load(country.id);
  }
}
