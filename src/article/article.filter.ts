import { Field, ID, InputType } from "type-graphql";
import { DateTimeScalar } from "../graphql/scalars";
import { PublishedAtSource } from "./article.type";

@InputType({ description: "All given conditions must hold." })
export class ArticleFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: "Published at or after this instant. Either bound leaves out articles with no known date (`publishedAtSource: UNKNOWN`)." })
  publishedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Published before this instant (exclusive); undated articles are left out, as for `publishedFrom`." })
  publishedTo?: Date | null;

  @Field(() => [PublishedAtSource], { nullable: true, description: "Any of these sources of the publication time (`[UNKNOWN]`: the undated articles)." })
  publishedAtSources?: PublishedAtSource[] | null;

  @Field(() => ID, { nullable: true })
  publisherId?: string | null;

  @Field(() => ID, { nullable: true })
  crisisId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only articles filed under no crisis (`crisis: null`; `assignArticleToCrisis` files one); false: only those filed under one. Not with `crisisId`.",
  })
  unassigned?: boolean | null;

  @Field(() => ID, { nullable: true, description: "Articles that mention this place." })
  placeId?: string | null;

  @Field(() => String, { nullable: true, description: "Articles that mention a place in this country (ISO 3166-1 alpha-2)." })
  countryIsoCode?: string | null;

  @Field(() => String, { nullable: true, description: "Words that must all appear in the headline, standfirst or body (PostgreSQL full-text search, indexed): whole words, any case, English stemming (\"rises\" finds \"rise\" and \"rising\"); English stop words (\"the\", \"of\") and punctuation are ignored. At most 10 words and 200 characters; a body is searched in its first 200,000 characters." })
  search?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "Also list versions of a page that a later revision replaced (hidden by default)." })
  includeEarlierVersions?: boolean;
}
