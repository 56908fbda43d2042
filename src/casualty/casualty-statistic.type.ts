import { INACCESSIBLE, PUBLIC } from "../common/federation";
import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { AffectedGroup, CasualtyCategory, Qualifier, ReviewStatus } from "../common/enums";
import { Connection } from "../common/pagination";
import { DateScalar, DateTimeScalar } from "../common/scalars";

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

  @Field(() => DateScalar, { description: "The day the claim was reported." })
  reportedAt: Date;

  @Field({ description: "The exact sentence that states the figure." })
  quote: string;

  @Field(() => Int, { description: "Offset of `quote` in the article body (UTF-16 code units)." })
  quoteStart: number;

  @Field(() => Int, { description: "End offset of `quote` (exclusive)." })
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

  crisisId: string;
  articleId: string;
  claimantId: string;
  placeId: string | null;
}

@ObjectType({ simpleResolvers: true })
export class CasualtyStatisticConnection extends Connection("CasualtyStatistic", CasualtyStatistic) {}
