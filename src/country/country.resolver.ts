import type { Parent } from "../graphql/parent";
import { PUBLIC } from "../graphql/federation";
import { Arg, Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { ArticleConnection } from "../article/article.type";
import { Claimant } from "../casualty/claimant.type";
import { childConnection } from "../data/child-connection";
import { isoCode } from "../graphql/filters";
import { PageArgs } from "../graphql/connection";
import { Crisis } from "../crisis/crisis.type";
import { Organization } from "../organization/organization.type";
import { Publisher } from "../publisher/publisher.type";
import { Chairmanship, Membership } from "../organization/organization.type";
import { Place } from "../place/place.type";
import { Country } from "./country.type";

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: "A country by ISO 3166-1 alpha-2 code (case-insensitive); null when there is none." })
  @Directive(PUBLIC)
  country(@Arg("isoCode") code: string, @Ctx() { loaders }: Context) {
    return loaders.country.byIsoCode.load(isoCode(code));
  }

  @Query(() => [Country], { description: "All countries, by name." })
  countries(@Ctx() { prisma }: Context) {
    return prisma.country.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] });
  }

  @FieldResolver(() => [Membership], { description: "Memberships of organisations, oldest first." })
  memberships(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.organization.membershipsOfCountry.load(country.id);
  }

  @FieldResolver(() => [Chairmanship], { description: "Chairmanships of organisations, oldest first." })
  chairmanships(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.organization.chairmanshipsOfCountry.load(country.id);
  }

  @FieldResolver(() => [Place], { description: "Places in this country (the country itself, regions, cities, sites)." })
  places(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.place.inCountry.load(country.id);
  }

  @FieldResolver(() => [Crisis], { description: "Crises in this country, most recent first." })
  crises(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.country.crises.load(country.id);
  }

  @FieldResolver(() => [Publisher], { description: "Publishers based in this country." })
  publishers(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.country.publishers.load(country.id);
  }

  @FieldResolver(() => [Claimant], { description: "Claimants of this country (its ministries, officials)." })
  claimants(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.country.claimants.load(country.id);
  }

  @FieldResolver(() => [Organization], { description: "National bodies of this country (ministries, agencies)." })
  organizations(@Root() country: Parent<Country>, @Ctx() { loaders }: Context) {
    return loaders.country.organizations.load(country.id);
  }

  @FieldResolver(() => ArticleConnection, { description: "Articles that name this country, newest first." })
  articles(@Root() country: Parent<Country>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.article.mentioningCountry, country.id, page, "publishedAt");
  }
}
