import type { Parent } from "../graphql/parent";
import { PUBLIC } from "../graphql/federation";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Article } from "../article/article.type";
import { parseId } from "../graphql/ids";
import { PageArgs } from "../graphql/connection";
import { Crisis } from "../crisis/crisis.type";
import { Place } from "../place/place.type";
import { CasualtyStatisticFilter } from "./casualty-statistic.filter";
import { casualtyStatisticPlan, listCasualtyStatistics } from "./casualty-statistic.service";
import { preloadedOr } from "../data/preload";
import { DateScalar } from "../graphql/scalars";
import type { GraphQLResolveInfo } from "graphql";
import { CasualtyStatistic, CasualtyStatisticConnection } from "./casualty-statistic.type";
import { Claimant } from "./claimant.type";

/**
 * The report day, or null when the article gave no date (the column then holds
 * the ingestion day, the sort key). Every read of a claim row takes
 * reportedAtKnown with it (whole rows, or the preload spec's columns); a row
 * without it is a bug, not an unknown date.
 */
export function knownReportDay(statistic: Parent<CasualtyStatistic>): Date | null {
  if (statistic.reportedAtKnown === undefined) throw new Error("CasualtyStatistic row read without reportedAtKnown: cannot tell a report day from a sort key");
  return statistic.reportedAtKnown ? statistic.reportedAt : null;
}

@Resolver(() => CasualtyStatistic)
export class CasualtyStatisticResolver {
  @Query(() => CasualtyStatistic, { nullable: true, description: "A casualty statistic by id; null when there is none." })
  @Directive(PUBLIC)
  casualtyStatistic(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.casualtyStatistic.byId.load(parseId(id));
  }

  @Query(() => CasualtyStatisticConnection, { description: "Casualty and detention claims, newest report first." })
  @Directive(PUBLIC)
  casualtyStatistics(
    @Args() page: PageArgs,
    @Arg("filter", () => CasualtyStatisticFilter, { nullable: true }) filter: CasualtyStatisticFilter | undefined,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listCasualtyStatistics(context.prisma, filter ?? undefined, page, casualtyStatisticPlan(info, context.loaders.preloads));
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  reportedAt(@Root() statistic: Parent<CasualtyStatistic>): Date | null {
    return knownReportDay(statistic);
  }

  @FieldResolver(() => DateScalar, {
    description:
      "The day lists (newest first) and `casualtySummary` (`asOf`, history order) file the claim under: `reportedAt`, or, when that is null, the day the claim was ingested (it was made on or before that day).",
  })
  sortedOn(@Root() statistic: Parent<CasualtyStatistic>): Date {
    return statistic.reportedAt;
  }

  @FieldResolver(() => Claimant)
  claimant(@Root() statistic: Parent<CasualtyStatistic>, @Ctx() { loaders }: Context) {
    return preloadedOr(statistic, "claimant", () => loaders.claimant.byId.load(statistic.claimantId));
  }

  @FieldResolver(() => Claimant, { nullable: true, description: "The claimant the claim was stored under, when an editor's merge (mergeClaimants) moved it to `claimant`; else null." })
  claimantBeforeMerge(@Root() statistic: Parent<CasualtyStatistic>, @Ctx() { loaders }: Context) {
    return statistic.claimantBeforeMergeId ? loaders.claimant.byId.load(statistic.claimantBeforeMergeId) : null;
  }

  @FieldResolver(() => Article, { description: "The article that states the figure." })
  article(@Root() statistic: Parent<CasualtyStatistic>, @Ctx() { loaders }: Context) {
    return loaders.article.byId.load(statistic.articleId);
  }

  @FieldResolver(() => Place, { nullable: true })
  place(@Root() statistic: Parent<CasualtyStatistic>, @Ctx() { loaders }: Context) {
    return statistic.placeId ? loaders.place.byId.load(statistic.placeId) : null;
  }

  @FieldResolver(() => Crisis, { nullable: true, description: "The crisis of the claim's article; null while that article is unassigned." })
  crisis(@Root() statistic: Parent<CasualtyStatistic>, @Ctx() { loaders }: Context) {
    return statistic.crisisId ? loaders.crisis.byId.load(statistic.crisisId) : null;
  }

  @FieldResolver(() => CasualtyStatistic, { nullable: true, description: "The claim this one corrects (an editor's correction keeps the original)." })
  correctionOf(@Root() statistic: Parent<CasualtyStatistic>, @Ctx() { loaders }: Context) {
    return statistic.correctionOfId ? loaders.casualtyStatistic.byId.load(statistic.correctionOfId) : null;
  }

  @FieldResolver(() => CasualtyStatistic, { nullable: true, description: "The correction that replaced this claim, if any." })
  correctedBy(@Root() statistic: Parent<CasualtyStatistic>, @Ctx() { loaders }: Context) {
    return loaders.casualtyStatistic.casualtyStatisticCorrectedBy.load(statistic.id);
  }
}
