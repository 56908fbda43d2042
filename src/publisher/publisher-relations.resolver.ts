// The fields of lower domains' types that lead to publisher rows: this domain is the
// higher end of each relation, so it owns the field, its loader and any fetch-ahead
// spec (the rule of ownership, issue #14). Registered in schema.ts.
import type { Parent } from "../graphql/parent";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { Publisher } from "./publisher.type";

@Resolver(() => Country)
export class PublisherFieldsOfCountryResolver {
  @FieldResolver(() => [Publisher], { description: "Publishers based in this country." })
  publishers(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.publisher.countryPublishers.load(country.id);
  }
}
