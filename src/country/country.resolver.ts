import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { isoCode } from "../common/filters";
import { Chairmanship, Membership } from "../organization/organization.type";
import { Place } from "../place/place.type";
import { Country } from "./country.type";

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: "A country by ISO 3166-1 alpha-2 code (case-insensitive); null when there is none." })
  country(@Arg("isoCode") code: string, @Ctx() { loaders }: Context) {
    return loaders.country.byIsoCode.load(isoCode(code));
  }

  @Query(() => [Country], { description: "All countries, by name." })
  countries(@Ctx() { prisma }: Context) {
    return prisma.country.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] });
  }

  @FieldResolver(() => [Membership], { description: "Memberships of organisations, oldest first." })
  memberships(@Root() country: Country, @Ctx() { loaders }: Context) {
    return loaders.organization.membershipsOfCountry.load(country.id);
  }

  @FieldResolver(() => [Chairmanship], { description: "Chairmanships of organisations, oldest first." })
  chairmanships(@Root() country: Country, @Ctx() { loaders }: Context) {
    return loaders.organization.chairmanshipsOfCountry.load(country.id);
  }

  @FieldResolver(() => [Place], { description: "Places in this country (the country itself, regions, cities, sites)." })
  places(@Root() country: Country, @Ctx() { loaders }: Context) {
    return loaders.place.inCountry.load(country.id);
  }
}
