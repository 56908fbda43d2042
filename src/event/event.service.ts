import type { GraphQLResolveInfo } from "graphql";
import type { PrismaClient } from "../db/prisma";
import { COLUMNS } from "../data/json-rows";
import type { PageArgs } from "../graphql/connection";
import { readRootPage } from "../data/root-page";
import { pagePlan, type PagePlan, type PreloadRegistry } from "../data/preload";
import { EVENT_LIST, eventConditions } from "./event.conditions";
import type { EventFilter } from "./event.filter";
import type { Event } from "./event.type";

const EVENT_COLUMNS = [...COLUMNS.Event];

/** How to read a page of events for this query: whole rows, and what is fetched ahead below them. */
export function eventPlan(info: GraphQLResolveInfo, preloads: PreloadRegistry): PagePlan {
  return pagePlan(info, "Event", ["edges", "node"], () => EVENT_COLUMNS, preloads);
}

/** In time order (earliest start first), in one statement. */
export function listEvents(prisma: PrismaClient, filter: EventFilter | undefined, args: PageArgs, plan: PagePlan) {
  return readRootPage<Event>(prisma, EVENT_LIST, plan, args, (bind) => eventConditions(filter ?? {}, bind));
}
