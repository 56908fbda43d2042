// "How many were killed in this crisis, per claimant, as of a date": the
// latest figure of each claimant, the spread across claimants, and each
// claimant's history. Groups (security forces, protesters, all) stay apart:
// their figures are never added together.
import { CLAIM_OF_CURRENT_VERSION } from "../article/article-versions";
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { CasualtyStatistic as CasualtyStatisticRow } from "../generated/prisma/client";
import type { Context } from "../context";
import { utcDay } from "../data/dates";
import { DateScalar } from "../graphql/scalars";
import { Crisis } from "../crisis/crisis.type";
import { apiError, ErrorCode } from "../errors";
import { AffectedGroup, CasualtyCategory, CasualtyStatistic } from "./casualty-statistic.type";
import { Claimant } from "./claimant.type";

@ObjectType({ simpleResolvers: true, description: "One claimant's figures for one group, oldest first." })
export class ClaimantFigures {
  @Field(() => Claimant)
  claimant: Claimant;

  @Field(() => CasualtyStatistic, {
    nullable: true,
    description:
      "The claimant's most recent total as of the date: the last figure in `history` that still stands (status CURRENT or DISPUTED, never RETRACTED or SUPERSEDED) and is a total (`increment: false`), among those with a known report day; a claim with no known date (`reportedAt: null`) is taken only when the claimant has no dated one. Null when no figure of theirs qualifies.",
  })
  latest: CasualtyStatistic | null;

  @Field(() => [CasualtyStatistic], {
    description:
      "Every figure the claimant gave, retracted, superseded and increments included (see each one's `status` and `increment`), in `sortedOn` order, oldest first (e.g. 8, then 18, then 19); an undated claim stands at the day it was ingested.",
  })
  history: CasualtyStatistic[];
}

@ObjectType({ simpleResolvers: true, description: "The figures for one affected group." })
export class AffectedGroupFigures {
  @Field(() => AffectedGroup)
  affectedGroup: AffectedGroup;

  @Field(() => Int, { nullable: true, description: "The lowest of the claimants' latest `low` figures; null when no claimant has a latest figure." })
  low: number | null;

  @Field(() => Int, { nullable: true, description: "The highest of the claimants' latest figures (`high`, or `best` when they give no ceiling); null when no claimant has a latest figure." })
  high: number | null;

  @Field(() => [ClaimantFigures], { description: "Per claimant, highest latest figure first; claimants without a latest figure last, by name." })
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

/** Whether a claim can be a claimant's latest figure: it still stands (not retracted or superseded) and is a total, not "N more". */
export function standsAsTotal(row: Pick<CasualtyStatisticRow, "status" | "increment">): boolean {
  return (row.status === "CURRENT" || row.status === "DISPUTED") && !row.increment;
}

/** The last standing total of a history (in sortedOn order) with a known report day; else the last undated one; else null. */
function latestOf(history: CasualtyStatisticRow[]): CasualtyStatisticRow | null {
  let undated: CasualtyStatisticRow | null = null;
  for (let i = history.length - 1; i >= 0; i--) {
    const row = history[i];
    if (!standsAsTotal(row)) continue;
    if (row.reportedAtKnown) return row;
    undated ??= row;
  }
  return undated;
}

/** Rows in sortedOn order (reportedAt column, then createdAt, id), grouped by affected group, then claimant. */
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
        latest: latestOf(history) as CasualtyStatistic | null,
        history: history as CasualtyStatistic[],
      }));
      figures.sort(
        (a, b) =>
          (a.latest ? 0 : 1) - (b.latest ? 0 : 1) || (b.latest?.best ?? 0) - (a.latest?.best ?? 0) || a.claimant.name.localeCompare(b.claimant.name),
      );
      const latest = figures.flatMap((f) => (f.latest ? [f.latest] : []));
      return {
        affectedGroup,
        low: latest.length ? Math.min(...latest.map((l) => l.low)) : null,
        high: latest.length ? Math.max(...latest.map((l) => l.high ?? l.best)) : null,
        claimants: figures,
      };
    })
    .sort((a, b) => a.affectedGroup.localeCompare(b.affectedGroup));
}

@Resolver()
export class CasualtySummaryResolver {
  @Query(() => CasualtySummary, {
    description:
      "The casualty picture of a crisis for one category as of a day: per affected group, the latest figure of each claimant, the range across them, and each claimant's history. Rejected and corrected claims, and claims of article versions since revised, are left out. Retracted and superseded claims, and increments (\"N more\"), are never a latest figure but stay in the history with their `status`. A claim whose article gave no date counts from the day it was ingested (`sortedOn`).",
  })
  async casualtySummary(
    @Arg("crisisSlug") crisisSlug: string,
    @Arg("category", () => CasualtyCategory) category: CasualtyCategory,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "Only claims filed (`sortedOn`) on or before this day: reported by then, or, undated, ingested by then; today when omitted." }) asOf: Date | undefined,
    @Ctx() { prisma, loaders }: Context,
  ): Promise<CasualtySummary> {
    const crisis = await loaders.crisis.bySlug.load(crisisSlug);
    if (!crisis) throw apiError(ErrorCode.NOT_FOUND, `No crisis with slug "${crisisSlug}"`, { argumentName: "crisisSlug" });
    const day = asOf ?? new Date();
    const rows = await prisma.casualtyStatistic.findMany({
      // Left out: rejected claims, claims an editor corrected, and claims of an article version its outlet has since revised.
      where: { crisisId: crisis.id, category, reportedAt: { lte: day }, reviewStatus: { not: "REJECTED" }, correctedBy: null, ...CLAIM_OF_CURRENT_VERSION },
      orderBy: [{ reportedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    });
    const claimantRows = await loaders.claimant.byId.loadMany([...new Set(rows.map((row) => row.claimantId))]);
    const claimants = new Map(claimantRows.filter((c): c is Claimant => c !== null && !(c instanceof Error)).map((c) => [c.id, c]));
    return { crisis, category, asOf: utcDay(day), groups: summarise(rows, claimants) };
  }
}
