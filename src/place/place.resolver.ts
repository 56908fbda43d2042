import type { Parent } from "../graphql/parent";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { ArticleConnection } from "../article/article.type";
import { CasualtyStatisticConnection } from "../casualty/casualty-statistic.type";
import { childConnection } from "../data/child-connection";
import { parseId } from "../graphql/ids";
import { PageArgs } from "../graphql/connection";
import { Country } from "../country/country.type";
import { EventConnection } from "../event/event.type";
import { Place } from "./place.type";

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => Place, { nullable: true, description: "A place by id; null when there is none." })
  place(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.place.byId.load(parseId(id));
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() place: Parent<Place>, @Ctx() { loaders }: Context) {
    return place.countryId ? loaders.country.byId.load(place.countryId) : null;
  }

  @FieldResolver(() => Place, { nullable: true, description: "The place this one lies in." })
  parent(@Root() place: Parent<Place>, @Ctx() { loaders }: Context) {
    return place.parentId ? loaders.place.byId.load(place.parentId) : null;
  }

  @FieldResolver(() => [Place], { description: "Places that lie in this one." })
  children(@Root() place: Parent<Place>, @Ctx() { loaders }: Context) {
    return loaders.place.children.load(place.id);
  }

  @FieldResolver(() => EventConnection, { description: "Events here, in time order." })
  events(@Root() place: Parent<Place>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.event.atPlace, place.id, page, "startDate");
  }

  @FieldResolver(() => CasualtyStatisticConnection, { description: "Casualty claims about this place, newest report first." })
  casualtyStatistics(@Root() place: Parent<Place>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.casualtyStatistic.atPlace, place.id, page, "reportedAt");
  }

  @FieldResolver(() => ArticleConnection, { description: "Articles that mention this place, newest first." })
  articles(@Root() place: Parent<Place>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.article.mentioningPlace, place.id, page, "publishedAt");
  }
}
