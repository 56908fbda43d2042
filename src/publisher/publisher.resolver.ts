import type { Parent } from "../graphql/parent";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { parseId } from "../graphql/ids";
import { Country } from "../country/country.type";
import { Publisher } from "./publisher.type";

@Resolver(() => Publisher)
export class PublisherResolver {
  @Query(() => Publisher, { nullable: true })
  publisher(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.publisher.byId.load(parseId(id));
  }

  @Query(() => [Publisher], { description: "All publishers, by name." })
  publishers(@Ctx() { prisma }: Context) {
    return prisma.publisher.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] });
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() publisher: Parent<Publisher>, @Ctx() { loaders }: Context) {
    return publisher.countryId ? loaders.country.byId.load(publisher.countryId) : null;
  }
}
