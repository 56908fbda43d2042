import type { GraphQLResolveInfo } from "graphql";
import type { PrismaClient } from "../db/prisma";
import { COLUMNS } from "../data/json-rows";
import type { PageArgs } from "../graphql/connection";
import { readRootPage } from "../data/root-page";
import { pagePlan, type PagePlan, type PreloadRegistry } from "../data/preload";
import { CASUALTY_STATISTIC_LIST, casualtyStatisticConditions } from "./casualty-statistic.conditions";
import type { CasualtyStatisticFilter } from "./casualty-statistic.filter";
import type { CasualtyStatistic } from "./casualty-statistic.type";

const CASUALTY_STATISTIC_COLUMNS = [...COLUMNS.CasualtyStatistic];

/** How to read a page of claims for this query: whole rows, and what is fetched ahead below them. */
export function casualtyStatisticPlan(info: GraphQLResolveInfo, preloads: PreloadRegistry): PagePlan {
  return pagePlan(info, "CasualtyStatistic", ["edges", "node"], () => CASUALTY_STATISTIC_COLUMNS, preloads);
}

/** Newest report first, in one statement. */
export function listCasualtyStatistics(prisma: PrismaClient, filter: CasualtyStatisticFilter | undefined, args: PageArgs, plan: PagePlan) {
  return readRootPage<CasualtyStatistic>(prisma, CASUALTY_STATISTIC_LIST, plan, args, (bind) => casualtyStatisticConditions(filter ?? {}, bind));
}
