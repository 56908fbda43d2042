import { INACCESSIBLE, PUBLIC } from "../graphql/federation";
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { DateScalar, DateTimeScalar } from "../graphql/scalars";
import { AffectedGroup, CasualtyCategory, ClaimStatus, Qualifier, ReviewStatus } from "../generated/prisma/enums";

registerEnumType(CasualtyCategory, { name: "CasualtyCategory" });
registerEnumType(AffectedGroup, { name: "AffectedGroup", description: "Whom a figure counts. Figures of different groups are never summed." });
registerEnumType(Qualifier, {
  name: "Qualifier",
  description:
    "How the text hedged the figure. low/best/high follow one rule: EXACT n → n/n/n; AROUND, AT_LEAST, OVER, MORE_THAN, EXCEEDED n → low=best=n, high unknown; UP_TO, FEWER_THAN, NEARLY, ALMOST n → 0/n/n (the text states a ceiling, no floor); DOZENS 12, SEVERAL_DOZEN 24, SCORES 40, HUNDREDS 100, SEVERAL_HUNDRED 200, THOUSANDS 1000 (ACLED's conservative coding), high unknown.",
});
registerEnumType(ReviewStatus, { name: "ReviewStatus" });
registerEnumType(ClaimStatus, {
  name: "ClaimStatus",
  description:
    "Whether a claim still stands, as the text tells it. CURRENT: it stands. RETRACTED: the claimant withdrew it. SUPERSEDED: a newer figure replaces it. DISPUTED: contested in the text, still the claimant's figure. `casualtySummary` never takes a RETRACTED or SUPERSEDED claim as a claimant's latest figure; it keeps them in the history.",
});
export { AffectedGroup, CasualtyCategory, ClaimStatus, Qualifier, ReviewStatus };

@ObjectType({
  simpleResolvers: true,
  description:
    "A casualty or detention figure as one claimant stated it in one article: a claim, not a fact. Different claimants and dates are kept apart.",
})
@Directive('@key(fields: "id")')
@Directive(PUBLIC)
export class CasualtyStatistic {
  @Field(() => ID)
  id: string;

  @Field(() => CasualtyCategory)
  category: CasualtyCategory;

  @Field(() => AffectedGroup)
  affectedGroup: AffectedGroup;

  @Field({ description: 'The group as the text names it ("police officers and military personnel").' })
  affectedGroupText: string;

  @Field(() => Qualifier)
  qualifier: Qualifier;

  @Field({ description: 'The figure as printed ("at least 18", "several dozen").' })
  figureText: string;

  @Field(() => Int, { description: "Lowest number the text supports." })
  low: number;

  @Field(() => Int, { description: "Best estimate (see Qualifier for the rule)." })
  best: number;

  @Field(() => Int, { nullable: true, description: "Highest number the text supports; null when it states no ceiling." })
  high: number | null;

  /**
   * The row's column: the day the claim is filed under, its report day only
   * when reportedAtKnown. CasualtyStatisticResolver resolves this field (null
   * then) and `sortedOn` from it.
   */
  @Field(() => DateScalar, {
    nullable: true,
    description: "The day the claim was reported: its article's publication day (UTC). Null when the article gave no date: it is never taken from anything else (see `sortedOn`).",
  })
  reportedAt: Date;

  /** false when the article gave no date: `reportedAt` is then the ingestion day. */
  reportedAtKnown: boolean;

  @Field(() => ClaimStatus, { description: "Whether the claim still stands, as the text tells it." })
  status: ClaimStatus;

  @Field(() => String, { nullable: true, description: 'The outlet or channel that relayed the claimant\'s figure ("RIA Novosti" citing the ministry); null when the claimant said it directly or the text does not say.' })
  via: string | null;

  @Field(() => String, { nullable: true, description: 'Demographic or occupational words inside the affected group ("children", "journalists"), as written; null when none.' })
  subgroup: string | null;

  @Field({ description: '"N more", "another N": the figure adds to an earlier one and is never a total (`casualtySummary` does not take it as a latest figure).' })
  increment: boolean;

  @Field(() => String, { nullable: true, description: "The place the figure is given for, as the text names it; `place` links it when the gazetteer knows it (else `place` is the crisis's country). Null: the figure is for the whole." })
  placeText: string | null;

  @Field({ description: "The exact sentence that states the figure; the headline, for a figure only the headline gives." })
  quote: string;

  @Field(() => Int, { description: "Offset of `quote` in the article body (UTF-16 code units); -1 when `quote` is the headline." })
  quoteStart: number;

  @Field(() => Int, { description: "End offset of `quote` (exclusive); -1 when `quote` is the headline." })
  quoteEnd: number;

  @Field(() => Float, { description: "0 to 1: how sure the extraction is." })
  confidence: number;

  @Field(() => ReviewStatus)
  reviewStatus: ReviewStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The label of the API key that reviewed it. Internal to this subgraph." })
  @Directive(INACCESSIBLE)
  reviewedBy: string | null;

  @Field(() => String, { nullable: true })
  reviewNote: string | null;

  correctionOfId: string | null;

  crisisId: string | null;
  claimantBeforeMergeId: string | null;
  articleId: string;
  claimantId: string;
  placeId: string | null;
}

@ObjectType({ simpleResolvers: true })
export class CasualtyStatisticConnection extends Connection("CasualtyStatistic", CasualtyStatistic) {}
