// "How many were killed in this crisis, per claimant, as of a date": the
// latest figure of each claimant, the spread across claimants, and each
// claimant's history. Groups (security forces, protesters, all) stay apart:
// their figures are never added together.
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { CasualtyStatistic as CasualtyStatisticRow } from "../generated/prisma/client";
import type { Context } from "../context";
import { utcDay } from "../common/dates";
import { AffectedGroup, CasualtyCategory } from "../common/enums";
import { DateScalar } from "../common/scalars";
import { Crisis } from "../crisis/crisis.type";
import { apiError, ErrorCode } from "../errors";
import { CasualtyStatistic } from "./casualty-statistic.type";
import { Claimant } from "./claimant.type";

@ObjectType({ simpleResolvers: true, description: "One claimant's figures for one group, oldest first." })
export class ClaimantFigures {
  @Field(() => Claimant)
  claimant: Claimant;

  @Field(() => CasualtyStatistic, { description: "The claimant's most recent figure as of the date." })
  latest: CasualtyStatistic;

  @Field(() => [CasualtyStatistic], { description: "Every figure the claimant gave, oldest report first (e.g. 8, then 18, then 19)." })
  history: CasualtyStatistic[];
}

@ObjectType({ simpleResolvers: true, description: "The figures for one affected group." })
export class AffectedGroupFigures {
  @Field(() => AffectedGroup)
  affectedGroup: AffectedGroup;

  @Field(() => Int, { description: "The lowest of the claimants' latest `low` figures." })
  low: number;

  @Field(() => Int, { description: "The highest of the claimants' latest figures (`high`, or `best` when they give no ceiling)." })
  high: number;

  @Field(() => [ClaimantFigures], { description: "Per claimant, highest latest figure first." })
  claimants: ClaimantFigures[];
}

@ObjectType({ simpleResolvers: true })
export class CasualtySummary {
  @Field(() => Crisis)
  crisis: Crisis;

  @Field(() => CasualtyCategory)
  category: CasualtyCategory;

  @Field(() => DateScalar)
  asOf: Date;

  @Field(() => [AffectedGroupFigures], { description: "One entry per affected group; never summed across groups." })
  groups: AffectedGroupFigures[];
}

export function summarise(rows: CasualtyStatisticRow[], claimants: Map<string, Claimant>): AffectedGroupFigures[] {
  const byGroup = new Map<AffectedGroup, Map<string, CasualtyStatisticRow[]>>();
  for (const row of rows) {
    const group = byGroup.get(row.affectedGroup) ?? new Map<string, CasualtyStatisticRow[]>();
    byGroup.set(row.affectedGroup, group);
    group.set(row.claimantId, [...(group.get(row.claimantId) ?? []), row]);
  }
  return [...byGroup.entries()]
    .map(([affectedGroup, perClaimant]) => {
      const figures = [...perClaimant.entries()].map(([claimantId, history]) => ({
        claimant: claimants.get(claimantId) as Claimant,
        latest: history[history.length - 1] as CasualtyStatistic,
        history: history as CasualtyStatistic[],
      }));
      figures.sort((a, b) => b.latest.best - a.latest.best || a.claimant.name.localeCompare(b.claimant.name));
      return {
        affectedGroup,
        low: Math.min(...figures.map((f) => f.latest.low)),
        high: Math.max(...figures.map((f) => f.latest.high ?? f.latest.best)),
        claimants: figures,
      };
    })
    .sort((a, b) => a.affectedGroup.localeCompare(b.affectedGroup));
}

@Resolver()
export class CasualtySummaryResolver {
  @Query(() => CasualtySummary, {
    description: "The casualty picture of a crisis for one category as of a day: per affected group, the latest figure of each claimant, the range across them, and each claimant's history. Rejected and corrected claims, and claims of article versions since revised, are left out.",
  })
  async casualtySummary(
    @Arg("crisisSlug") crisisSlug: string,
    @Arg("category", () => CasualtyCategory) category: CasualtyCategory,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "Only claims reported on or before this day; today when omitted." }) asOf: Date | undefined,
    @Ctx() { prisma, loaders }: Context,
  ): Promise<CasualtySummary> {
    const crisis = await loaders.crisis.bySlug.load(crisisSlug);
    if (!crisis) throw apiError(ErrorCode.NOT_FOUND, `No crisis with slug "${crisisSlug}"`, { argumentName: "crisisSlug" });
    const day = asOf ?? new Date();
    const rows = await prisma.casualtyStatistic.findMany({
      // Left out: rejected claims, claims an editor corrected, and claims of an article version its outlet has since revised.
      where: { crisisId: crisis.id, category, reportedAt: { lte: day }, reviewStatus: { not: "REJECTED" }, correctedBy: null, article: { nextVersion: null } },
      orderBy: [{ reportedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    });
    const claimantRows = await loaders.claimant.byId.loadMany([...new Set(rows.map((row) => row.claimantId))]);
    const claimants = new Map(claimantRows.filter((c): c is Claimant => c !== null && !(c instanceof Error)).map((c) => [c.id, c]));
    return { crisis, category, asOf: utcDay(day), groups: summarise(rows, claimants) };
  }
}
