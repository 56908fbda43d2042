import { PUBLIC } from "../common/federation";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ClaimantKind } from "../common/enums";

@ObjectType({ simpleResolvers: true, description: 'Who made a claim: the UN, an Interior Ministry, or unnamed "reports".' })
@Directive('@key(fields: "id")')
@Directive(PUBLIC)
export class Claimant {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ClaimantKind)
  kind: ClaimantKind;

  countryId: string | null;
  organizationId: string | null;
}
