import { Field, ID, InputType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars";

@InputType({ description: "All given conditions must hold." })
export class ArticleFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: "Published at or after this instant." })
  publishedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Published before this instant (exclusive)." })
  publishedTo?: Date | null;

  @Field(() => ID, { nullable: true })
  publisherId?: string | null;

  @Field(() => ID, { nullable: true })
  crisisId?: string | null;

  @Field(() => ID, { nullable: true, description: "Articles that mention this place." })
  placeId?: string | null;

  @Field(() => String, { nullable: true, description: "Articles that mention a place in this country (ISO 3166-1 alpha-2)." })
  countryIsoCode?: string | null;

  @Field(() => String, { nullable: true, description: "Words that must all appear in the headline, standfirst or body (case-insensitive)." })
  search?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "Also list versions of a page that a later revision replaced (hidden by default)." })
  includeEarlierVersions?: boolean;
}
