import { PUBLIC, REFERENCE_DATA_CACHE } from "../graphql/federation";
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { PlaceKind } from "../generated/prisma/enums";

registerEnumType(PlaceKind, { name: "PlaceKind" });
export { PlaceKind };

@ObjectType({ simpleResolvers: true, description: "A country, region, city or site, with optional coordinates and population." })
@Directive('@key(fields: "id")')
@Directive(PUBLIC)
@Directive(REFERENCE_DATA_CACHE)
export class Place {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => PlaceKind)
  kind: PlaceKind;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => Int, { nullable: true })
  population: number | null;

  countryId: string | null;
  parentId: string | null;
}
