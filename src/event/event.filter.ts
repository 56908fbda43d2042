import { Field, ID, InputType } from "type-graphql";
import { EventType } from "./event.type";
import { DateScalar } from "../graphql/scalars";

@InputType({ description: "All given conditions must hold." })
export class EventFilter {
  @Field(() => DateScalar, { nullable: true, description: "Events that may have happened on or after this day (endDate >= from)." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Events that may have happened on or before this day (startDate <= to)." })
  to?: Date | null;

  @Field(() => [EventType], { nullable: true, description: "Any of these types." })
  types?: EventType[] | null;

  @Field(() => ID, { nullable: true })
  crisisId?: string | null;

  @Field(() => ID, { nullable: true })
  articleId?: string | null;

  @Field(() => ID, { nullable: true, description: "Events at this place." })
  placeId?: string | null;

  @Field(() => String, { nullable: true, description: "Events at a place in this country (ISO 3166-1 alpha-2)." })
  countryIsoCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Events sourced from articles of this publisher." })
  publisherId?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "Also list events of article versions a later revision replaced (hidden by default, as in `articles`)." })
  includeEarlierVersions?: boolean;
}
