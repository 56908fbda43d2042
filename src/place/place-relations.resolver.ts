// The fields of lower domains' types that lead to place rows: this domain is the
// higher end of each relation, so it owns the field, its loader and any fetch-ahead
// spec (the rule of ownership, issue #14). Registered in schema.ts.
import type { Parent } from "../graphql/parent";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { Place } from "./place.type";

@Resolver(() => Country)
export class PlaceFieldsOfCountryResolver {
  @FieldResolver(() => [Place], { description: "Places in this country (the country itself, regions, cities, sites)." })
  places(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.place.countryPlaces.load(country.id);
  }
}
