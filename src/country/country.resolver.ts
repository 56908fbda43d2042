import { PUBLIC } from "../graphql/federation";
import { Arg, Ctx, Directive, Query, Resolver } from "type-graphql";
import type { Context } from "../context";
import { isoCode } from "../graphql/filters";
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
}
