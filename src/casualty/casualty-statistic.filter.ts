import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../graphql/scalars";
import { AffectedGroup, CasualtyCategory, ClaimStatus, ReviewStatus } from "./casualty-statistic.type";

@InputType({ description: "All given conditions must hold." })
export class CasualtyStatisticFilter {
  @Field(() => DateScalar, { nullable: true, description: "Reported on or after this day. Either bound leaves out claims with no known report day (`reportedAt: null`)." })
  reportedFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Reported on or before this day (claims with no known report day are left out, as for `reportedFrom`)." })
  reportedTo?: Date | null;

  @Field(() => [CasualtyCategory], { nullable: true, description: "Any of these categories." })
  categories?: CasualtyCategory[] | null;

  @Field(() => [AffectedGroup], { nullable: true, description: "Any of these groups." })
  affectedGroups?: AffectedGroup[] | null;

  @Field(() => ID, { nullable: true })
  claimantId?: string | null;

  @Field(() => ID, { nullable: true })
  publisherId?: string | null;

  @Field(() => ID, { nullable: true })
  crisisId?: string | null;

  @Field(() => ID, { nullable: true })
  articleId?: string | null;

  @Field(() => ID, { nullable: true })
  placeId?: string | null;

  @Field(() => String, { nullable: true, description: "Claims about a place in this country (ISO 3166-1 alpha-2)." })
  countryIsoCode?: string | null;

  @Field(() => [ReviewStatus], { nullable: true })
  reviewStatuses?: ReviewStatus[] | null;

  @Field(() => [ClaimStatus], { nullable: true, description: "Any of these statuses (whether the claim still stands, as the text tells it)." })
  statuses?: ClaimStatus[] | null;

  @Field(() => Boolean, { defaultValue: false, description: "Also list claims an editor has since corrected (hidden by default; their corrections are listed)." })
  includeCorrected?: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "Also list claims of article versions a later revision replaced (hidden by default, as in `articles`)." })
  includeEarlierVersions?: boolean;
}
