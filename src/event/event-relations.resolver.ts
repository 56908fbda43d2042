// The fields of lower domains' types that lead to event rows: this domain is the
// higher end of each relation, so it owns the field, its loader and any fetch-ahead
// spec (the rule of ownership, issue #14). Registered in schema.ts.
import type { Parent } from "../graphql/parent";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { childConnection } from "../data/child-connection";
import { PageArgs } from "../graphql/connection";
import { preloadedOr } from "../data/preload";
import { Article } from "../article/article.type";
import { Crisis } from "../crisis/crisis.type";
import { Event, EventConnection } from "./event.type";
import { Person } from "../person/person.type";
import { Place } from "../place/place.type";

@Resolver(() => Article)
export class EventFieldsOfArticleResolver {
  @FieldResolver(() => [Event], { description: "Events this article reports, in time order." })
  events(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return preloadedOr(article, "events", () => loaders.event.articleEvents.load(article.id));
  }
}

@Resolver(() => Crisis)
export class EventFieldsOfCrisisResolver {
  @FieldResolver(() => EventConnection, { description: "The crisis timeline, in time order." })
  events(@Root() crisis: Parent<Crisis>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.event.crisisEvents, crisis.id, page, "startDate");
  }
}

@Resolver(() => Person)
export class EventFieldsOfPersonResolver {
  @FieldResolver(() => EventConnection, { description: "Events this person took part in, in time order." })
  events(@Root() person: Parent<Person>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.event.personEvents, person.id, page, "startDate");
  }
}

@Resolver(() => Place)
export class EventFieldsOfPlaceResolver {
  @FieldResolver(() => EventConnection, { description: "Events here, in time order." })
  events(@Root() place: Parent<Place>, @Args() page: PageArgs, @Ctx() { loaders }: Context) {
    return childConnection(loaders.event.placeEvents, place.id, page, "startDate");
  }
}
