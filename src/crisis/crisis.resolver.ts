import type { Parent } from "../common/parent";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { ArticleConnection } from "../article/article.type";
import { CasualtyStatisticConnection } from "../casualty/casualty-statistic.type";
import { childConnection } from "../common/child-connection";
import { parseId } from "../common/ids";
import { PageArgs } from "../common/pagination";
import { Country } from "../country/country.type";
import { EventConnection } from "../event/event.type";
import { badInput } from "../errors";
import { Crisis } from "./crisis.type";

@Resolver(() => Crisis)
export class CrisisResolver {
  @Query(() => Crisis, { nullable: true, description: "A crisis by id or by slug (give exactly one); null when there is none." })
  crisis(
    @Arg("id", () => ID, { nullable: true }) id: string | undefined,
    @Arg("slug", () => String, { nullable: true }) slug: string | undefined,
    @Ctx() { loaders }: Context,
  ) {
    if ((id == null) === (slug == null)) throw badInput('Give exactly one of "id" and "slug"', id == null ? "id" : "slug");
    return id != null ? loaders.crisis.byId.load(parseId(id)) : loaders.crisis.bySlug.load(slug as string);
  }

  @Query(() => [Crisis], { description: "All crises, most recent first." })
  crises(@Ctx() { prisma }: Context) {
    return prisma.crisis.findMany({ orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { id: "asc" }] });
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() crisis: Parent<Crisis>, @Ctx() { loaders }: Context) {
    return crisis.countryId ? loaders.country.byId.load(crisis.countryId) : null;
  }

  @FieldResolver(() => ArticleConnection, { description: "Articles about this crisis, newest first." })
  articles(@Root() crisis: Parent<Crisis>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.article.byCrisis, crisis.id, page, "publishedAt");
  }

  @FieldResolver(() => EventConnection, { description: "The crisis timeline, in time order." })
  events(@Root() crisis: Parent<Crisis>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.event.byCrisis, crisis.id, page, "startDate");
  }

  @FieldResolver(() => CasualtyStatisticConnection, { description: "Casualty and detention claims, newest report first." })
  casualtyStatistics(@Root() crisis: Parent<Crisis>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.casualtyStatistic.byCrisis, crisis.id, page, "reportedAt");
  }
}
