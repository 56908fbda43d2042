import { PUBLIC, REFERENCE_DATA_CACHE } from "../graphql/federation";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "../graphql/scalars";

@ObjectType({ simpleResolvers: true })
@Directive('@key(fields: "id")')
@Directive(PUBLIC)
@Directive(REFERENCE_DATA_CACHE)
export class Person {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A title a person holds, optionally bounded in time (`to` exclusive)." })
export class PersonRole {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => DateScalar, { nullable: true })
  from: Date | null;

  @Field(() => DateScalar, { nullable: true })
  to: Date | null;

  personId: string;
  countryId: string | null;
  organizationId: string | null;
}
