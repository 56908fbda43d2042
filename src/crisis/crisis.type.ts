import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "../graphql/scalars";

@ObjectType({ simpleResolvers: true, description: "A crisis reported by many articles over days: the parent of its events and claims." })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "slug")')
export class Crisis {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => DateScalar, { nullable: true })
  startDate: Date | null;

  @Field(() => DateScalar, { nullable: true })
  endDate: Date | null;

  countryId: string | null;
}
