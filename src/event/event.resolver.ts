import type { Parent } from "../graphql/parent";
import { PUBLIC } from "../graphql/federation";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Article } from "../article/article.type";
import { parseId } from "../graphql/ids";
import { PageArgs } from "../graphql/connection";
import { Country } from "../country/country.type";
import { Crisis } from "../crisis/crisis.type";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";
import { Place } from "../place/place.type";
import { EventFilter } from "./event.filter";
import { eventPlan, listEvents } from "./event.service";
import { preloadedOr } from "../data/preload";
import type { GraphQLResolveInfo } from "graphql";
import { Event, EventConnection, EventParticipant } from "./event.type";

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: "An event by id; null when there is none." })
  @Directive(PUBLIC)
  event(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.event.byId.load(parseId(id));
  }

  @Query(() => EventConnection, { description: "Events in time order." })
  @Directive(PUBLIC)
  events(
    @Args() page: PageArgs,
    @Arg("filter", () => EventFilter, { nullable: true }) filter: EventFilter | undefined,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listEvents(context.prisma, filter ?? undefined, page, eventPlan(info, context.loaders.preloads));
  }

  @FieldResolver(() => Crisis, { nullable: true, description: "The crisis of the event's article; null while that article is unassigned." })
  crisis(@Root() event: Parent<Event>, @Ctx() { loaders }: Context) {
    return event.crisisId ? loaders.crisis.byId.load(event.crisisId) : null;
  }

  @FieldResolver(() => Article, { nullable: true, description: "The article that reports the event." })
  article(@Root() event: Parent<Event>, @Ctx() { loaders }: Context) {
    return event.articleId ? loaders.article.byId.load(event.articleId) : null;
  }

  @FieldResolver(() => [Place])
  places(@Root() event: Parent<Event>, @Ctx() { loaders }: Context) {
    return preloadedOr(event, "places", () => loaders.event.eventPlaces.load(event.id));
  }

  @FieldResolver(() => [EventParticipant])
  participants(@Root() event: Parent<Event>, @Ctx() { loaders }: Context) {
    return loaders.event.eventParticipants.load(event.id);
  }
}

@Resolver(() => EventParticipant)
export class EventParticipantResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() participant: Parent<EventParticipant>, @Ctx() { loaders }: Context) {
    return participant.personId ? loaders.person.byId.load(participant.personId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() participant: Parent<EventParticipant>, @Ctx() { loaders }: Context) {
    return participant.organizationId ? loaders.organization.byId.load(participant.organizationId) : null;
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() participant: Parent<EventParticipant>, @Ctx() { loaders }: Context) {
    return participant.countryId ? loaders.country.byId.load(participant.countryId) : null;
  }
}
