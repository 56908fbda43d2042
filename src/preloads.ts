// Which relations a root list fetches ahead for its page (see
// data/preload.ts): each domain declares its own next to the loader it
// stands in for; this is where they meet.
import type { GraphQLResolveInfo } from "graphql";
import { casualtyStatisticPreloads } from "./casualty/casualty-statistic.loader";
import { claimantPreloads } from "./casualty/claimant.loader";
import { attachPreloaded, planPage, planPreload, type PagePlan, type PreloadPlan, type PreloadRegistry, type Row } from "./data/preload";
import type { Context } from "./context";
import { eventPreloads } from "./event/event.loader";
import { placePreloads } from "./place/place.loader";
import { publisherPreloads } from "./publisher/publisher.loader";

export const PRELOADS: PreloadRegistry = {};
for (const registry of [eventPreloads, placePreloads, casualtyStatisticPreloads, claimantPreloads, publisherPreloads]) {
  for (const [type, fields] of Object.entries(registry)) PRELOADS[type] = { ...PRELOADS[type], ...fields };
}

/** The GraphQL types a page can hold, with their tables. */
const TABLES = { Article: '"Article"', Event: '"Event"', CasualtyStatistic: '"CasualtyStatistic"' } as const;

// Plans depend on the document only; documents are parsed once and reused (Apollo's document store),
// whose bound counts these plans too (cache/document-store.ts).
const plans = new WeakMap<object, PreloadPlan>();

/**
 * Fetches ahead, in one statement, every relation with a spec that the query
 * selects below the `rows` of a page (a connection's edges → node), and hangs
 * them on the rows for the relations' resolvers (data/preload.ts). Nothing
 * when loaders are switched off (the benchmark's naive server) or nothing
 * below has a spec.
 */
export async function preloadPage(
  { prisma, loaders }: Context,
  info: GraphQLResolveInfo,
  type: keyof typeof TABLES,
  rows: readonly Row[],
): Promise<void> {
  if (!rows.length || !loaders.batching) return;
  let plan = plans.get(info.fieldNodes[0]);
  if (!plan) plans.set(info.fieldNodes[0], (plan = planPreload(PRELOADS, info, ["edges", "node"], type, TABLES[type])));
  if (!plan.sql) return;
  const [{ preload }] = await prisma.$queryRawUnsafe<{ preload: string }[]>(plan.sql, rows.map((row) => row.id));
  attachPreloaded(plan, rows, preload);
}

const NOTHING_AHEAD: PreloadPlan = { root: { relations: [], columns: null }, sql: null };
// Per type too: one `_entities` field holds rows of several types.
const pagePlans = new Map<string, WeakMap<object, PagePlan>>();

/** Where the rows stand below the root field: a connection's edges → node, or the field itself. */
export type RowPath = readonly ["edges", "node"] | readonly [];

/**
 * How to read the rows of `type` at `path` below a root field with the
 * `columns` they need and, in the same statement, every relation with a spec
 * that the query selects below them (none when loaders are switched off:
 * the benchmark's naive server asks per parent).
 */
export function pagePlan(
  info: GraphQLResolveInfo,
  type: keyof typeof TABLES,
  path: RowPath,
  columns: (info: GraphQLResolveInfo, path: RowPath, plan: PreloadPlan) => readonly string[],
  batching: boolean,
): PagePlan {
  const cacheKey = `${type} ${batching}`;
  let cache = pagePlans.get(cacheKey);
  if (!cache) pagePlans.set(cacheKey, (cache = new WeakMap()));
  let page = cache.get(info.fieldNodes[0]);
  if (!page) {
    const plan = batching ? planPreload(PRELOADS, info, path, type, TABLES[type]) : NOTHING_AHEAD;
    cache.set(info.fieldNodes[0], (page = planPage(plan, columns(info, path, plan))));
  }
  return page;
}
