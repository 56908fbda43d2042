import { REFERENCE_DATA_CACHE } from "../graphql/federation";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "A news outlet that publishes articles." })
@Directive('@key(fields: "id")')
@Directive(REFERENCE_DATA_CACHE)
export class Publisher {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  copyrightHolder: string | null;

  countryId: string | null;
}
