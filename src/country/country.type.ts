import { PUBLIC, REFERENCE_DATA_CACHE } from "../graphql/federation";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "A country, keyed by id and by its ISO 3166-1 alpha-2 code." })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "isoCode")')
@Directive(PUBLIC)
@Directive(REFERENCE_DATA_CACHE)
export class Country {
  @Field(() => ID)
  id: string;

  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. KZ." })
  isoCode: string;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-3 code, e.g. KAZ (every country of the reference data has one)." })
  alpha3: string | null;

  @Field({ description: "The English short name, as the press writes it (\"Turkey\", \"Ivory Coast\")." })
  name: string;
}
