import { PUBLIC } from "../graphql/federation";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DatePrecision, EventType } from "../generated/prisma/enums";
import { Connection } from "../graphql/connection";
import { DateScalar } from "../graphql/scalars";

registerEnumType(EventType, { name: "EventType", description: "What kind of event (after ACLED's event types)." });
registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How exactly a date is known (after UCDP's date_prec): DAY exact; APPROXIMATE about then; RANGE somewhere between start and end; MONTH; YEAR.",
});
export { DatePrecision, EventType };

@ObjectType({ simpleResolvers: true, description: "Something that happened, as an article reports it, with its date and how exactly that date is known." })
@Directive('@key(fields: "id")')
@Directive(PUBLIC)
export class Event {
  @Field(() => ID)
  id: string;

  @Field(() => EventType)
  type: EventType;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => DateScalar, { description: "First day the event may have happened on." })
  startDate: Date;

  @Field(() => DateScalar, { description: "Last day the event may have happened on (equal to startDate for DAY precision)." })
  endDate: Date;

  @Field(() => DatePrecision)
  datePrecision: DatePrecision;

  @Field(() => String, { nullable: true, description: 'The words that date it in the text ("on Wednesday").' })
  dateText: string | null;

  @Field(() => String, { nullable: true, description: "The sentence that supports the event, exactly as in the article body." })
  quote: string | null;

  @Field(() => Int, { nullable: true, description: "Offset of `quote` in the article body (UTF-16 code units)." })
  quoteStart: number | null;

  @Field(() => Int, { nullable: true, description: "End offset of `quote` (exclusive)." })
  quoteEnd: number | null;

  crisisId: string | null;
  articleId: string | null;
}

@ObjectType({ simpleResolvers: true, description: "An actor in an event: a person, an organisation or a country, in a role." })
export class EventParticipant {
  @Field(() => ID)
  id: string;

  @Field()
  role: string;

  personId: string | null;
  organizationId: string | null;
  countryId: string | null;
}

@ObjectType({ simpleResolvers: true })
export class EventConnection extends Connection("Event", Event) {}
